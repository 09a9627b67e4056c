/*
 * render.c - printing a Prisma result: Prisma's stdout and stderr as they
 * are, then migsim's remarks as "migsim: " lines on stderr; or all of it
 * as one JSON object for tools (--format json).
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

static void print_notes(FILE *f, const ms_prisma_result *res)
{
	const char *p = ms_buf_cstr(&res->notes);

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		fprintf(f, "migsim: %.*s\n", (int)n, p);
		p += n + (nl != NULL);
	}
}

static json_t *version_json(const ms_prisma_version *v)
{
	char s[48];

	snprintf(s, sizeof(s), "%d.%d.%d", v->major, v->minor, v->patch);
	return json_string(s);
}

static json_t *profile_json(const ms_prisma_opts *po)
{
	const ms_prisma_profile *p = &po->profile;

	return json_pack("{s:o, s:o, s:s, s:s, s:s}",
		"version", version_json(&p->asked),
		"simulated", version_json(&p->simulated),
		"source", p->source,
		"order", p->order == MS_ORDER_ICU ? "icu" : "bytes",
		"execution", ms_exec_mode_name(p->exec));
}

static json_t *applied_json(const ms_prisma_applied *a)
{
	json_t *j = json_pack("{s:s, s:s, s:s, s:b, s:I, s:I, s:I, s:I}",
		"name", a->name, "prediction", ms_verdict_name(a->verdict),
		"execution", a->fell_back ? "batch (split fell back)" :
		ms_exec_mode_name(a->mode), "crashed", a->crashed,
		"statements", (json_int_t)a->n_stmts,
		"checked_ok", (json_int_t)a->n_ok,
		"not_checked", (json_int_t)a->n_unknown,
		"not_run", (json_int_t)a->n_not_run);

	if (j && a->verdict == MS_VERDICT_FAILS)
		json_object_set_new(j, "error", json_pack("{s:i, s:s, s:s}",
			"statement", a->failed_stmt, "sqlstate", a->sqlstate,
			"message", a->error ? a->error : ""));
	if (j && a->note)
		json_object_set_new(j, "note", json_string(a->note));
	return j;
}

static json_t *notes_json(const ms_prisma_result *res)
{
	json_t *arr = json_array();
	const char *p = ms_buf_cstr(&res->notes);

	while (arr && *p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		json_array_append_new(arr, json_stringn(p, n));
		p += n + (nl != NULL);
	}
	return arr;
}

static int render_json(const cli_opts *o, const ms_prisma_result *res,
	const ms_prisma_opts *po)
{
	json_t *j = json_object(), *arr = json_array();

	json_object_set_new(j, "command", json_string(o->command));
	if (po)
		json_object_set_new(j, "prisma", profile_json(po));
	json_object_set_new(j, "exit_status", json_integer(res->exit_status));
	json_object_set_new(j, "code", res->code[0] ?
		json_string(res->code) : json_null());
	json_object_set_new(j, "prediction",
		json_string(ms_verdict_name(res->verdict)));
	if (res->diagnosis)
		json_object_set_new(j, "diagnosis", json_string(res->diagnosis));
	json_object_set_new(j, "stdout", json_string(ms_buf_cstr(&res->out)));
	json_object_set_new(j, "stderr", json_string(ms_buf_cstr(&res->err)));
	for (size_t i = 0; i < res->n_applied; i++)
		json_array_append_new(arr, applied_json(&res->applied[i]));
	json_object_set_new(j, "migrations", arr);
	json_object_set_new(j, "notes", notes_json(res));
	json_dumpf(j, o->out, JSON_INDENT(2));
	fputc('\n', o->out);
	json_decref(j);
	return res->exit_status;
}

int cli_render(const cli_opts *o, const ms_prisma_result *res,
	const ms_prisma_opts *po)
{
	if (o->json)
		return render_json(o, res, po);
	fputs(ms_buf_cstr(&res->out), o->out);
	fflush(o->out);
	fputs(ms_buf_cstr(&res->err), o->err);
	if (!o->quiet)
		print_notes(o->err, res);
	return res->exit_status;
}
