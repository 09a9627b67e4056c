/* cmd_deploy.c - `migsim deploy`: prisma migrate deploy, simulated. */
#include <stdlib.h>

#include "cli.h"

/* The journal's text for a command line: "deploy --fail x=25001 ...". */
static char *describe(const cli_opts *o)
{
	ms_buf b = MS_BUF_INIT;

	ms_buf_puts(&b, o->command);
	for (size_t i = 0; i < o->n_faults; i++) {
		const ms_prisma_fault *f = &o->faults[i];

		ms_buf_printf(&b, " --%s %s", f->pg.crash ? "crash" : "fail",
			f->migration);
		if (f->pg.stmt)
			ms_buf_printf(&b, ":%d", f->pg.stmt);
		if (!f->pg.crash)
			ms_buf_printf(&b, "=%s", f->pg.sqlstate);
	}
	return ms_buf_detach(&b);
}

int cmd_deploy(cli_opts *o)
{
	ms_error err = MS_ERROR_INIT;
	ms_prisma_result res = { 0 };
	ms_prisma_opts po;
	ms_migdir *dir = NULL;
	ms_store *store = NULL;
	char *what = NULL;
	int ret, status = MS_EXIT_USAGE;

	if ((ret = cli_load(&dir, &po, o, &err)) < 0 ||
	    (what = describe(o)) == NULL ||
	    (ret = cli_open_state(&store, o, what ? what : "deploy", &err)) < 0 ||
	    (ret = ms_prisma_deploy(&res, store, dir, &po, &err)) < 0 ||
	    (ret = cli_close_state(store, res.exit_status, &err)) < 0) {
		if (what == NULL && ret == 0)
			ms_error_set(&err, MS_ENOMEM, "out of memory");
		status = cli_fail(o, &err);
		goto out;
	}
	status = cli_render(o, &res, &po);
out:
	ms_prisma_result_clear(&res);
	ms_store_free(store);
	ms_migdir_free(dir);
	free(what);
	return status;
}
