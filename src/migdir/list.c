/*
 * list.c - reading a migrations directory the way Prisma does (spec
 * prisma-migrate.md sections 2.1 and 2.5): every subdirectory is a
 * migration whether or not it holds migration.sql, top-level files are
 * skipped, symlinks are not directories; migration.sql and
 * migration_lock.toml are read whole.
 *
 * migsim is stricter than Prisma in one place: a migration.sql that is not
 * UTF-8 is refused with its line and column, because Prisma >= 6.6 would
 * silently replace the bad bytes with U+FFFD and <= 6.5 would fail to read
 * it; neither is what the author meant.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <unicode/utf8.h>

#include "migdir_int.h"

#define MAX_SCRIPT_BYTES ((size_t)64 << 20)

struct ms_migdir {
	char *path;
	ms_migration *items;
	size_t count;
	char *lock;
	char *lock_path;
};

typedef struct entry {
	ms_migration m;
	uint8_t *key;
} entry;

static char *join(const char *a, const char *b)
{
	ms_buf buf = MS_BUF_INIT;

	ms_buf_puts(&buf, a);
	if (buf.len && buf.ptr[buf.len - 1] != '/')
		ms_buf_putc(&buf, '/');
	ms_buf_puts(&buf, b);
	return ms_buf_detach(&buf);
}

/*
 * Read a whole file.  Returns MS_OK with *data set, or MS_ENOTFOUND/MS_EIO
 * with *why set to a short reason (static string or strerror).
 */
static int read_file(char **data, size_t *len, const char **why,
	const char *path)
{
	FILE *f = fopen(path, "rb");
	ms_buf buf = MS_BUF_INIT;
	char chunk[65536];
	size_t n;
	int saved;

	*data = NULL;
	if (f == NULL) {
		saved = errno;
		*why = saved == ENOENT ? "no such file" : strerror(saved);
		return saved == ENOENT ? MS_ENOTFOUND : MS_EIO;
	}
	buf.max = MAX_SCRIPT_BYTES;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		ms_buf_put(&buf, chunk, n);
	saved = ferror(f) ? errno : 0;
	fclose(f);
	if (saved) {
		ms_buf_free(&buf);
		*why = strerror(saved);
		return MS_EIO;
	}
	if (ms_buf_status(&buf) < 0) {
		ms_buf_free(&buf);
		*why = "file too large or out of memory";
		return MS_EIO;
	}
	*len = buf.len;
	*data = ms_buf_detach(&buf);
	return *data ? MS_OK : MS_EIO;
}

/* MS_EINPUT naming file, line and column of the first ill-formed byte. */
static int check_utf8(const char *path, const char *s, size_t len,
	ms_error *err)
{
	int32_t i = 0, n = (int32_t)len, line = 1, col = 1;

	while (i < n) {
		int32_t start = i;
		UChar32 c;

		U8_NEXT(s, i, n, c);
		if (c < 0)
			return ms_error_set(err, MS_EINPUT,
				"%s:%d:%d: not UTF-8 (byte 0x%02x); Prisma 6.6+ would "
				"replace it with U+FFFD and hash the changed text, "
				"Prisma 6.5 and older cannot read the file",
				path, line, col, (unsigned char)s[start]);
		if (c == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	return MS_OK;
}

static int is_directory(const char *dir, const struct dirent *de)
{
	struct stat sb;
	char *p;
	int r;

	if (de->d_type != DT_UNKNOWN)
		return de->d_type == DT_DIR;
	p = join(dir, de->d_name);
	r = p && lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
	free(p);
	return r;
}

static int load_migration(entry *e, const char *dir, const char *name,
	ms_error *err)
{
	char *folder = join(dir, name);
	const char *why = NULL;
	int ret;

	e->m.name = ms_strdup(name);
	e->m.sql_path = folder ? join(folder, "migration.sql") : NULL;
	free(folder);
	if (e->m.name == NULL || e->m.sql_path == NULL)
		return ms_error_set(err, MS_ENOMEM, "out of memory");
	if (check_utf8(dir, name, strlen(name), NULL) < 0)
		return ms_error_set(err, MS_EINPUT,
			"%s: folder name is not UTF-8", e->m.sql_path);
	ret = read_file(&e->m.script, &e->m.script_len, &why, e->m.sql_path);
	if (ret < 0) {
		e->m.read_error = ms_strdup(why);
		return e->m.read_error ? MS_OK :
			ms_error_set(err, MS_ENOMEM, "out of memory");
	}
	if ((ret = check_utf8(e->m.sql_path, e->m.script, e->m.script_len,
	    err)) < 0)
		return ret;
	ms_checksum(e->m.script, e->m.script_len, e->m.checksum);
	return MS_OK;
}

static int by_key(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	int c = strcmp((const char *)x->key, (const char *)y->key);

	/* ICU ties (canonically equal names) fall back to bytes so that the
	 * order never depends on readdir. */
	return c ? c : strcmp(x->m.name, y->m.name);
}

static void free_migration(ms_migration *m)
{
	free(m->name);
	free(m->sql_path);
	free(m->script);
	free(m->read_error);
}

static int list_entries(entry **out, size_t *count, const char *path,
	ms_error *err)
{
	DIR *d = opendir(path);
	struct dirent *de;
	entry *items = NULL;
	size_t n = 0, cap = 0;
	int ret = MS_OK;

	if (d == NULL)
		return ms_error_set(err, errno == ENOENT || errno == ENOTDIR ?
			MS_ENOTFOUND : MS_EIO, "%s: %s", path,
			errno == ENOENT ? "no such directory" : strerror(errno));
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (!is_directory(path, de))
			continue;
		if (n == cap) {
			entry *p;

			cap = cap ? cap * 2 : 64;
			p = realloc(items, cap * sizeof(*items));
			if (p == NULL) {
				ret = ms_error_set(err, MS_ENOMEM, "out of memory");
				break;
			}
			items = p;
		}
		memset(&items[n], 0, sizeof(items[n]));
		ret = load_migration(&items[n], path, de->d_name, err);
		n++;
		if (ret < 0)
			break;
	}
	closedir(d);
	*out = items;
	*count = n;
	return ret;
}

static int sort_entries(entry *items, size_t n, ms_order order, ms_error *err)
{
	UCollator *coll = NULL;
	int ret = MS_OK;

	if (order == MS_ORDER_ICU) {
		if ((ret = ms_migdir__collator(&coll, err)) < 0)
			return ret;
		for (size_t i = 0; i < n && ret == MS_OK; i++)
			ret = ms_migdir__sort_key(&items[i].key, coll,
				items[i].m.name, err);
		ucol_close(coll);
	} else {
		for (size_t i = 0; i < n && ret == MS_OK; i++) {
			items[i].key = (uint8_t *)ms_strdup(items[i].m.name);
			if (items[i].key == NULL)
				ret = ms_error_set(err, MS_ENOMEM, "out of memory");
		}
	}
	if (ret == MS_OK && n > 1)
		qsort(items, n, sizeof(*items), by_key);
	return ret;
}

static int read_lock(ms_migdir *dir, ms_error *err)
{
	const char *why;
	size_t len;

	dir->lock_path = join(dir->path, "migration_lock.toml");
	if (dir->lock_path == NULL)
		return ms_error_set(err, MS_ENOMEM, "out of memory");
	/* Prisma treats any read error as "no lock file". */
	read_file(&dir->lock, &len, &why, dir->lock_path);
	return MS_OK;
}

int ms_migdir_open(ms_migdir **out, const char *path, ms_order order,
	ms_error *err)
{
	ms_migdir *dir = NULL;
	entry *items = NULL;
	size_t n = 0;
	struct stat sb;
	int ret;

	*out = NULL;
	if (stat(path, &sb) < 0 || !S_ISDIR(sb.st_mode))
		return ms_error_set(err, MS_ENOTFOUND,
			"%s: no such migrations directory", path);
	dir = calloc(1, sizeof(*dir));
	if (dir == NULL || (dir->path = ms_strdup(path)) == NULL) {
		ret = ms_error_set(err, MS_ENOMEM, "out of memory");
		goto out;
	}
	if ((ret = list_entries(&items, &n, path, err)) < 0 ||
	    (ret = sort_entries(items, n, order, err)) < 0 ||
	    (ret = read_lock(dir, err)) < 0)
		goto out;
	dir->items = calloc(n ? n : 1, sizeof(*dir->items));
	if (dir->items == NULL) {
		ret = ms_error_set(err, MS_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		dir->items[i] = items[i].m;
		memset(&items[i].m, 0, sizeof(items[i].m));
	}
	dir->count = n;
	*out = dir;
	dir = NULL;
out:
	for (size_t i = 0; i < n; i++) {
		free_migration(&items[i].m);
		free(items[i].key);
	}
	free(items);
	ms_migdir_free(dir);
	return ret;
}

void ms_migdir_free(ms_migdir *dir)
{
	if (dir == NULL)
		return;
	for (size_t i = 0; i < dir->count; i++)
		free_migration(&dir->items[i]);
	free(dir->items);
	free(dir->lock);
	free(dir->lock_path);
	free(dir->path);
	free(dir);
}

const char *ms_migdir_path(const ms_migdir *dir)
{
	return dir->path;
}

size_t ms_migdir_count(const ms_migdir *dir)
{
	return dir->count;
}

const ms_migration *ms_migdir_at(const ms_migdir *dir, size_t i)
{
	return i < dir->count ? &dir->items[i] : NULL;
}

long ms_migdir_index(const ms_migdir *dir, const char *name)
{
	for (size_t i = 0; i < dir->count; i++)
		if (strcmp(dir->items[i].name, name) == 0)
			return (long)i;
	return -1;
}

const ms_migration *ms_migdir_find(const ms_migdir *dir, const char *name)
{
	long i = ms_migdir_index(dir, name);

	return i < 0 ? NULL : &dir->items[i];
}

const char *ms_migdir_lock(const ms_migdir *dir)
{
	return dir->lock;
}

const char *ms_migdir_lock_path(const ms_migdir *dir)
{
	return dir->lock_path;
}
