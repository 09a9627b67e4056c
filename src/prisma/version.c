/*
 * version.c - which Prisma version to simulate, and what changes with it
 * (spec execution-modes.md sections 3 and 4, prisma-migrate.md section 8):
 * folder order (6.6.0), execution mode (7.4.0), who reads the folder
 * (6.6.0), and the whitespace-only lines the CLI printed up to 6.x.
 *
 * The version comes from --prisma, else from the project's lock file or
 * package.json above the migrations folder, else the newest known.
 */
#define _DEFAULT_SOURCE
#include <ctype.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "migsim/prisma.h"

/* The newest release whose behaviour execution-modes.md records. */
static const ms_prisma_version newest = { 7, 10, 0 };

ms_prisma_version ms_prisma_newest(void)
{
	return newest;
}

static int vcmp(const ms_prisma_version *a, int major, int minor, int patch)
{
	if (a->major != major)
		return a->major < major ? -1 : 1;
	if (a->minor != minor)
		return a->minor < minor ? -1 : 1;
	if (a->patch != patch)
		return a->patch < patch ? -1 : 1;
	return 0;
}

int ms_prisma_version_parse(ms_prisma_version *out, const char *s,
	ms_error *err)
{
	const char *p = s;
	long part[3] = { 0, 0, 0 };
	int n = 0;

	if (*p == 'v' || *p == 'V')
		p++;
	while (n < 3 && isdigit((unsigned char)*p)) {
		char *end;

		part[n++] = strtol(p, &end, 10);
		p = end;
		if (*p != '.')
			break;
		p++;
	}
	if (n == 0 || part[0] > 1000 || part[1] > 1000 || part[2] > 100000 ||
	    (*p && *p != '-' && *p != '+' && !(n == 3 && *p == '\0')))
		return ms_error_set(err, MS_EINPUT,
			"'%s' is not a Prisma version (want e.g. 6.19.3)", s);
	out->major = (int)part[0];
	out->minor = (int)part[1];
	out->patch = (int)part[2];
	return MS_OK;
}

int ms_prisma_profile_for(ms_prisma_profile *out, const ms_prisma_version *v,
	const char *source, ms_error *err)
{
	memset(out, 0, sizeof(*out));
	if (v->major < 5)
		return ms_error_set(err, MS_EINPUT,
			"Prisma %d.%d.%d is not supported (migsim knows 5.0.0 to %d.%d.%d)",
			v->major, v->minor, v->patch, newest.major, newest.minor,
			newest.patch);
	out->asked = *v;
	out->simulated = *v;
	if (vcmp(v, newest.major, newest.minor, newest.patch) > 0)
		out->simulated = newest;
	out->order = vcmp(&out->simulated, 6, 6, 0) >= 0 ?
		MS_ORDER_ICU : MS_ORDER_BYTES;
	out->engine_reads_folder = out->order == MS_ORDER_BYTES;
	out->exec = vcmp(&out->simulated, 7, 4, 0) >= 0 ?
		MS_EXEC_SPLIT : MS_EXEC_BATCH;
	out->padded_blank_lines = out->simulated.major < 7;
	out->schema_core_spans = out->simulated.major < 6;
	if (vcmp(v, newest.major, newest.minor, newest.patch) > 0)
		snprintf(out->source, sizeof(out->source),
			"%s; newer than %d.%d.%d, the newest migsim knows, so "
			"simulated as %d.%d.%d", source, newest.major, newest.minor,
			newest.patch, newest.major, newest.minor, newest.patch);
	else
		snprintf(out->source, sizeof(out->source), "%s", source);
	return MS_OK;
}

/* The first "M.m.p" in a version or range string ("^6.19.0" -> 6.19.0). */
static int version_in(ms_prisma_version *out, const char *s)
{
	char v[32];
	size_t n;

	while (*s && !isdigit((unsigned char)*s))
		s++;
	n = strspn(s, "0123456789.");
	if (n == 0 || n >= sizeof(v))
		return 0;
	memcpy(v, s, n);
	v[n] = '\0';
	return ms_prisma_version_parse(out, v, NULL) == MS_OK;
}

static int json_lookup(ms_prisma_version *out, json_t *root,
	const char *const *path)
{
	json_t *j = root;

	for (; *path && j; path++)
		j = json_object_get(j, *path);
	return j && json_is_string(j) && version_in(out, json_string_value(j));
}

static int from_package_lock(ms_prisma_version *out, json_t *root)
{
	static const char *const v3[] = { "packages", "node_modules/prisma",
		"version", NULL };
	static const char *const v1[] = { "dependencies", "prisma", "version",
		NULL };

	return json_lookup(out, root, v3) || json_lookup(out, root, v1);
}

static int from_package_json(ms_prisma_version *out, json_t *root)
{
	static const char *const dev[] = { "devDependencies", "prisma", NULL };
	static const char *const dep[] = { "dependencies", "prisma", NULL };

	return json_lookup(out, root, dev) || json_lookup(out, root, dep);
}

static int read_json(json_t **out, const char *path, ms_error *err)
{
	json_error_t je;

	*out = json_load_file(path, 0, &je);
	if (*out == NULL)
		return ms_error_set(err, MS_EINPUT, "%s:%d:%d: %s", path, je.line,
			je.column, je.text);
	return MS_OK;
}

/*
 * pnpm-lock.yaml and yarn.lock: one regular expression over each line
 * finds the resolved prisma version; a YAML parser would read far more
 * than this one key.
 */
static int from_text_lock(ms_prisma_version *out, const char *path,
	int yarn, ms_error *err)
{
	regex_t re;
	regmatch_t m[2];
	char line[4096];
	FILE *f = fopen(path, "r");
	int found = 0, in_block = 0;
	const char *pat = yarn ? "^  version:? \"?([0-9]+\\.[0-9]+\\.[0-9]+)" :
		"^ *['\"]?/?prisma[@/]([0-9]+\\.[0-9]+\\.[0-9]+)";

	if (f == NULL)
		return ms_error_set(err, MS_EINPUT, "%s: cannot read", path);
	if (regcomp(&re, pat, REG_EXTENDED) != 0) {
		fclose(f);
		return ms_error_set(err, MS_ERROR, "regex");
	}
	while (!found && fgets(line, sizeof(line), f)) {
		if (yarn && line[0] != ' ' && line[0] != '\n') {
			/* A block header: "prisma@^6.19.0:" or "\"prisma@npm:6.19.3\":" */
			in_block = strncmp(line, "prisma@", 7) == 0 ||
				strncmp(line, "\"prisma@", 8) == 0;
			continue;
		}
		if ((!yarn || in_block) && regexec(&re, line, 2, m, 0) == 0)
			found = version_in(out, line + m[1].rm_so);
	}
	regfree(&re);
	fclose(f);
	return found;
}

static int exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* Look in one directory; *found = 1 and *out set when it names prisma. */
static int look_in(ms_prisma_version *out, int *found, char *source,
	size_t srclen, const char *dir, ms_error *err)
{
	static const char *const files[] = { "package-lock.json",
		"pnpm-lock.yaml", "yarn.lock", "package.json" };
	char path[PATH_MAX];
	int ret = MS_OK;

	*found = 0;
	for (size_t i = 0; i < 4 && !*found && ret == MS_OK; i++) {
		json_t *root = NULL;

		if (snprintf(path, sizeof(path), "%s/%s", dir, files[i]) >=
		    (int)sizeof(path) || !exists(path))
			continue;
		if (i == 0 || i == 3) {
			if ((ret = read_json(&root, path, err)) < 0)
				break;
			*found = i == 0 ? from_package_lock(out, root) :
				from_package_json(out, root);
			json_decref(root);
		} else {
			*found = from_text_lock(out, path, i == 2, err);
		}
		if (*found)
			snprintf(source, srclen, "%s%s", path, i == 3 ?
				" (the lowest version its range allows)" : "");
	}
	return ret;
}

int ms_prisma_detect(ms_prisma_profile *out, const char *flag,
	const char *migrations_path, ms_error *err)
{
	ms_prisma_version v = newest;
	char dir[PATH_MAX], source[PATH_MAX + 64];
	int found = 0, ret;

	if (flag) {
		if ((ret = ms_prisma_version_parse(&v, flag, err)) < 0)
			return ret;
		return ms_prisma_profile_for(out, &v, "--prisma", err);
	}
	if (realpath(migrations_path, dir) == NULL)
		snprintf(dir, sizeof(dir), "%s", migrations_path);
	/* The project root is usually one or two levels above the
	 * migrations folder (prisma/migrations, packages/db/prisma/...). */
	for (int level = 0; level < 6 && !found; level++) {
		char *slash = strrchr(dir, '/');

		if (slash == NULL || slash == dir)
			break;
		*slash = '\0';
		if ((ret = look_in(&v, &found, source, sizeof(source), dir,
		    err)) < 0)
			return ret;
	}
	if (!found) {
		v = newest;
		snprintf(source, sizeof(source),
			"no --prisma and no prisma package found near the migrations; the newest known");
	}
	return ms_prisma_profile_for(out, &v, source, err);
}
