/*
 * pg.h - the simulated PostgreSQL 15 server: parsing a migration script
 * (libpg_query), the transaction model of a simple-query message, and the
 * errors PostgreSQL would raise, with SQLSTATE and message text
 * (design.md "Layers": pg; spec execution-modes.md sections 1 and 6).
 *
 * Every statement ends as ok, fails (SQLSTATE + PostgreSQL's text) or
 * unknown (not modelled, or depends on what the simulator cannot know);
 * nothing unmodelled is reported as ok.  No libpg_query type crosses this
 * header.
 */
#ifndef MIGSIM_PG_H
#define MIGSIM_PG_H

#include "migsim/common.h"
#include "migsim/store.h"

/* libpg_query keeps a per-thread memory context: set it up before the
 * first parse and release it once, at exit (the program's owner calls
 * both); it cannot be set up again after it was released. */
void ms_pg_init(void);
void ms_pg_shutdown(void);

typedef enum ms_verdict {
	MS_VERDICT_OK,
	MS_VERDICT_UNKNOWN,
	MS_VERDICT_FAILS
} ms_verdict;

const char *ms_verdict_name(ms_verdict v);

/* A server error as libpq/tokio-postgres receive it (only the fields
 * migsim fills; NULL strings are absent fields). */
typedef struct ms_pg_error {
	char sqlstate[6];
	char *message;
	char *detail;
	char *hint;
	char *where;
	char *schema;
	char *table;
	char *column;
	char *datatype;
	char *constraint;
	int position;        /* 1-based character offset in the query text, 0 = none */
	const char *file;    /* reporting site on PostgreSQL 15.18, or NULL */
	int line;
	const char *routine;
	char file_buf[32];   /* where file points when it is not a literal */
} ms_pg_error;

void ms_pg_error_clear(ms_pg_error *e);
/* Fill e with code and a printf-style message; clears e first. */
int ms_pg_error_set(ms_pg_error *e, const char *sqlstate, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int ms_pg_error_copy(ms_pg_error *dst, const ms_pg_error *src);

/* How a statement interacts with transaction blocks. */
typedef enum ms_stmt_class {
	MS_STMT_PLAIN,      /* ordinary statement */
	MS_STMT_BEGIN,      /* BEGIN, START TRANSACTION */
	MS_STMT_COMMIT,     /* COMMIT, END */
	MS_STMT_ROLLBACK,   /* ROLLBACK, ABORT */
	MS_STMT_TXN_OTHER,  /* SAVEPOINT, RELEASE, PREPARE TRANSACTION ...: not modelled */
	MS_STMT_NO_BLOCK    /* refuses to run inside a transaction block */
} ms_stmt_class;

typedef struct ms_pg_stmt {
	size_t offset;       /* RawStmt location: just after the previous ';' */
	size_t len;          /* bytes up to (not including) the ending ';' */
	size_t start;        /* first byte of the statement's first token */
	int line;            /* line of that token, 1-based */
	char tag[48];        /* command tag, e.g. "CREATE INDEX" */
	ms_stmt_class cls;
	const char *no_block;/* MS_STMT_NO_BLOCK: PostgreSQL's name for it,
	                        e.g. "CREATE INDEX CONCURRENTLY"; for
	                        MS_STMT_TXN_OTHER, the name in its 25P01
	                        "can only be used in transaction blocks" */
} ms_pg_stmt;

typedef struct ms_pg_script {
	const char *sql;     /* borrowed script text */
	size_t sql_len;
	ms_pg_stmt *stmts;
	size_t count;
	int parse_failed;    /* PostgreSQL rejects the whole string */
	ms_pg_error parse_error;
	void *tree;          /* the parse tree, private to src/pg */
} ms_pg_script;

/*
 * Parse sql (len bytes, NUL-terminated) as PostgreSQL 15 parses one
 * simple-query message.  A syntax error is not a failure of this call: it
 * sets parse_failed and parse_error (42601 and PostgreSQL's text, position
 * in characters).  MS_ENOMEM only.  Clear with ms_pg_script_clear.
 */
int ms_pg_parse(ms_pg_script *out, const char *sql, size_t len,
	ms_error *err);
void ms_pg_script_clear(ms_pg_script *script);

typedef enum ms_exec_mode {
	MS_EXEC_BATCH,  /* the whole file as one simple query (Prisma <= 7.3) */
	MS_EXEC_SPLIT,  /* statement by statement (Prisma >= 7.4), falling
	                   back to batch when sqlparser rejects the file */
	MS_EXEC_PSQL    /* statement by statement, as psql -f sends a file
	                   by hand (migsim sql) */
} ms_exec_mode;

const char *ms_exec_mode_name(ms_exec_mode m);

/* A rehearsed fault: statement `stmt` (1-based; 0 = the last) fails with
 * sqlstate, or the process is killed right after it. */
typedef struct ms_pg_fault {
	int stmt;
	char sqlstate[6];
	const char *message; /* NULL: PostgreSQL's usual text for sqlstate */
	int crash;
} ms_pg_fault;

typedef struct ms_pg_stmt_result {
	ms_verdict verdict;
	int ran;             /* reached by the server */
	int kept;            /* its effect is committed at the end */
	const char *note;    /* why unknown, static text, or NULL */
} ms_pg_stmt_result;

typedef struct ms_pg_result {
	ms_verdict verdict;      /* of the whole script */
	ms_pg_error error;       /* the server error when verdict is FAILS */
	const char *sent;        /* text the error position refers to */
	size_t sent_len;
	int failed_stmt;         /* 1-based, 0 = none */
	int uncertain_stmt;      /* 1-based: an earlier statement migsim could
	                            not check, which may fail first with
	                            another error; 0 = the error is certain */
	ms_exec_mode mode;       /* the mode asked for */
	int fell_back;           /* split asked, the file went as one batch */
	int split_unsure;        /* whether sqlparser accepts the file is not
	                            known and the two modes disagree */
	int crashed;             /* a fault killed the process */
	int session_aborted;     /* failed inside BEGIN..COMMIT: the session
	                            is left in an aborted block */
	int block_open;          /* ended inside BEGIN without COMMIT: the
	                            block stays open on the session */
	size_t n_ok, n_unknown, n_failed, n_not_run;
	ms_pg_stmt_result *stmts;/* one per statement of the script */
	size_t count;
	const char *unknown_note;/* why the verdict is unknown, or NULL */
} ms_pg_result;

/*
 * One database connection.  An explicit BEGIN left open by a script stays
 * open across the scripts that follow on the same connection, as it does
 * for Prisma's engine, which sends every migration and its ledger writes
 * on one session; closing the connection rolls such a block back.
 */
#define MS_PG_SAVEPOINTS 16

typedef struct ms_pg_session {
	int in_block;    /* a BEGIN is open (its savepoint is in the store) */
	int aborted;     /* a statement failed inside that block */
	/* SAVEPOINTs open in that block, oldest first; the store holds one
	 * SQLite savepoint for each, named after its depth. */
	char savepoints[MS_PG_SAVEPOINTS][64];
	int n_savepoints;
	int savepoints_lost; /* one was set that the stack could not hold */
} ms_pg_session;

#define MS_PG_SESSION_INIT { 0, 0, { { 0 } }, 0, 0 }

/* The connection ends: an open block is rolled back. */
int ms_pg_session_close(ms_pg_session *session, ms_store *store,
	ms_error *err);

/*
 * Run a parsed script against the simulated database in store, on
 * session (NULL: a connection of its own, closed at the end), as the
 * given execution mode sends it, inside the caller's store transaction:
 * committed effects stay, rolled-back ones are undone with savepoints.
 * The outcome (including a predicted PostgreSQL failure) is in out; the
 * return value is MS_OK or a state-file error.  Clear out with
 * ms_pg_result_clear.
 */
int ms_pg_execute(ms_pg_result *out, ms_store *store, ms_pg_session *session,
	const ms_pg_script *script, ms_exec_mode mode,
	const ms_pg_fault *fault, ms_error *err);
void ms_pg_result_clear(ms_pg_result *r);

/* PostgreSQL's message for a SQLSTATE when migsim injects it, and the
 * condition name from errcodes.txt; NULL for an unknown code. */
const char *ms_sqlstate_name(const char *sqlstate);
int ms_sqlstate_valid(const char *sqlstate);

/* Relations of the simulated catalog, for Prisma's emptiness check. */
typedef struct ms_pg_relation {
	char *schema;
	char *name;
	char relkind;        /* 'r' table, 'v' view, 'm' matview, 'p' partitioned, 'S' sequence, 'i' index */
	char rows[8];        /* what it holds: empty, rows, unknown */
} ms_pg_relation;

/* Ordinary tables (relkind 'r') of schema, as Prisma's table_names query
 * lists them.  *out is malloc'd; free with ms_pg_relations_free. */
int ms_pg_tables(ms_pg_relation **out, size_t *count, ms_store *store,
	const char *schema, ms_error *err);
void ms_pg_relations_free(ms_pg_relation *rels, size_t count);

/* Declare what a table of the simulated database holds: fact is "empty",
 * "rows" or "unknown" (design: the simulator keeps no rows, only this
 * fact).  table is [SCHEMA.]NAME; MS_EINPUT when there is no such table
 * or the fact is not one of those. */
int ms_pg_set_rows(ms_store *store, const char *table, const char *fact,
	ms_error *err);

/* The simulated schema as DDL in pg_dump --schema-only's shape, appended
 * to out (src/pg/schema.c says what it leaves out). */
int ms_pg_schema_dump(ms_buf *out, ms_store *store, ms_error *err);

#endif
