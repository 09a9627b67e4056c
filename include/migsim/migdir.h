/*
 * migdir.h - a Prisma migrations directory: its folders in Prisma's order,
 * each folder's migration.sql and checksum, and migration_lock.toml
 * (spec prisma-migrate.md sections 2.1-2.5).
 *
 * The whole directory is read by ms_migdir_open, as Prisma >= 6.6 does
 * before it talks to the engine; after that nothing touches the disk.
 */
#ifndef MIGSIM_MIGDIR_H
#define MIGSIM_MIGDIR_H

#include "migsim/common.h"

typedef enum ms_order {
	MS_ORDER_ICU,   /* Prisma >= 6.6: String.prototype.localeCompare */
	MS_ORDER_BYTES  /* Prisma <= 6.5: Rust str::cmp on the folder name */
} ms_order;

typedef struct ms_migration {
	char *name;       /* the folder name, which is the migration name */
	char *sql_path;   /* <dir>/<name>/migration.sql */
	char *script;     /* the file's bytes plus a NUL; NULL if unreadable */
	size_t script_len;
	char *read_error; /* why script is NULL, e.g. "no such file" */
	char checksum[65];/* lower-case SHA-256 hex of script; "" if none */
} ms_migration;

typedef struct ms_migdir ms_migdir;

/*
 * Read the directory at path: every subdirectory (symlinks excluded, as
 * Node's Dirent.isDirectory()) is a migration, sorted by `order`.
 * MS_ENOTFOUND when path is missing or not a directory; MS_EINPUT for a
 * migration.sql or folder name that is not UTF-8 (the message names the
 * file, line and column); MS_EIO when the directory cannot be listed.
 * A folder without a readable migration.sql is listed with script NULL,
 * as Prisma lists it.
 */
int ms_migdir_open(ms_migdir **out, const char *path, ms_order order,
	ms_error *err);
void ms_migdir_free(ms_migdir *dir);

const char *ms_migdir_path(const ms_migdir *dir);
size_t ms_migdir_count(const ms_migdir *dir);
const ms_migration *ms_migdir_at(const ms_migdir *dir, size_t i);
/* Exact (byte) match on the name, as the engine's lookup; NULL if none. */
const ms_migration *ms_migdir_find(const ms_migdir *dir, const char *name);
/* Position of name in the order, or -1. */
long ms_migdir_index(const ms_migdir *dir, const char *name);

/* The contents of migration_lock.toml, or NULL when there is none. */
const char *ms_migdir_lock(const ms_migdir *dir);
/* Path of the lock file (borrowed). */
const char *ms_migdir_lock_path(const ms_migdir *dir);

/*
 * The provider the lock file names, by the engine's rule: the first line
 * starting with "provider", "provider = " stripped, quotes trimmed;
 * "<PROVIDER NOT FOUND>" when no line qualifies.  Returns a malloc'd
 * string, or NULL when there is no lock file (no check) or on ENOMEM.
 */
char *ms_migdir_lock_provider(const char *lock_content);

/* Compare two folder names in the given order (<0, 0, >0). */
int ms_migdir_compare(const char *a, const char *b, ms_order order,
	ms_error *err, int *cmp);

/* SHA-256 of data as 64 lower-case hex digits. */
void ms_checksum(const char *data, size_t len, char out[65]);
/*
 * Whether script matches a stored checksum as the engine decides it:
 * as is, with CRLF turned to LF, or with LF turned to CRLF; a stored
 * value whose length is not 64 is compared in the legacy unpadded-hex
 * form; an empty stored value never matches.  1 = match, 0 = no match,
 * MS_ENOMEM on allocation failure.
 */
int ms_checksum_matches(const char *script, size_t len, const char *stored);

#endif
