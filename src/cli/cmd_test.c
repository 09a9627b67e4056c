/*
 * cmd_test.c - `migsim test PATH...`: run scenario files (or every *.txtar
 * under a folder), report each failure with its file:line, and end with
 * "N passed, N failed" (exit 0 only when none failed).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "migsim/scenario.h"

int cli_exec_in_process(void *ctx, int argc, char **argv, ms_buf *out,
	ms_buf *err, int *exit_status)
{
	char *obuf = NULL, *ebuf = NULL;
	size_t olen = 0, elen = 0;
	FILE *o = open_memstream(&obuf, &olen);
	FILE *e = open_memstream(&ebuf, &elen);

	(void)ctx;
	if (o == NULL || e == NULL) {
		if (o)
			fclose(o);
		if (e)
			fclose(e);
		free(obuf);
		free(ebuf);
		return MS_ENOMEM;
	}
	*exit_status = cli_main(o, e, argc, argv);
	fclose(o);
	fclose(e);
	ms_buf_put(out, obuf, olen);
	ms_buf_put(err, ebuf, elen);
	free(obuf);
	free(ebuf);
	return ms_buf_status(out) < 0 || ms_buf_status(err) < 0 ?
		MS_ENOMEM : MS_OK;
}

typedef struct paths {
	char **v;
	size_t n;
} paths;

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int push_path(paths *p, const char *s)
{
	char **v = realloc(p->v, (p->n + 1) * sizeof(*v));

	if (v == NULL)
		return -1;
	p->v = v;
	p->v[p->n] = ms_strdup(s);
	return p->v[p->n++] ? 0 : -1;
}

/* Every *.txtar below dir, recursively. */
static int collect(paths *p, const char *dir)
{
	struct dirent *de;
	DIR *d = opendir(dir);

	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		char full[4096];
		struct stat sb;
		size_t n = strlen(de->d_name);

		if (de->d_name[0] == '.')
			continue;
		snprintf(full, sizeof(full), "%s%s%s", dir,
			dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
		if (stat(full, &sb) < 0)
			continue;
		if (S_ISDIR(sb.st_mode))
			collect(p, full);
		else if (n > 6 && strcmp(de->d_name + n - 6, ".txtar") == 0)
			push_path(p, full);
	}
	closedir(d);
	return 0;
}

static void verbose_observer(void *ctx, const ms_event *ev)
{
	const cli_opts *o = ctx;

	if (ev->kind == MS_EVENT_STEP)
		fprintf(o->out, "    %s:%d: %s\n", ev->scenario->path,
			ev->step->line, ev->step->text);
	else if (ev->kind == MS_EVENT_OUTPUT)
		fprintf(o->out, "      [exit %d]\n", ev->exit_status);
}

static int run_one(const cli_opts *o, const char *path, int *passed)
{
	ms_error err = MS_ERROR_INIT;
	ms_scenario *sc = NULL;
	ms_scenario_result res;
	ms_scenario_opts so = { cli_exec_in_process, NULL, NULL, NULL, 0 };
	int ret;

	*passed = 0;
	memset(&res, 0, sizeof(res));
	if (o->verbose) {
		so.observe = verbose_observer;
		so.observe_ctx = (void *)o;
	}
	if ((ret = ms_scenario_load(&sc, path, &err)) < 0 ||
	    (ret = ms_scenario_run(&res, sc, &so, &err)) < 0) {
		fprintf(o->out, "FAIL %s\n    %s\n", path, err.msg);
		goto out;
	}
	*passed = res.passed;
	if (res.passed) {
		fprintf(o->out, "ok   %s\n", path);
	} else {
		const char *p = ms_buf_cstr(&res.message);

		fprintf(o->out, "FAIL %s\n", path);
		while (*p) {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);

			fprintf(o->out, "    %.*s\n", (int)n, p);
			p += n + (nl != NULL);
		}
	}
out:
	fflush(o->out);
	ms_scenario_result_clear(&res);
	ms_scenario_free(sc);
	return MS_OK;
}

int cmd_test(cli_opts *o)
{
	paths p = { NULL, 0 };
	regex_t re;
	int passed = 0, failed = 0, have_re = 0;

	if (o->n_args == 0) {
		fprintf(o->err, "migsim: test takes scenario files or folders (see "
			"migsim --help)\n");
		return MS_EXIT_USAGE;
	}
	if (o->run) {
		if (regcomp(&re, o->run, REG_EXTENDED | REG_NOSUB) != 0) {
			fprintf(o->err, "migsim: -run '%s': bad regular expression\n",
				o->run);
			return MS_EXIT_USAGE;
		}
		have_re = 1;
	}
	for (int i = 0; i < o->n_args; i++) {
		struct stat sb;
		size_t before = p.n;

		if (stat(o->args[i], &sb) < 0) {
			fprintf(o->out, "FAIL %s\n    no such file or folder\n",
				o->args[i]);
			failed++;
		} else if (S_ISDIR(sb.st_mode)) {
			collect(&p, o->args[i]);
			qsort(p.v + before, p.n - before, sizeof(*p.v), by_name);
		} else {
			push_path(&p, o->args[i]);
		}
	}
	for (size_t i = 0; i < p.n; i++) {
		int ok;

		if (have_re && regexec(&re, p.v[i], 0, NULL, 0) != 0)
			continue;
		run_one(o, p.v[i], &ok);
		if (ok)
			passed++;
		else
			failed++;
	}
	fprintf(o->out, "%d passed, %d failed\n", passed, failed);
	for (size_t i = 0; i < p.n; i++)
		free(p.v[i]);
	free(p.v);
	if (have_re)
		regfree(&re);
	return failed ? MS_EXIT_PRISMA : MS_EXIT_OK;
}
