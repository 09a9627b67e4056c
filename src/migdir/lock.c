/*
 * lock.c - the provider named in migration_lock.toml, read exactly as the
 * engine reads it (spec prisma-migrate.md section 2.5; upstream
 * prisma-engines migrations_directory.rs read_provider_from_lock_file):
 * no TOML parsing, so migsim must not use a TOML library here.
 */
#include <string.h>

#include "migsim/migdir.h"

#define PREFIX "provider = "

char *ms_migdir_lock_provider(const char *lock)
{
	const char *line = lock;

	if (lock == NULL)
		return NULL;
	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);

		/* Rust's lines() also drops a '\r' before the '\n'. */
		if (len && line[len - 1] == '\r')
			len--;
		if (len >= 8 && strncmp(line, "provider", 8) == 0) {
			const char *p = line, *e = line + len;

			while ((size_t)(e - p) >= strlen(PREFIX) &&
			       strncmp(p, PREFIX, strlen(PREFIX)) == 0)
				p += strlen(PREFIX);
			while (p < e && *p == '"')
				p++;
			while (e > p && e[-1] == '"')
				e--;
			return ms_strndup(p, (size_t)(e - p));
		}
		if (end == NULL)
			break;
		line = end + 1;
	}
	return ms_strdup("<PROVIDER NOT FOUND>");
}
