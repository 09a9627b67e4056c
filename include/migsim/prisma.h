/*
 * prisma.h - Prisma Migrate's rules: deploy, status and resolve against
 * the simulated database, for a chosen Prisma version (spec
 * prisma-migrate.md sections 4-7, execution-modes.md section 3).
 *
 * Each call produces a result: what Prisma would write to stdout and
 * stderr (after its schema and datasource header lines, which migsim has
 * no counterpart for), its exit status and P-code, and migsim's own
 * prediction per migration.  Nothing here prints.
 */
#ifndef MIGSIM_PRISMA_H
#define MIGSIM_PRISMA_H

#include "migsim/common.h"
#include "migsim/ledger.h"
#include "migsim/migdir.h"
#include "migsim/pg.h"
#include "migsim/store.h"

typedef struct ms_prisma_version {
	int major, minor, patch;
} ms_prisma_version;

/* The behaviour of one Prisma version (execution-modes.md section 3). */
typedef struct ms_prisma_profile {
	ms_prisma_version asked;     /* the version given or found */
	ms_prisma_version simulated; /* the known version whose rules apply */
	ms_order order;              /* folder order */
	ms_exec_mode exec;           /* how a script is sent */
	int engine_reads_folder;     /* <= 6.5: full path in P3015 */
	int padded_blank_lines;      /* 5.x/6.x: "blank" lines of spaces */
	int schema_core_spans;       /* 5.x span names in logs */
	char source[512];            /* where the version came from */
} ms_prisma_profile;

/* "6.19.3", "7.4", "v6.6.0", "6.19.3-dev.1" ...; MS_EINPUT otherwise. */
int ms_prisma_version_parse(ms_prisma_version *out, const char *s,
	ms_error *err);
/* The profile of a version.  MS_EINPUT below 5.0.0; versions newer than
 * the newest known one are simulated as that one (see source). */
int ms_prisma_profile_for(ms_prisma_profile *out,
	const ms_prisma_version *v, const char *source, ms_error *err);
/* The newest version migsim knows. */
ms_prisma_version ms_prisma_newest(void);
/*
 * Pick the version to simulate: `flag` (from --prisma) when not NULL,
 * else the prisma package in the nearest package-lock.json,
 * pnpm-lock.yaml, yarn.lock or package.json above the migrations folder,
 * else the newest known.  MS_EINPUT for a bad version or unreadable file.
 */
int ms_prisma_detect(ms_prisma_profile *out, const char *flag,
	const char *migrations_path, ms_error *err);

/* A rehearsed fault, from --fail NAME[:N]=SQLSTATE or --crash NAME[:N]. */
typedef struct ms_prisma_fault {
	const char *migration;
	ms_pg_fault pg;
} ms_prisma_fault;

typedef struct ms_prisma_opts {
	ms_prisma_profile profile;
	const ms_prisma_fault *faults;
	size_t n_faults;
} ms_prisma_opts;

/* What migsim predicts for one migration deploy ran. */
typedef struct ms_prisma_applied {
	char *name;
	ms_verdict verdict;
	ms_exec_mode mode;        /* as asked by the version */
	int fell_back;            /* split mode sent the file whole */
	int split_unsure;
	int crashed;
	int session_aborted;
	int block_open;
	size_t n_stmts, n_ok, n_unknown, n_not_run;
	int failed_stmt;
	char sqlstate[6];
	char *error;              /* PostgreSQL's message, or NULL */
	const char *note;         /* why unknown, or NULL */
} ms_prisma_applied;

typedef struct ms_prisma_result {
	int exit_status;          /* Prisma's: 0 or 1; 137 for a simulated kill */
	char code[8];             /* "P3018" ..., or "" */
	ms_buf out;               /* Prisma's stdout */
	ms_buf err;               /* Prisma's stderr */
	ms_buf notes;             /* migsim's remarks, one per line */
	ms_verdict verdict;       /* how sure the prediction is */
	ms_prisma_applied *applied;
	size_t n_applied;
	const char *diagnosis;    /* status: "databaseIsBehind" ... */
} ms_prisma_result;

void ms_prisma_result_clear(ms_prisma_result *r);

/*
 * The commands.  Each runs inside the caller's store transaction and
 * returns MS_OK whatever Prisma would answer (the answer is in *res), or
 * a migsim error (state file, memory, a fault naming no migration).
 */
int ms_prisma_deploy(ms_prisma_result *res, ms_store *store,
	const ms_migdir *dir, const ms_prisma_opts *opts, ms_error *err);
int ms_prisma_status(ms_prisma_result *res, ms_store *store,
	const ms_migdir *dir, const ms_prisma_opts *opts, ms_error *err);
int ms_prisma_resolve_applied(ms_prisma_result *res, ms_store *store,
	const ms_migdir *dir, const ms_prisma_opts *opts, const char *name,
	ms_error *err);
int ms_prisma_resolve_rolled_back(ms_prisma_result *res, ms_store *store,
	const ms_prisma_opts *opts, const char *name, ms_error *err);
/* `migrate resolve` without a flag, or with both. */
int ms_prisma_resolve_usage(ms_prisma_result *res, int both, ms_error *err);

#endif
