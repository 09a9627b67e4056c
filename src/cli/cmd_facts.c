/*
 * cmd_facts.c - `migsim facts [--rows TABLE=FACT...]`: the simulator keeps
 * no rows, only what each table holds (empty, rows, unknown); this
 * declares it for tables of the simulated database, as the real one
 * holds them, and lists the tables of public with their fact.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_facts(cli_opts *o)
{
	ms_error err = MS_ERROR_INIT;
	ms_store *store = NULL;
	ms_pg_relation *rels = NULL;
	size_t n = 0;
	int status = MS_EXIT_OK;

	if (o->n_args != 0) {
		fprintf(o->err, "migsim: facts takes no arguments, only --rows "
			"(see migsim --help)\n");
		return MS_EXIT_USAGE;
	}
	if (cli_open_state(&store, o, "facts", &err) < 0 ||
	    ms_pg_tables(&rels, &n, store, "public", &err) < 0 ||
	    cli_close_state(store, MS_EXIT_OK, &err) < 0) {
		status = cli_fail(o, &err);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (strcmp(rels[i].name, "_prisma_migrations") != 0)
			fprintf(o->out, "%s\t%s\n", rels[i].name, rels[i].rows);
out:
	ms_pg_relations_free(rels, n);
	ms_store_free(store);
	return status;
}
