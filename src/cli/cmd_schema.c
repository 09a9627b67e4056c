/*
 * cmd_schema.c - `migsim schema`: the simulated database's schema as DDL,
 * shaped like `pg_dump --schema-only --no-owner`, to compare with a real
 * database.
 */
#include <stdio.h>

#include "cli.h"

int cmd_schema(cli_opts *o)
{
	ms_error err = MS_ERROR_INIT;
	ms_store *store = NULL;
	ms_buf out = MS_BUF_INIT;
	int status = MS_EXIT_OK;

	if (o->n_args != 0) {
		fprintf(o->err, "migsim: schema takes no arguments (see migsim "
			"--help)\n");
		return MS_EXIT_USAGE;
	}
	if (ms_store_open(&store, o->state, MS_STORE_READONLY, &err) < 0 ||
	    ms_pg_schema_dump(&out, store, &err) < 0)
		status = cli_fail(o, &err);
	else
		fputs(ms_buf_cstr(&out), o->out);
	ms_buf_free(&out);
	ms_store_free(store);
	return status;
}
