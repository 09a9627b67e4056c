/*
 * cmd_sql.c - `migsim sql FILE|-`: SQL run by hand against the simulated
 * database, outside Prisma and its ledger, statement by statement as
 * `psql -v ON_ERROR_STOP=1 -f FILE` sends it (the manual fix of a
 * recovery, before `resolve --applied`).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int read_input(ms_buf *b, const char *path, ms_error *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (f == NULL)
		return ms_error_set(err, MS_EINPUT, "%s: %s", path, strerror(errno));
	b->max = (size_t)64 << 20;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		ms_buf_put(b, chunk, n);
	if (f != stdin)
		fclose(f);
	if (ms_buf_status(b) < 0)
		return ms_error_set(err, MS_EINPUT, "%s: too large", path);
	ms_buf_put(b, "", 0);
	return MS_OK;
}

static void report(const cli_opts *o, const char *path,
	const ms_pg_script *s, const ms_pg_result *r)
{
	for (size_t i = 0; i < s->count; i++) {
		const ms_pg_stmt_result *sr = &r->stmts[i];

		if (!sr->ran || sr->verdict == MS_VERDICT_FAILS)
			continue;
		fprintf(o->out, "%s\n", s->stmts[i].tag);
		if (sr->verdict == MS_VERDICT_UNKNOWN && !o->quiet)
			fprintf(o->err, "migsim: %s:%d: %s: not checked (%s)\n", path,
				s->stmts[i].line, s->stmts[i].tag,
				sr->note ? sr->note : "not modelled");
	}
	if (r->verdict == MS_VERDICT_FAILS) {
		int line = r->failed_stmt ? s->stmts[r->failed_stmt - 1].line : 1;

		fprintf(o->err, "%s:%d: ERROR:  %s\n", path, line, r->error.message);
		/* As psql prints them under the error. */
		if (r->error.detail)
			fprintf(o->err, "DETAIL:  %s\n", r->error.detail);
		if (r->error.hint)
			fprintf(o->err, "HINT:  %s\n", r->error.hint);
		if (s->parse_failed && !o->quiet)
			fprintf(o->err, "migsim: psql would have run the statements "
				"before the syntax error; migsim ran none of them\n");
	}
}

int cmd_sql(cli_opts *o)
{
	ms_error err = MS_ERROR_INIT;
	ms_store *store = NULL;
	ms_pg_script script;
	ms_pg_result run;
	ms_buf sql = MS_BUF_INIT;
	char what[600];
	int status = MS_EXIT_USAGE;

	memset(&script, 0, sizeof(script));
	memset(&run, 0, sizeof(run));
	if (o->n_args != 1) {
		fprintf(o->err, "migsim: sql takes one FILE, or - for standard "
			"input (see migsim --help)\n");
		return MS_EXIT_USAGE;
	}
	snprintf(what, sizeof(what), "sql %s", o->args[0]);
	if (read_input(&sql, o->args[0], &err) < 0 ||
	    ms_pg_parse(&script, sql.ptr, sql.len, &err) < 0 ||
	    cli_open_state(&store, o, what, &err) < 0 ||
	    ms_pg_execute(&run, store, NULL, &script, MS_EXEC_PSQL, NULL,
	    &err) < 0) {
		status = cli_fail(o, &err);
		goto out;
	}
	status = run.verdict == MS_VERDICT_FAILS ? MS_EXIT_PRISMA : MS_EXIT_OK;
	if (cli_close_state(store, status, &err) < 0) {
		status = cli_fail(o, &err);
		goto out;
	}
	report(o, o->args[0], &script, &run);
out:
	ms_pg_result_clear(&run);
	ms_pg_script_clear(&script);
	ms_store_free(store);
	ms_buf_free(&sql);
	return status;
}
