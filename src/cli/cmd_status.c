/* cmd_status.c - `migsim status`: prisma migrate status, simulated. */
#include "cli.h"

int cmd_status(cli_opts *o)
{
	ms_error err = MS_ERROR_INIT;
	ms_prisma_result res = { 0 };
	ms_prisma_opts po;
	ms_migdir *dir = NULL;
	ms_store *store = NULL;
	int status;

	if (cli_load(&dir, &po, o, &err) < 0 ||
	    cli_open_state(&store, o, "status", &err) < 0 ||
	    ms_prisma_status(&res, store, dir, &po, &err) < 0 ||
	    cli_close_state(store, res.exit_status, &err) < 0)
		status = cli_fail(o, &err);
	else
		status = cli_render(o, &res, &po);
	ms_prisma_result_clear(&res);
	ms_store_free(store);
	ms_migdir_free(dir);
	return status;
}
