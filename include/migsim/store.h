/*
 * store.h - the SQLite state file: one file is one simulated PostgreSQL
 * database (design.md "The state file").
 *
 * The file holds the _prisma_migrations ledger under Prisma's own name and
 * columns, the simulated catalog, a journal of commands and statements,
 * and the simulated clock and id generator.  Its format version lives in
 * PRAGMA user_version and its owner in PRAGMA application_id, so a foreign,
 * damaged or newer file is refused before anything is written.
 *
 * Every command is one store transaction (ms_store_begin .. ms_store_commit);
 * ms_store_free() without a commit rolls back, and a file created by this
 * open is removed again, so bad input leaves no trace.  Simulated
 * PostgreSQL transactions are savepoints inside it.
 */
#ifndef MIGSIM_STORE_H
#define MIGSIM_STORE_H

#include "migsim/common.h"

struct sqlite3;
struct sqlite3_stmt;
typedef struct ms_store ms_store;

#define MS_STORE_FORMAT 2          /* PRAGMA user_version this build writes */
#define MS_STORE_APP_ID 0x4d53494d /* 'MSIM' in PRAGMA application_id */

#define MS_STORE_CREATE   0x1 /* create the file when missing */
#define MS_STORE_READONLY 0x2 /* never write (inspection commands) */

/*
 * Open the state file at path.  MS_ENOTFOUND when it is missing and
 * MS_STORE_CREATE is not given; MS_ECORRUPT for a file that is not an
 * SQLite database, belongs to another program, is damaged, or was written
 * by a newer migsim; MS_EIO when it cannot be opened.
 */
int ms_store_open(ms_store **out, const char *path, int flags, ms_error *err);

/* Roll back any open transaction, close, and remove the file if this open
 * created it and nothing was committed.  Accepts NULL. */
void ms_store_free(ms_store *store);

/* The path given to ms_store_open (borrowed). */
const char *ms_store_path(const ms_store *store);

/* The SQLite handle, for the layers that keep tables in the file. */
struct sqlite3 *ms_store_db(ms_store *store);

/* The command transaction: BEGIN IMMEDIATE, COMMIT, ROLLBACK. */
int ms_store_begin(ms_store *store, ms_error *err);
int ms_store_commit(ms_store *store, ms_error *err);
void ms_store_rollback(ms_store *store);

/* Savepoints, for simulated PostgreSQL transactions.  rollback_to also
 * releases the savepoint. */
int ms_store_savepoint(ms_store *store, const char *name, ms_error *err);
int ms_store_release(ms_store *store, const char *name, ms_error *err);
int ms_store_rollback_to(ms_store *store, const char *name, ms_error *err);

/* Run SQL that returns no rows; the message names the state file. */
int ms_store_exec(ms_store *store, const char *sql, ms_error *err);

/*
 * A prepared statement for sql, kept for the life of the store so that
 * the catalog's many small queries are compiled once.  sql must outlive
 * the store (a string literal).  The statement comes back reset, with no
 * bindings; do not finalize it.
 */
int ms_store_prepare(struct sqlite3_stmt **out, ms_store *store,
	const char *sql, ms_error *err);

/* Key/value settings kept in the file.  get: *out is malloc'd, NULL when
 * the key is absent. */
int ms_store_meta_get(char **out, ms_store *store, const char *key,
	ms_error *err);
int ms_store_meta_set(ms_store *store, const char *key, const char *value,
	ms_error *err);

/*
 * The clock.  By default the wall clock (never going backwards within one
 * file); after ms_store_set_clock, a simulated clock that starts at `start`
 * and advances by `step` microseconds at every reading, persisted in the
 * file so that later commands continue from where the last one stopped.
 * Setting the clock also makes ids reproducible (seed 0) unless a seed was
 * set before.
 */
int ms_store_set_clock(ms_store *store, ms_time start, ms_time step,
	ms_error *err);
/* Return to the wall clock. */
int ms_store_set_wall_clock(ms_store *store, ms_error *err);
int ms_store_now(ms_time *out, ms_store *store, ms_error *err);

/*
 * Row ids: random UUIDv4 (as Prisma) by default; after ms_store_set_seed,
 * UUIDv4-shaped ids derived from SHA-256(seed, counter), reproducible.
 * The counter is never reset, so ids do not repeat within a file.
 * out receives 36 lower-case characters and a NUL.
 */
int ms_store_set_seed(ms_store *store, uint64_t seed, ms_error *err);
int ms_store_uuid(char out[37], ms_store *store, ms_error *err);

/*
 * The journal: one row per command, and one per simulated migration or
 * statement, for narration and JSON output.
 */
typedef struct ms_journal_event {
	const char *migration; /* folder name, or NULL */
	int stmt;              /* 1-based statement number, 0 for none */
	int line;              /* line in migration.sql, 0 for none */
	const char *tag;       /* statement kind, e.g. "CREATE INDEX" */
	const char *outcome;   /* "ok", "fails", "unknown", "applied", ... */
	const char *sqlstate;  /* or NULL */
	const char *message;   /* or NULL */
} ms_journal_event;

int ms_store_journal_begin(ms_store *store, const char *command,
	ms_error *err);
int ms_store_journal_event(ms_store *store, const ms_journal_event *ev,
	ms_error *err);
int ms_store_journal_end(ms_store *store, int exit_status, ms_error *err);

#endif
