/*
 * cmd_ledger.c - `migsim ledger`: the rows of _prisma_migrations in
 * started_at order, then the seed incident's query 7 (total, applied,
 * failed) plus the rolled-back count, laid out as psql prints it.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

static void time_or_empty(char out[MS_TIME_BUFSZ], ms_time t)
{
	if (t == MS_TIME_NULL)
		out[0] = '\0';
	else
		ms_time_format_pg(t, out);
}

static void print_table(FILE *f, const ms_ledger *l)
{
	int w = (int)strlen("migration_name");

	for (size_t i = 0; i < l->count; i++) {
		int n = (int)strlen(l->rows[i].migration_name);

		if (n > w)
			w = n;
	}
	fprintf(f, "%-*s  %-11s  %-28s  %-28s  %-28s  %s\n", w, "migration_name",
		"state", "started_at", "finished_at", "rolled_back_at", "steps");
	for (size_t i = 0; i < l->count; i++) {
		const ms_ledger_row *r = &l->rows[i];
		char st[MS_TIME_BUFSZ], fin[MS_TIME_BUFSZ], rb[MS_TIME_BUFSZ];

		time_or_empty(st, r->started_at);
		time_or_empty(fin, r->finished_at);
		time_or_empty(rb, r->rolled_back_at);
		fprintf(f, "%-*s  %-11s  %-28s  %-28s  %-28s  %d\n", w,
			r->migration_name, ms_row_state_name(ms_ledger_row_state(r)),
			st, fin, rb, r->applied_steps_count);
	}
}

static void print_summary(FILE *f, const ms_ledger_summary *s)
{
	fprintf(f, "\n total_migrations | successfully_applied | failed | rolled_back\n"
		"------------------+----------------------+--------+-------------\n"
		" %16ld | %20ld | %6ld | %11ld\n", s->total, s->applied, s->failed,
		s->rolled_back);
}

static int print_json(FILE *f, const ms_ledger *l,
	const ms_ledger_summary *s)
{
	json_t *rows = json_array(), *j;

	for (size_t i = 0; i < l->count; i++) {
		const ms_ledger_row *r = &l->rows[i];
		char st[MS_TIME_BUFSZ], f[MS_TIME_BUFSZ], rb[MS_TIME_BUFSZ];

		ms_time_format_iso(r->started_at, st);
		if (r->finished_at != MS_TIME_NULL)
			ms_time_format_iso(r->finished_at, f);
		if (r->rolled_back_at != MS_TIME_NULL)
			ms_time_format_iso(r->rolled_back_at, rb);
		json_array_append_new(rows, json_pack(
			"{s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:i}",
			"id", r->id, "migration_name", r->migration_name,
			"state", ms_row_state_name(ms_ledger_row_state(r)),
			"checksum", r->checksum, "started_at", st,
			"finished_at", r->finished_at == MS_TIME_NULL ?
			json_null() : json_string(f),
			"rolled_back_at", r->rolled_back_at == MS_TIME_NULL ?
			json_null() : json_string(rb),
			"logs", r->logs ? json_string(r->logs) : json_null(),
			"applied_steps_count", r->applied_steps_count));
	}
	j = json_pack("{s:s, s:b, s:o, s:{s:I, s:I, s:I, s:I}}", "command",
		"ledger", "table_exists", l->exists, "rows", rows, "summary",
		"total", (json_int_t)s->total, "applied", (json_int_t)s->applied,
		"failed", (json_int_t)s->failed, "rolled_back",
		(json_int_t)s->rolled_back);
	json_dumpf(j, f, JSON_INDENT(2));
	fputc('\n', f);
	json_decref(j);
	return MS_EXIT_OK;
}

int cmd_ledger(cli_opts *o)
{
	ms_error err = MS_ERROR_INIT;
	ms_store *store = NULL;
	ms_ledger l = { 0 };
	ms_ledger_summary sum;
	int status = MS_EXIT_OK;

	if (ms_store_open(&store, o->state, MS_STORE_READONLY, &err) < 0 ||
	    ms_ledger_load(&l, store, &err) < 0 ||
	    ms_ledger_summarize(&sum, store, &err) < 0) {
		status = cli_fail(o, &err);
		goto out;
	}
	if (o->json) {
		status = print_json(o->out, &l, &sum);
		goto out;
	}
	if (!l.exists)
		fprintf(o->out, "(no _prisma_migrations table: nothing deployed or "
			"resolved yet)\n");
	else
		print_table(o->out, &l);
	print_summary(o->out, &sum);
out:
	ms_ledger_clear(&l);
	ms_store_free(store);
	return status;
}
