/*
 * ledger.c - reading and writing _prisma_migrations in the state file, at
 * the moments and with the values Prisma's engine uses (spec
 * prisma-migrate.md sections 1.1-1.4; upstream prisma-engines
 * sql_migration_persistence.rs).  Timestamps are stored as PostgreSQL
 * prints timestamptz in a UTC session, which also sorts correctly as text.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "migsim/ledger.h"

/* Prisma's DDL (flavour/postgres.rs create_migrations_table); SQLite has
 * no now(), and every insert sets started_at itself. */
static const char create_sql[] =
	"CREATE TABLE _prisma_migrations (\n"
	"    id                      VARCHAR(36) PRIMARY KEY NOT NULL,\n"
	"    checksum                VARCHAR(64) NOT NULL,\n"
	"    finished_at             TIMESTAMPTZ,\n"
	"    migration_name          VARCHAR(255) NOT NULL,\n"
	"    logs                    TEXT,\n"
	"    rolled_back_at          TIMESTAMPTZ,\n"
	"    started_at              TIMESTAMPTZ NOT NULL,\n"
	"    applied_steps_count     INTEGER NOT NULL DEFAULT 0\n"
	");\n"
	/* Its columns are Prisma's, not the catalog's to check. */
	"INSERT OR IGNORE INTO migsim_relation(schema_name, name, relkind, known)"
	" VALUES ('public', '_prisma_migrations', 'r', 0);";

ms_row_state ms_ledger_row_state(const ms_ledger_row *row)
{
	if (row->rolled_back_at != MS_TIME_NULL)
		return MS_ROW_ROLLED_BACK;
	return row->finished_at != MS_TIME_NULL ? MS_ROW_APPLIED : MS_ROW_FAILED;
}

const char *ms_row_state_name(ms_row_state state)
{
	switch (state) {
	case MS_ROW_APPLIED:     return "finished";
	case MS_ROW_FAILED:      return "failed";
	case MS_ROW_ROLLED_BACK: return "rolled-back";
	}
	return "?";
}

static int sql_error(ms_store *s, const char *what, ms_error *err)
{
	return ms_error_set(err, MS_EIO, "%s: %s: %s", ms_store_path(s), what,
		sqlite3_errmsg(ms_store_db(s)));
}

int ms_ledger_exists(int *out, ms_store *s, ms_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(ms_store_db(s),
		"SELECT 1 FROM sqlite_master WHERE type = 'table'"
		" AND name = '_prisma_migrations'", -1, &st, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(s, "cannot read the ledger", err);
	*out = rc == SQLITE_ROW;
	return MS_OK;
}

int ms_ledger_create(ms_store *s, ms_error *err)
{
	return ms_store_exec(s, create_sql, err);
}

void ms_ledger_clear(ms_ledger *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->rows[i].id);
		free(l->rows[i].checksum);
		free(l->rows[i].migration_name);
		free(l->rows[i].logs);
	}
	free(l->rows);
	memset(l, 0, sizeof(*l));
}

static const char *column_names[] = {
	"id", "checksum", "finished_at", "migration_name", "logs",
	"rolled_back_at", "started_at", "applied_steps_count"
};

/* Columns that may be NULL in the engine's reading; others are required. */
static int nullable(int col)
{
	return col == 2 || col == 4 || col == 5;
}

static int read_time(ms_time *out, sqlite3_stmt *st, int col, ms_error *err)
{
	const char *t = (const char *)sqlite3_column_text(st, col);

	if (t == NULL) {
		*out = MS_TIME_NULL;
		return MS_OK;
	}
	if (ms_time_parse(out, t, NULL) < 0)
		return ms_error_set(err, MS_ECORRUPT,
			"_prisma_migrations: bad %s value '%s'", column_names[col], t);
	return MS_OK;
}

static int read_row(ms_ledger_row *r, sqlite3_stmt *st, ms_error *err)
{
	int ret;

	for (int c = 0; c < 8; c++)
		if (!nullable(c) && sqlite3_column_type(st, c) == SQLITE_NULL)
			return ms_error_set(err, MS_ECORRUPT,
				"Failed to extract `%s` from `_prisma_migrations` row.",
				column_names[c]);
	r->id = ms_strdup((const char *)sqlite3_column_text(st, 0));
	r->checksum = ms_strdup((const char *)sqlite3_column_text(st, 1));
	r->migration_name = ms_strdup((const char *)sqlite3_column_text(st, 3));
	r->logs = ms_strdup((const char *)sqlite3_column_text(st, 4));
	r->applied_steps_count = sqlite3_column_int(st, 7);
	if (!r->id || !r->checksum || !r->migration_name ||
	    (sqlite3_column_type(st, 4) != SQLITE_NULL && !r->logs))
		return ms_error_set(err, MS_ENOMEM, "out of memory");
	if ((ret = read_time(&r->finished_at, st, 2, err)) < 0 ||
	    (ret = read_time(&r->rolled_back_at, st, 5, err)) < 0 ||
	    (ret = read_time(&r->started_at, st, 6, err)) < 0)
		return ret;
	return MS_OK;
}

int ms_ledger_load(ms_ledger *out, ms_store *s, ms_error *err)
{
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc, ret;

	memset(out, 0, sizeof(*out));
	if ((ret = ms_ledger_exists(&out->exists, s, err)) < 0 || !out->exists)
		return ret;
	rc = sqlite3_prepare_v2(ms_store_db(s),
		"SELECT id, checksum, finished_at, migration_name, logs,"
		" rolled_back_at, started_at, applied_steps_count"
		" FROM _prisma_migrations ORDER BY started_at ASC", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sql_error(s, "cannot read the ledger", err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->count == cap) {
			ms_ledger_row *p;

			cap = cap ? cap * 2 : 32;
			p = realloc(out->rows, cap * sizeof(*p));
			if (p == NULL) {
				ret = ms_error_set(err, MS_ENOMEM, "out of memory");
				goto out;
			}
			out->rows = p;
		}
		memset(&out->rows[out->count], 0, sizeof(out->rows[0]));
		ret = read_row(&out->rows[out->count++], st, err);
		if (ret < 0)
			goto out;
	}
	if (rc != SQLITE_DONE)
		ret = sql_error(s, "cannot read the ledger", err);
out:
	sqlite3_finalize(st);
	if (ret < 0)
		ms_ledger_clear(out);
	return ret;
}

int ms_ledger_summarize(ms_ledger_summary *out, ms_store *s, ms_error *err)
{
	sqlite3_stmt *st = NULL;
	int exists, rc, ret;

	memset(out, 0, sizeof(*out));
	if ((ret = ms_ledger_exists(&exists, s, err)) < 0 || !exists)
		return ret;
	/* The seed's query 7, verbatim but for the extra column. */
	rc = sqlite3_prepare_v2(ms_store_db(s),
		"SELECT COUNT(*) as total_migrations,"
		" COUNT(finished_at) as successfully_applied,"
		" COUNT(*) FILTER (WHERE finished_at IS NULL) as failed,"
		" COUNT(rolled_back_at) FROM _prisma_migrations", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return sql_error(s, "cannot read the ledger", err);
	}
	out->total = sqlite3_column_int64(st, 0);
	out->applied = sqlite3_column_int64(st, 1);
	out->failed = sqlite3_column_int64(st, 2);
	out->rolled_back = sqlite3_column_int64(st, 3);
	sqlite3_finalize(st);
	return MS_OK;
}

/* Run one statement with text parameters (NULL binds SQL NULL).  sql is
 * a literal, prepared once per store: deploy writes three rows' worth of
 * statements per migration. */
static int run(ms_store *s, const char *sql, int n, const char **params,
	ms_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, ret;

	if ((ret = ms_store_prepare(&st, s, sql, err)) < 0)
		return ret;
	rc = SQLITE_OK;
	for (int i = 0; rc == SQLITE_OK && i < n; i++)
		rc = params[i] ?
			sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_STATIC) :
			sqlite3_bind_null(st, i + 1);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return sql_error(s, "cannot write the ledger", err);
	return MS_OK;
}

static int now_text(char out[MS_TIME_BUFSZ], ms_store *s, ms_error *err)
{
	ms_time t;
	int ret = ms_store_now(&t, s, err);

	if (ret == MS_OK)
		ms_time_format_pg(t, out);
	return ret;
}

int ms_ledger_insert_started(char id_out[37], ms_store *s, const char *name,
	const char *checksum, ms_error *err)
{
	char now[MS_TIME_BUFSZ];
	const char *p[4];
	int ret;

	if ((ret = ms_store_uuid(id_out, s, err)) < 0 ||
	    (ret = now_text(now, s, err)) < 0)
		return ret;
	p[0] = id_out;
	p[1] = checksum;
	p[2] = now;
	p[3] = name;
	return run(s, "INSERT INTO _prisma_migrations"
		" (id, checksum, started_at, migration_name)"
		" VALUES (?1, ?2, ?3, ?4)", 4, p, err);
}

int ms_ledger_record_success(ms_store *s, const char *id, ms_error *err)
{
	char now[MS_TIME_BUFSZ];
	const char *p[2] = { id, NULL };
	int ret;

	/* Two statements, as record_successful_step then
	 * record_migration_finished issue them. */
	if ((ret = run(s, "UPDATE _prisma_migrations SET applied_steps_count ="
	    " applied_steps_count + 1 WHERE id = ?1", 1, p, err)) < 0 ||
	    (ret = now_text(now, s, err)) < 0)
		return ret;
	p[1] = now;
	return run(s, "UPDATE _prisma_migrations SET finished_at = ?2"
		" WHERE id = ?1", 2, p, err);
}

int ms_ledger_record_failure(ms_store *s, const char *id, const char *logs,
	ms_error *err)
{
	const char *p[2] = { id, logs };

	return run(s, "UPDATE _prisma_migrations SET logs = ?2 WHERE id = ?1",
		2, p, err);
}

int ms_ledger_mark_rolled_back(ms_store *s, const char *id, ms_error *err)
{
	char now[MS_TIME_BUFSZ];
	const char *p[2] = { id, now };
	int ret;

	if ((ret = now_text(now, s, err)) < 0)
		return ret;
	return run(s, "UPDATE _prisma_migrations SET rolled_back_at = ?2"
		" WHERE id = ?1", 2, p, err);
}

int ms_ledger_insert_applied(ms_store *s, const char *name,
	const char *checksum, ms_error *err)
{
	char id[37], now[MS_TIME_BUFSZ];
	const char *p[4];
	int ret;

	if ((ret = ms_store_uuid(id, s, err)) < 0 ||
	    (ret = now_text(now, s, err)) < 0)
		return ret;
	p[0] = id;
	p[1] = checksum;
	p[2] = now;
	p[3] = name;
	/* started_at = finished_at, logs '', steps 0: mark_migration_applied. */
	return run(s, "INSERT INTO _prisma_migrations"
		" (id, checksum, started_at, finished_at, migration_name, logs,"
		" applied_steps_count) VALUES (?1, ?2, ?3, ?3, ?4, '', 0)",
		4, p, err);
}
