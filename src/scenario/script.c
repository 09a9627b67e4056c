/*
 * script.c - parsing a scenario's script: one command a line, shell-like
 * quoting, "!" for a command that must fail, heredocs for `write`, "#"
 * comments.  Everything that can be checked without running is checked
 * here, so that a bad scenario fails at its line before any step runs.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "migsim/pg.h"
#include "migsim/prisma.h"
#include "migsim/scenario.h"

typedef struct verb_info {
	const char *name;
	ms_verb verb;
	int min, max;       /* argument count; -1 = any */
	int negatable;
	int paths;          /* arguments from this index on are paths (-1 none) */
	const char *usage;
} verb_info;

static const verb_info verbs[] = {
	{ "migsim", MS_VERB_MIGSIM, 1, -1, 1, -1, "migsim COMMAND [flags]" },
	{ "stdout", MS_VERB_STDOUT, 1, 1, 1, -1, "stdout 'REGEX'" },
	{ "stderr", MS_VERB_STDERR, 1, 1, 1, -1, "stderr 'REGEX'" },
	{ "cmp", MS_VERB_CMP, 2, 2, 0, 1, "cmp stdout|stderr|FILE FILE" },
	{ "exit", MS_VERB_EXIT, 1, 1, 0, -1, "exit STATUS" },
	{ "cp", MS_VERB_CP, 2, 2, 0, 0, "cp SRC DST" },
	{ "mv", MS_VERB_MV, 2, 2, 0, 0, "mv SRC DST" },
	{ "rm", MS_VERB_RM, 1, -1, 0, 0, "rm PATH..." },
	{ "mkdir", MS_VERB_MKDIR, 1, -1, 0, 0, "mkdir PATH..." },
	{ "write", MS_VERB_WRITE, 2, 2, 0, 0, "write PATH <<EOF | write PATH FILE" },
	{ "crlf", MS_VERB_CRLF, 1, -1, 0, 0, "crlf PATH..." },
	{ "exists", MS_VERB_EXISTS, 1, -1, 1, 0, "exists PATH..." },
	{ "clock", MS_VERB_CLOCK, 1, 2, 0, -1, "clock TIME [STEP-SECONDS]" },
	{ "prisma", MS_VERB_PRISMA, 1, 1, 0, -1, "prisma VERSION" },
	{ "fail", MS_VERB_FAIL, 2, 3, 0, -1, "fail NAME[:N] SQLSTATE ['MESSAGE']" },
	{ "crash", MS_VERB_CRASH, 1, 1, 0, -1, "crash NAME[:N]" },
	{ "ledger", MS_VERB_LEDGER, 1, 4, 0, -1,
	  "ledger total=N applied=N failed=N rolled_back=N" },
	{ "row", MS_VERB_ROW, 1, -1, 0, -1,
	  "row NAME [finished|failed|rolled-back...]" },
	{ "sql", MS_VERB_SQL, 1, 1, 0, 0, "sql FILE" },
	{ "table", MS_VERB_TABLE, 1, -1, 1, -1, "table [SCHEMA.]NAME..." },
	{ "rows", MS_VERB_ROWS, 1, 16, 0, -1, "rows TABLE=empty|rows|unknown..." },
};

static const verb_info *find_verb(const char *name)
{
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (strcmp(verbs[i].name, name) == 0)
			return &verbs[i];
	return NULL;
}

typedef struct words {
	char **v;
	int n;
} words;

static void words_free(words *w)
{
	for (int i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	w->v = NULL;
	w->n = 0;
}

static int push_word(words *w, ms_buf *b)
{
	char **v = realloc(w->v, (size_t)(w->n + 1) * sizeof(*v));

	if (v == NULL)
		return MS_ENOMEM;
	w->v = v;
	w->v[w->n] = ms_buf_detach(b);
	if (w->v[w->n] == NULL)
		return MS_ENOMEM;
	w->n++;
	return MS_OK;
}

/*
 * Split a line into words: blanks separate; '...' quotes literally (''
 * inside is one quote); "..." quotes with \" and \\ escapes.
 */
static int split_words(words *w, const char *line, const char **bad)
{
	ms_buf b = MS_BUF_INIT;
	const char *p = line;
	int in_word = 0, ret = MS_OK;

	while (*p && ret == MS_OK) {
		if (*p == ' ' || *p == '\t') {
			if (in_word)
				ret = push_word(w, &b);
			in_word = 0;
			p++;
		} else if (*p == '\'') {
			in_word = 1;
			for (p++;; p++) {
				if (*p == '\0') {
					*bad = "unterminated ' quote";
					ret = MS_EINPUT;
					break;
				}
				if (*p == '\'' && p[1] == '\'') {
					ms_buf_putc(&b, '\'');
					p++;
				} else if (*p == '\'') {
					p++;
					break;
				} else {
					ms_buf_putc(&b, *p);
				}
			}
			if (ms_buf_status(&b) == MS_OK && b.ptr == NULL)
				ms_buf_put(&b, "", 0);
		} else if (*p == '"') {
			in_word = 1;
			for (p++;; p++) {
				if (*p == '\0') {
					*bad = "unterminated \" quote";
					ret = MS_EINPUT;
					break;
				}
				if (*p == '\\' && (p[1] == '"' || p[1] == '\\')) {
					ms_buf_putc(&b, *++p);
				} else if (*p == '"') {
					p++;
					break;
				} else {
					ms_buf_putc(&b, *p);
				}
			}
			if (ms_buf_status(&b) == MS_OK && b.ptr == NULL)
				ms_buf_put(&b, "", 0);
		} else {
			in_word = 1;
			ms_buf_putc(&b, *p++);
		}
		if (ret == MS_OK && ms_buf_status(&b) < 0)
			ret = MS_ENOMEM;
	}
	if (ret == MS_OK && in_word)
		ret = push_word(w, &b);
	ms_buf_free(&b);
	return ret;
}

typedef struct parser {
	const char *path;
	ms_error *err;
	int line;
} parser;

static int fail_at(parser *ps, const char *fmt, const char *a, const char *b)
{
	char msg[MS_ERROR_MSG_MAX];

	snprintf(msg, sizeof(msg), fmt, a, b);
	return ms_error_set(ps->err, MS_EINPUT, "%s:%d: %s", ps->path, ps->line,
		msg);
}

static int check_target(parser *ps, const char *spec)
{
	const char *colon = strrchr(spec, ':');

	if (colon && colon[1] && strspn(colon + 1, "0123456789") ==
	    strlen(colon + 1) && atoi(colon + 1) < 1)
		return fail_at(ps, "'%s': statement numbers start at 1", spec, "");
	return spec[0] && spec[0] != ':' ? MS_OK :
		fail_at(ps, "'%s': want NAME[:N]", spec, "");
}

static int check_ledger_args(parser *ps, ms_step *st)
{
	static const char *const keys[] = { "total", "applied", "failed",
		"rolled_back", NULL };

	for (int i = 0; i < st->argc; i++) {
		const char *eq = strchr(st->argv[i], '=');
		int known = 0;

		if (eq == NULL || eq[1] == '\0' ||
		    strspn(eq + 1, "0123456789") != strlen(eq + 1))
			return fail_at(ps, "ledger: '%s': want KEY=NUMBER", st->argv[i],
				"");
		for (const char *const *k = keys; *k; k++)
			known |= (size_t)(eq - st->argv[i]) == strlen(*k) &&
				strncmp(st->argv[i], *k, strlen(*k)) == 0;
		if (!known)
			return fail_at(ps, "ledger: unknown key in '%s' (want total, "
				"applied, failed, rolled_back)", st->argv[i], "");
	}
	return MS_OK;
}

/*
 * glibc's regcomp copies the pattern tree for every repetition, so stacked
 * operators ("a++++...") or huge patterns can take gigabytes (found by
 * fuzzing).  POSIX leaves stacked repetition undefined anyway.
 */
static const char *regex_hazard(const char *re)
{
	int bracket = 0, prev_quant = 0;

	if (strlen(re) > 4096)
		return "longer than 4096 characters";
	for (const char *p = re; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			prev_quant = 0;
			continue;
		}
		if (bracket) {
			bracket = *p != ']';
			continue;
		}
		if (*p == '[') {
			bracket = 1;
			if (p[1] == ']')
				p++;
			prev_quant = 0;
			continue;
		}
		if (strchr("*+?{", *p) && prev_quant)
			return "repetition operators follow each other";
		if (*p == '{') {
			while (p[1] && p[1] != '}')
				p++;
			if (p[1] == '}')
				p++;
		}
		prev_quant = strchr("*+?}", *p) != NULL;
	}
	return NULL;
}

/* Checks that need the verb's meaning. */
static int check_args(parser *ps, ms_step *st)
{
	ms_time t;
	ms_prisma_version v;

	switch (st->verb) {
	case MS_VERB_STDOUT:
	case MS_VERB_STDERR: {
		regex_t *re;
		const char *hazard = regex_hazard(st->argv[0]);
		int rc;

		if (hazard)
			return fail_at(ps, "bad regular expression '%s': %s",
				st->argv[0], hazard);
		re = malloc(sizeof(*re));
		if (re == NULL)
			return ms_error_set(ps->err, MS_ENOMEM, "out of memory");
		rc = regcomp(re, st->argv[0], REG_EXTENDED | REG_NEWLINE);
		if (rc != 0) {
			char why[200];

			regerror(rc, re, why, sizeof(why));
			free(re);
			return fail_at(ps, "bad regular expression '%s': %s",
				st->argv[0], why);
		}
		st->regex = re;
		return MS_OK;
	}
	case MS_VERB_CMP:
		return strcmp(st->argv[0], "stdout") == 0 ||
			strcmp(st->argv[0], "stderr") == 0 || ms_txtar_safe_name(st->argv[0]) ?
			MS_OK : fail_at(ps, "path '%s' leaves the scenario's directory "
			"(absolute or with '..')", st->argv[0], "");
	case MS_VERB_EXIT:
		return strspn(st->argv[0], "0123456789") == strlen(st->argv[0]) ?
			MS_OK : fail_at(ps, "exit: '%s' is not a number", st->argv[0], "");
	case MS_VERB_CLOCK:
		if (ms_time_parse(&t, st->argv[0], NULL) < 0)
			return fail_at(ps, "clock: bad time '%s' (want e.g. "
				"2025-12-25T10:00:00Z)", st->argv[0], "");
		if (st->argc == 2 && atof(st->argv[1]) <= 0)
			return fail_at(ps, "clock: bad step '%s' (seconds)", st->argv[1],
				"");
		return MS_OK;
	case MS_VERB_PRISMA:
		return ms_prisma_version_parse(&v, st->argv[0], NULL) == MS_OK ? MS_OK :
			fail_at(ps, "prisma: '%s' is not a version", st->argv[0], "");
	case MS_VERB_FAIL:
		if (!ms_sqlstate_valid(st->argv[1]))
			return fail_at(ps, "fail: '%s' is not a PostgreSQL SQLSTATE",
				st->argv[1], "");
		return check_target(ps, st->argv[0]);
	case MS_VERB_CRASH:
		return check_target(ps, st->argv[0]);
	case MS_VERB_LEDGER:
		return check_ledger_args(ps, st);
	case MS_VERB_ROW:
		for (int i = 1; i < st->argc; i++)
			if (strcmp(st->argv[i], "finished") != 0 &&
			    strcmp(st->argv[i], "failed") != 0 &&
			    strcmp(st->argv[i], "rolled-back") != 0)
				return fail_at(ps, "row: '%s': want finished, failed or "
					"rolled-back", st->argv[i], "");
		return MS_OK;
	case MS_VERB_MIGSIM:
		if (strcmp(st->argv[0], "test") == 0 ||
		    strcmp(st->argv[0], "replay") == 0)
			return fail_at(ps, "migsim %s cannot run inside a scenario",
				st->argv[0], "");
		return MS_OK;
	default:
		return MS_OK;
	}
}

/* Read a heredoc body from the lines after *cur, up to a line equal to
 * tag.  Advances *cur and ps->line. */
static int read_heredoc(parser *ps, ms_step *st, const char *tag,
	const char **cur, const char *end)
{
	ms_buf b = MS_BUF_INIT;
	int start = ps->line;

	while (*cur < end) {
		const char *nl = memchr(*cur, '\n', (size_t)(end - *cur));
		size_t n = nl ? (size_t)(nl - *cur) : (size_t)(end - *cur);

		ps->line++;
		if (n == strlen(tag) && strncmp(*cur, tag, n) == 0) {
			*cur = nl ? nl + 1 : end;
			st->heredoc = ms_buf_detach(&b);
			if (st->heredoc == NULL)
				return ms_error_set(ps->err, MS_ENOMEM, "out of memory");
			return MS_OK;
		}
		ms_buf_put(&b, *cur, n);
		ms_buf_putc(&b, '\n');
		*cur = nl ? nl + 1 : end;
	}
	ms_buf_free(&b);
	ps->line = start;
	return fail_at(ps, "unterminated heredoc: no line '%s' closes it", tag,
		"");
}

static int add_step(ms_scenario *sc, ms_step **out)
{
	ms_step *s = realloc(sc->steps, (sc->count + 1) * sizeof(*s));

	if (s == NULL)
		return MS_ENOMEM;
	sc->steps = s;
	*out = &sc->steps[sc->count++];
	memset(*out, 0, sizeof(**out));
	return MS_OK;
}

static int parse_line(parser *ps, ms_scenario *sc, const char *line,
	char **comment, const char **cur, const char *end)
{
	words w = { NULL, 0 };
	const verb_info *vi;
	const char *bad = NULL;
	const char *first;
	ms_step *st;
	int neg, ret;

	if ((ret = split_words(&w, line, &bad)) < 0) {
		words_free(&w);
		return ret == MS_ENOMEM ? ms_error_set(ps->err, MS_ENOMEM,
			"out of memory") : fail_at(ps, "%s", bad, "");
	}
	neg = w.n && strcmp(w.v[0], "!") == 0;
	first = w.n > neg ? w.v[neg] : "";
	vi = find_verb(first);
	if (vi == NULL) {
		ret = fail_at(ps, "unknown verb '%s' (see README.md, \"Scenario "
			"files\")", first, "");
		goto out;
	}
	if (neg && !vi->negatable) {
		ret = fail_at(ps, "'!' cannot come before %s", vi->name, "");
		goto out;
	}
	if ((ret = add_step(sc, &st)) < 0) {
		ret = ms_error_set(ps->err, MS_ENOMEM, "out of memory");
		goto out;
	}
	st->line = ps->line;
	st->verb = vi->verb;
	st->negate = neg;
	st->text = ms_strdup(line);
	st->comment = *comment;
	*comment = NULL;
	st->argc = w.n - neg - 1;
	st->argv = calloc((size_t)st->argc + 1, sizeof(char *));
	if (st->text == NULL || st->argv == NULL) {
		ret = ms_error_set(ps->err, MS_ENOMEM, "out of memory");
		goto out;
	}
	for (int i = 0; i < st->argc; i++) {
		st->argv[i] = w.v[neg + 1 + i];
		w.v[neg + 1 + i] = NULL;
	}
	if (st->argc < vi->min || (vi->max >= 0 && st->argc > vi->max)) {
		ret = fail_at(ps, "wrong number of arguments (usage: %s)", vi->usage,
			"");
		goto out;
	}
	if (vi->verb == MS_VERB_WRITE && strncmp(st->argv[1], "<<", 2) == 0) {
		if (st->argv[1][2] == '\0') {
			ret = fail_at(ps, "write: '<<' needs a tag, e.g. <<EOF", "", "");
			goto out;
		}
		if ((ret = read_heredoc(ps, st, st->argv[1] + 2, cur, end)) < 0)
			goto out;
	}
	for (int i = vi->paths; vi->paths >= 0 && i < st->argc; i++)
		if (!(vi->verb == MS_VERB_WRITE && i == 1 && st->heredoc) &&
		    !ms_txtar_safe_name(st->argv[i])) {
			ret = fail_at(ps, "path '%s' leaves the scenario's directory "
				"(absolute or with '..')", st->argv[i], "");
			goto out;
		}
	ret = check_args(ps, st);
out:
	words_free(&w);
	return ret;
}

static int append_comment(char **comment, const char *text, size_t n)
{
	ms_buf b = MS_BUF_INIT;

	if (*comment) {
		ms_buf_puts(&b, *comment);
		ms_buf_putc(&b, '\n');
	}
	ms_buf_put(&b, text, n);
	free(*comment);
	*comment = ms_buf_detach(&b);
	return *comment ? MS_OK : MS_ENOMEM;
}

static int parse_script(ms_scenario *sc, const char *path, ms_error *err)
{
	const char *cur = sc->archive.comment, *end = cur + strlen(cur);
	char *comment = NULL;
	parser ps = { path, err, 0 };
	int ret = MS_OK, in_lesson = 1;

	while (cur < end && ret == MS_OK) {
		const char *nl = memchr(cur, '\n', (size_t)(end - cur));
		size_t n = nl ? (size_t)(nl - cur) : (size_t)(end - cur);
		const char *line = cur;
		char *copy;

		ps.line++;
		cur = nl ? nl + 1 : end;
		while (n && (line[n - 1] == '\r' || line[n - 1] == ' ' ||
		       line[n - 1] == '\t'))
			n--;
		while (n && (*line == ' ' || *line == '\t')) {
			line++;
			n--;
		}
		if (n == 0) {
			/* A blank line ends the lesson, and detaches a comment
			 * from the step below it. */
			if (in_lesson && sc->lesson)
				in_lesson = 0;
			free(comment);
			comment = NULL;
			continue;
		}
		if (line[0] == '#') {
			const char *t = line + 1;
			size_t tn = n - 1;

			if (tn && *t == ' ') {
				t++;
				tn--;
			}
			ret = append_comment(in_lesson ? &sc->lesson : &comment, t, tn);
			continue;
		}
		in_lesson = 0;
		copy = ms_strndup(line, n);
		if (copy == NULL)
			ret = MS_ENOMEM;
		else
			ret = parse_line(&ps, sc, copy, &comment, &cur, end);
		free(copy);
	}
	free(comment);
	if (ret == MS_ENOMEM)
		ms_error_set(err, MS_ENOMEM, "out of memory");
	return ret;
}

int ms_scenario_parse(ms_scenario **out, const char *path, const char *text,
	size_t len, ms_error *err)
{
	ms_scenario *sc = calloc(1, sizeof(*sc));
	int ret;

	*out = NULL;
	if (sc == NULL || (sc->path = ms_strdup(path)) == NULL) {
		free(sc);
		return ms_error_set(err, MS_ENOMEM, "out of memory");
	}
	if ((ret = ms_txtar_parse(&sc->archive, path, text, len, err)) < 0 ||
	    (ret = parse_script(sc, path, err)) < 0) {
		ms_scenario_free(sc);
		return ret;
	}
	*out = sc;
	return MS_OK;
}

int ms_scenario_load(ms_scenario **out, const char *path, ms_error *err)
{
	FILE *f = fopen(path, "rb");
	ms_buf b = MS_BUF_INIT;
	char chunk[65536];
	size_t n;
	int ret;

	*out = NULL;
	if (f == NULL)
		return ms_error_set(err, errno == ENOENT ? MS_ENOTFOUND : MS_EIO,
			"%s: %s", path, strerror(errno));
	b.max = (size_t)64 << 20;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		ms_buf_put(&b, chunk, n);
	fclose(f);
	if (ms_buf_status(&b) < 0) {
		ms_buf_free(&b);
		return ms_error_set(err, MS_EIO, "%s: too large or out of memory",
			path);
	}
	ret = ms_scenario_parse(out, path, ms_buf_cstr(&b), b.len, err);
	ms_buf_free(&b);
	return ret;
}

void ms_scenario_free(ms_scenario *sc)
{
	if (sc == NULL)
		return;
	for (size_t i = 0; i < sc->count; i++) {
		ms_step *st = &sc->steps[i];

		for (int j = 0; j < st->argc; j++)
			free(st->argv[j]);
		free(st->argv);
		free(st->text);
		free(st->heredoc);
		free(st->comment);
		if (st->regex) {
			regfree(st->regex);
			free(st->regex);
		}
	}
	free(sc->steps);
	free(sc->lesson);
	free(sc->path);
	ms_txtar_clear(&sc->archive);
	free(sc);
}
