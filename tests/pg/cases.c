/*
 * cases.c - migsim's predictions against the outcomes a real PostgreSQL
 * 15.18 recorded for the catalog cases in tests/pg/cases (README.md
 * there says how they were recorded).  Each case: setup.sql, then
 * case.sql, each as one simple-query message (batch mode), on one
 * session of a fresh state file.
 *
 * A case agrees when migsim predicts the same outcome (ok, or the same
 * SQLSTATE, message, detail, hint, position and reporting site, which
 * Prisma prints); it is unknown when
 * migsim abstains; anything else is wrong and fails the run.
 *
 *   cases [-v] DIR...       every *.case file of each DIR
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "migsim/pg.h"
#include "migsim/scenario.h"
#include "migsim/store.h"

typedef struct expect {
	int ok;
	char sqlstate[6];
	char *message, *detail, *hint;
	int position;
	char site[128];      /* "file:line routine", or "" */
} expect;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1))) {
		*len = fread(buf, 1, (size_t)n, f);
		buf[*len] = '\0';
	}
	fclose(f);
	return buf;
}

/* Undo the recorder's escapes: \n is a newline, \\ a backslash. */
static char *unescape(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	if (out == NULL)
		return NULL;
	for (; *s; s++) {
		if (s[0] == '\\' && s[1] == 'n') {
			*o++ = '\n';
			s++;
		} else if (s[0] == '\\' && s[1] == '\\') {
			*o++ = '\\';
			s++;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}

static void parse_expect(expect *e, char *text)
{
	memset(e, 0, sizeof(*e));
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		if (strcmp(line, "ok") == 0)
			e->ok = 1;
		else if (strncmp(line, "sqlstate: ", 10) == 0)
			snprintf(e->sqlstate, sizeof(e->sqlstate), "%s", line + 10);
		else if (strncmp(line, "message: ", 9) == 0)
			e->message = unescape(line + 9);
		else if (strncmp(line, "detail: ", 8) == 0)
			e->detail = unescape(line + 8);
		else if (strncmp(line, "hint: ", 6) == 0)
			e->hint = unescape(line + 6);
		else if (strncmp(line, "position: ", 10) == 0)
			e->position = atoi(line + 10);
		else if (strncmp(line, "site: ", 6) == 0)
			snprintf(e->site, sizeof(e->site), "%s", line + 6);
	}
}

static void expect_clear(expect *e)
{
	free(e->message);
	free(e->detail);
	free(e->hint);
}

static int same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static const ms_txtar_file *section(const ms_txtar *a, const char *name)
{
	for (size_t i = 0; i < a->count; i++)
		if (strcmp(a->files[i].name, name) == 0)
			return &a->files[i];
	return NULL;
}

/* Run one script; MS_OK or a state-file error. */
static int run(ms_pg_result *r, ms_store *s, ms_pg_session *ses,
	ms_pg_script *script, const ms_txtar_file *f, ms_error *err)
{
	int ret;

	memset(script, 0, sizeof(*script));
	memset(r, 0, sizeof(*r));
	if ((ret = ms_pg_parse(script, f->data, f->len, err)) < 0)
		return ret;
	return ms_pg_execute(r, s, ses, script, MS_EXEC_BATCH, NULL, err);
}

enum { AGREE, UNKNOWN, WRONG };

static int judge(const expect *e, const ms_pg_result *r, char *why,
	size_t n)
{
	const ms_pg_error *g = r->verdict == MS_VERDICT_FAILS ?
		(r->error.message ? &r->error : NULL) : NULL;
	char site[128] = "";

	if (r->verdict == MS_VERDICT_UNKNOWN) {
		snprintf(why, n, "unknown: %s", r->unknown_note ? r->unknown_note :
			"see the statements' notes");
		for (size_t i = 0; i < r->count; i++)
			if (r->stmts[i].verdict == MS_VERDICT_UNKNOWN &&
			    r->stmts[i].note) {
				snprintf(why, n, "unknown at statement %zu: %s", i + 1,
					r->stmts[i].note);
				break;
			}
		return UNKNOWN;
	}
	if (e->ok) {
		if (r->verdict == MS_VERDICT_OK)
			return AGREE;
		snprintf(why, n, "PostgreSQL: ok; migsim: %s %s",
			r->error.sqlstate, g ? g->message : "");
		return WRONG;
	}
	if (r->verdict == MS_VERDICT_OK) {
		snprintf(why, n, "PostgreSQL: %s %s; migsim: ok", e->sqlstate,
			e->message);
		return WRONG;
	}
	if (r->error.file)
		snprintf(site, sizeof(site), "%s:%d %s", r->error.file,
			r->error.line, r->error.routine);
	/* It fails, but an earlier statement migsim could not check may
	 * fail first: any error of PostgreSQL's agrees that far. */
	if (r->uncertain_stmt && (strcmp(e->sqlstate, r->error.sqlstate) != 0 ||
	    !same(e->message, r->error.message))) {
		snprintf(why, n, "fails; which error is uncertain (statement %d "
			"may fail first)", r->uncertain_stmt);
		return UNKNOWN;
	}
	if (strcmp(e->sqlstate, r->error.sqlstate) != 0 ||
	    !same(e->message, r->error.message) ||
	    !same(e->detail, r->error.detail) || !same(e->hint, r->error.hint) ||
	    e->position != r->error.position || strcmp(e->site, site) != 0) {
		snprintf(why, n, "PostgreSQL: %s %s | %s | %s | %d | %s\n"
			"    migsim:     %s %s | %s | %s | %d | %s", e->sqlstate,
			e->message, e->detail ? e->detail : "-",
			e->hint ? e->hint : "-", e->position, e->site,
			r->error.sqlstate, r->error.message,
			r->error.detail ? r->error.detail : "-",
			r->error.hint ? r->error.hint : "-", r->error.position, site);
		return WRONG;
	}
	return AGREE;
}

static int one_case(const char *path, const char *tmp, int verbose,
	int counts[3])
{
	ms_error err = MS_ERROR_INIT;
	ms_txtar a;
	ms_store *s = NULL;
	ms_pg_session ses = MS_PG_SESSION_INIT;
	ms_pg_script setup_s, case_s;
	ms_pg_result setup_r, case_r;
	const ms_txtar_file *setup, *cs, *ex;
	char why[2048], *text, *exp_text = NULL;
	size_t len = 0;
	expect e;
	int verdict = WRONG, ret;

	memset(&a, 0, sizeof(a));
	memset(&setup_s, 0, sizeof(setup_s));
	memset(&case_s, 0, sizeof(case_s));
	memset(&setup_r, 0, sizeof(setup_r));
	memset(&case_r, 0, sizeof(case_r));
	memset(&e, 0, sizeof(e));
	why[0] = '\0';
	if ((text = slurp(path, &len)) == NULL ||
	    ms_txtar_parse(&a, path, text, len, &err) < 0) {
		fprintf(stderr, "%s: cannot read: %s\n", path, err.msg);
		free(text);
		return -1;
	}
	setup = section(&a, "setup.sql");
	cs = section(&a, "case.sql");
	ex = section(&a, "expect");
	if (!setup || !cs || !ex || !(exp_text = malloc(ex->len + 1))) {
		fprintf(stderr, "%s: needs setup.sql, case.sql and expect\n", path);
		ret = -1;
		goto out;
	}
	memcpy(exp_text, ex->data, ex->len);
	exp_text[ex->len] = '\0';
	parse_expect(&e, exp_text);
	unlink(tmp);
	if ((ret = ms_store_open(&s, tmp, MS_STORE_CREATE, &err)) < 0 ||
	    (ret = ms_store_begin(s, &err)) < 0 ||
	    (ret = run(&setup_r, s, &ses, &setup_s, setup, &err)) < 0)
		goto fail;
	if (setup_r.verdict == MS_VERDICT_FAILS) {
		/* The real server ran every setup without error. */
		snprintf(why, sizeof(why), "setup: migsim predicts %s %s",
			setup_r.error.sqlstate, setup_r.error.message);
		verdict = WRONG;
	} else if ((ret = run(&case_r, s, &ses, &case_s, cs, &err)) < 0) {
		goto fail;
	} else {
		verdict = judge(&e, &case_r, why, sizeof(why));
		if (verdict != WRONG && setup_r.verdict == MS_VERDICT_UNKNOWN &&
		    verdict == AGREE)
			verdict = AGREE;
	}
	counts[verdict]++;
	if (verdict == WRONG || verbose)
		printf("%s %s%s%s\n", verdict == AGREE ? "agree  " :
			verdict == UNKNOWN ? "unknown" : "WRONG  ", path,
			why[0] ? "\n    " : "", why);
	ret = 0;
	goto out;
fail:
	fprintf(stderr, "%s: %s\n", path, err.msg);
	ret = -1;
out:
	ms_pg_result_clear(&setup_r);
	ms_pg_result_clear(&case_r);
	ms_pg_script_clear(&setup_s);
	ms_pg_script_clear(&case_s);
	ms_store_free(s);
	unlink(tmp);
	expect_clear(&e);
	free(exp_text);
	ms_txtar_clear(&a);
	free(text);
	ms_error_clear(&err);
	return ret;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	int verbose = 0, counts[3] = { 0, 0, 0 }, bad = 0;
	char tmp[] = "/tmp/migsim-cases-XXXXXX", state[64];

	if (argc > 1 && strcmp(argv[1], "-v") == 0) {
		verbose = 1;
		argc--;
		argv++;
	}
	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	snprintf(state, sizeof(state), "%s/state.db", tmp);
	ms_pg_init();
	for (int i = 1; i < argc; i++) {
		DIR *dir = opendir(argv[i]);
		struct dirent *de;
		char **names = NULL;
		size_t n = 0;

		if (dir == NULL) {
			perror(argv[i]);
			bad = 1;
			continue;
		}
		while ((de = readdir(dir)) != NULL) {
			size_t l = strlen(de->d_name);
			char **p;

			if (l < 6 || strcmp(de->d_name + l - 5, ".case") != 0)
				continue;
			if ((p = realloc(names, (n + 1) * sizeof(*p))) == NULL)
				break;
			names = p;
			names[n] = malloc(strlen(argv[i]) + l + 2);
			if (names[n])
				sprintf(names[n++], "%s/%s", argv[i], de->d_name);
		}
		closedir(dir);
		qsort(names, n, sizeof(*names), by_name);
		for (size_t j = 0; j < n; j++) {
			if (one_case(names[j], state, verbose, counts) < 0)
				bad = 1;
			free(names[j]);
		}
		free(names);
	}
	ms_pg_shutdown();
	rmdir(tmp);
	printf("catalog cases: %d agree with PostgreSQL 15.18, %d unknown, "
		"%d wrong\n", counts[AGREE], counts[UNKNOWN], counts[WRONG]);
	return bad || counts[WRONG] ? 1 : 0;
}
