/*
 * cmd_replay.c - `migsim replay [FILE]`: run one scenario and narrate it
 * for a person: the lesson, each step with the comment above it, what
 * Prisma prints, and the ledger after each step with new (+) and changed
 * (~) rows marked.  --step waits for Enter between steps on a terminal;
 * --format json writes the same as one JSON document.  Without FILE it
 * replays the seed incident built into the binary.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "migsim/scenario.h"

/* scenarios/01-seed-incident.txtar, compiled in (see Makefile). */
extern const unsigned char ms_seed_scenario[];
extern const unsigned long ms_seed_scenario_len;
#define SEED_NAME "scenarios/01-seed-incident.txtar"
#define LONG_LEDGER 12   /* rows above which only changes are listed */

typedef struct narrator {
	const cli_opts *o;
	int tty_in, tty_out;
	size_t steps_seen;
	json_t *steps;     /* JSON mode: one object per step */
	json_t *current;
} narrator;

/* A heading line, bold on a terminal. */
static void heading(narrator *n, const char *text)
{
	FILE *f = n->o->out;

	fprintf(f, "%s%s%s\n", n->tty_out ? "\x1b[1m" : "", text,
		n->tty_out ? "\x1b[0m" : "");
}

static void wait_enter(narrator *n)
{
	char line[256];

	if (!n->o->step || !n->tty_in)
		return;
	fputs("-- press Enter for the next step --", n->o->out);
	fflush(n->o->out);
	if (fgets(line, sizeof(line), stdin) == NULL)
		return;
}

static void print_indented(FILE *f, const char *prefix, const char *text)
{
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t len = nl ? (size_t)(nl - text) : strlen(text);

		fprintf(f, "%s%.*s\n", prefix, (int)len, text);
		text += len + (nl != NULL);
	}
}

static void time_cell(char out[MS_TIME_BUFSZ], ms_time t)
{
	if (t == MS_TIME_NULL)
		snprintf(out, MS_TIME_BUFSZ, "-");
	else
		ms_time_format_pg(t, out);
}

static void text_ledger(narrator *n, const ms_event *ev)
{
	FILE *f = n->o->out;
	size_t changes = 0, skipped = 0;
	int w = 14;

	for (size_t i = 0; i < ev->after->count; i++) {
		int changed, len = (int)strlen(ev->after->rows[i].migration_name);

		ms_scenario_row_before(ev->before, &ev->after->rows[i], &changed);
		changes += changed;
		if (len > w)
			w = len;
	}
	if (changes == 0 && ev->before->exists == ev->after->exists) {
		fprintf(f, "ledger unchanged (%zu row%s)\n\n", ev->after->count,
			ev->after->count == 1 ? "" : "s");
		return;
	}
	if (!ev->after->exists) {
		fputs("ledger: no _prisma_migrations table yet\n\n", f);
		return;
	}
	fprintf(f, "ledger (%zu row%s; + new, ~ changed):\n", ev->after->count,
		ev->after->count == 1 ? "" : "s");
	fprintf(f, "    %-*s  %-11s  %-30s  %-30s  %s\n", w, "migration",
		"state", "started", "finished", "rolled back");
	for (size_t i = 0; i < ev->after->count; i++) {
		const ms_ledger_row *r = &ev->after->rows[i];
		char s[MS_TIME_BUFSZ], fi[MS_TIME_BUFSZ], rb[MS_TIME_BUFSZ];
		int changed;
		long prev = ms_scenario_row_before(ev->before, r, &changed);

		/* A long ledger shows what changed; the rest is counted. */
		if (ev->after->count > LONG_LEDGER && prev >= 0 && !changed) {
			skipped++;
			continue;
		}
		if (skipped) {
			fprintf(f, "    ... %zu unchanged row%s\n", skipped,
				skipped == 1 ? "" : "s");
			skipped = 0;
		}
		time_cell(s, r->started_at);
		time_cell(fi, r->finished_at);
		time_cell(rb, r->rolled_back_at);
		fprintf(f, "  %c %-*s  %-11s  %-30s  %-30s  %s\n",
			prev < 0 ? '+' : changed ? '~' : ' ', w, r->migration_name,
			ms_row_state_name(ms_ledger_row_state(r)), s, fi, rb);
	}
	if (skipped)
		fprintf(f, "    ... %zu unchanged row%s\n", skipped,
			skipped == 1 ? "" : "s");
	fputc('\n', f);
}

static json_t *json_ledger(const ms_event *ev)
{
	json_t *rows = json_array();

	for (size_t i = 0; i < ev->after->count; i++) {
		const ms_ledger_row *r = &ev->after->rows[i];
		char s[MS_TIME_BUFSZ], fi[MS_TIME_BUFSZ], rb[MS_TIME_BUFSZ];
		int changed;
		long prev = ms_scenario_row_before(ev->before, r, &changed);

		ms_time_format_iso(r->started_at, s);
		if (r->finished_at != MS_TIME_NULL)
			ms_time_format_iso(r->finished_at, fi);
		if (r->rolled_back_at != MS_TIME_NULL)
			ms_time_format_iso(r->rolled_back_at, rb);
		json_array_append_new(rows, json_pack("{s:s, s:s, s:s, s:o, s:o, s:s}",
			"migration_name", r->migration_name,
			"state", ms_row_state_name(ms_ledger_row_state(r)),
			"started_at", s,
			"finished_at", r->finished_at == MS_TIME_NULL ? json_null() :
			json_string(fi),
			"rolled_back_at", r->rolled_back_at == MS_TIME_NULL ?
			json_null() : json_string(rb),
			"change", prev < 0 ? "new" : changed ? "changed" : "same"));
	}
	return rows;
}

static int is_check(ms_verb v)
{
	switch (v) {
	case MS_VERB_STDOUT: case MS_VERB_STDERR: case MS_VERB_CMP:
	case MS_VERB_EXIT: case MS_VERB_EXISTS: case MS_VERB_LEDGER:
	case MS_VERB_ROW: case MS_VERB_TABLE:
		return 1;
	default:
		return 0;
	}
}

static void on_step(narrator *n, const ms_event *ev)
{
	const ms_step *st = ev->step;
	char title[64];

	if (n->o->json) {
		n->current = json_pack("{s:i, s:s}", "line", st->line, "step",
			st->text);
		if (st->comment)
			json_object_set_new(n->current, "comment",
				json_string(st->comment));
		json_array_append_new(n->steps, n->current);
		return;
	}
	if (st->verb != MS_VERB_MIGSIM && st->verb != MS_VERB_SQL) {
		if (st->comment) {
			fputc('\n', n->o->out);
			print_indented(n->o->out, "", st->comment);
		}
		fprintf(n->o->out, "  %s %s\n", is_check(st->verb) ?
			"check:" : "setup:", st->text);
		return;
	}
	if (n->steps_seen++)
		wait_enter(n);
	snprintf(title, sizeof(title), "Step %zu (line %d)", n->steps_seen,
		st->line);
	fputc('\n', n->o->out);
	heading(n, title);
	if (st->comment)
		print_indented(n->o->out, "", st->comment);
	/* "! migsim deploy" reads better as the command and a remark. */
	fprintf(n->o->out, "$ %s%s\n", st->negate ? st->text + 2 : st->text,
		st->negate ? "    (expected to fail)" : "");
}

static void observe(void *ctx, const ms_event *ev)
{
	narrator *n = ctx;

	switch (ev->kind) {
	case MS_EVENT_STEP:
		on_step(n, ev);
		break;
	case MS_EVENT_OUTPUT:
		if (n->o->json) {
			json_object_set_new(n->current, "stdout", json_string(ev->out));
			json_object_set_new(n->current, "stderr", json_string(ev->err));
			json_object_set_new(n->current, "exit_status",
				json_integer(ev->exit_status));
			break;
		}
		fputs(ev->out, n->o->out);
		if (*ev->err)
			print_indented(n->o->out, "", ev->err);
		fprintf(n->o->out, "(exit status %d)\n\n", ev->exit_status);
		break;
	case MS_EVENT_LEDGER:
		if (n->o->json)
			json_object_set_new(n->current, "ledger", json_ledger(ev));
		else
			text_ledger(n, ev);
		break;
	case MS_EVENT_FAILED:
		if (n->o->json)
			json_object_set_new(n->current, "failed",
				json_string(ev->message));
		else
			fprintf(n->o->out, "\nThe scenario stopped here:\n%s\n",
				ev->message);
		break;
	}
}

int cmd_replay(cli_opts *o)
{
	ms_error err = MS_ERROR_INIT;
	ms_scenario *sc = NULL;
	ms_scenario_result res;
	narrator n;
	ms_scenario_opts so = { cli_exec_in_process, NULL, observe, &n, 1 };
	int ret, status;

	memset(&res, 0, sizeof(res));
	memset(&n, 0, sizeof(n));
	n.o = o;
	n.tty_in = isatty(0);
	n.tty_out = !o->json && o->out == stdout && isatty(1);
	if (o->n_args > 1) {
		fprintf(o->err, "migsim: replay takes one scenario file (see migsim "
			"--help)\n");
		return MS_EXIT_USAGE;
	}
	ret = o->n_args ? ms_scenario_load(&sc, o->args[0], &err) :
		ms_scenario_parse(&sc, SEED_NAME, (const char *)ms_seed_scenario,
		ms_seed_scenario_len, &err);
	if (ret < 0)
		return cli_fail(o, &err);
	if (o->json) {
		n.steps = json_array();
	} else {
		fprintf(o->out, "%sScenario: %s%s\n", n.tty_out ? "\x1b[1m" : "",
			sc->path, n.tty_out ? "\x1b[0m" : "");
		if (sc->lesson)
			print_indented(o->out, "", sc->lesson);
		fputc('\n', o->out);
	}
	ret = ms_scenario_run(&res, sc, &so, &err);
	if (ret < 0) {
		json_decref(n.steps);
		ms_scenario_free(sc);
		return cli_fail(o, &err);
	}
	status = res.passed ? MS_EXIT_OK : MS_EXIT_PRISMA;
	if (o->json) {
		json_t *j = json_pack("{s:s, s:s?, s:o, s:b}", "scenario", sc->path,
			"lesson", sc->lesson, "steps", n.steps, "passed", res.passed);

		json_dumpf(j, o->out, JSON_INDENT(2));
		fputc('\n', o->out);
		json_decref(j);
	} else {
		fprintf(o->out, "\n%s\n", res.passed ? "The scenario ran to the end; "
			"every check held." : "The scenario did not hold (see above).");
	}
	ms_scenario_result_clear(&res);
	ms_scenario_free(sc);
	return status;
}
