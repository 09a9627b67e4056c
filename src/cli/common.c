/*
 * common.c - what every command does around the library: open the
 * migrations folder with the simulated version's order, open the state
 * file as one transaction, and report migsim's own errors.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_fail(const cli_opts *o, const ms_error *err)
{
	fprintf(o->err, "migsim: %s\n", err->msg);
	if (o->json) {
		json_t *j = json_pack("{s:s, s:{s:s, s:s}}", "command",
			o->command ? o->command : "", "error", "kind",
			ms_strerror(err->code), "message", err->msg);

		if (j) {
			json_dumpf(j, o->out, JSON_INDENT(2));
			fputc('\n', o->out);
			json_decref(j);
		}
	}
	return MS_EXIT_USAGE;
}

int cli_load(ms_migdir **dir, ms_prisma_opts *po, const cli_opts *o,
	ms_error *err)
{
	int ret;

	memset(po, 0, sizeof(*po));
	*dir = NULL;
	if ((ret = ms_prisma_detect(&po->profile, o->prisma, o->migrations,
	    err)) < 0)
		return ret;
	po->faults = o->faults;
	po->n_faults = o->n_faults;
	return ms_migdir_open(dir, o->migrations, po->profile.order, err);
}

/* --clock, --seed and --rows, applied to the state a command opened. */
static int apply_options(ms_store *s, const cli_opts *o, ms_error *err)
{
	ms_time start;
	int ret;

	if (o->clock && strcmp(o->clock, "now") == 0) {
		if ((ret = ms_store_set_wall_clock(s, err)) < 0)
			return ret;
	} else if (o->clock) {
		if ((ret = ms_time_parse(&start, o->clock, err)) < 0 ||
		    (ret = ms_store_set_clock(s, start,
		    (ms_time)(o->clock_step * 1e6 + 0.5), err)) < 0)
			return ret;
	}
	if (o->have_seed && (ret = ms_store_set_seed(s, o->seed, err)) < 0)
		return ret;
	for (size_t i = 0; i < o->n_rows; i++) {
		char table[256];
		const char *eq = strchr(o->rows[i], '=');

		snprintf(table, sizeof(table), "%.*s", (int)(eq - o->rows[i]),
			o->rows[i]);
		if ((ret = ms_pg_set_rows(s, table, eq + 1, err)) < 0)
			return ret;
	}
	return MS_OK;
}

int cli_open_state(ms_store **store, const cli_opts *o, const char *command,
	ms_error *err)
{
	ms_store *s = NULL;
	int ret;

	*store = NULL;
	if ((ret = ms_store_open(&s, o->state, MS_STORE_CREATE, err)) < 0)
		return ret;
	if ((ret = ms_store_begin(s, err)) < 0 ||
	    (ret = apply_options(s, o, err)) < 0 ||
	    (ret = ms_store_journal_begin(s, command, err)) < 0) {
		ms_store_free(s);
		return ret;
	}
	*store = s;
	return MS_OK;
}

int cli_close_state(ms_store *s, int exit_status, ms_error *err)
{
	int ret;

	if ((ret = ms_store_journal_end(s, exit_status, err)) < 0)
		return ret;
	return ms_store_commit(s, err);
}
