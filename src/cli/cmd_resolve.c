/* cmd_resolve.c - `migsim resolve --applied|--rolled-back NAME`. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int run(ms_prisma_result *res, ms_store *store, const ms_migdir *dir,
	const ms_prisma_opts *po, const cli_opts *o, ms_error *err)
{
	if (o->applied)
		return ms_prisma_resolve_applied(res, store, dir, po, o->applied,
			err);
	return ms_prisma_resolve_rolled_back(res, store, po, o->rolled_back, err);
}

/* --rolled-back needs no local folder (the engine never reads it). */
static int load(ms_migdir **dir, ms_prisma_opts *po, const cli_opts *o,
	ms_error *err)
{
	if (o->applied && *o->applied)
		return cli_load(dir, po, o, err);
	*dir = NULL;
	memset(po, 0, sizeof(*po));
	return ms_prisma_detect(&po->profile, o->prisma, o->migrations, err);
}

int cmd_resolve(cli_opts *o)
{
	ms_error err = MS_ERROR_INIT;
	ms_prisma_result res = { 0 };
	ms_prisma_opts po;
	ms_migdir *dir = NULL;
	ms_store *store = NULL;
	char what[600];
	int status, applied, rolled_back;

	if (o->n_args) {
		fprintf(o->err, "migsim: resolve takes --applied NAME or "
			"--rolled-back NAME, not '%s' (see migsim --help)\n", o->args[0]);
		return MS_EXIT_USAGE;
	}
	/* Like Prisma's CLI: an empty name counts as missing, and the check
	 * comes before anything touches the database. */
	applied = o->applied && *o->applied;
	rolled_back = o->rolled_back && *o->rolled_back;
	if (applied == rolled_back) {
		ms_prisma_resolve_usage(&res, applied, &err);
		status = cli_render(o, &res, NULL);
		ms_prisma_result_clear(&res);
		return status;
	}
	snprintf(what, sizeof(what), "resolve --%s %s",
		o->applied ? "applied" : "rolled-back",
		o->applied ? o->applied : o->rolled_back);
	if (load(&dir, &po, o, &err) < 0 ||
	    cli_open_state(&store, o, what, &err) < 0 ||
	    run(&res, store, dir, &po, o, &err) < 0 ||
	    cli_close_state(store, res.exit_status, &err) < 0)
		status = cli_fail(o, &err);
	else
		status = cli_render(o, &res, &po);
	ms_prisma_result_clear(&res);
	ms_store_free(store);
	ms_migdir_free(dir);
	return status;
}
