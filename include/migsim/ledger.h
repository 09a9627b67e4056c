/*
 * ledger.h - the _prisma_migrations table of the simulated database, with
 * Prisma's columns and the writes Prisma's engine makes (spec
 * prisma-migrate.md section 1).  The table lives in the state file under
 * its real name, so the queries a person runs on PostgreSQL run on it too.
 */
#ifndef MIGSIM_LEDGER_H
#define MIGSIM_LEDGER_H

#include "migsim/common.h"
#include "migsim/store.h"

typedef enum ms_row_state {
	MS_ROW_APPLIED,     /* finished_at set, rolled_back_at NULL */
	MS_ROW_FAILED,      /* finished_at NULL, rolled_back_at NULL */
	MS_ROW_ROLLED_BACK  /* rolled_back_at set */
} ms_row_state;

typedef struct ms_ledger_row {
	char *id;
	char *checksum;
	ms_time finished_at;     /* MS_TIME_NULL for NULL */
	char *migration_name;
	char *logs;              /* NULL for NULL */
	ms_time rolled_back_at;  /* MS_TIME_NULL for NULL */
	ms_time started_at;
	int applied_steps_count;
} ms_ledger_row;

typedef struct ms_ledger {
	ms_ledger_row *rows;     /* in started_at order, as the engine reads */
	size_t count;
	int exists;              /* the table exists */
} ms_ledger;

/* The seed's query 7, plus the rolled-back count. */
typedef struct ms_ledger_summary {
	long total;      /* COUNT(*) */
	long applied;    /* COUNT(finished_at) */
	long failed;     /* COUNT(*) FILTER (WHERE finished_at IS NULL) */
	long rolled_back;/* COUNT(rolled_back_at) */
} ms_ledger_summary;

ms_row_state ms_ledger_row_state(const ms_ledger_row *row);
const char *ms_row_state_name(ms_row_state state);

/* Whether _prisma_migrations exists in the simulated database. */
int ms_ledger_exists(int *out, ms_store *store, ms_error *err);
/* CREATE TABLE _prisma_migrations, Prisma's DDL. */
int ms_ledger_create(ms_store *store, ms_error *err);

/*
 * Load every row, ordered by started_at.  A missing table gives an empty
 * ledger with exists = 0 (the engine treats any read error the same way).
 * A NULL in a NOT NULL column of a hand-edited file is MS_ECORRUPT with
 * the engine's "Failed to extract `x` from `_prisma_migrations` row."
 * Free with ms_ledger_clear.
 */
int ms_ledger_load(ms_ledger *out, ms_store *store, ms_error *err);
void ms_ledger_clear(ms_ledger *ledger);

int ms_ledger_summarize(ms_ledger_summary *out, ms_store *store,
	ms_error *err);

/* Engine writes, one per event of spec section 1.4.  Each takes its time
 * from the store's clock. */
int ms_ledger_insert_started(char id_out[37], ms_store *store,
	const char *name, const char *checksum, ms_error *err);
int ms_ledger_record_success(ms_store *store, const char *id, ms_error *err);
int ms_ledger_record_failure(ms_store *store, const char *id,
	const char *logs, ms_error *err);
int ms_ledger_mark_rolled_back(ms_store *store, const char *id,
	ms_error *err);
int ms_ledger_insert_applied(ms_store *store, const char *name,
	const char *checksum, ms_error *err);

#endif
