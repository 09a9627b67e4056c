/*
 * store.c - opening, creating and checking the SQLite state file, the
 * command transaction and savepoints, and the key/value settings
 * (design.md "The state file"; store.h has the contract).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "migsim/store.h"
#include "store_int.h"

/* The whole format 1 schema.  _prisma_migrations is not here: like
 * Prisma, migsim creates it only when deploy or resolve --applied would. */
static const char schema_v1[] =
	"CREATE TABLE migsim_meta ("
	"  key TEXT PRIMARY KEY NOT NULL,"
	"  value TEXT NOT NULL);"
	"CREATE TABLE migsim_command ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  command TEXT NOT NULL,"
	"  exit_status INTEGER);"
	"CREATE TABLE migsim_event ("
	"  id INTEGER PRIMARY KEY,"
	"  command_id INTEGER NOT NULL REFERENCES migsim_command(id),"
	"  migration_name TEXT,"
	"  stmt INTEGER,"
	"  line INTEGER,"
	"  tag TEXT,"
	"  outcome TEXT NOT NULL,"
	"  sqlstate TEXT,"
	"  message TEXT);";

/* Format 2 added the simulated catalog (src/pg/catalog.c); format 1 had
 * only migsim_relation(schema_name, name, relkind). */
static const char schema_catalog[] =
	"CREATE TABLE migsim_namespace ("
	"  name TEXT PRIMARY KEY NOT NULL);"
	"INSERT INTO migsim_namespace VALUES ('public');"
	"CREATE TABLE migsim_relation ("
	"  oid INTEGER PRIMARY KEY,"
	"  schema_name TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  relkind TEXT NOT NULL,"      /* r p v m i S */
	"  rows TEXT NOT NULL DEFAULT 'empty'," /* empty, rows, unknown, nodata
	                                          (a materialized view WITH NO DATA) */
	"  known INTEGER NOT NULL DEFAULT 1,"   /* columns fully known */
	"  definition TEXT,"
	"  UNIQUE (schema_name, name));"
	"CREATE TABLE migsim_column ("
	"  rel INTEGER NOT NULL,"
	"  attnum INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  type TEXT NOT NULL,"            /* format_type's spelling */
	"  base TEXT NOT NULL DEFAULT '',"  /* the type's own name */
	"  type_oid INTEGER NOT NULL DEFAULT 0," /* a migsim_type, or 0 */
	"  not_null INTEGER NOT NULL DEFAULT 0,"
	"  default_expr TEXT,"
	"  identity TEXT,"
	"  PRIMARY KEY (rel, name));"
	"CREATE TABLE migsim_index ("
	"  rel INTEGER PRIMARY KEY,"
	"  table_rel INTEGER NOT NULL,"
	"  is_unique INTEGER NOT NULL,"
	"  columns TEXT NOT NULL,"        /* comma-separated, '' for expressions */
	"  is_partial INTEGER NOT NULL DEFAULT 0,"
	"  method TEXT NOT NULL DEFAULT 'btree');"
	"CREATE TABLE migsim_constraint ("
	"  oid INTEGER PRIMARY KEY,"
	"  rel INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  contype TEXT NOT NULL,"       /* p u f c */
	"  columns TEXT NOT NULL,"
	"  ref_rel INTEGER,"
	"  ref_columns TEXT,"
	"  index_rel INTEGER,"
	"  validated INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (rel, name));"
	"CREATE TABLE migsim_type ("
	"  oid INTEGER PRIMARY KEY,"
	"  schema_name TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"          /* e enum, d domain, c composite, b base */
	"  extension TEXT,"
	"  UNIQUE (schema_name, name));"
	"CREATE TABLE migsim_enum_label ("
	"  type INTEGER NOT NULL,"
	"  sortorder REAL NOT NULL,"
	"  label TEXT NOT NULL,"
	"  uncommitted INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (type, label));"
	"CREATE TABLE migsim_extension ("
	"  name TEXT PRIMARY KEY NOT NULL,"
	"  schema_name TEXT NOT NULL);"
	"CREATE TABLE migsim_function ("
	"  oid INTEGER PRIMARY KEY,"
	"  schema_name TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  args TEXT NOT NULL,"          /* argument types, comma-separated */
	"  extension TEXT,"
	"  UNIQUE (schema_name, name, args));"
	"CREATE TABLE migsim_trigger ("
	"  rel INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  function INTEGER,"
	"  PRIMARY KEY (rel, name));"
	/* Who depends on what, for DROP (2BP01): objects are (kind, oid). */
	"CREATE TABLE migsim_depend ("
	"  kind TEXT NOT NULL,"          /* view, fkey, column, trigger, index */
	"  oid INTEGER NOT NULL,"
	"  ref_kind TEXT NOT NULL,"      /* rel, type, function, extension */
	"  ref_oid INTEGER NOT NULL,"
	"  ref_column TEXT,"
	"  describe TEXT NOT NULL);"
	/* Lookups by what is referenced, kept linear in long histories. */
	"CREATE INDEX migsim_index_table ON migsim_index(table_rel);"
	"CREATE INDEX migsim_constraint_index ON migsim_constraint(index_rel);"
	"CREATE INDEX migsim_constraint_name ON migsim_constraint(name);"
	"CREATE INDEX migsim_depend_ref ON migsim_depend(ref_kind, ref_oid);"
	"CREATE INDEX migsim_depend_dep ON migsim_depend(kind, oid);";

/*
 * Tables and indexes added to format 2 without changing it: files written
 * before them get them at their next write (ms_store_begin), and only
 * commands that write read them.  Dropping a relation deletes its
 * dependencies by oid under several kinds, some matched with LIKE, which
 * migsim_depend_dep cannot serve; every commit looks for enum labels
 * added in the transaction, almost always none.  Publications are named
 * objects of the database; a function's signature is kept when its
 * CREATE FUNCTION was read (types by their own names, "*" for one
 * migsim could not read); temporary tables go at COMMIT or when the
 * session ends.  A new column takes the number after its table's
 * highest, found by an index rather than by reading every column.
 */
static const char catalog_additions[] =
	"CREATE INDEX IF NOT EXISTS migsim_depend_oid ON migsim_depend(oid);"
	"CREATE INDEX IF NOT EXISTS migsim_trigger_name ON migsim_trigger(name);"
	"CREATE INDEX IF NOT EXISTS migsim_column_attnum"
	" ON migsim_column(rel, attnum);"
	"CREATE INDEX IF NOT EXISTS migsim_enum_label_pending"
	" ON migsim_enum_label(uncommitted) WHERE uncommitted <> 0;"
	"CREATE TABLE IF NOT EXISTS migsim_publication ("
	"  name TEXT PRIMARY KEY NOT NULL);"
	"CREATE TABLE IF NOT EXISTS migsim_function_sig ("
	"  schema_name TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  args TEXT NOT NULL,"            /* argument types, comma-separated */
	"  result TEXT NOT NULL,"
	"  volatility TEXT NOT NULL,"      /* i s v */
	"  PRIMARY KEY (schema_name, name));"
	"CREATE TABLE IF NOT EXISTS migsim_temp ("
	"  oid INTEGER PRIMARY KEY,"
	"  on_commit_drop INTEGER NOT NULL);"  /* 1 DROP, 2 DELETE ROWS */
	/* Columns every existing row of their table holds NULL in (added
	 * without a default, not written since). */
	/* Triggers (and rules) that fire once per statement, rows or not. */
	"CREATE TABLE IF NOT EXISTS migsim_statement_trigger ("
	"  rel INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  PRIMARY KEY (rel, name));"
	/* Unique indexes of DEFERRABLE keys: no foreign key may use them. */
	"CREATE TABLE IF NOT EXISTS migsim_deferrable ("
	"  index_rel INTEGER PRIMARY KEY);"
	/* DEFERRABLE foreign keys: checked at commit, or when SET CONSTRAINTS
	 * says, so a row's check is not decided where it is written.  A row
	 * left behind by a dropped key only makes a check unknown. */
	"CREATE TABLE IF NOT EXISTS migsim_deferrable_fkey ("
	"  con INTEGER PRIMARY KEY);"
	/* Unlogged tables and sequences (a serial's or identity's of an
	 * unlogged table is unlogged too), which pg_dump prints. */
	"CREATE TABLE IF NOT EXISTS migsim_unlogged ("
	"  oid INTEGER PRIMARY KEY);"
	/* Foreign keys declared MATCH FULL, which pg_dump prints. */
	"CREATE TABLE IF NOT EXISTS migsim_fkey_match_full ("
	"  con INTEGER PRIMARY KEY);"
	"CREATE TABLE IF NOT EXISTS migsim_function_names ("
	"  schema_name TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  names TEXT NOT NULL,"           /* input parameters', in order */
	"  PRIMARY KEY (schema_name, name));"
	"CREATE TABLE IF NOT EXISTS migsim_function_writes ("
	"  schema_name TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  PRIMARY KEY (schema_name, name));"
	/* A file older than the table: its functions may write. */
	"INSERT OR IGNORE INTO migsim_function_writes SELECT schema_name, name"
	" FROM migsim_function WHERE extension IS NULL AND NOT EXISTS"
	" (SELECT 1 FROM migsim_meta WHERE key = 'function_writes');"
	"INSERT OR IGNORE INTO migsim_meta VALUES ('function_writes', '1');"
	"CREATE TABLE IF NOT EXISTS migsim_null_column ("
	"  rel INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  PRIMARY KEY (rel, name));"
	/* Unique indexes whose NULLs are not distinct. */
	"CREATE TABLE IF NOT EXISTS migsim_nulls_not_distinct ("
	"  idx INTEGER PRIMARY KEY);"
	/* Columns every existing row holds a value (not NULL) in. */
	"CREATE TABLE IF NOT EXISTS migsim_filled_column ("
	"  rel INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  PRIMARY KEY (rel, name));"
	/* ALTER TABLE ... ENABLE / FORCE ROW LEVEL SECURITY. */
	"CREATE TABLE IF NOT EXISTS migsim_row_security ("
	"  rel INTEGER PRIMARY KEY,"
	"  enabled INTEGER NOT NULL DEFAULT 0,"
	"  forced INTEGER NOT NULL DEFAULT 0);"
	/* Unique indexes whose every row's key is in migsim_kept_key (and
	 * perhaps keys of rows since gone): the keys of literal rows. */
	"CREATE TABLE IF NOT EXISTS migsim_kept_index ("
	"  idx INTEGER PRIMARY KEY);"
	"CREATE TABLE IF NOT EXISTS migsim_kept_key ("
	"  idx INTEGER NOT NULL,"
	"  key TEXT NOT NULL,"
	"  PRIMARY KEY (idx, key));"
	/* INHERITS, PARTITION OF, ATTACH PARTITION: a parent's rows are
	 * its children's too. */
	"CREATE TABLE IF NOT EXISTS migsim_inherits ("
	"  parent INTEGER NOT NULL,"
	"  child INTEGER NOT NULL,"
	"  PRIMARY KEY (parent, child));"
	/* CREATE DOMAIN: its base type (format_type's spelling, own name,
	 * migsim_type oid or 0), NOT NULL and whether it has a default;
	 * its CHECK constraints by name. */
	"CREATE TABLE IF NOT EXISTS migsim_domain ("
	"  type INTEGER PRIMARY KEY,"
	"  base_type TEXT NOT NULL,"
	"  base TEXT NOT NULL,"
	"  base_oid INTEGER NOT NULL DEFAULT 0,"
	"  not_null INTEGER NOT NULL DEFAULT 0,"
	"  has_default INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE IF NOT EXISTS migsim_domain_check ("
	"  type INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  validated INTEGER NOT NULL DEFAULT 1,"
	"  PRIMARY KEY (type, name));"
	/* Rows distinct on a unique index's columns after the index was
	 * dropped, until a row is written. */
	"CREATE TABLE IF NOT EXISTS migsim_distinct ("
	"  rel INTEGER NOT NULL,"
	"  columns TEXT NOT NULL,"
	"  nulls_equal INTEGER NOT NULL,"
	"  PRIMARY KEY (rel, columns));"
	/* Foreign keys dropped that the rows still met, until a write. */
	"CREATE TABLE IF NOT EXISTS migsim_fk_held ("
	"  rel INTEGER NOT NULL,"
	"  columns TEXT NOT NULL,"
	"  ref_rel INTEGER NOT NULL,"
	"  ref_columns TEXT NOT NULL,"
	"  PRIMARY KEY (rel, columns, ref_rel, ref_columns));"
	"CREATE TRIGGER IF NOT EXISTS migsim_distinct_gone AFTER DELETE ON"
	"  migsim_relation BEGIN"
	"  DELETE FROM migsim_distinct WHERE rel = OLD.oid;"
	"  DELETE FROM migsim_fk_held WHERE rel = OLD.oid OR ref_rel = OLD.oid;"
	" END;"
	/* Oids are reused: an index's keys go with it, however it goes. */
	"CREATE TRIGGER IF NOT EXISTS migsim_kept_gone AFTER DELETE ON"
	"  migsim_index BEGIN"
	"  DELETE FROM migsim_kept_key WHERE idx = OLD.rel;"
	"  DELETE FROM migsim_kept_index WHERE idx = OLD.rel; END;";

static int db_error(ms_store *s, int code, const char *what, ms_error *err)
{
	return ms_error_set(err, code, "%s: %s: %s", s->path, what,
		sqlite3_errmsg(s->db));
}

static int classify(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return MS_ECORRUPT;
	case SQLITE_NOMEM:
		return MS_ENOMEM;
	default:
		return MS_EIO;
	}
}

int ms_store_exec(ms_store *s, const char *sql, ms_error *err)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return db_error(s, classify(rc), "cannot update the state", err);
	return MS_OK;
}

static int pragma_int(int *out, ms_store *s, const char *sql, ms_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		rc = sqlite3_errcode(s->db);
		sqlite3_finalize(st);
		if (classify(rc) == MS_ECORRUPT)
			return ms_error_set(err, MS_ECORRUPT,
				"%s: not a migsim state file (not an SQLite database)",
				s->path);
		return db_error(s, classify(rc), "cannot read the state", err);
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return MS_OK;
}

/* Refuse anything migsim did not write, before any write happens. */
static int check_file_header(const char *path, off_t size, ms_error *err)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	FILE *f;
	size_t n;

	if (size == 0)
		return MS_OK;
	f = fopen(path, "rb");
	if (f == NULL)
		return ms_error_set(err, MS_EIO, "%s: %s", path, strerror(errno));
	n = fread(head, 1, sizeof(head), f);
	fclose(f);
	if (n < sizeof(head) || memcmp(head, magic, sizeof(magic)) != 0)
		return ms_error_set(err, MS_ECORRUPT,
			"%s: not a migsim state file (not an SQLite database)", path);
	return MS_OK;
}

static int count_tables(int *out, ms_store *s, ms_error *err)
{
	return pragma_int(out, s,
		"SELECT count(*) FROM sqlite_master", err);
}

static int check_integrity(ms_store *s, ms_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &st,
		NULL);
	int ret = MS_OK;

	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		ret = ms_error_set(err, MS_ECORRUPT, "%s: damaged state file: %s",
			s->path, sqlite3_errmsg(s->db));
	else if (strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
		ret = ms_error_set(err, MS_ECORRUPT, "%s: damaged state file: %s",
			s->path, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return ret;
}

static int initialize(ms_store *s, ms_error *err)
{
	char sql[128];
	int ret;

	if ((ret = ms_store_exec(s, "BEGIN IMMEDIATE", err)) < 0)
		return ret;
	snprintf(sql, sizeof(sql),
		"PRAGMA application_id = %d; PRAGMA user_version = %d;",
		MS_STORE_APP_ID, MS_STORE_FORMAT);
	if ((ret = ms_store_exec(s, schema_v1, err)) < 0 ||
	    (ret = ms_store_exec(s, schema_catalog, err)) < 0 ||
	    (ret = ms_store_exec(s, catalog_additions, err)) < 0 ||
	    (ret = ms_store_exec(s, sql, err)) < 0) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return ret;
	}
	return ms_store_exec(s, "COMMIT", err);
}

/*
 * Format 1 to 2: the relations a format-1 file knew are kept, with their
 * columns and rows unknown (format 1 did not record them).
 */
static int upgrade_v1(ms_store *s, ms_error *err)
{
	char sql[64];
	int ret;

	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d;", MS_STORE_FORMAT);
	if ((ret = ms_store_exec(s, "BEGIN IMMEDIATE", err)) < 0)
		return ret;
	if ((ret = ms_store_exec(s, "ALTER TABLE migsim_relation RENAME TO "
	    "migsim_relation_v1", err)) < 0 ||
	    (ret = ms_store_exec(s, schema_catalog, err)) < 0 ||
	    (ret = ms_store_exec(s, "INSERT INTO migsim_relation(schema_name, "
	    "name, relkind, rows, known) SELECT schema_name, name, relkind, "
	    "'unknown', 0 FROM migsim_relation_v1; DROP TABLE "
	    "migsim_relation_v1;", err)) < 0 ||
	    (ret = ms_store_exec(s, sql, err)) < 0) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return ret;
	}
	return ms_store_exec(s, "COMMIT", err);
}

static int check_format(ms_store *s, ms_error *err)
{
	int app, version, tables, ret;

	if ((ret = pragma_int(&app, s, "PRAGMA application_id", err)) < 0 ||
	    (ret = pragma_int(&version, s, "PRAGMA user_version", err)) < 0 ||
	    (ret = count_tables(&tables, s, err)) < 0)
		return ret;
	if (app == 0 && version == 0 && tables == 0) {
		if (s->flags & MS_STORE_READONLY)
			return ms_error_set(err, MS_ENOTFOUND,
				"%s: empty state file", s->path);
		s->fresh = 1;
		return initialize(s, err);
	}
	if (app != MS_STORE_APP_ID)
		return ms_error_set(err, MS_ECORRUPT,
			"%s: not a migsim state file (an SQLite database of another program)",
			s->path);
	if (version > MS_STORE_FORMAT)
		return ms_error_set(err, MS_ECORRUPT,
			"%s: written by a newer migsim (state format %d; this build reads format %d)",
			s->path, version, MS_STORE_FORMAT);
	if (version == 1 && !(s->flags & MS_STORE_READONLY) &&
	    (ret = check_integrity(s, err)) == MS_OK)
		return upgrade_v1(s, err);
	if (version == 1)
		return ret < 0 ? ret : ms_error_set(err, MS_ECORRUPT,
			"%s: state format 1 predates the catalog; run a command that "
			"writes the state (deploy, resolve, sql) to upgrade it", s->path);
	if (version < MS_STORE_FORMAT)
		return ms_error_set(err, MS_ECORRUPT,
			"%s: state format %d is older than this build's format %d and cannot be upgraded",
			s->path, version, MS_STORE_FORMAT);
	return check_integrity(s, err);
}

/*
 * A journal left by a command killed mid-transaction.  SQLite rolls it back
 * on the next read, which needs write access: a read-only open would fail
 * with "attempt to write a readonly database".
 */
static int hot_journal(const char *path)
{
	char j[4096];
	struct stat sb;

	snprintf(j, sizeof(j), "%s-journal", path);
	return stat(j, &sb) == 0 && sb.st_size > 0;
}

int ms_store_open(ms_store **out, const char *path, int flags, ms_error *err)
{
	ms_store *s = NULL;
	struct stat sb;
	int oflags, rc, ret;

	*out = NULL;
	s = calloc(1, sizeof(*s));
	if (s == NULL || (s->path = ms_strdup(path)) == NULL) {
		free(s);
		return ms_error_set(err, MS_ENOMEM, "out of memory");
	}
	s->flags = flags;
	if (stat(path, &sb) < 0) {
		if (errno != ENOENT || !(flags & MS_STORE_CREATE)) {
			ret = ms_error_set(err, errno == ENOENT ? MS_ENOTFOUND : MS_EIO,
				"%s: %s", path, errno == ENOENT ?
				"no such state file" : strerror(errno));
			goto out;
		}
		s->created = 1;
	} else if (!S_ISREG(sb.st_mode)) {
		ret = ms_error_set(err, MS_EINPUT, "%s: not a regular file", path);
		goto out;
	} else if ((ret = check_file_header(path, sb.st_size, err)) < 0) {
		goto out;
	}
	oflags = (flags & MS_STORE_READONLY) && !hot_journal(path) ?
		SQLITE_OPEN_READONLY :
		SQLITE_OPEN_READWRITE | (s->created ? SQLITE_OPEN_CREATE : 0);
	/* One connection, used by one thread: no per-call locking. */
	rc = sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		ret = ms_error_set(err, MS_EIO, "%s: cannot open: %s", path,
			s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		goto out;
	}
	sqlite3_busy_timeout(s->db, 10000);
	sqlite3_extended_result_codes(s->db, 1);
	/* Every simulated statement runs in a savepoint, which copies the
	 * pages it touches to a sub-journal: in memory rather than a temporary
	 * file that takes a write per page.  The sub-journal only serves
	 * ROLLBACK TO within the open transaction; crash safety rests on the
	 * rollback journal beside the state file, which this leaves alone. */
	if ((ret = ms_store_exec(s, "PRAGMA temp_store = MEMORY", err)) < 0)
		goto out;
	/* Opened for writing only so that SQLite can roll back what a killed
	 * command left; this open itself writes nothing. */
	if ((flags & MS_STORE_READONLY) && !(oflags & SQLITE_OPEN_READONLY) &&
	    (ret = ms_store_exec(s, "PRAGMA query_only = 1", err)) < 0)
		goto out;
	if ((ret = check_format(s, err)) < 0)
		goto out;
	*out = s;
	s = NULL;
	ret = MS_OK;
out:
	ms_store_free(s);
	return ret;
}

/*
 * The statement cache is an open-addressed hash table over its fixed
 * array (empty slots have sql NULL): a linear scan of a hundred entries
 * per statement showed in long deploys.  Literals are keyed by address,
 * built SQL (savepoints) by content.
 */
static unsigned slot_of_ptr(const char *sql)
{
	return (unsigned)(((uintptr_t)sql >> 3) * 2654435761u %
		MS_STORE_STMT_CACHE);
}

static unsigned slot_of_text(const char *sql)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h % MS_STORE_STMT_CACHE;
}

/* The slot holding sql, or the empty slot where it belongs. */
static int find_slot(ms_store *s, const char *sql, int by_text)
{
	unsigned i = by_text ? slot_of_text(sql) : slot_of_ptr(sql);

	for (int n = 0; n < MS_STORE_STMT_CACHE; n++) {
		const char *k = s->cache[i].sql;

		if (k == NULL || (by_text ? strcmp(k, sql) == 0 : k == sql))
			return (int)i;
		i = (i + 1) % MS_STORE_STMT_CACHE;
	}
	return -1;
}

static int cache_add(sqlite3_stmt **out, ms_store *s, int i, const char *sql,
	int by_text, ms_error *err)
{
	int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
		&s->cache[i].st, NULL);

	if (rc != SQLITE_OK)
		return db_error(s, classify(rc), "cannot read the state", err);
	/* Content keys point into the statement, which lives as long. */
	s->cache[i].sql = by_text ? sqlite3_sql(s->cache[i].st) : sql;
	s->n_cache++;
	*out = s->cache[i].st;
	return MS_OK;
}

int ms_store_prepare(sqlite3_stmt **out, ms_store *s, const char *sql,
	ms_error *err)
{
	int i = find_slot(s, sql, 0);

	if (i >= 0 && s->cache[i].sql != NULL) {
		sqlite3_reset(s->cache[i].st);
		sqlite3_clear_bindings(s->cache[i].st);
		*out = s->cache[i].st;
		return MS_OK;
	}
	if (s->n_cache == MS_STORE_STMT_CACHE)
		return ms_error_set(err, MS_ERROR, "statement cache full");
	return cache_add(out, s, i, sql, 0, err);
}

void ms_store_free(ms_store *s)
{
	if (s == NULL)
		return;
	for (int i = 0; i < MS_STORE_STMT_CACHE; i++)
		sqlite3_finalize(s->cache[i].st);
	if (s->db) {
		if (!sqlite3_get_autocommit(s->db))
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(s->db);
	}
	if (s->created && !s->committed) {
		char journal[4096];

		unlink(s->path);
		if (snprintf(journal, sizeof(journal), "%s-journal", s->path) <
		    (int)sizeof(journal))
			unlink(journal);
	}
	free(s->path);
	free(s);
}

const char *ms_store_path(const ms_store *s)
{
	return s->path;
}

struct sqlite3 *ms_store_db(ms_store *s)
{
	return s->db;
}

int ms_store_begin(ms_store *s, ms_error *err)
{
	int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return db_error(s, classify(rc),
			(rc & 0xff) == SQLITE_BUSY ?
			"locked by another migsim command" : "cannot start", err);
	/* Inside the command's transaction: an older file gains the indexes
	 * with the command's own changes, or not at all. */
	if (!(s->flags & MS_STORE_READONLY))
		return ms_store_exec(s, catalog_additions, err);
	return MS_OK;
}

int ms_store_commit(ms_store *s, ms_error *err)
{
	int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return db_error(s, classify(rc), "cannot save", err);
	s->committed = 1;
	return MS_OK;
}

void ms_store_rollback(ms_store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Run one row-less statement and reset it, keeping the connection's
 * error for db_error. */
static int step_reset(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc;
}

/*
 * Each simulated statement opens and ends savepoints, so their commands
 * are kept prepared, by content since the names vary.  Only while the
 * cache is at most half full: names are few (ms_pg_do_N goes by nesting
 * depth), but the catalog's literals must always find room.
 */
static int savepoint_cmd(ms_store *s, const char *verb, const char *name,
	ms_error *err)
{
	char sql[160];
	sqlite3_stmt *st;
	int i, rc, ret;

	if (snprintf(sql, sizeof(sql), "%s \"%s\"", verb, name) >=
	    (int)sizeof(sql))
		return ms_error_set(err, MS_ERROR, "savepoint name too long");
	i = find_slot(s, sql, 1);
	if (i >= 0 && s->cache[i].sql != NULL)
		st = s->cache[i].st;
	else if (i < 0 || s->n_cache >= MS_STORE_STMT_CACHE / 2)
		return ms_store_exec(s, sql, err);
	else if ((ret = cache_add(&st, s, i, sql, 1, err)) < 0)
		return ret;
	rc = step_reset(st);
	if (rc != SQLITE_DONE)
		return db_error(s, classify(rc), "cannot update the state", err);
	return MS_OK;
}

int ms_store_savepoint(ms_store *s, const char *name, ms_error *err)
{
	return savepoint_cmd(s, "SAVEPOINT", name, err);
}

int ms_store_release(ms_store *s, const char *name, ms_error *err)
{
	return savepoint_cmd(s, "RELEASE", name, err);
}

int ms_store_rollback_to(ms_store *s, const char *name, ms_error *err)
{
	int ret = savepoint_cmd(s, "ROLLBACK TO", name, err);

	return ret < 0 ? ret : savepoint_cmd(s, "RELEASE", name, err);
}

int ms_store_meta_get(char **out, ms_store *s, const char *key,
	ms_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, ret;

	*out = NULL;
	/* The clock and the ids read settings once or twice per row. */
	if ((ret = ms_store_prepare(&st, s,
	    "SELECT value FROM migsim_meta WHERE key = ?1", err)) < 0)
		return ret;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = ms_strdup((const char *)sqlite3_column_text(st, 0));
		if (*out == NULL)
			ret = ms_error_set(err, MS_ENOMEM, "out of memory");
	} else if (rc != SQLITE_DONE) {
		ret = db_error(s, classify(rc), "cannot read settings", err);
	}
	sqlite3_reset(st);
	return ret;
}

int ms_store_meta_set(ms_store *s, const char *key, const char *value,
	ms_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, ret;

	if ((ret = ms_store_prepare(&st, s,
	    "INSERT INTO migsim_meta(key, value) VALUES (?1, ?2) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", err)) < 0)
		return ret;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = step_reset(st);
	if (rc != SQLITE_DONE)
		return db_error(s, classify(rc), "cannot write settings", err);
	return MS_OK;
}
