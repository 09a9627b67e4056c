/*
 * run.c - running a scenario: a fresh temporary directory holding the
 * archive's files, each step in order, the first assertion that does not
 * hold ends the scenario with its file:line, the command, what was
 * expected and what came (design.md "Scenario files").
 *
 * migsim commands get the scenario's defaults: --migrations migrations
 * and --state migsim.db, the version of the last `prisma` step, and the
 * faults of `fail`/`crash` steps since the last deploy.
 */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "migsim/ledger.h"
#include "migsim/pg.h"
#include "migsim/scenario.h"
#include "migsim/store.h"

#define STATE_FILE "migsim.db"
#define MIGRATIONS_DIR "migrations"

typedef struct runner {
	const ms_scenario *sc;
	const ms_scenario_opts *opts;
	ms_scenario_result *res;
	char dir[PATH_MAX];
	ms_buf out, err;          /* the last migsim command's output */
	int status;
	int ran_command;
	char *prisma;             /* from the last `prisma` step */
	char **faults;            /* "--fail"/"--crash" and their values */
	int n_faults;
	ms_ledger snapshot;       /* for MS_EVENT_LEDGER */
} runner;

static void emit(runner *r, ms_event *ev)
{
	if (r->opts->observe) {
		ev->scenario = r->sc;
		r->opts->observe(r->opts->observe_ctx, ev);
	}
}

/* Record a failed assertion; returns 1 so callers can `return fail(...)`. */
static int fail(runner *r, const ms_step *st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(runner *r, const ms_step *st, const char *fmt, ...)
{
	ms_event ev = { 0 };
	va_list ap;

	r->res->passed = 0;
	r->res->failed_line = st->line;
	ms_buf_printf(&r->res->message, "%s:%d: %s\n", r->sc->path, st->line,
		st->text);
	va_start(ap, fmt);
	ms_buf_vprintf(&r->res->message, fmt, ap);
	va_end(ap);
	ev.kind = MS_EVENT_FAILED;
	ev.step = st;
	ev.message = ms_buf_cstr(&r->res->message);
	emit(r, &ev);
	return 1;
}

static int mkdirs(const char *path)
{
	char tmp[PATH_MAX];

	if (snprintf(tmp, sizeof(tmp), "%s", path) >= (int)sizeof(tmp))
		return -1;
	for (char *p = tmp + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(tmp, 0777) < 0 && errno != EEXIST)
				return -1;
			*p = '/';
		}
	return mkdir(tmp, 0777) < 0 && errno != EEXIST ? -1 : 0;
}

static int parent_dirs(const char *path)
{
	char tmp[PATH_MAX];
	char *slash;

	if (snprintf(tmp, sizeof(tmp), "%s", path) >= (int)sizeof(tmp))
		return -1;
	slash = strrchr(tmp, '/');
	if (slash == NULL)
		return 0;
	*slash = '\0';
	return mkdirs(tmp);
}

static int write_file(const char *path, const char *data, size_t len)
{
	FILE *f;
	size_t n;

	if (parent_dirs(path) < 0 || (f = fopen(path, "wb")) == NULL)
		return -1;
	n = fwrite(data, 1, len, f);
	return fclose(f) == 0 && n == len ? 0 : -1;
}

static int read_whole(ms_buf *b, const char *path)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (f == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		ms_buf_put(b, chunk, n);
	fclose(f);
	return ms_buf_status(b) == MS_OK ? 0 : -1;
}

static const ms_txtar_file *archive_file(const runner *r, const char *name)
{
	for (size_t i = 0; i < r->sc->archive.count; i++)
		if (strcmp(r->sc->archive.files[i].name, name) == 0)
			return &r->sc->archive.files[i];
	return NULL;
}

static int takes(const char *cmd, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(cmd, *list) == 0)
			return 1;
	return 0;
}

static int has_flag(const ms_step *st, const char *flag)
{
	size_t n = strlen(flag);

	for (int i = 1; i < st->argc; i++)
		if (strncmp(st->argv[i], flag, n) == 0 &&
		    (st->argv[i][n] == '\0' || st->argv[i][n] == '='))
			return 1;
	return 0;
}

/* argv for a migsim step, with the scenario's defaults added. */
static char **build_argv(runner *r, const ms_step *st, int *argc)
{
	static const char *const with_dir[] = { "deploy", "status", "resolve",
		NULL };
	static const char *const with_state[] = { "deploy", "status", "resolve",
		"ledger", "sql", "schema", NULL };
	const char *cmd = st->argv[0];
	char **v = calloc((size_t)st->argc + (size_t)r->n_faults + 8,
		sizeof(char *));
	int n = 0;

	if (v == NULL)
		return NULL;
	v[n++] = "migsim";
	for (int i = 0; i < st->argc; i++)
		v[n++] = st->argv[i];
	if (takes(cmd, with_dir) && !has_flag(st, "--migrations")) {
		v[n++] = "--migrations";
		v[n++] = MIGRATIONS_DIR;
	}
	if (takes(cmd, with_state) && !has_flag(st, "--state")) {
		v[n++] = "--state";
		v[n++] = STATE_FILE;
	}
	if (r->prisma && takes(cmd, with_dir) && !has_flag(st, "--prisma")) {
		v[n++] = "--prisma";
		v[n++] = r->prisma;
	}
	if (strcmp(cmd, "deploy") == 0)
		for (int i = 0; i < r->n_faults; i++)
			v[n++] = r->faults[i];
	*argc = n;
	return v;
}

static void clear_faults(runner *r)
{
	for (int i = 0; i < r->n_faults; i++)
		free(r->faults[i]);
	free(r->faults);
	r->faults = NULL;
	r->n_faults = 0;
}

static int load_ledger(ms_ledger *l)
{
	ms_store *s = NULL;
	int ret;

	memset(l, 0, sizeof(*l));
	if (access(STATE_FILE, F_OK) != 0)
		return MS_OK;
	ret = ms_store_open(&s, STATE_FILE, MS_STORE_READONLY, NULL);
	if (ret == MS_OK)
		ret = ms_ledger_load(l, s, NULL);
	ms_store_free(s);
	return ret;
}

static void ledger_event(runner *r, const ms_step *st)
{
	ms_ledger after;
	ms_event ev = { 0 };

	if (!r->opts->want_ledger || load_ledger(&after) < 0)
		return;
	ev.kind = MS_EVENT_LEDGER;
	ev.step = st;
	ev.before = &r->snapshot;
	ev.after = &after;
	emit(r, &ev);
	ms_ledger_clear(&r->snapshot);
	r->snapshot = after;
}

static int run_migsim(runner *r, const ms_step *st, ms_error *err)
{
	ms_event ev = { 0 };
	char **argv;
	int argc, ret;

	if ((argv = build_argv(r, st, &argc)) == NULL)
		return ms_error_set(err, MS_ENOMEM, "out of memory");
	ms_buf_clear(&r->out);
	ms_buf_clear(&r->err);
	ret = r->opts->exec(r->opts->exec_ctx, argc, argv, &r->out, &r->err,
		&r->status);
	if (ret < 0) {
		free(argv);
		return ms_error_set(err, ret, "cannot run '%s'", st->text);
	}
	r->ran_command = 1;
	ev.kind = MS_EVENT_OUTPUT;
	ev.step = st;
	ev.out = ms_buf_cstr(&r->out);
	ev.err = ms_buf_cstr(&r->err);
	ev.exit_status = r->status;
	ev.argv = (const char *const *)argv;
	ev.argc = argc;
	emit(r, &ev);
	free(argv);
	if (strcmp(st->argv[0], "deploy") == 0)
		clear_faults(r);
	ledger_event(r, st);
	if (st->negate && r->status == 0)
		return fail(r, st, "exit status 0, want a failure\n"
			"stdout:\n%sstderr:\n%s", ms_buf_cstr(&r->out),
			ms_buf_cstr(&r->err));
	if (!st->negate && r->status != 0)
		return fail(r, st, "exit status %d, want 0\nstdout:\n%sstderr:\n%s",
			r->status, ms_buf_cstr(&r->out), ms_buf_cstr(&r->err));
	return 0;
}

static int match(runner *r, const ms_step *st)
{
	const ms_buf *b = st->verb == MS_VERB_STDOUT ? &r->out : &r->err;
	const char *which = st->verb == MS_VERB_STDOUT ? "stdout" : "stderr";
	int found;

	if (!r->ran_command)
		return fail(r, st, "no migsim command has run yet");
	found = regexec(st->regex, ms_buf_cstr(b), 0, NULL, 0) == 0;
	if (found && st->negate)
		return fail(r, st, "%s matches '%s', want no match:\n%s", which,
			st->argv[0], ms_buf_cstr(b));
	if (!found && !st->negate)
		return fail(r, st, "no match for '%s' in %s:\n%s(%s was:\n%s)",
			st->argv[0], which, ms_buf_cstr(b),
			b == &r->out ? "stderr" : "stdout",
			ms_buf_cstr(b == &r->out ? &r->err : &r->out));
	return 0;
}

/* The output without migsim's own "migsim: " lines: Prisma's text. */
static void prisma_text(ms_buf *out, const char *s)
{
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);

		if (strncmp(s, "migsim: ", 8) != 0)
			ms_buf_put(out, s, n);
		s += n;
	}
	ms_buf_put(out, "", 0);
}

static int compare_files(runner *r, const ms_step *st)
{
	ms_buf a = MS_BUF_INIT, b = MS_BUF_INIT;
	int ret = 0;

	if (read_whole(&a, st->argv[0]) < 0)
		ret = fail(r, st, "%s: no such file", st->argv[0]);
	else if (read_whole(&b, st->argv[1]) < 0)
		ret = fail(r, st, "%s: no such file", st->argv[1]);
	else if (a.len != b.len || (a.len && memcmp(a.ptr, b.ptr, a.len) != 0))
		ret = fail(r, st, "%s and %s differ", st->argv[0], st->argv[1]);
	ms_buf_free(&a);
	ms_buf_free(&b);
	return ret;
}

static int compare(runner *r, const ms_step *st)
{
	const ms_buf *b;
	ms_buf want = MS_BUF_INIT, got = MS_BUF_INIT;
	int ret = 0;

	if (strcmp(st->argv[0], "stdout") != 0 &&
	    strcmp(st->argv[0], "stderr") != 0)
		return compare_files(r, st);
	b = strcmp(st->argv[0], "stdout") == 0 ? &r->out : &r->err;
	if (!r->ran_command)
		return fail(r, st, "no migsim command has run yet");
	prisma_text(&got, ms_buf_cstr(b));
	if (read_whole(&want, st->argv[1]) < 0)
		ret = fail(r, st, "%s: no such file", st->argv[1]);
	else if (strcmp(ms_buf_cstr(&want), ms_buf_cstr(&got)) != 0)
		ret = fail(r, st, "%s differs from %s\n--- want (%s)\n%s--- got "
			"(%s)\n%s", st->argv[0], st->argv[1], st->argv[1],
			ms_buf_cstr(&want), st->argv[0], ms_buf_cstr(&got));
	ms_buf_free(&want);
	ms_buf_free(&got);
	return ret;
}

static int remove_tree(const char *path);

/* Copy a file, or a folder's whole tree into dst (merging). */
static int copy_tree(const char *src, const char *dst)
{
	struct stat sb;
	struct dirent *de;
	DIR *d;
	int ret = 0;

	if (stat(src, &sb) < 0)
		return -1;
	if (!S_ISDIR(sb.st_mode)) {
		ms_buf data = MS_BUF_INIT;

		ret = read_whole(&data, src) < 0 ||
			write_file(dst, ms_buf_cstr(&data), data.len) < 0 ? -1 : 0;
		ms_buf_free(&data);
		return ret;
	}
	if (mkdirs(dst) < 0 || (d = opendir(src)) == NULL)
		return -1;
	while (ret == 0 && (de = readdir(d)) != NULL) {
		char s2[PATH_MAX], d2[PATH_MAX];

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (snprintf(s2, sizeof(s2), "%s/%s", src, de->d_name) >=
		    (int)sizeof(s2) ||
		    snprintf(d2, sizeof(d2), "%s/%s", dst, de->d_name) >=
		    (int)sizeof(d2))
			ret = -1;
		else
			ret = copy_tree(s2, d2);
	}
	closedir(d);
	return ret;
}

static int copy_file(runner *r, const ms_step *st, int move)
{
	int ret = 0;

	if (access(st->argv[0], F_OK) != 0)
		return fail(r, st, "%s: no such file (not in the archive, not made "
			"by an earlier step)", st->argv[0]);
	if (copy_tree(st->argv[0], st->argv[1]) < 0)
		ret = fail(r, st, "%s: cannot copy to %s: %s", st->argv[0],
			st->argv[1], strerror(errno));
	else if (move && remove_tree(st->argv[0]) < 0)
		ret = fail(r, st, "%s: cannot remove: %s", st->argv[0],
			strerror(errno));
	return ret;
}

static int rm_entry(const char *path, const struct stat *sb, int flag,
	struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int remove_tree(const char *path)
{
	return nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int remove_paths(runner *r, const ms_step *st)
{
	for (int i = 0; i < st->argc; i++)
		if (remove_tree(st->argv[i]) < 0)
			return fail(r, st, "%s: cannot remove: %s", st->argv[i],
				strerror(errno));
	return 0;
}

static int make_dirs(runner *r, const ms_step *st)
{
	for (int i = 0; i < st->argc; i++)
		if (mkdirs(st->argv[i]) < 0)
			return fail(r, st, "%s: cannot create: %s", st->argv[i],
				strerror(errno));
	return 0;
}

static int write_step(runner *r, const ms_step *st)
{
	const ms_txtar_file *f;

	if (st->heredoc)
		return write_file(st->argv[0], st->heredoc, strlen(st->heredoc)) < 0 ?
			fail(r, st, "%s: cannot write: %s", st->argv[0],
			strerror(errno)) : 0;
	f = archive_file(r, st->argv[1]);
	if (f == NULL)
		return fail(r, st, "%s: no such file in the archive", st->argv[1]);
	return write_file(st->argv[0], f->data, f->len) < 0 ?
		fail(r, st, "%s: cannot write: %s", st->argv[0], strerror(errno)) : 0;
}

/* LF -> CRLF, as the oracle's crlf step does. */
static int crlf(runner *r, const ms_step *st)
{
	for (int i = 0; i < st->argc; i++) {
		ms_buf in = MS_BUF_INIT, out = MS_BUF_INIT;
		int bad;

		if (read_whole(&in, st->argv[i]) < 0) {
			ms_buf_free(&in);
			return fail(r, st, "%s: no such file", st->argv[i]);
		}
		for (size_t j = 0; j < in.len; j++) {
			if (in.ptr[j] == '\n' && (j == 0 || in.ptr[j - 1] != '\r'))
				ms_buf_putc(&out, '\r');
			ms_buf_putc(&out, in.ptr[j]);
		}
		bad = write_file(st->argv[i], ms_buf_cstr(&out), out.len) < 0;
		ms_buf_free(&in);
		ms_buf_free(&out);
		if (bad)
			return fail(r, st, "%s: cannot write", st->argv[i]);
	}
	return 0;
}

static int exists(runner *r, const ms_step *st)
{
	for (int i = 0; i < st->argc; i++) {
		int there = access(st->argv[i], F_OK) == 0;

		if (there && st->negate)
			return fail(r, st, "%s exists, want it absent", st->argv[i]);
		if (!there && !st->negate)
			return fail(r, st, "%s does not exist", st->argv[i]);
	}
	return 0;
}

static int set_clock(runner *r, const ms_step *st, ms_error *err)
{
	ms_store *s = NULL;
	ms_time t, step = 1000000;
	int ret;

	ms_time_parse(&t, st->argv[0], NULL);
	if (st->argc == 2)
		step = (ms_time)(atof(st->argv[1]) * 1e6 + 0.5);
	if ((ret = ms_store_open(&s, STATE_FILE, MS_STORE_CREATE, err)) < 0)
		return fail(r, st, "%s", err->msg);
	if ((ret = ms_store_begin(s, err)) == MS_OK &&
	    (ret = ms_store_set_clock(s, t, step, err)) == MS_OK)
		ret = ms_store_commit(s, err);
	ms_store_free(s);
	return ret < 0 ? fail(r, st, "%s", err->msg) : 0;
}

static int add_fault(runner *r, const ms_step *st)
{
	ms_buf b = MS_BUF_INIT;
	char **v = realloc(r->faults, (size_t)(r->n_faults + 2) * sizeof(*v));

	if (v == NULL)
		return -1;
	r->faults = v;
	r->faults[r->n_faults] = ms_strdup(st->verb == MS_VERB_FAIL ?
		"--fail" : "--crash");
	ms_buf_puts(&b, st->argv[0]);
	if (st->verb == MS_VERB_FAIL) {
		ms_buf_printf(&b, "=%s", st->argv[1]);
		if (st->argc == 3)
			ms_buf_printf(&b, ":%s", st->argv[2]);
	}
	r->faults[r->n_faults + 1] = ms_buf_detach(&b);
	if (r->faults[r->n_faults] == NULL || r->faults[r->n_faults + 1] == NULL)
		return -1;
	r->n_faults += 2;
	return 0;
}

static int check_ledger(runner *r, const ms_step *st)
{
	ms_store *s = NULL;
	ms_ledger_summary sum;
	ms_error err = MS_ERROR_INIT;
	int ret;

	ret = ms_store_open(&s, STATE_FILE, MS_STORE_READONLY, &err);
	if (ret == MS_OK)
		ret = ms_ledger_summarize(&sum, s, &err);
	ms_store_free(s);
	if (ret < 0)
		return fail(r, st, "%s", err.msg);
	for (int i = 0; i < st->argc; i++) {
		const char *eq = strchr(st->argv[i], '=');
		long want = atol(eq + 1), got;
		size_t k = (size_t)(eq - st->argv[i]);

		got = strncmp(st->argv[i], "total", k) == 0 ? sum.total :
			strncmp(st->argv[i], "applied", k) == 0 ? sum.applied :
			strncmp(st->argv[i], "failed", k) == 0 ? sum.failed :
			sum.rolled_back;
		if (got != want)
			return fail(r, st, "ledger has %.*s=%ld, want %ld (total=%ld "
				"applied=%ld failed=%ld rolled_back=%ld)", (int)k,
				st->argv[i], got, want, sum.total, sum.applied, sum.failed,
				sum.rolled_back);
	}
	return 0;
}

static int check_rows(runner *r, const ms_step *st)
{
	ms_ledger l;
	ms_buf got = MS_BUF_INIT, want = MS_BUF_INIT;
	int ret = 0;

	if (load_ledger(&l) < 0)
		return fail(r, st, "%s: cannot read the ledger", STATE_FILE);
	for (size_t i = 0; i < l.count; i++)
		if (strcmp(l.rows[i].migration_name, st->argv[0]) == 0)
			ms_buf_printf(&got, "%s%s", got.len ? " " : "",
				ms_row_state_name(ms_ledger_row_state(&l.rows[i])));
	for (int i = 1; i < st->argc; i++)
		ms_buf_printf(&want, "%s%s", i > 1 ? " " : "", st->argv[i]);
	if (strcmp(ms_buf_cstr(&got), ms_buf_cstr(&want)) != 0)
		ret = fail(r, st, "rows of %s: got [%s], want [%s]", st->argv[0],
			ms_buf_cstr(&got), ms_buf_cstr(&want));
	ms_buf_free(&got);
	ms_buf_free(&want);
	ms_ledger_clear(&l);
	return ret;
}

/* Whether the simulated database has these tables. */
static int check_tables(runner *r, const ms_step *st)
{
	ms_store *s = NULL;
	ms_error err = MS_ERROR_INIT;
	int ret = MS_OK;

	/* No state file yet: a database with no tables. */
	if (access(STATE_FILE, F_OK) == 0)
		ret = ms_store_open(&s, STATE_FILE, MS_STORE_READONLY, &err);
	for (int i = 0; ret == MS_OK && i < st->argc; i++) {
		const char *dot = strchr(st->argv[i], '.');
		char schema[256];
		const char *name = dot ? dot + 1 : st->argv[i];
		ms_pg_relation *rels = NULL;
		size_t n = 0;
		int found = 0;

		snprintf(schema, sizeof(schema), "%.*s",
			dot ? (int)(dot - st->argv[i]) : 6, dot ? st->argv[i] : "public");
		if (s)
			ret = ms_pg_tables(&rels, &n, s, schema, &err);
		for (size_t k = 0; ret == MS_OK && k < n; k++)
			found |= strcmp(rels[k].name, name) == 0;
		ms_pg_relations_free(rels, n);
		if (ret == MS_OK && found == st->negate) {
			ms_store_free(s);
			return fail(r, st, "table %s %s", st->argv[i],
				found ? "exists, want it absent" : "does not exist");
		}
	}
	ms_store_free(s);
	return ret < 0 ? fail(r, st, "%s", err.msg) : 0;
}

static int check_exit(runner *r, const ms_step *st)
{
	if (!r->ran_command)
		return fail(r, st, "no migsim command has run yet");
	if (r->status != atoi(st->argv[0]))
		return fail(r, st, "exit status %d, want %s", r->status,
			st->argv[0]);
	return 0;
}

/* Returns 1 when an assertion failed, 0 to go on, <0 on a runner error. */
static int run_step(runner *r, const ms_step *st, ms_error *err)
{
	switch (st->verb) {
	case MS_VERB_MIGSIM: return run_migsim(r, st, err);
	case MS_VERB_SQL: {
		ms_step sql = *st;
		char *argv[3] = { "sql", st->argv[0], NULL };

		sql.argv = argv;
		sql.argc = 2;
		return run_migsim(r, &sql, err);
	}
	case MS_VERB_ROWS: {
		/* migsim facts --rows A --rows B ... */
		ms_step facts = *st;
		char *argv[2 + 2 * 16];
		int n = 0;

		argv[n++] = "facts";
		for (int i = 0; i < st->argc && i < 16; i++) {
			argv[n++] = "--rows";
			argv[n++] = st->argv[i];
		}
		argv[n] = NULL;
		facts.argv = argv;
		facts.argc = n;
		return run_migsim(r, &facts, err);
	}
	case MS_VERB_STDOUT:
	case MS_VERB_STDERR: return match(r, st);
	case MS_VERB_CMP:    return compare(r, st);
	case MS_VERB_EXIT:   return check_exit(r, st);
	case MS_VERB_CP:     return copy_file(r, st, 0);
	case MS_VERB_MV:     return copy_file(r, st, 1);
	case MS_VERB_RM:     return remove_paths(r, st);
	case MS_VERB_MKDIR:  return make_dirs(r, st);
	case MS_VERB_WRITE:  return write_step(r, st);
	case MS_VERB_CRLF:   return crlf(r, st);
	case MS_VERB_EXISTS: return exists(r, st);
	case MS_VERB_CLOCK:  return set_clock(r, st, err);
	case MS_VERB_PRISMA:
		free(r->prisma);
		r->prisma = ms_strdup(st->argv[0]);
		return r->prisma ? 0 : ms_error_set(err, MS_ENOMEM, "out of memory");
	case MS_VERB_FAIL:
	case MS_VERB_CRASH:
		return add_fault(r, st) < 0 ?
			ms_error_set(err, MS_ENOMEM, "out of memory") : 0;
	case MS_VERB_LEDGER: return check_ledger(r, st);
	case MS_VERB_ROW:    return check_rows(r, st);
	case MS_VERB_TABLE:  return check_tables(r, st);
	}
	return 0;
}

static int extract(runner *r, ms_error *err)
{
	for (size_t i = 0; i < r->sc->archive.count; i++) {
		const ms_txtar_file *f = &r->sc->archive.files[i];

		if (write_file(f->name, f->data, f->len) < 0)
			return ms_error_set(err, MS_EIO, "%s:%d: cannot write %s: %s",
				r->sc->path, f->line, f->name, strerror(errno));
	}
	return MS_OK;
}

static int make_dir(runner *r, ms_error *err)
{
	const char *tmp = getenv("TMPDIR");

	if (snprintf(r->dir, sizeof(r->dir), "%s/migsim-scenario-XXXXXX",
	    tmp && *tmp ? tmp : "/tmp") >= (int)sizeof(r->dir) ||
	    mkdtemp(r->dir) == NULL)
		return ms_error_set(err, MS_EIO, "cannot create a temporary "
			"directory: %s", strerror(errno));
	return MS_OK;
}

int ms_scenario_run(ms_scenario_result *res, const ms_scenario *sc,
	const ms_scenario_opts *opts, ms_error *err)
{
	runner r;
	char cwd[PATH_MAX];
	int ret;

	memset(res, 0, sizeof(*res));
	memset(&r, 0, sizeof(r));
	r.sc = sc;
	r.opts = opts;
	r.res = res;
	res->passed = 1;
	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return ms_error_set(err, MS_EIO, "cannot read the current "
			"directory: %s", strerror(errno));
	if ((ret = make_dir(&r, err)) < 0)
		return ret;
	if (chdir(r.dir) < 0) {
		ret = ms_error_set(err, MS_EIO, "%s: %s", r.dir, strerror(errno));
		goto out;
	}
	if ((ret = extract(&r, err)) < 0)
		goto back;
	for (size_t i = 0; i < sc->count; i++) {
		ms_event ev = { 0 };

		ev.kind = MS_EVENT_STEP;
		ev.step = &sc->steps[i];
		emit(&r, &ev);
		ret = run_step(&r, &sc->steps[i], err);
		if (ret != 0)
			break;
	}
	if (ret > 0)
		ret = MS_OK;
back:
	if (chdir(cwd) < 0 && ret == MS_OK)
		ret = ms_error_set(err, MS_EIO, "%s: %s", cwd, strerror(errno));
out:
	remove_tree(r.dir);
	ms_buf_free(&r.out);
	ms_buf_free(&r.err);
	free(r.prisma);
	clear_faults(&r);
	ms_ledger_clear(&r.snapshot);
	return ret;
}

void ms_scenario_result_clear(ms_scenario_result *res)
{
	ms_buf_free(&res->message);
	memset(res, 0, sizeof(*res));
}

long ms_scenario_row_before(const ms_ledger *before, const ms_ledger_row *row,
	int *changed)
{
	for (size_t i = 0; i < before->count; i++) {
		const ms_ledger_row *b = &before->rows[i];

		if (strcmp(b->id, row->id) != 0)
			continue;
		*changed = b->finished_at != row->finished_at ||
			b->rolled_back_at != row->rolled_back_at ||
			b->applied_steps_count != row->applied_steps_count ||
			(b->logs == NULL) != (row->logs == NULL);
		return (long)i;
	}
	*changed = 1;
	return -1;
}
