/* helpers.h - temporary folders and files for the unit tests. */
#ifndef MIGSIM_TEST_HELPERS_H
#define MIGSIM_TEST_HELPERS_H

#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

/* A fresh temporary folder; the path is malloc'd. */
static inline char *tmpdir_new(void)
{
	const char *base = getenv("TMPDIR");
	char *p = NULL;

	if (asprintf(&p, "%s/migsim-unit-XXXXXX", base && *base ? base : "/tmp")
	    < 0)
		return NULL;
	return mkdtemp(p) ? p : NULL;
}

static inline void tmpdir_free(char *dir)
{
	char *cmd = NULL;

	if (dir && asprintf(&cmd, "rm -rf '%s'", dir) >= 0 && system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	free(cmd);
	free(dir);
}

/* Write data to dir/name, creating parent folders. */
static inline void put_file(const char *dir, const char *name,
	const char *data, size_t len)
{
	char *path = NULL, *slash;
	FILE *f;

	assert_true(asprintf(&path, "%s/%s", dir, name) >= 0);
	for (slash = strchr(path + strlen(dir) + 1, '/'); slash;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0777);
		*slash = '/';
	}
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
	free(path);
}

static inline void put_text(const char *dir, const char *name,
	const char *text)
{
	put_file(dir, name, text, strlen(text));
}

static inline char *path_in(const char *dir, const char *name)
{
	char *p = NULL;

	assert_true(asprintf(&p, "%s/%s", dir, name) >= 0);
	return p;
}

#endif
