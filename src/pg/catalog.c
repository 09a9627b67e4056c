/*
 * catalog.c - storage of the simulated catalog in the state file: one
 * small SQL statement per operation, prepared once per store
 * (catalog.h has the contract; the tables are in src/store/store.c).
 * What a statement does to the catalog, and the errors it raises, are in
 * ddl.c; this file only keeps the objects.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "catalog.h"
#include "pg_int.h"

static int fail(ms_store *s, ms_error *err)
{
	return ms_error_set(err, MS_EIO, "%s: catalog: %s", ms_store_path(s),
		sqlite3_errmsg(ms_store_db(s)));
}

/* Bind text parameters from a NULL-terminated list ("" binds NULL when
 * preceded by nothing: use text_or_null). */
static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Run a statement that returns no rows. */
static int done(ms_store *s, sqlite3_stmt *st, ms_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? MS_OK : fail(s, err);
}

/* Step to the first row: *found = 1 and the statement stays on it (the
 * caller reads, then resets), or *found = 0 and it is reset. */
static int first(int *found, ms_store *s, sqlite3_stmt *st, ms_error *err)
{
	int rc = sqlite3_step(st);

	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW)
		return MS_OK;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? MS_OK : fail(s, err);
}

static void copy_col(char *dst, size_t n, sqlite3_stmt *st, int col)
{
	const char *v = (const char *)sqlite3_column_text(st, col);

	snprintf(dst, n, "%s", v ? v : "");
}

/* The tables whose foreign keys reach ?1, directly or through others. */
#define CAT_REFERENCING \
	"WITH RECURSIVE kid(oid) AS (SELECT rel FROM migsim_constraint" \
	" WHERE contype = 'f' AND ref_rel = ?1 UNION SELECT c.rel FROM" \
	" migsim_constraint c JOIN kid ON c.ref_rel = kid.oid WHERE" \
	" c.contype = 'f') SELECT oid FROM kid"

#define PREP(st, sql) \
	do { int r_ = ms_store_prepare(&(st), s, (sql), err); \
	     if (r_ < 0) return r_; } while (0)

static void read_rel(cat_rel *out, sqlite3_stmt *st)
{
	out->oid = sqlite3_column_int64(st, 0);
	copy_col(out->schema, sizeof(out->schema), st, 1);
	copy_col(out->name, sizeof(out->name), st, 2);
	out->relkind = ((const char *)sqlite3_column_text(st, 3))[0];
	copy_col(out->rows, sizeof(out->rows), st, 4);
	out->known = sqlite3_column_int(st, 5);
}

int cat_rel_find(int *found, cat_rel *out, ms_store *s, const char *schema,
	const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT oid, schema_name, name, relkind, rows, known FROM "
		"migsim_relation WHERE schema_name = ?1 AND name = ?2");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	read_rel(out, st);
	sqlite3_reset(st);
	return MS_OK;
}

int cat_rel_by_oid(int *found, cat_rel *out, ms_store *s, int64_t oid,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT oid, schema_name, name, relkind, rows, known FROM "
		"migsim_relation WHERE oid = ?1");
	sqlite3_bind_int64(st, 1, oid);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	read_rel(out, st);
	sqlite3_reset(st);
	return MS_OK;
}

int cat_rel_add(int64_t *oid, ms_store *s, const char *schema,
	const char *name, char relkind, int known, ms_error *err)
{
	sqlite3_stmt *st;
	char kind[2] = { relkind, 0 };
	int ret;

	PREP(st, "INSERT INTO migsim_relation(schema_name, name, relkind, known)"
		" VALUES (?1, ?2, ?3, ?4)");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	bind_text(st, 3, kind);
	sqlite3_bind_int(st, 4, known);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	if (oid)
		*oid = sqlite3_last_insert_rowid(ms_store_db(s));
	return MS_OK;
}

static int exec_oid(ms_store *s, const char *sql, int64_t oid, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, sql);
	sqlite3_bind_int64(st, 1, oid);
	return done(s, st, err);
}

int cat_rel_drop(ms_store *s, int64_t oid, ms_error *err)
{
	static const char *const sqls[] = {
		"DELETE FROM migsim_column WHERE rel = ?1",
		"DELETE FROM migsim_index WHERE rel = ?1",
		"DELETE FROM migsim_trigger WHERE rel = ?1",
		"DELETE FROM migsim_statement_trigger WHERE rel = ?1",
		("DELETE FROM migsim_depend WHERE (kind IN ('rel', 'view', 'owned',"
		 " 'index', 'keyed')"
		 " OR kind LIKE 'column:%' OR kind LIKE 'default:%' OR"
		 " kind LIKE 'trigger:%' OR kind LIKE 'generated:%' OR"
		 " kind LIKE 'identity:%' OR kind LIKE 'policy:%' OR"
		 " kind = 'cast') AND oid = ?1"),
		("DELETE FROM migsim_depend WHERE kind = 'fkey' AND oid IN"
		 " (SELECT oid FROM migsim_constraint WHERE rel = ?1)"),
		("DELETE FROM migsim_deferrable_fkey WHERE con IN"
		 " (SELECT oid FROM migsim_constraint WHERE rel = ?1)"),
		("DELETE FROM migsim_fkey_match_full WHERE con IN"
		 " (SELECT oid FROM migsim_constraint WHERE rel = ?1)"),
		"DELETE FROM migsim_constraint WHERE rel = ?1",
		"DELETE FROM migsim_temp WHERE oid = ?1",
		"DELETE FROM migsim_unlogged WHERE oid = ?1",
		"DELETE FROM migsim_null_column WHERE rel = ?1",
		"DELETE FROM migsim_filled_column WHERE rel = ?1",
		"DELETE FROM migsim_row_security WHERE rel = ?1",
		"DELETE FROM migsim_inherits WHERE parent = ?1 OR child = ?1",
		"DELETE FROM migsim_deferrable WHERE index_rel = ?1",
		"DELETE FROM migsim_nulls_not_distinct WHERE idx = ?1",
		"DELETE FROM migsim_relation WHERE oid = ?1",
	};
	int ret = MS_OK;

	for (size_t i = 0; i < sizeof(sqls) / sizeof(sqls[0]) && ret == MS_OK;
	     i++)
		ret = exec_oid(s, sqls[i], oid, err);
	return ret;
}

/* The DETAIL of a later 2BP01 names a table or view as it is called
 * then ("... of table \"New\"", "view crm.\"New\""): the descriptions of
 * what it and its foreign keys depend on end in its label. */
static int relabel(ms_store *s, int64_t oid, const char *old,
	const char *now, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "UPDATE migsim_depend SET describe = substr(describe, 1,"
		" length(describe) - length(?2)) || ?3 WHERE ((kind <> 'fkey' AND"
		" oid = ?1) OR (kind = 'fkey' AND oid IN (SELECT oid FROM"
		" migsim_constraint WHERE rel = ?1))) AND length(describe) >"
		" length(?2) AND substr(describe, -length(?2) - 1) = ' ' || ?2");
	sqlite3_bind_int64(st, 1, oid);
	bind_text(st, 2, old);
	bind_text(st, 3, now);
	return done(s, st, err);
}

int cat_rel_rename(ms_store *s, int64_t oid, const char *name, ms_error *err)
{
	char old[2 * CAT_NAME + 8], now[2 * CAT_NAME + 8];
	sqlite3_stmt *st;
	cat_rel r;
	int found, ret;

	if ((ret = cat_rel_by_oid(&found, &r, s, oid, err)) < 0)
		return ret;
	PREP(st, "UPDATE migsim_relation SET name = ?2 WHERE oid = ?1");
	sqlite3_bind_int64(st, 1, oid);
	bind_text(st, 2, name);
	if ((ret = done(s, st, err)) < 0 || !found)
		return ret;
	cat_label(old, sizeof(old), r.schema, r.name);
	cat_label(now, sizeof(now), r.schema, name);
	return relabel(s, oid, old, now, err);
}

int cat_rel_set_schema(ms_store *s, int64_t oid, const char *schema,
	ms_error *err)
{
	char old[2 * CAT_NAME + 8], now[2 * CAT_NAME + 8];
	sqlite3_stmt *st;
	cat_rel r;
	int found, ret;

	if ((ret = cat_rel_by_oid(&found, &r, s, oid, err)) < 0)
		return ret;
	if (found) {
		cat_label(old, sizeof(old), r.schema, r.name);
		cat_label(now, sizeof(now), schema, r.name);
		if ((ret = relabel(s, oid, old, now, err)) < 0)
			return ret;
	}

	/* Its indexes and the sequences its columns own go with it. */
	PREP(st, "UPDATE migsim_relation SET schema_name = ?2 WHERE oid = ?1 OR"
		" oid IN (SELECT rel FROM migsim_index WHERE table_rel = ?1) OR"
		" oid IN (SELECT oid FROM migsim_depend WHERE kind = 'owned' AND"
		" ref_kind = 'rel' AND ref_oid = ?1)");
	sqlite3_bind_int64(st, 1, oid);
	bind_text(st, 2, schema);
	return done(s, st, err);
}

int cat_moved_clash(char *name, int *found, ms_store *s, int64_t oid,
	const char *schema, int sequences, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	if (sequences)
		PREP(st, "SELECT m.name FROM migsim_relation m JOIN migsim_depend x"
			" ON x.oid = m.oid AND x.kind = 'owned' AND x.ref_kind = 'rel'"
			" AND x.ref_oid = ?1 WHERE EXISTS (SELECT 1 FROM migsim_relation t"
			" WHERE t.schema_name = ?2 AND t.name = m.name) ORDER BY m.oid"
			" LIMIT 1");
	else
		PREP(st, "SELECT m.name FROM migsim_relation m JOIN migsim_index x"
			" ON x.rel = m.oid AND x.table_rel = ?1 WHERE EXISTS (SELECT 1"
			" FROM migsim_relation t WHERE t.schema_name = ?2 AND"
			" t.name = m.name) ORDER BY m.oid LIMIT 1");
	sqlite3_bind_int64(st, 1, oid);
	bind_text(st, 2, schema);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	copy_col(name, CAT_NAME, st, 0);
	sqlite3_reset(st);
	return MS_OK;
}

int cat_seq_owner(char *table, int *found, ms_store *s, int64_t seq,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT r.name FROM migsim_depend x JOIN migsim_relation r ON"
		" r.oid = x.ref_oid WHERE x.kind = 'owned' AND x.ref_kind = 'rel'"
		" AND x.oid = ?1 LIMIT 1");
	sqlite3_bind_int64(st, 1, seq);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	copy_col(table, CAT_NAME, st, 0);
	sqlite3_reset(st);
	return MS_OK;
}

int cat_rel_set_rows(ms_store *s, int64_t oid, const char *rows,
	ms_error *err)
{
	sqlite3_stmt *st;

	/* A parent's rows are its children's too, which are not followed:
	 * its fact stays unknown. */
	PREP(st, "UPDATE migsim_relation SET rows = CASE WHEN EXISTS (SELECT 1"
		" FROM migsim_inherits WHERE parent = ?1) THEN 'unknown' ELSE ?2 END"
		" WHERE oid = ?1");
	sqlite3_bind_int64(st, 1, oid);
	bind_text(st, 2, rows);
	return done(s, st, err);
}

int cat_row_security_set(ms_store *s, int64_t rel, int forced, int on,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "INSERT OR IGNORE INTO migsim_row_security (rel) VALUES (?1)");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	if (forced)
		PREP(st, "UPDATE migsim_row_security SET forced = ?2 WHERE rel = ?1");
	else
		PREP(st, "UPDATE migsim_row_security SET enabled = ?2 WHERE rel = ?1");
	sqlite3_bind_int64(st, 1, rel);
	sqlite3_bind_int(st, 2, on);
	return done(s, st, err);
}

int cat_rows_forget_all(ms_store *s, ms_error *err)
{
	return ms_store_exec(s, "UPDATE migsim_relation SET rows = 'unknown'"
		" WHERE rows NOT IN ('unknown', 'nodata');"
		" DELETE FROM migsim_null_column;"
		" DELETE FROM migsim_filled_column;"
		" DELETE FROM migsim_kept_key; DELETE FROM migsim_kept_index;"
		" DELETE FROM migsim_distinct; DELETE FROM migsim_fk_held", err);
}

int cat_rows_cascade(ms_store *s, int64_t rel, ms_error *err)
{
	static const char *const sql[] = {
		"UPDATE migsim_relation SET rows = 'unknown' WHERE rows = 'rows' AND"
		" oid != ?1 AND oid IN (" CAT_REFERENCING ")",
		"DELETE FROM migsim_null_column WHERE rel != ?1 AND rel IN ("
		CAT_REFERENCING ")",
		"DELETE FROM migsim_filled_column WHERE rel != ?1 AND rel IN ("
		CAT_REFERENCING ")",
		/* SET DEFAULT may give a key a value no row had. */
		"DELETE FROM migsim_kept_index WHERE idx IN (SELECT rel FROM"
		" migsim_index WHERE table_rel != ?1 AND table_rel IN ("
		CAT_REFERENCING "))",
		"DELETE FROM migsim_distinct WHERE rel != ?1 AND rel IN ("
		CAT_REFERENCING ")",
		"DELETE FROM migsim_fk_held WHERE rel != ?1 AND rel IN ("
		CAT_REFERENCING ")",
	};
	sqlite3_stmt *st;
	int ret = MS_OK, triggers = 0;

	for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]) && ret == MS_OK;
	     i++) {
		PREP(st, sql[i]);
		sqlite3_bind_int64(st, 1, rel);
		ret = done(s, st, err);
	}
	/* Rows a cascade reaches fire those tables' triggers, which may
	 * write anywhere. */
	if (ret == MS_OK)
		ret = cat_referencing_triggers(&triggers, s, rel, err);
	return ret < 0 || !triggers ? ret : cat_rows_forget_all(s, err);
}

int cat_referencing_triggers(int *yes, ms_store *s, int64_t rel,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_trigger WHERE rel != ?1 AND name NOT"
		" LIKE 'constraint:%' AND rel IN (" CAT_REFERENCING ")");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = first(yes, s, st, err)) == MS_OK && *yes)
		sqlite3_reset(st);
	return ret;
}

int cat_col_find(int *found, cat_col *out, ms_store *s, int64_t rel,
	const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT attnum, name, type, not_null, CASE default_expr WHEN"
		" 'nullable' THEN 2 WHEN 'converted' THEN 3 ELSE default_expr IS NOT"
		" NULL END, base, type_oid, coalesce(identity, '') FROM"
		" migsim_column WHERE rel = ?1 AND name = ?2");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	out->identity = (char)sqlite3_column_text(st, 7)[0];
	out->attnum = sqlite3_column_int(st, 0);
	copy_col(out->name, sizeof(out->name), st, 1);
	copy_col(out->type, sizeof(out->type), st, 2);
	out->not_null = sqlite3_column_int(st, 3);
	out->has_default = sqlite3_column_int(st, 4);
	copy_col(out->base, sizeof(out->base), st, 5);
	out->type_oid = sqlite3_column_int64(st, 6);
	sqlite3_reset(st);
	return MS_OK;
}

int cat_col_add(ms_store *s, int64_t rel, const char *name,
	const char *type, const char *base, int64_t type_oid, int not_null,
	int has_default, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "INSERT INTO migsim_column(rel, attnum, name, type, base,"
		" type_oid, not_null, default_expr) VALUES (?1, (SELECT"
		" coalesce(max(attnum), 0) + 1 FROM migsim_column WHERE rel = ?1),"
		" ?2, ?3, ?4, ?5, ?6, ?7)");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	bind_text(st, 3, type);
	bind_text(st, 4, base);
	sqlite3_bind_int64(st, 5, type_oid);
	sqlite3_bind_int(st, 6, not_null);
	bind_text(st, 7, has_default == 3 ? "converted" : has_default == 2 ?
		"nullable" : has_default ? "default" : NULL);
	return done(s, st, err);
}

int cat_col_drop(ms_store *s, int64_t rel, const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "DELETE FROM migsim_column WHERE rel = ?1 AND name = ?2");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	return cat_null_col_set(s, rel, name, 0, err);
}

int cat_null_col_set(ms_store *s, int64_t rel, const char *name, int on,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	if (!on) {
		if (name)
			PREP(st, "DELETE FROM migsim_filled_column WHERE rel = ?1 AND"
				" name = ?2");
		else
			PREP(st, "DELETE FROM migsim_filled_column WHERE rel = ?1 OR"
				" ?1 = 0");
		sqlite3_bind_int64(st, 1, rel);
		if (name)
			bind_text(st, 2, name);
		if ((ret = done(s, st, err)) < 0)
			return ret;
	}
	if (on)
		PREP(st, "INSERT OR IGNORE INTO migsim_null_column VALUES (?1, ?2)");
	else if (name)
		PREP(st, "DELETE FROM migsim_null_column WHERE rel = ?1 AND"
			" name = ?2");
	else
		PREP(st, "DELETE FROM migsim_null_column WHERE rel = ?1 OR ?1 = 0");
	sqlite3_bind_int64(st, 1, rel);
	if (name)
		bind_text(st, 2, name);
	return done(s, st, err);
}

int cat_filled_col(int *yes, ms_store *s, int64_t rel, const char *name,
	int set, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	/* A policy may hide rows from the UPDATE that filled it; an
	 * inheritance parent's or child's rows are not followed. */
	if (set)
		PREP(st, "INSERT OR IGNORE INTO migsim_filled_column SELECT ?1, ?2"
			" WHERE NOT EXISTS (SELECT 1 FROM migsim_inherits WHERE"
			" parent = ?1 OR child = ?1) AND NOT EXISTS (SELECT 1 FROM"
			" migsim_row_security WHERE rel = ?1 AND enabled)");
	else
		PREP(st, "SELECT 1 FROM migsim_filled_column WHERE rel = ?1 AND"
			" name = ?2");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	if (set)
		return done(s, st, err);
	if ((ret = first(yes, s, st, err)) == MS_OK && *yes)
		sqlite3_reset(st);
	return ret;
}

int cat_rel_unfiltered(int *yes, ms_store *s, int64_t rel, ms_error *err)
{
	sqlite3_stmt *st;
	int ret, found;

	PREP(st, "SELECT 1 FROM migsim_row_security WHERE rel = ?1 AND enabled");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = first(&found, s, st, err)) == MS_OK && found)
		sqlite3_reset(st);
	*yes = ret == MS_OK && !found;
	return ret;
}

int cat_filled_forget_referencing(ms_store *s, int64_t rel, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "DELETE FROM migsim_filled_column WHERE rel != ?1 AND rel IN ("
		CAT_REFERENCING ")");
	sqlite3_bind_int64(st, 1, rel);
	return done(s, st, err);
}

int cat_null_col_find(int *found, ms_store *s, int64_t rel, const char *name,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_null_column WHERE rel = ?1 AND name = ?2");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

static int cat_col_rename(ms_store *s, int64_t rel, const char *from,
	const char *to, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "UPDATE migsim_column SET name = ?3 WHERE rel = ?1 AND name = ?2");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, from);
	bind_text(st, 3, to);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	PREP(st, "UPDATE migsim_depend SET ref_column = ?3 WHERE ref_kind = 'rel'"
		" AND ref_oid = ?1 AND ref_column = ?2");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, from);
	bind_text(st, 3, to);
	return done(s, st, err);
}

int cat_col_set(ms_store *s, int64_t rel, const char *name,
	const char *field, int value, ms_error *err)
{
	sqlite3_stmt *st;

	if (strcmp(field, "not_null") == 0) {
		PREP(st, "UPDATE migsim_column SET not_null = ?3 WHERE rel = ?1"
			" AND name = ?2");
		sqlite3_bind_int(st, 3, value);
	} else if (strcmp(field, "identity") == 0) {
		char kind[2] = { (char)value, '\0' };

		PREP(st, "UPDATE migsim_column SET identity = ?3 WHERE rel = ?1"
			" AND name = ?2");
		bind_text(st, 3, value ? kind : NULL);
	} else {
		PREP(st, "UPDATE migsim_column SET default_expr = ?3 WHERE rel = ?1"
			" AND name = ?2");
		bind_text(st, 3, value == 3 ? "converted" : value == 2 ?
			"nullable" : value ? "default" : NULL);
	}
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	return done(s, st, err);
}

int cat_col_set_type(ms_store *s, int64_t rel, const char *name,
	const char *type, const char *base, int64_t type_oid, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "UPDATE migsim_column SET type = ?3, base = ?4, type_oid = ?5"
		" WHERE rel = ?1 AND name = ?2");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	bind_text(st, 3, type);
	bind_text(st, 4, base);
	sqlite3_bind_int64(st, 5, type_oid);
	return done(s, st, err);
}

int cat_schema_find(int *found, ms_store *s, const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_namespace WHERE name = ?1");
	bind_text(st, 1, name);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_schema_others(int *any, ms_store *s, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_namespace WHERE name <> 'public'");
	if ((ret = first(any, s, st, err)) == MS_OK && *any)
		sqlite3_reset(st);
	return ret;
}

int cat_schema_add(ms_store *s, const char *name, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "INSERT INTO migsim_namespace(name) VALUES (?1)");
	bind_text(st, 1, name);
	return done(s, st, err);
}

int cat_schema_drop(ms_store *s, const char *name, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "DELETE FROM migsim_namespace WHERE name = ?1");
	bind_text(st, 1, name);
	return done(s, st, err);
}

/* Row readers for collect(): one element from the current row. */
static void read_oid(void *elem, sqlite3_stmt *st, void *ctx)
{
	(void)ctx;
	*(int64_t *)elem = sqlite3_column_int64(st, 0);
}

static void read_name(void *elem, sqlite3_stmt *st, void *ctx)
{
	(void)ctx;
	copy_col(elem, CAT_NAME, st, 0);
}

static void read_kept(void *elem, sqlite3_stmt *st, void *ctx)
{
	cat_kept *k = elem;

	(void)ctx;
	k->index = sqlite3_column_int64(st, 0);
	copy_col(k->columns, sizeof(k->columns), st, 1);
	k->kept = !sqlite3_column_int(st, 2);
	k->nulls_meet = sqlite3_column_int(st, 3);
}

static void read_dep(void *elem, sqlite3_stmt *st, void *ctx)
{
	cat_dep *dep = elem;

	(void)ctx;
	copy_col(dep->kind, sizeof(dep->kind), st, 0);
	dep->oid = sqlite3_column_int64(st, 1);
}

/* ctx: the constraint type asked for. */
static void read_con(void *elem, sqlite3_stmt *st, void *ctx)
{
	cat_con *c = elem;

	c->oid = sqlite3_column_int64(st, 0);
	copy_col(c->name, sizeof(c->name), st, 1);
	c->contype = *(const char *)ctx;
	copy_col(c->columns, sizeof(c->columns), st, 2);
	c->ref_rel = sqlite3_column_int64(st, 3);
}

/* ctx: set when any of the indexes is partial. */
static void read_unique(void *elem, sqlite3_stmt *st, void *ctx)
{
	copy_col(elem, 512, st, 0);
	*(int *)ctx |= sqlite3_column_int(st, 1);
}

/*
 * Run st and gather one element of size bytes per row, zeroed and filled
 * by read, into a malloc'd array stored at arrp (the address of the
 * caller's typed pointer); *n counts them.  On failure nothing is kept.
 */
static int collect(void *arrp, size_t *n, size_t size, ms_store *s,
	sqlite3_stmt *st, void (*read)(void *, sqlite3_stmt *, void *),
	void *ctx, ms_error *err)
{
	char *arr = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			char *grown = realloc(arr, (cap = cap ? 2 * cap : 8) * size);

			if (grown == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			arr = grown;
		}
		memset(arr + *n * size, 0, size);
		read(arr + (*n)++ * size, st, ctx);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(arr);
		arr = NULL;
		*n = 0;
	}
	memcpy(arrp, &arr, sizeof(arr));
	if (rc == SQLITE_NOMEM)
		return ms_error_set(err, MS_ENOMEM, "out of memory");
	return rc == SQLITE_DONE ? MS_OK : fail(s, err);
}

/* The oids a query on one text parameter returns, malloc'd. */
static int oids_of(int64_t **out, size_t *n, ms_store *s, const char *sql,
	const char *arg, ms_error *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	PREP(st, sql);
	bind_text(st, 1, arg);
	return collect(out, n, sizeof(**out), s, st, read_oid, NULL, err);
}

int cat_schema_objects_drop(ms_store *s, const char *name, ms_error *err)
{
	int64_t *oids;
	size_t n;
	int ret;

	/* Foreign keys elsewhere that reference the schema's tables go with
	 * them, as CASCADE drops them. */
	if ((ret = oids_of(&oids, &n, s, "SELECT c.oid FROM migsim_constraint c"
	    " JOIN migsim_relation r ON r.oid = c.ref_rel WHERE c.contype = 'f'"
	    " AND r.schema_name = ?1", name, err)) < 0)
		return ret;
	for (size_t i = 0; i < n && ret == MS_OK; i++)
		ret = cat_con_drop(s, oids[i], err);
	free(oids);
	if (ret < 0 || (ret = oids_of(&oids, &n, s, "SELECT oid FROM"
	    " migsim_relation WHERE schema_name = ?1", name, err)) < 0)
		return ret;
	for (size_t i = 0; i < n && ret == MS_OK; i++)
		ret = cat_rel_drop(s, oids[i], err);
	free(oids);
	if (ret < 0 || (ret = oids_of(&oids, &n, s, "SELECT oid FROM"
	    " migsim_type WHERE schema_name = ?1", name, err)) < 0)
		return ret;
	for (size_t i = 0; i < n && ret == MS_OK; i++)
		ret = cat_type_drop(s, oids[i], err);
	free(oids);
	/* Its extensions, with their members (wherever migsim put them). */
	{
		sqlite3_stmt *st;
		char (*names)[CAT_NAME] = NULL;
		size_t k = 0;
		int rc;

		if (ret < 0)
			return ret;
		PREP(st, "SELECT name FROM migsim_extension WHERE schema_name = ?1");
		bind_text(st, 1, name);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			char (*more)[CAT_NAME] = realloc(names, (k + 1) *
				sizeof(*names));

			if (more == NULL) {
				sqlite3_reset(st);
				free(names);
				return ms_error_set(err, MS_ENOMEM, "out of memory");
			}
			names = more;
			copy_col(names[k++], CAT_NAME, st, 0);
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			ret = fail(s, err);
		for (size_t i = 0; i < k && ret == MS_OK; i++)
			ret = cat_ext_drop(s, names[i], err);
		free(names);
	}
	return ret;
}

int cat_ext_set_schema(ms_store *s, const char *name, const char *schema,
	ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "UPDATE migsim_extension SET schema_name = ?2 WHERE name = ?1");
	bind_text(st, 1, name);
	bind_text(st, 2, schema);
	return done(s, st, err);
}

int cat_ext_in(int *found, ms_store *s, const char *name, const char *schema,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_extension WHERE name = ?1 AND"
		" schema_name = ?2");
	bind_text(st, 1, name);
	bind_text(st, 2, schema);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_type_find(int *found, cat_type *out, ms_store *s, const char *schema,
	const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT oid, schema_name, name, kind FROM migsim_type"
		" WHERE schema_name = ?1 AND name = ?2");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	out->oid = sqlite3_column_int64(st, 0);
	copy_col(out->schema, sizeof(out->schema), st, 1);
	copy_col(out->name, sizeof(out->name), st, 2);
	out->kind = ((const char *)sqlite3_column_text(st, 3))[0];
	sqlite3_reset(st);
	return MS_OK;
}

int cat_type_add(int64_t *oid, ms_store *s, const char *schema,
	const char *name, char kind, const char *extension, ms_error *err)
{
	sqlite3_stmt *st;
	char k[2] = { kind, 0 };
	int ret;

	PREP(st, "INSERT INTO migsim_type(schema_name, name, kind, extension)"
		" VALUES (?1, ?2, ?3, ?4)");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	bind_text(st, 3, k);
	bind_text(st, 4, extension);
	if ((ret = done(s, st, err)) == MS_OK && oid)
		*oid = sqlite3_last_insert_rowid(ms_store_db(s));
	return ret;
}

int cat_type_drop(ms_store *s, int64_t oid, ms_error *err)
{
	int ret = exec_oid(s, "DELETE FROM migsim_enum_label WHERE type = ?1",
		oid, err);

	if (ret == MS_OK)
		ret = exec_oid(s, "DELETE FROM migsim_domain WHERE type = ?1", oid,
			err);
	if (ret == MS_OK)
		ret = exec_oid(s, "DELETE FROM migsim_domain_check WHERE type = ?1",
			oid, err);
	/* A domain's dependency on its base. */
	if (ret == MS_OK)
		ret = exec_oid(s, "DELETE FROM migsim_depend WHERE kind = 'type' AND"
			" oid = ?1", oid, err);
	return ret < 0 ? ret :
		exec_oid(s, "DELETE FROM migsim_type WHERE oid = ?1", oid, err);
}

/* --- domains ----------------------------------------------------------------- */

int cat_domain_add(ms_store *s, const cat_domain *dom, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "INSERT INTO migsim_domain(type, base_type, base, base_oid,"
		" not_null, has_default) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sqlite3_bind_int64(st, 1, dom->type);
	bind_text(st, 2, dom->base_type);
	bind_text(st, 3, dom->base);
	sqlite3_bind_int64(st, 4, dom->base_oid);
	sqlite3_bind_int(st, 5, dom->not_null);
	sqlite3_bind_int(st, 6, dom->has_default);
	return done(s, st, err);
}

int cat_domain_get(int *found, cat_domain *out, ms_store *s, int64_t type,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT base_type, base, base_oid, not_null, has_default"
		" FROM migsim_domain WHERE type = ?1");
	sqlite3_bind_int64(st, 1, type);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	out->type = type;
	copy_col(out->base_type, sizeof(out->base_type), st, 0);
	copy_col(out->base, sizeof(out->base), st, 1);
	out->base_oid = sqlite3_column_int64(st, 2);
	out->not_null = sqlite3_column_int(st, 3);
	out->has_default = sqlite3_column_int(st, 4);
	sqlite3_reset(st);
	return MS_OK;
}

int cat_domain_set(ms_store *s, int64_t type, int not_null, int has_default,
	ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "UPDATE migsim_domain SET not_null = CASE WHEN ?2 < 0 THEN"
		" not_null ELSE ?2 END, has_default = CASE WHEN ?3 < 0 THEN"
		" has_default ELSE ?3 END WHERE type = ?1");
	sqlite3_bind_int64(st, 1, type);
	sqlite3_bind_int(st, 2, not_null);
	sqlite3_bind_int(st, 3, has_default);
	return done(s, st, err);
}

int cat_domain_check_find(int *found, int *validated, ms_store *s,
	int64_t type, const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT validated FROM migsim_domain_check WHERE type = ?1"
		" AND name = ?2");
	sqlite3_bind_int64(st, 1, type);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	if (validated)
		*validated = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return MS_OK;
}

int cat_domain_check_set(ms_store *s, int64_t type, const char *name,
	int validated, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "INSERT INTO migsim_domain_check(type, name, validated)"
		" VALUES (?1, ?2, ?3) ON CONFLICT (type, name) DO UPDATE SET"
		" validated = excluded.validated");
	sqlite3_bind_int64(st, 1, type);
	bind_text(st, 2, name);
	sqlite3_bind_int(st, 3, validated);
	return done(s, st, err);
}

int cat_domain_check_drop(ms_store *s, int64_t type, const char *name,
	ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "DELETE FROM migsim_domain_check WHERE type = ?1 AND name = ?2");
	sqlite3_bind_int64(st, 1, type);
	bind_text(st, 2, name);
	return done(s, st, err);
}

int cat_domain_check_rename(ms_store *s, int64_t type, const char *from,
	const char *to, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "UPDATE migsim_domain_check SET name = ?3 WHERE type = ?1"
		" AND name = ?2");
	sqlite3_bind_int64(st, 1, type);
	bind_text(st, 2, from);
	bind_text(st, 3, to);
	return done(s, st, err);
}

/* The domain and the domains over it, down any chain. */
#define CAT_DOMAINS_UNDER \
	"WITH RECURSIVE dom(oid) AS (SELECT ?1 UNION SELECT d.type FROM" \
	" migsim_domain d JOIN dom ON d.base_oid = dom.oid) "

int cat_domain_checks(int *n, ms_store *s, int64_t type, ms_error *err)
{
	sqlite3_stmt *st;
	int found, ret;

	/* Its own checks and those of the domains it is built on. */
	PREP(st, "WITH RECURSIVE up(oid) AS (SELECT ?1 UNION SELECT"
		" d.base_oid FROM migsim_domain d JOIN up ON d.type = up.oid)"
		" SELECT count(*) FROM migsim_domain_check WHERE type IN"
		" (SELECT oid FROM up)");
	sqlite3_bind_int64(st, 1, type);
	if ((ret = first(&found, s, st, err)) < 0)
		return ret;
	*n = found ? sqlite3_column_int(st, 0) : 0;
	if (found)
		sqlite3_reset(st);
	return MS_OK;
}

int cat_domain_array_columns(int *n, char *rel, char *column, ms_store *s,
	int64_t type, ms_error *err)
{
	sqlite3_stmt *st;
	int found, ret;

	/* Through an array of it, even inside a domain over that array. */
	PREP(st, "WITH RECURSIVE dom(oid, arr) AS (SELECT ?1, 0 UNION SELECT"
		" d.type, dom.arr OR d.base_type LIKE '%[]' FROM migsim_domain d"
		" JOIN dom ON d.base_oid = dom.oid) SELECT count(*), min(r.name),"
		" min(c.name) FROM migsim_column c JOIN migsim_relation r ON r.oid"
		" = c.rel JOIN dom ON dom.oid = c.type_oid WHERE (dom.arr OR c.type"
		" LIKE '%[]') AND r.relkind IN ('r', 'p', 'm')");
	sqlite3_bind_int64(st, 1, type);
	if ((ret = first(&found, s, st, err)) < 0)
		return ret;
	*n = found ? sqlite3_column_int(st, 0) : 0;
	if (*n) {
		copy_col(rel, CAT_NAME, st, 1);
		copy_col(column, CAT_NAME, st, 2);
	}
	if (found)
		sqlite3_reset(st);
	return MS_OK;
}

int cat_domain_rows(char *rows, size_t size, ms_store *s, int64_t type,
	ms_error *err)
{
	sqlite3_stmt *st;
	int found, ret;

	/* A materialized view's rows are checked too; what it holds is
	 * not followed. */
	PREP(st, CAT_DOMAINS_UNDER "SELECT coalesce(max(CASE WHEN r.relkind ="
		" 'm' THEN 1 WHEN r.rows = 'empty' THEN 0 WHEN r.rows = 'rows'"
		" THEN 2 ELSE 1 END), 0) FROM"
		" migsim_column c JOIN migsim_relation r ON r.oid = c.rel"
		" WHERE c.type_oid IN (SELECT oid FROM dom) AND r.relkind IN"
		" ('r', 'p', 'm')");
	sqlite3_bind_int64(st, 1, type);
	if ((ret = first(&found, s, st, err)) < 0)
		return ret;
	snprintf(rows, size, "%s", !found ? "empty" :
		sqlite3_column_int(st, 0) == 2 ? "rows" :
		sqlite3_column_int(st, 0) == 1 ? "unknown" : "empty");
	if (found)
		sqlite3_reset(st);
	return MS_OK;
}

void cat_label(char *out, size_t n, const char *schema, const char *name)
{
	char qs[CAT_NAME + 4], qn[CAT_NAME + 4];

	cat_quote_ident(qn, sizeof(qn), name);
	if (strcmp(schema, "public") == 0) {
		snprintf(out, n, "%s", qn);
		return;
	}
	cat_quote_ident(qs, sizeof(qs), schema);
	snprintf(out, n, "%s.%s", qs, qn);
}

void cat_type_label(char *out, size_t n, const char *schema,
	const char *name)
{
	char qs[CAT_NAME + 4], qn[CAT_NAME + 4];

	if (strcmp(schema, "public") != 0 || !ms_pg__system_type(name)) {
		cat_label(out, n, schema, name);
		return;
	}
	cat_quote_ident(qs, sizeof(qs), schema);
	cat_quote_ident(qn, sizeof(qn), name);
	snprintf(out, n, "%s.%s", qs, qn);
}

int cat_type_rename(ms_store *s, int64_t oid, const char *name,
	ms_error *err)
{
	sqlite3_stmt *st;
	cat_type t;
	char from[2 * CAT_NAME + 8], to[2 * CAT_NAME + 8];
	int found, ret;

	if ((ret = cat_type_by_oid(&found, &t, s, oid, err)) < 0 || !found)
		return ret;
	/* format_type's spelling, which columns and domains show:
	 * schema-qualified outside public. */
	cat_type_label(from, sizeof(from), t.schema, t.name);
	cat_type_label(to, sizeof(to), t.schema, name);
	PREP(st, "UPDATE migsim_type SET name = ?2 WHERE oid = ?1");
	sqlite3_bind_int64(st, 1, oid);
	bind_text(st, 2, name);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	/* Domains over it too. */
	PREP(st, "UPDATE migsim_domain SET base = ?2, base_type = ?3 ||"
		" substr(base_type, length(?4) + 1) WHERE base_oid = ?1 AND"
		" substr(base_type, 1, length(?4)) = ?4");
	sqlite3_bind_int64(st, 1, oid);
	bind_text(st, 2, name);
	bind_text(st, 3, to);
	bind_text(st, 4, from);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	/* Columns of the type show its new name ("T"[] stays an array). */
	PREP(st, "UPDATE migsim_column SET base = ?4, type = ?3 ||"
		" substr(type, length(?2) + 1) WHERE type_oid = ?1 AND"
		" substr(type, 1, length(?2)) = ?2");
	sqlite3_bind_int64(st, 1, oid);
	bind_text(st, 2, from);
	bind_text(st, 3, to);
	bind_text(st, 4, name);
	return done(s, st, err);
}

int cat_label_find(int *state, ms_store *s, int64_t type, const char *label,
	ms_error *err)
{
	sqlite3_stmt *st;
	int found, ret;

	PREP(st, "SELECT uncommitted FROM migsim_enum_label WHERE type = ?1"
		" AND label = ?2");
	sqlite3_bind_int64(st, 1, type);
	bind_text(st, 2, label);
	if ((ret = first(&found, s, st, err)) < 0)
		return ret;
	*state = !found ? 0 : sqlite3_column_int(st, 0) ? 2 : 1;
	if (found)
		sqlite3_reset(st);
	return MS_OK;
}

int cat_label_add(ms_store *s, int64_t type, const char *label,
	const char *neighbor, int after, int uncommitted, ms_error *err)
{
	sqlite3_stmt *st;
	double order = 0;
	int found, ret;

	if (neighbor) {
		/* Halfway between the neighbour and the next label. */
		PREP(st, after ?
			"SELECT sortorder, coalesce((SELECT min(sortorder) FROM "
			"migsim_enum_label WHERE type = ?1 AND sortorder > l.sortorder),"
			" sortorder + 2) FROM migsim_enum_label l WHERE type = ?1 AND "
			"label = ?2" :
			"SELECT sortorder, coalesce((SELECT max(sortorder) FROM "
			"migsim_enum_label WHERE type = ?1 AND sortorder < l.sortorder),"
			" sortorder - 2) FROM migsim_enum_label l WHERE type = ?1 AND "
			"label = ?2");
		sqlite3_bind_int64(st, 1, type);
		bind_text(st, 2, neighbor);
		if ((ret = first(&found, s, st, err)) < 0)
			return ret;
		if (found) {
			order = (sqlite3_column_double(st, 0) +
				sqlite3_column_double(st, 1)) / 2;
			sqlite3_reset(st);
		}
	} else {
		PREP(st, "SELECT coalesce(max(sortorder), 0) + 1 FROM "
			"migsim_enum_label WHERE type = ?1");
		sqlite3_bind_int64(st, 1, type);
		if ((ret = first(&found, s, st, err)) < 0)
			return ret;
		order = sqlite3_column_double(st, 0);
		sqlite3_reset(st);
	}
	PREP(st, "INSERT INTO migsim_enum_label(type, sortorder, label,"
		" uncommitted) VALUES (?1, ?2, ?3, ?4)");
	sqlite3_bind_int64(st, 1, type);
	sqlite3_bind_double(st, 2, order);
	bind_text(st, 3, label);
	sqlite3_bind_int(st, 4, uncommitted);
	return done(s, st, err);
}

int cat_label_rename(ms_store *s, int64_t type, const char *from,
	const char *to, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "UPDATE migsim_enum_label SET label = ?3 WHERE type = ?1 AND"
		" label = ?2");
	sqlite3_bind_int64(st, 1, type);
	bind_text(st, 2, from);
	bind_text(st, 3, to);
	return done(s, st, err);
}

int cat_labels_commit(ms_store *s, ms_error *err)
{
	sqlite3_stmt *st;
	int found, ret;

	/* Every COMMIT comes here and almost never finds a label: a read
	 * costs a fraction of an UPDATE that changes nothing. */
	PREP(st, "SELECT 1 FROM migsim_enum_label WHERE uncommitted <> 0"
		" LIMIT 1");
	if ((ret = first(&found, s, st, err)) < 0 || !found)
		return ret;
	sqlite3_reset(st);
	PREP(st, "UPDATE migsim_enum_label SET uncommitted = 0 WHERE"
		" uncommitted <> 0");
	return done(s, st, err);
}

int cat_ext_find(int *found, ms_store *s, const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_extension WHERE name = ?1");
	bind_text(st, 1, name);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_ext_types(int64_t **oids, size_t *n, ms_store *s, const char *name,
	ms_error *err)
{
	sqlite3_stmt *st;
	int rc;

	*oids = NULL;
	*n = 0;
	PREP(st, "SELECT oid FROM migsim_type WHERE extension = ?1");
	bind_text(st, 1, name);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t *more = realloc(*oids, (*n + 1) * sizeof(**oids));

		if (more == NULL) {
			sqlite3_reset(st);
			free(*oids);
			*oids = NULL;
			*n = 0;
			return ms_error_set(err, MS_ENOMEM, "out of memory");
		}
		*oids = more;
		(*oids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? MS_OK : fail(s, err);
}

int cat_ext_drop(ms_store *s, const char *name, ms_error *err)
{
	static const char *const sqls[] = {
		"DELETE FROM migsim_extension WHERE name = ?1",
		"DELETE FROM migsim_type WHERE extension = ?1",
		"DELETE FROM migsim_function_sig WHERE EXISTS (SELECT 1 FROM"
		" migsim_function f WHERE f.extension = ?1 AND f.schema_name ="
		" migsim_function_sig.schema_name AND f.name ="
		" migsim_function_sig.name)",
		"DELETE FROM migsim_function WHERE extension = ?1",
	};
	sqlite3_stmt *st;
	int ret = MS_OK;

	for (size_t i = 0; i < sizeof(sqls) / sizeof(sqls[0]) && ret == MS_OK;
	     i++) {
		PREP(st, sqls[i]);
		bind_text(st, 1, name);
		ret = done(s, st, err);
	}
	return ret;
}

int cat_ext_add(ms_store *s, const char *name, const char *schema,
	ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "INSERT INTO migsim_extension(name, schema_name) VALUES (?1, ?2)");
	bind_text(st, 1, name);
	bind_text(st, 2, schema);
	return done(s, st, err);
}

int cat_func_find(int *found, int64_t *oid, ms_store *s, const char *schema,
	const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT oid FROM migsim_function WHERE (?1 IS NULL OR"
		" schema_name = ?1) AND name = ?2");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	if (oid)
		*oid = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return MS_OK;
}

int cat_func_own(int *found, ms_store *s, const char *schema,
	const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_function WHERE schema_name = ?1 AND"
		" name = ?2 AND extension IS NULL");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_func_add(int64_t *oid, ms_store *s, const char *schema,
	const char *name, const char *args, const char *extension,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "INSERT OR REPLACE INTO migsim_function(schema_name, name, args,"
		" extension) VALUES (?1, ?2, ?3, ?4)");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	bind_text(st, 3, args);
	bind_text(st, 4, extension);
	if ((ret = done(s, st, err)) == MS_OK && oid)
		*oid = sqlite3_last_insert_rowid(ms_store_db(s));
	return ret;
}

int cat_func_writes(int *writes, ms_store *s, const char *schema,
	const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_function_writes WHERE schema_name = ?1"
		" AND name = ?2");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	if ((ret = first(writes, s, st, err)) == MS_OK && *writes)
		sqlite3_reset(st);
	return ret;
}

int cat_func_writes_set(ms_store *s, const char *schema, const char *name,
	int writes, ms_error *err)
{
	sqlite3_stmt *st;

	if (writes)
		PREP(st, "INSERT OR IGNORE INTO migsim_function_writes VALUES"
			" (?1, ?2)");
	else
		PREP(st, "DELETE FROM migsim_function_writes WHERE schema_name = ?1"
			" AND name = ?2");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	return done(s, st, err);
}

int cat_rel_statement_triggers(int *found, ms_store *s, int64_t rel,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_statement_trigger WHERE rel = ?1");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_rel_writing_triggers(int *found, ms_store *s, int64_t rel,
	int statement_only, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_trigger t LEFT JOIN migsim_function f"
		" ON f.oid = t.function WHERE t.rel = ?1 AND (f.oid IS NULL OR"
		" EXISTS (SELECT 1 FROM migsim_function_writes w WHERE"
		" w.schema_name = f.schema_name AND w.name = f.name)) AND"
		" (?2 = 0 OR EXISTS (SELECT 1 FROM migsim_statement_trigger x"
		" WHERE x.rel = t.rel AND x.name = t.name))"
		/* A default (or check) of the table that calls one. */
		" UNION ALL SELECT 1 FROM migsim_depend p JOIN migsim_function f"
		" ON f.oid = p.ref_oid WHERE ?2 = 0 AND p.kind = 'rel' AND"
		" p.oid = ?1 AND p.ref_kind = 'function' AND EXISTS (SELECT 1 FROM"
		" migsim_function_writes w WHERE w.schema_name = f.schema_name AND"
		" w.name = f.name)");
	sqlite3_bind_int64(st, 1, rel);
	sqlite3_bind_int(st, 2, statement_only);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_func_needed(int *needed, ms_store *s, int64_t oid, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_function WHERE oid = ?1 AND extension"
		" IS NOT NULL UNION ALL SELECT 1 FROM migsim_trigger WHERE"
		" function = ?1 UNION ALL SELECT 1 FROM migsim_depend WHERE"
		" ref_kind = 'function' AND ref_oid IN (?1, -1)");
	sqlite3_bind_int64(st, 1, oid);
	if ((ret = first(needed, s, st, err)) == MS_OK && *needed)
		sqlite3_reset(st);
	return ret;
}

int cat_view_empty(int *empty, ms_store *s, int64_t view, ms_error *err)
{
	sqlite3_stmt *st;
	int64_t *views = NULL;
	size_t n = 0, cap = 0;
	int rc, ret = MS_OK;

	*empty = 1;
	PREP(st, "SELECT DISTINCT r.oid, r.relkind, r.rows FROM migsim_depend p"
		" JOIN migsim_relation r ON r.oid = p.ref_oid WHERE p.kind = 'view'"
		" AND p.oid = ?1 AND p.ref_kind = 'rel'");
	sqlite3_bind_int64(st, 1, view);
	while (*empty && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		const char *rows = (const char *)sqlite3_column_text(st, 2);

		if (kind && strchr("rpm", kind[0]))
			*empty = rows && strcmp(rows, "empty") == 0;
		else if (kind && kind[0] == 'v' && rows &&
		    strcmp(rows, "follows") == 0) {
			if (n == cap) {
				int64_t *more = realloc(views, (cap = cap ? 2 * cap : 8) *
					sizeof(*views));

				if (more == NULL) {
					ret = ms_error_set(err, MS_ENOMEM, "out of memory");
					break;
				}
				views = more;
			}
			views[n++] = sqlite3_column_int64(st, 0);
		} else
			*empty = 0;
	}
	sqlite3_reset(st);
	/* A view over views: each must follow empty tables too (their
	 * dependencies form no cycle). */
	for (size_t i = 0; i < n && *empty && ret == MS_OK; i++)
		ret = cat_view_empty(empty, s, views[i], err);
	free(views);
	return ret;
}

int cat_func_needed_by_others(int *needed, ms_store *s, int64_t oid,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_function WHERE oid = ?1 AND extension"
		" IS NOT NULL UNION ALL SELECT 1 FROM migsim_depend WHERE"
		" ref_kind = 'function' AND ref_oid IN (?1, -1)");
	sqlite3_bind_int64(st, 1, oid);
	if ((ret = first(needed, s, st, err)) == MS_OK && *needed)
		sqlite3_reset(st);
	return ret;
}

int cat_trigger_drop_calling(ms_store *s, int64_t function, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "DELETE FROM migsim_statement_trigger WHERE (rel, name) IN"
		" (SELECT rel, name FROM migsim_trigger WHERE function = ?1)");
	sqlite3_bind_int64(st, 1, function);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	PREP(st, "DELETE FROM migsim_trigger WHERE function = ?1");
	sqlite3_bind_int64(st, 1, function);
	return done(s, st, err);
}

int cat_func_names(int *found, char *names, size_t n, ms_store *s,
	const char *schema, const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT names FROM migsim_function_names WHERE schema_name = ?1"
		" AND name = ?2");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	copy_col(names, n, st, 0);
	sqlite3_reset(st);
	return MS_OK;
}

int cat_func_names_set(ms_store *s, const char *schema, const char *name,
	const char *names, ms_error *err)
{
	sqlite3_stmt *st;

	if (names)
		PREP(st, "INSERT OR REPLACE INTO migsim_function_names VALUES"
			" (?1, ?2, ?3)");
	else
		PREP(st, "DELETE FROM migsim_function_names WHERE schema_name = ?1"
			" AND name = ?2");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	if (names)
		bind_text(st, 3, names);
	return done(s, st, err);
}

int cat_func_one_trigger(int *one, char *trigger, char *schema, char *table,
	ms_store *s, int64_t oid, ms_error *err)
{
	sqlite3_stmt *st;
	int ret, found;

	*one = 0;
	PREP(st, "SELECT count(*), min(t.name), min(r.name), min(r.relkind),"
		" (SELECT count(*) FROM migsim_depend WHERE ref_kind = 'function'"
		" AND ref_oid IN (?1, -1)) + (SELECT count(*) FROM migsim_function"
		" WHERE oid = ?1 AND extension IS NOT NULL), min(r.schema_name)"
		" FROM migsim_trigger t"
		" JOIN migsim_relation r ON r.oid = t.rel WHERE t.function = ?1");
	sqlite3_bind_int64(st, 1, oid);
	if ((ret = first(&found, s, st, err)) < 0 || !found)
		return ret;
	*one = sqlite3_column_int(st, 0) == 1 && sqlite3_column_int(st, 4) == 0 &&
		strchr("rp", sqlite3_column_text(st, 3)[0]);
	if (*one) {
		copy_col(trigger, CAT_NAME, st, 1);
		copy_col(table, CAT_NAME, st, 2);
		copy_col(schema, CAT_NAME, st, 5);
	}
	sqlite3_reset(st);
	return MS_OK;
}

int cat_func_any(int *found, ms_store *s, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_function WHERE extension IS NULL LIMIT 1");
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_func_drop(ms_store *s, int64_t oid, ms_error *err)
{
	static const char *const sqls[] = {
		"DELETE FROM migsim_function_sig WHERE (schema_name, name) IN"
		" (SELECT schema_name, name FROM migsim_function WHERE oid = ?1)",
		"DELETE FROM migsim_function_writes WHERE (schema_name, name) IN"
		" (SELECT schema_name, name FROM migsim_function WHERE oid = ?1)",
		"DELETE FROM migsim_function_names WHERE (schema_name, name) IN"
		" (SELECT schema_name, name FROM migsim_function WHERE oid = ?1)",
		"DELETE FROM migsim_depend WHERE kind = 'function' AND oid = ?1",
		"DELETE FROM migsim_function WHERE oid = ?1",
	};
	int ret = MS_OK;

	for (size_t i = 0; i < sizeof(sqls) / sizeof(sqls[0]) && ret == MS_OK;
	     i++)
		ret = exec_oid(s, sqls[i], oid, err);
	return ret;
}

int cat_trigger_find(int *found, ms_store *s, int64_t rel, const char *name,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_trigger WHERE rel = ?1 AND name = ?2"
		" AND coalesce(function, 0) >= 0");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_trigger_named(int *found, ms_store *s, const char *name,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_trigger WHERE name = ?1");
	bind_text(st, 1, name);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_trigger_add(ms_store *s, int64_t rel, const char *name,
	int64_t function, int per_statement, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "INSERT OR REPLACE INTO migsim_trigger(rel, name, function)"
		" VALUES (?1, ?2, ?3)");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	sqlite3_bind_int64(st, 3, function);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	if (per_statement)
		PREP(st, "INSERT OR IGNORE INTO migsim_statement_trigger VALUES"
			" (?1, ?2)");
	else
		PREP(st, "DELETE FROM migsim_statement_trigger WHERE rel = ?1 AND"
			" name = ?2");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	return done(s, st, err);
}

int cat_con_unmodelled(int *found, ms_store *s, int64_t rel,
	const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT max(CASE name WHEN 'constraint:' || ?2 THEN 2 ELSE 1"
		" END) FROM migsim_trigger WHERE rel = ?1 AND name IN ('constraint:'"
		" || ?2, 'constraint:')");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	*found = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return MS_OK;
}

int cat_con_unmodelled_any(int *found, ms_store *s, int64_t rel,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_trigger WHERE rel = ?1 AND"
		" substr(name, 1, 11) = 'constraint:'");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_trigger_drop(ms_store *s, int64_t rel, const char *name,
	ms_error *err)
{
	sqlite3_stmt *st;

	int ret;

	PREP(st, "DELETE FROM migsim_trigger WHERE rel = ?1 AND name = ?2");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	PREP(st, "DELETE FROM migsim_statement_trigger WHERE rel = ?1 AND"
		" name = ?2");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	PREP(st, "DELETE FROM migsim_depend WHERE kind = 'trigger:' || ?2 AND"
		" oid = ?1");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	return done(s, st, err);
}

int cat_con_find(int *found, cat_con *out, ms_store *s, int64_t rel,
	const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT oid, name, contype, columns, coalesce(ref_rel, 0),"
		" coalesce(index_rel, 0), validated FROM migsim_constraint"
		" WHERE rel = ?1 AND name = ?2");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	out->oid = sqlite3_column_int64(st, 0);
	copy_col(out->name, sizeof(out->name), st, 1);
	out->contype = ((const char *)sqlite3_column_text(st, 2))[0];
	copy_col(out->columns, sizeof(out->columns), st, 3);
	out->ref_rel = sqlite3_column_int64(st, 4);
	out->index_rel = sqlite3_column_int64(st, 5);
	out->validated = sqlite3_column_int(st, 6);
	sqlite3_reset(st);
	return MS_OK;
}

int cat_con_add(int64_t *oid, ms_store *s, int64_t rel, const char *name,
	char contype, const char *columns, int64_t ref_rel,
	const char *ref_columns, int64_t index_rel, int validated,
	ms_error *err)
{
	sqlite3_stmt *st;
	char t[2] = { contype, 0 };
	int ret;

	PREP(st, "INSERT INTO migsim_constraint(rel, name, contype, columns,"
		" ref_rel, ref_columns, index_rel, validated) VALUES"
		" (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, name);
	bind_text(st, 3, t);
	bind_text(st, 4, columns);
	if (ref_rel)
		sqlite3_bind_int64(st, 5, ref_rel);
	bind_text(st, 6, ref_columns);
	if (index_rel)
		sqlite3_bind_int64(st, 7, index_rel);
	sqlite3_bind_int(st, 8, validated);
	if ((ret = done(s, st, err)) == MS_OK && oid)
		*oid = sqlite3_last_insert_rowid(ms_store_db(s));
	return ret;
}

int cat_con_drop(ms_store *s, int64_t oid, ms_error *err)
{
	int ret = exec_oid(s, "DELETE FROM migsim_depend WHERE kind = 'fkey'"
		" AND oid = ?1", oid, err);

	if (ret == MS_OK)
		ret = exec_oid(s, "DELETE FROM migsim_deferrable_fkey WHERE con = ?1",
			oid, err);
	if (ret == MS_OK)
		ret = exec_oid(s, "DELETE FROM migsim_fkey_match_full WHERE con = ?1",
			oid, err);
	return ret < 0 ? ret :
		exec_oid(s, "DELETE FROM migsim_constraint WHERE oid = ?1", oid, err);
}

int cat_con_validate(ms_store *s, int64_t oid, ms_error *err)
{
	return exec_oid(s, "UPDATE migsim_constraint SET validated = 1 WHERE"
		" oid = ?1", oid, err);
}

int cat_con_name_used(int *used, ms_store *s, const char *schema,
	const char *name, int tables_only, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	/* Domains' checks share the schema's constraint names, and so do
	 * EXCLUDE constraints and constraint triggers. */
	if (tables_only)
		PREP(st, "SELECT 1 FROM migsim_constraint c JOIN migsim_relation r"
			" ON r.oid = c.rel WHERE r.schema_name = ?1 AND c.name = ?2");
	else
		PREP(st, "SELECT 1 FROM migsim_constraint c JOIN migsim_relation r"
			" ON r.oid = c.rel WHERE r.schema_name = ?1 AND c.name = ?2"
			" UNION ALL SELECT 1 FROM migsim_domain_check k JOIN migsim_type t"
			" ON t.oid = k.type WHERE t.schema_name = ?1 AND k.name = ?2"
			" UNION ALL SELECT 1 FROM migsim_trigger g JOIN migsim_relation r"
			" ON r.oid = g.rel WHERE r.schema_name = ?1 AND g.name ="
			" 'constraint:' || ?2");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	if ((ret = first(used, s, st, err)) == MS_OK && *used)
		sqlite3_reset(st);
	return ret;
}

/* A query's one row, 2 (yes), 1 (not known) or NULL (no), as 1, -1, 0. */
static int answer(int *found, ms_store *s, sqlite3_stmt *st, ms_error *err)
{
	int ret;

	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	*found = sqlite3_column_type(st, 0) == SQLITE_NULL ? 0 :
		sqlite3_column_int(st, 0) == 2 ? 1 : -1;
	sqlite3_reset(st);
	return MS_OK;
}

int cat_con_named(int *found, ms_store *s, const char *table,
	const char *name, int pg_constraint, ms_error *err)
{
	sqlite3_stmt *st;

	/* A table whose columns are not known may have it; the ledger's
	 * table is kept without its columns, and its one constraint is its
	 * primary key. */
	PREP(st, "SELECT max(v) FROM (SELECT CASE WHEN c.name IS NOT NULL OR"
		" (r.name = '_prisma_migrations' AND ?2 = '_prisma_migrations_pkey')"
		" THEN 2 WHEN NOT r.known AND r.name <> '_prisma_migrations' THEN 1"
		" END AS v FROM migsim_relation r LEFT JOIN migsim_constraint c ON"
		" c.rel = r.oid AND c.name = ?2 WHERE r.relkind IN ('r', 'p') AND"
		" (?1 IS NULL OR r.name = ?1) UNION ALL SELECT 2 FROM"
		" migsim_domain_check WHERE ?3 AND ?1 IS NULL AND name = ?2"
		" UNION ALL SELECT 2 FROM migsim_trigger g JOIN migsim_relation r"
		" ON r.oid = g.rel WHERE ?3 AND g.name = 'constraint:' || ?2 AND"
		" (?1 IS NULL OR r.name = ?1))");
	bind_text(st, 1, table);
	bind_text(st, 2, name);
	sqlite3_bind_int(st, 3, pg_constraint);
	return answer(found, s, st, err);
}

int cat_rel_named(int *found, ms_store *s, const char *name,
	const char *kinds, const char *column, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "SELECT max(CASE WHEN ?3 IS NULL OR EXISTS (SELECT 1 FROM"
		" migsim_column c WHERE c.rel = r.oid AND c.name = ?3) THEN 2 WHEN"
		" NOT r.known THEN 1 END) FROM migsim_relation r WHERE r.name = ?1"
		" AND instr(?2, r.relkind) > 0");
	bind_text(st, 1, name);
	bind_text(st, 2, kinds);
	bind_text(st, 3, column);
	return answer(found, s, st, err);
}

int cat_con_rename(ms_store *s, int64_t oid, const char *name,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	/* A foreign key's descriptions name it unquoted, as
	 * getObjectDescription does. */
	PREP(st, "UPDATE migsim_depend SET describe = 'constraint ' || ?2 ||"
		" substr(describe, length('constraint ' || (SELECT name FROM"
		" migsim_constraint WHERE oid = ?1)) + 1) WHERE kind = 'fkey' AND"
		" oid = ?1 AND describe LIKE 'constraint %'");
	sqlite3_bind_int64(st, 1, oid);
	bind_text(st, 2, name);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	PREP(st, "UPDATE migsim_constraint SET name = ?2 WHERE oid = ?1");
	sqlite3_bind_int64(st, 1, oid);
	bind_text(st, 2, name);
	return done(s, st, err);
}

int cat_con_rename_by_index(ms_store *s, int64_t index, const char *name,
	ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "UPDATE migsim_constraint SET name = ?2 WHERE index_rel = ?1"
		" AND contype IN ('p', 'u')");
	sqlite3_bind_int64(st, 1, index);
	bind_text(st, 2, name);
	return done(s, st, err);
}

int cat_con_by_index(int *found, cat_con *out, ms_store *s, int64_t index,
	ms_error *err)
{
	sqlite3_stmt *st;
	int64_t rel;
	char name[CAT_NAME];
	int ret;

	PREP(st, "SELECT rel, name FROM migsim_constraint WHERE index_rel = ?1"
		" AND contype IN ('p', 'u')");
	sqlite3_bind_int64(st, 1, index);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	rel = sqlite3_column_int64(st, 0);
	copy_col(name, sizeof(name), st, 1);
	sqlite3_reset(st);
	return cat_con_find(found, out, s, rel, name, err);
}

int cat_con_drop_on_column(ms_store *s, int64_t rel, const char *column,
	ms_error *err)
{
	static const char *const sqls[] = {
		"DELETE FROM migsim_depend WHERE kind = 'fkey' AND oid IN (SELECT"
		" oid FROM migsim_constraint WHERE rel = ?1 AND instr(',' ||"
		" columns || ',', ',' || ?2 || ',') > 0)",
		"DELETE FROM migsim_relation WHERE oid IN (SELECT rel FROM"
		" migsim_index WHERE table_rel = ?1 AND instr(',' || columns ||"
		" ',', ',' || ?2 || ',') > 0)",
		"DELETE FROM migsim_index WHERE table_rel = ?1 AND instr(',' ||"
		" columns || ',', ',' || ?2 || ',') > 0",
		"DELETE FROM migsim_constraint WHERE rel = ?1 AND instr(',' ||"
		" columns || ',', ',' || ?2 || ',') > 0",
	};
	sqlite3_stmt *st;
	int ret = MS_OK;

	for (size_t i = 0; i < sizeof(sqls) / sizeof(sqls[0]) && ret == MS_OK;
	     i++) {
		PREP(st, sqls[i]);
		sqlite3_bind_int64(st, 1, rel);
		bind_text(st, 2, column);
		ret = done(s, st, err);
	}
	return ret;
}

int cat_index_get(int *found, cat_index *out, ms_store *s, int64_t index,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT i.table_rel, i.is_unique, i.is_partial, i.columns,"
		" i.method, coalesce(r.definition, ''), EXISTS (SELECT 1 FROM"
		" migsim_constraint c WHERE c.index_rel = i.rel) FROM migsim_index i"
		" JOIN migsim_relation r ON r.oid = i.rel WHERE i.rel = ?1");
	sqlite3_bind_int64(st, 1, index);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	out->table_rel = sqlite3_column_int64(st, 0);
	out->is_unique = sqlite3_column_int(st, 1);
	out->is_partial = sqlite3_column_int(st, 2);
	copy_col(out->columns, sizeof(out->columns), st, 3);
	copy_col(out->method, sizeof(out->method), st, 4);
	copy_col(out->definition, sizeof(out->definition), st, 5);
	out->owned = sqlite3_column_int(st, 6);
	sqlite3_reset(st);
	return MS_OK;
}

int cat_index_table(int64_t *table, ms_store *s, int64_t index,
	ms_error *err)
{
	sqlite3_stmt *st;
	int found, ret;

	*table = 0;
	PREP(st, "SELECT table_rel FROM migsim_index WHERE rel = ?1");
	sqlite3_bind_int64(st, 1, index);
	if ((ret = first(&found, s, st, err)) < 0 || !found)
		return ret;
	*table = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return MS_OK;
}

int cat_index_drop_of(ms_store *s, int64_t table, ms_error *err)
{
	int ret = exec_oid(s, "DELETE FROM migsim_relation WHERE oid IN (SELECT"
		" rel FROM migsim_index WHERE table_rel = ?1)", table, err);

	return ret < 0 ? ret : exec_oid(s, "DELETE FROM migsim_index WHERE"
		" table_rel = ?1", table, err);
}

int cat_col_rename_everywhere(ms_store *s, int64_t rel, const char *from,
	const char *to, ms_error *err)
{
	static const char *const sqls[] = {
		"DELETE FROM migsim_null_column WHERE rel = ?1 AND name IN (?2, ?3)",
		"DELETE FROM migsim_filled_column WHERE rel = ?1 AND name IN (?2, ?3)",
		"UPDATE migsim_constraint SET columns = trim(replace(',' || columns"
		" || ',', ',' || ?2 || ',', ',' || ?3 || ','), ',') WHERE rel = ?1",
		"UPDATE migsim_constraint SET ref_columns = trim(replace(',' ||"
		" ref_columns || ',', ',' || ?2 || ',', ',' || ?3 || ','), ',')"
		" WHERE ref_rel = ?1",
		"UPDATE migsim_index SET columns = trim(replace(',' || columns ||"
		" ',', ',' || ?2 || ',', ',' || ?3 || ','), ',') WHERE table_rel = ?1",
		/* The printed definitions of the table's indexes name it
		 * (quoted: ?4, ?5) first in a key or INCLUDE element, before its
		 * options. */
		"UPDATE migsim_relation SET definition = replace(replace(replace("
		"replace(replace(replace(definition,"
		" '(' || ?4 || ' ', '(' || ?5 || ' '),"
		" '(' || ?4 || ',', '(' || ?5 || ','),"
		" '(' || ?4 || ')', '(' || ?5 || ')'),"
		" ', ' || ?4 || ' ', ', ' || ?5 || ' '),"
		" ', ' || ?4 || ',', ', ' || ?5 || ','),"
		" ', ' || ?4 || ')', ', ' || ?5 || ')') WHERE ?2 = ?2 AND"
		" oid IN (SELECT rel FROM migsim_index WHERE table_rel = ?1)",
		"UPDATE migsim_depend SET kind = 'column:' || ?3, describe ="
		" replace(describe, 'column ' || ?2 || ' of', 'column ' || ?3 ||"
		" ' of') WHERE kind = 'column:' || ?2 AND oid = ?1",
		"UPDATE migsim_depend SET kind = 'default:' || ?3, describe ="
		" replace(describe, 'column ' || ?2 || ' of', 'column ' || ?3 ||"
		" ' of') WHERE kind = 'default:' || ?2 AND oid = ?1",
		"UPDATE migsim_depend SET kind = 'generated:' || ?3, describe ="
		" replace(describe, 'column ' || ?2 || ' of', 'column ' || ?3 ||"
		" ' of') WHERE kind = 'generated:' || ?2 AND oid = ?1",
	};
	sqlite3_stmt *st;
	char qfrom[2 * CAT_NAME + 3], qto[2 * CAT_NAME + 3];
	int ret = cat_col_rename(s, rel, from, to, err);

	cat_quote_ident(qfrom, sizeof(qfrom), from);
	cat_quote_ident(qto, sizeof(qto), to);
	for (size_t i = 0; i < sizeof(sqls) / sizeof(sqls[0]) && ret == MS_OK;
	     i++) {
		PREP(st, sqls[i]);
		sqlite3_bind_int64(st, 1, rel);
		bind_text(st, 2, from);
		bind_text(st, 3, to);
		/* Only the definitions' statement has them. */
		if (sqlite3_bind_parameter_count(st) >= 5) {
			bind_text(st, 4, qfrom);
			bind_text(st, 5, qto);
		}
		ret = done(s, st, err);
	}
	return ret;
}

int cat_type_by_oid(int *found, cat_type *out, ms_store *s, int64_t oid,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT schema_name, name FROM migsim_type WHERE oid = ?1");
	sqlite3_bind_int64(st, 1, oid);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	{
		char schema[CAT_NAME], name[CAT_NAME];

		copy_col(schema, sizeof(schema), st, 0);
		copy_col(name, sizeof(name), st, 1);
		sqlite3_reset(st);
		return cat_type_find(found, out, s, schema, name, err);
	}
}

int cat_index_add(ms_store *s, int64_t index, int64_t table, int unique,
	const char *columns, int partial, const char *method, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "INSERT INTO migsim_index(rel, table_rel, is_unique, columns,"
		" is_partial, method) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sqlite3_bind_int64(st, 1, index);
	sqlite3_bind_int64(st, 2, table);
	sqlite3_bind_int(st, 3, unique);
	bind_text(st, 4, columns);
	sqlite3_bind_int(st, 5, partial);
	bind_text(st, 6, method);
	if ((ret = done(s, st, err)) < 0 || !unique || partial || !columns[0])
		return ret;
	/* Made over an empty table, its keys can be kept from the start. */
	PREP(st, "INSERT INTO migsim_kept_index SELECT ?1 WHERE (SELECT rows"
		" FROM migsim_relation WHERE oid = ?2 AND relkind = 'r') = 'empty'");
	sqlite3_bind_int64(st, 1, index);
	sqlite3_bind_int64(st, 2, table);
	return done(s, st, err);
}

int cat_kept_indexes(cat_kept **out, size_t *n, ms_store *s, int64_t rel,
	ms_error *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	PREP(st, "SELECT i.rel, i.columns, i.is_partial OR i.columns = '' OR"
		" k.idx IS NULL, i.rel IN (SELECT idx FROM migsim_nulls_not_distinct)"
		" FROM migsim_index i LEFT JOIN migsim_kept_index k"
		" ON k.idx = i.rel WHERE i.table_rel = ?1 AND i.is_unique"
		" ORDER BY i.rel");
	sqlite3_bind_int64(st, 1, rel);
	return collect(out, n, sizeof(**out), s, st, read_kept, NULL, err);
}

int cat_col_sequence_fed(int *yes, ms_store *s, int64_t rel, const char *col,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_depend o JOIN migsim_depend x ON x.oid ="
		" ?1 AND x.kind IN ('default:' || ?2, 'identity:' || ?2) AND"
		" x.ref_kind = 'rel' AND x.ref_oid = o.oid WHERE o.kind = 'owned'"
		" AND o.ref_kind = 'rel' AND o.ref_oid = ?1 AND o.ref_column = ?2"
		" AND o.describe = '" CAT_SEQUENCE_FRESH "' AND NOT EXISTS (SELECT 1"
		" FROM migsim_meta WHERE key = 'sequence_setter')");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, col);
	if ((ret = first(yes, s, st, err)) == MS_OK && *yes)
		sqlite3_reset(st);
	return ret;
}

int cat_col_sequence_default(int *yes, ms_store *s, int64_t rel,
	const char *col, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_depend x JOIN migsim_relation r ON"
		" r.oid = x.ref_oid WHERE x.oid = ?1 AND x.kind IN ('default:' ||"
		" ?2, 'identity:' || ?2) AND x.ref_kind = 'rel' AND r.relkind = 'S'");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, col);
	if ((ret = first(yes, s, st, err)) == MS_OK && *yes)
		sqlite3_reset(st);
	return ret;
}

int cat_col_identity_sequence(int64_t *seq, ms_store *s, int64_t rel,
	const char *col, ms_error *err)
{
	sqlite3_stmt *st;
	int rc;

	PREP(st, "SELECT x.ref_oid FROM migsim_depend x JOIN migsim_relation r"
		" ON r.oid = x.ref_oid WHERE x.oid = ?1 AND x.kind = 'identity:' ||"
		" ?2 AND x.ref_kind = 'rel' AND r.relkind = 'S'");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, col);
	*seq = 0;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*seq = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MS_OK : fail(s, err);
}

int cat_sequence_touched(ms_store *s, int64_t seq, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "UPDATE migsim_depend SET describe = '' WHERE kind = 'owned'"
		" AND describe <> '' AND (?1 = 0 OR oid = ?1)");
	sqlite3_bind_int64(st, 1, seq);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	return ms_store_exec(s, "DELETE FROM migsim_kept_index WHERE idx IN"
		" (SELECT idx FROM migsim_kept_key WHERE key = char(31))", err);
}

int cat_index_nulls_not_distinct(ms_store *s, int64_t index, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "INSERT OR IGNORE INTO migsim_nulls_not_distinct VALUES (?1)");
	sqlite3_bind_int64(st, 1, index);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	return cat_kept_drop(s, index, err);
}

int cat_kept_literal_keys(int *found, ms_store *s, int64_t index,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_kept_key WHERE idx = ?1 AND key <>"
		" char(31) LIMIT 1");
	sqlite3_bind_int64(st, 1, index);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_kept_key(int *found, ms_store *s, int64_t index, const char *key,
	int add, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	if (add)
		PREP(st, "INSERT OR IGNORE INTO migsim_kept_key VALUES (?1, ?2)");
	else
		PREP(st, "SELECT 1 FROM migsim_kept_key WHERE idx = ?1 AND key = ?2");
	sqlite3_bind_int64(st, 1, index);
	bind_text(st, 2, key);
	if (add)
		return done(s, st, err);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_kept_key_drop(ms_store *s, int64_t index, const char *key,
	ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "DELETE FROM migsim_kept_key WHERE idx = ?1 AND key = ?2");
	sqlite3_bind_int64(st, 1, index);
	bind_text(st, 2, key);
	return done(s, st, err);
}

int cat_kept_drop(ms_store *s, int64_t index, ms_error *err)
{
	int ret = exec_oid(s, "DELETE FROM migsim_kept_key WHERE idx = ?1", index,
		err);

	return ret < 0 ? ret : exec_oid(s, "DELETE FROM migsim_kept_index WHERE"
		" idx = ?1", index, err);
}

/* --- rows distinct on columns ------------------------------------------------ */

/* Whether every name of the comma list `sub` is in the list `set`. */
static int names_within(const char *sub, const char *set)
{
	for (const char *p = sub; *p; p += strcspn(p, ",") + (p[strcspn(p,
	     ",")] == ',')) {
		size_t len = strcspn(p, ",");
		const char *q = set;
		int in = 0;

		for (; *q && !in; q += strcspn(q, ",") + (q[strcspn(q, ",")] == ','))
			in = strcspn(q, ",") == len && strncmp(p, q, len) == 0;
		if (!in)
			return 0;
	}
	return *sub != '\0';
}

int cat_distinct_covered(int *yes, ms_store *s, int64_t rel, const char *cols,
	int nulls_equal, ms_error *err)
{
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	*yes = 0;
	/* An index with its own COLLATE or operator class, or any
	 * nondeterministic collation (CREATE COLLATION), may tell apart what
	 * the new key calls equal. */
	PREP(st, "SELECT columns, nulls_equal FROM migsim_distinct WHERE rel = ?1"
		" UNION ALL SELECT i.columns, i.rel IN (SELECT idx FROM"
		" migsim_nulls_not_distinct) OR EXISTS (SELECT 1 FROM"
		" migsim_constraint c WHERE c.index_rel = i.rel AND c.contype = 'p')"
		" FROM migsim_index i JOIN migsim_relation r ON r.oid = i.rel WHERE"
		" i.table_rel = ?1 AND i.is_unique AND NOT i.is_partial AND"
		" i.columns <> '' AND coalesce(r.definition, '') NOT LIKE"
		" '%COLLATE%' AND coalesce(r.definition, '') NOT LIKE '%!_ops%'"
		" ESCAPE '!' AND i.rel NOT IN (SELECT index_rel FROM"
		" migsim_deferrable) AND NOT EXISTS (SELECT 1 FROM migsim_meta"
		" WHERE key = 'collation')");
	sqlite3_bind_int64(st, 1, rel);
	while (!*yes && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);

		*yes = c && (!nulls_equal || sqlite3_column_int(st, 1)) &&
			names_within(c, cols);
	}
	sqlite3_reset(st);
	return *yes || rc == SQLITE_DONE ? MS_OK : fail(s, err);
}

int cat_distinct_note(ms_store *s, int64_t index, ms_error *err)
{
	return exec_oid(s, "INSERT OR REPLACE INTO migsim_distinct SELECT"
		" i.table_rel, i.columns, i.rel IN (SELECT idx FROM"
		" migsim_nulls_not_distinct) OR EXISTS (SELECT 1 FROM"
		" migsim_constraint c WHERE c.index_rel = i.rel AND c.contype = 'p')"
		" FROM migsim_index i JOIN migsim_relation r ON r.oid = i.rel WHERE"
		" i.rel = ?1 AND i.is_unique AND NOT i.is_partial AND"
		" i.columns <> '' AND coalesce(r.definition, '') NOT LIKE"
		" '%COLLATE%' AND coalesce(r.definition, '') NOT LIKE '%!_ops%'"
		" ESCAPE '!' AND i.rel NOT IN (SELECT index_rel FROM"
		" migsim_deferrable)", index, err);
}

int cat_fk_held(int *yes, ms_store *s, int64_t rel, const char *cols,
	int64_t ref_rel, const char *ref_cols, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	/* Not once foreign keys went unchecked (replica role, disabled
	 * triggers): rows may have broken them before the drop. */
	PREP(st, "SELECT 1 FROM migsim_fk_held WHERE rel = ?1 AND columns = ?2"
		" AND ref_rel = ?3 AND ref_columns = ?4 AND NOT EXISTS (SELECT 1"
		" FROM migsim_meta WHERE key = 'fk_untrusted')");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, cols);
	sqlite3_bind_int64(st, 3, ref_rel);
	bind_text(st, 4, ref_cols);
	if ((ret = first(yes, s, st, err)) == MS_OK && *yes)
		sqlite3_reset(st);
	return ret;
}

int cat_fk_note(ms_store *s, int64_t con, ms_error *err)
{
	return exec_oid(s, "INSERT OR IGNORE INTO migsim_fk_held SELECT rel,"
		" columns, ref_rel, ref_columns FROM migsim_constraint WHERE"
		" oid = ?1 AND contype = 'f' AND validated AND ref_rel IS NOT NULL"
		" AND coalesce(ref_columns, '') <> '' AND oid NOT IN (SELECT con"
		" FROM migsim_deferrable_fkey)", con, err);
}

int cat_distinct_forget(ms_store *s, int64_t rel, const char *column,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "DELETE FROM migsim_distinct WHERE (?1 = 0 OR rel = ?1) AND"
		" (?2 IS NULL OR instr(',' || columns || ',', ',' || ?2 || ',') > 0)");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, column);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	/* A referenced table's rows going or changing break the key too. */
	PREP(st, "DELETE FROM migsim_fk_held WHERE ?1 = 0 OR (rel = ?1 AND (?2"
		" IS NULL OR instr(',' || columns || ',', ',' || ?2 || ',') > 0)) OR"
		" (ref_rel = ?1 AND (?2 IS NULL OR instr(',' || ref_columns || ',',"
		" ',' || ?2 || ',') > 0))");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, column);
	return done(s, st, err);
}

int cat_kept_forget(ms_store *s, int64_t rel, int what, ms_error *err)
{
	static const char *const sql[] = {
		"DELETE FROM migsim_kept_key WHERE ?1 = 0 OR idx IN"
		" (SELECT rel FROM migsim_index WHERE table_rel = ?1)",
		"DELETE FROM migsim_kept_index WHERE ?1 = 0 OR idx IN"
		" (SELECT rel FROM migsim_index WHERE table_rel = ?1)",
		"DELETE FROM migsim_kept_index WHERE idx IN (SELECT rel FROM"
		" migsim_index WHERE table_rel IN (" CAT_REFERENCING "))",
	};
	size_t from = what == KEPT_ROWS_GONE ? 0 : 1;
	size_t to = what == KEPT_ROWS_GONE ? 1 : what == KEPT_VALUES ? 3 : 2;
	int ret = MS_OK;

	/* New rows or values may repeat a key; changed values may cascade
	 * to any referencing table. */
	if (what != KEPT_ROWS_GONE && (ret = cat_distinct_forget(s,
	    what == KEPT_VALUES ? 0 : rel, NULL, err)) < 0)
		return ret;

	for (size_t i = from; i < to && ret == MS_OK; i++)
		ret = exec_oid(s, sql[i], rel, err);
	return ret;
}

/* Column lists compare as sets: sort the names. */
static void canonical(char *out, size_t n, const char *cols)
{
	char buf[512], *names[64], *p;
	int k = 0;

	snprintf(buf, sizeof(buf), "%s", cols);
	for (p = strtok(buf, ","); p && k < 64; p = strtok(NULL, ","))
		names[k++] = p;
	for (int i = 1; i < k; i++)
		for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];

			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	/* A column named twice counts once (infer_arbiter_indexes compares
	 * sets). */
	out[0] = '\0';
	for (int i = 0; i < k; i++) {
		size_t len = strlen(out);

		if (i == 0 || strcmp(names[i], names[i - 1]) != 0)
			snprintf(out + len, n - len, "%s%s", i ? "," : "", names[i]);
	}
}

int cat_unique_on(int64_t *index, ms_store *s, int64_t rel,
	const char *columns, ms_error *err)
{
	sqlite3_stmt *st;
	char want[512], have[512];
	int rc;

	canonical(want, sizeof(want), columns);
	PREP(st, "SELECT columns, rel FROM migsim_index WHERE table_rel = ?1 AND"
		" is_unique AND NOT is_partial AND columns <> '' ORDER BY rel");
	sqlite3_bind_int64(st, 1, rel);
	*index = 0;
	while (*index == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		canonical(have, sizeof(have),
			(const char *)sqlite3_column_text(st, 0));
		if (strcmp(want, have) == 0)
			*index = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MS_OK : fail(s, err);
}

/* How many names a comma-separated list holds, repeats counted. */
static size_t list_length(const char *cols)
{
	size_t n = *cols != '\0';

	for (; *cols; cols++)
		n += *cols == ',';
	return n;
}

int cat_fk_index(int64_t *index, int *deferrable, ms_store *s, int64_t rel,
	const char *columns, ms_error *err)
{
	sqlite3_stmt *st;
	char want[512], have[512];
	int rc = SQLITE_DONE;

	canonical(want, sizeof(want), columns);
	PREP(st, "SELECT i.columns, i.rel, d.index_rel IS NOT NULL FROM"
		" migsim_index i LEFT JOIN migsim_deferrable d ON d.index_rel = i.rel"
		" WHERE i.table_rel = ?1 AND i.is_unique AND NOT i.is_partial AND"
		" i.columns <> '' ORDER BY i.rel");
	sqlite3_bind_int64(st, 1, rel);
	*index = 0;
	*deferrable = 0;
	while (*index == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *cols = (const char *)sqlite3_column_text(st, 0);

		canonical(have, sizeof(have), cols);
		if (list_length(cols) != list_length(columns) ||
		    strcmp(want, have) != 0)
			continue;
		if (sqlite3_column_int(st, 2))
			*deferrable = 1;
		else
			*index = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MS_OK : fail(s, err);
}

int cat_pkey(int *found, cat_con *out, ms_store *s, int64_t rel,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT name FROM migsim_constraint WHERE rel = ?1 AND"
		" contype = 'p'");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	{
		char name[CAT_NAME];

		copy_col(name, sizeof(name), st, 0);
		sqlite3_reset(st);
		return cat_con_find(found, out, s, rel, name, err);
	}
}

int cat_dep_add(ms_store *s, const char *kind, int64_t oid,
	const char *ref_kind, int64_t ref_oid, const char *ref_column,
	const char *describe, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "INSERT INTO migsim_depend(kind, oid, ref_kind, ref_oid,"
		" ref_column, describe) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, oid);
	bind_text(st, 3, ref_kind);
	sqlite3_bind_int64(st, 4, ref_oid);
	bind_text(st, 5, ref_column);
	bind_text(st, 6, describe);
	return done(s, st, err);
}

int cat_dep_has(int *found, ms_store *s, int64_t oid, const char *prefix,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_depend WHERE oid = ?1 AND"
		" substr(kind, 1, length(?2)) = ?2");
	sqlite3_bind_int64(st, 1, oid);
	bind_text(st, 2, prefix);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_dep_kind(int *found, ms_store *s, const char *prefix,
	const char *ref_kind, int64_t ref_oid, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_depend WHERE ref_kind = ?3 AND"
		" ref_oid = ?1 AND substr(kind, 1, length(?2)) = ?2");
	sqlite3_bind_int64(st, 1, ref_oid);
	bind_text(st, 2, prefix);
	bind_text(st, 3, ref_kind);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

/* What a 2BP01 lists as depending on (ref_kind, ref_oid[, ref_column]):
 * not the dropped object's own parts (except; of a column, a foreign key
 * of its table only when the column is one of the key's own, as the
 * key's AUTO dependency on it lets the drop take the key), nor links of
 * ownership and calls that never refuse a drop. */
#define DEP_LIST_WHERE " WHERE ref_kind = ?1" \
	" AND ref_oid = ?2 AND (?3 IS NULL OR ref_column = ?3) AND NOT" \
	" (?4 <> 0 AND ((kind = 'fkey' AND oid IN (SELECT oid FROM" \
	" migsim_constraint WHERE rel = ?4 AND (?3 IS NULL OR instr(',' ||" \
	" columns || ',', ',' || ?3 || ',') > 0))) OR (kind <> 'fkey' AND" \
	" oid = ?4 AND NOT (?3 IS NOT NULL AND (kind LIKE 'trigger:%' OR" \
	" kind LIKE 'generated:%'))))) AND" \
	" kind NOT IN ('owned', 'function', 'index', 'rowtype') AND" \
	" kind NOT LIKE 'identity:%'"

int cat_dep_lines(cat_dep_line **out, size_t *n, ms_store *s,
	const char *ref_kind, int64_t ref_oid, const char *ref_column,
	int64_t except, ms_error *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	/* PostgreSQL's order is by oid: a column's is its table's, and
	 * within a table the last column comes first (object_address_
	 * comparator's subId, read back to front); the caller reads this
	 * list back to front too. */
	PREP(st, "SELECT g.kind, g.oid, g.describe FROM (SELECT min(kind) AS"
		" kind, min(oid) AS oid, describe, min(rowid) AS pos FROM"
		" migsim_depend d" DEP_LIST_WHERE " GROUP BY describe) g LEFT JOIN"
		" migsim_column c ON g.kind LIKE 'column:%' AND c.rel = g.oid AND"
		" c.name = substr(g.kind, 8) ORDER BY c.attnum IS NOT NULL,"
		" CASE WHEN c.attnum IS NOT NULL THEN g.oid END, c.attnum DESC,"
		" g.pos");
	bind_text(st, 1, ref_kind);
	sqlite3_bind_int64(st, 2, ref_oid);
	bind_text(st, 3, ref_column);
	sqlite3_bind_int64(st, 4, except);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cat_dep_line *l;

		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			if ((l = realloc(*out, cap * sizeof(**out))) == NULL) {
				sqlite3_reset(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return ms_error_set(err, MS_ENOMEM, "out of memory");
			}
			*out = l;
		}
		l = &(*out)[(*n)++];
		copy_col(l->kind, sizeof(l->kind), st, 0);
		l->oid = sqlite3_column_int64(st, 1);
		copy_col(l->describe, sizeof(l->describe), st, 2);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return fail(s, err);
	}
	return MS_OK;
}

int cat_dep_list(char **out, int *n, ms_store *s, const char *ref_kind,
	int64_t ref_oid, const char *ref_column, int64_t except, ms_error *err)
{
	sqlite3_stmt *st;
	ms_buf b = MS_BUF_INIT;
	int rc;

	*out = NULL;
	*n = 0;
	PREP(st, "SELECT describe FROM migsim_depend d" DEP_LIST_WHERE
		" GROUP BY describe ORDER BY min(rowid)");
	bind_text(st, 1, ref_kind);
	sqlite3_bind_int64(st, 2, ref_oid);
	bind_text(st, 3, ref_column);
	sqlite3_bind_int64(st, 4, except);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ms_buf_printf(&b, "%s%s", *n ? "\n" : "",
			(const char *)sqlite3_column_text(st, 0));
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		ms_buf_free(&b);
		return fail(s, err);
	}
	if (ms_buf_status(&b) < 0) {
		ms_buf_free(&b);
		return ms_error_set(err, MS_ENOMEM, "out of memory");
	}
	*out = *n ? ms_buf_detach(&b) : NULL;
	ms_buf_free(&b);
	return MS_OK;
}

int cat_dep_rows(cat_dep **out, size_t *n, ms_store *s, const char *ref_kind,
	int64_t ref_oid, const char *ref_column, int64_t except, ms_error *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	PREP(st, "SELECT kind, oid FROM migsim_depend WHERE ref_kind = ?1"
		" AND ref_oid = ?2 AND (?3 IS NULL OR ref_column = ?3) AND NOT"
		" (?4 <> 0 AND ((kind = 'fkey' AND oid IN (SELECT oid FROM"
		" migsim_constraint WHERE rel = ?4)) OR (kind <> 'fkey' AND"
		" kind <> 'owned' AND oid = ?4 AND NOT (?3 IS NOT NULL AND"
		" kind LIKE 'trigger:%'))))"
		" GROUP BY kind, oid ORDER BY min(rowid)");
	bind_text(st, 1, ref_kind);
	sqlite3_bind_int64(st, 2, ref_oid);
	bind_text(st, 3, ref_column);
	sqlite3_bind_int64(st, 4, except);
	return collect(out, n, sizeof(**out), s, st, read_dep, NULL, err);
}

int cat_dep_drop_dependent(ms_store *s, const char *kind, int64_t oid,
	ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "DELETE FROM migsim_depend WHERE kind = ?1 AND oid = ?2");
	bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, oid);
	return done(s, st, err);
}

int cat_dep_self(int *found, ms_store *s, const char *kind, int64_t oid,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_depend WHERE kind = ?1 AND oid = ?2 AND"
		" ref_kind = 'rel' AND ref_oid = ?2");
	bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, oid);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_dep_rename(ms_store *s, const char *kind, int64_t oid,
	const char *new_kind, const char *describe, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "UPDATE migsim_depend SET kind = ?3, describe = ?4 WHERE"
		" kind = ?1 AND oid = ?2");
	bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, oid);
	bind_text(st, 3, new_kind);
	bind_text(st, 4, describe);
	return done(s, st, err);
}

int cat_dep_drop_referenced(ms_store *s, const char *ref_kind,
	int64_t ref_oid, const char *ref_column, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "DELETE FROM migsim_depend WHERE ref_kind = ?1 AND ref_oid = ?2"
		" AND (?3 IS NULL OR ref_column = ?3)");
	bind_text(st, 1, ref_kind);
	sqlite3_bind_int64(st, 2, ref_oid);
	bind_text(st, 3, ref_column);
	return done(s, st, err);
}

/* quote_identifier (ruleutils.c): quote unless lower-case letters, digits
 * and underscores not starting with a digit, and not a reserved-ish
 * keyword, which libpg_query's scanner classifies for us. */
void cat_quote_ident(char *out, size_t n, const char *name)
{
	int safe = (name[0] >= 'a' && name[0] <= 'z') || name[0] == '_';

	for (const char *p = name; *p && safe; p++)
		safe = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
			*p == '_';
	if (safe) {
		PgQueryScanResult r = pg_query_scan(name);
		PgQuery__ScanResult *sr = r.error ? NULL :
			pg_query__scan_result__unpack(NULL, r.pbuf.len,
			(const uint8_t *)r.pbuf.data);

		if (sr && sr->n_tokens == 1 && sr->tokens[0]->keyword_kind !=
		    PG_QUERY__KEYWORD_KIND__NO_KEYWORD &&
		    sr->tokens[0]->keyword_kind !=
		    PG_QUERY__KEYWORD_KIND__UNRESERVED_KEYWORD)
			safe = 0;
		if (sr)
			pg_query__scan_result__free_unpacked(sr, NULL);
		pg_query_free_scan_result(r);
	}
	if (safe) {
		snprintf(out, n, "%s", name);
		return;
	}
	{
		size_t j = 0;

		if (n < 3) {
			out[0] = '\0';
			return;
		}
		out[j++] = '"';
		for (const char *p = name; *p && j + 3 < n; p++) {
			if (*p == '"')
				out[j++] = '"';
			out[j++] = *p;
		}
		out[j++] = '"';
		out[j] = '\0';
	}
}

int cat_col_names(char (**out)[CAT_NAME], size_t *n, ms_store *s,
	int64_t rel, int required, ms_error *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	PREP(st, "SELECT name FROM migsim_column WHERE rel = ?1 AND (NOT ?2 OR"
		" (not_null AND coalesce(default_expr, 'nullable') = 'nullable'"
		" AND identity IS NULL))"
		" ORDER BY attnum");
	sqlite3_bind_int64(st, 1, rel);
	sqlite3_bind_int(st, 2, required);
	return collect(out, n, sizeof(**out), s, st, read_name, NULL, err);
}

int cat_index_deferrable(int *yes, ms_store *s, int64_t index, int set,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	if (set)
		PREP(st, "INSERT OR IGNORE INTO migsim_deferrable VALUES (?1)");
	else
		PREP(st, "SELECT 1 FROM migsim_deferrable WHERE index_rel = ?1");
	sqlite3_bind_int64(st, 1, index);
	if (set)
		return done(s, st, err);
	if ((ret = first(yes, s, st, err)) == MS_OK && *yes)
		sqlite3_reset(st);
	return ret;
}

int cat_rel_deferrable_unique(int *yes, ms_store *s, int64_t rel,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_deferrable x JOIN migsim_index i ON"
		" i.rel = x.index_rel WHERE i.table_rel = ?1");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = first(yes, s, st, err)) == MS_OK && *yes)
		sqlite3_reset(st);
	return ret;
}

int cat_fk_match_full(ms_store *s, int64_t con, ms_error *err)
{
	return exec_oid(s, "INSERT OR IGNORE INTO migsim_fkey_match_full"
		" VALUES (?1)", con, err);
}

int cat_con_deferrable(int *yes, ms_store *s, int64_t con, int set,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	if (set)
		PREP(st, "INSERT OR IGNORE INTO migsim_deferrable_fkey VALUES (?1)");
	else
		PREP(st, "SELECT 1 FROM migsim_deferrable_fkey WHERE con = ?1");
	sqlite3_bind_int64(st, 1, con);
	if (set)
		return done(s, st, err);
	if ((ret = first(yes, s, st, err)) == MS_OK && *yes)
		sqlite3_reset(st);
	return ret;
}

int cat_rel_generated(int *found, ms_store *s, int64_t rel, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_column WHERE rel = ?1 AND identity = 'g'");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_rel_guards(cat_guards *g, ms_store *s, int64_t rel, ms_error *err)
{
	sqlite3_stmt *st;
	int found, ret;

	PREP(st, "SELECT (SELECT count(*) FROM migsim_trigger WHERE rel = ?1),"
		" (SELECT count(*) FROM migsim_constraint WHERE rel = ?1 AND"
		" contype = 'c'),"
		" (SELECT count(*) FROM migsim_index WHERE table_rel = ?1 AND"
		" is_unique),"
		" (SELECT count(*) FROM migsim_constraint WHERE ref_rel = ?1 AND"
		" contype = 'f'),"
		" (SELECT count(*) FROM migsim_constraint WHERE rel = ?1 AND"
		" contype = 'c' AND NOT validated)");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = first(&found, s, st, err)) < 0)
		return ret;
	memset(g, 0, sizeof(*g));
	if (found) {
		g->triggers = sqlite3_column_int(st, 0);
		g->checks = sqlite3_column_int(st, 1);
		g->uniques = sqlite3_column_int(st, 2);
		g->referenced = sqlite3_column_int(st, 3);
		g->unvalidated = sqlite3_column_int(st, 4);
		sqlite3_reset(st);
	}
	return MS_OK;
}

int cat_col_guarded(int *guarded, ms_store *s, int64_t rel, const char *col,
	int null, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	/* NULL (?3) passes a unique key (NULLS DISTINCT) and a foreign key
	 * unless it is MATCH FULL over several columns. */
	PREP(st, "SELECT 1 FROM migsim_constraint WHERE rel = ?1 AND"
		" (columns = '' OR ',' || columns || ',' LIKE '%,' || ?2 || ',%'"
		" OR ',' || columns || ',' LIKE '%,*,%') AND NOT (?3 AND ("
		" (contype = 'u' AND coalesce(index_rel, 0) NOT IN (SELECT idx FROM"
		" migsim_nulls_not_distinct)) OR (contype = 'f' AND (columns NOT"
		" LIKE '%,%' OR oid NOT IN (SELECT con FROM migsim_fkey_match_full)))))"
		" UNION ALL SELECT 1 FROM migsim_constraint WHERE ref_rel = ?1 AND"
		" (coalesce(ref_columns, '') = '' OR"
		" ',' || ref_columns || ',' LIKE '%,' || ?2 || ',%')"
		" UNION ALL SELECT 1 FROM migsim_depend WHERE kind = 'fkey' AND"
		" ref_kind = 'rel' AND ref_oid = ?1 AND ref_column = ?2"
		" UNION ALL SELECT 1 FROM migsim_index WHERE table_rel = ?1 AND"
		" (columns = '' OR is_partial OR (is_unique AND"
		" ',' || columns || ',' LIKE '%,' || ?2 || ',%' AND (NOT ?3 OR rel IN"
		" (SELECT idx FROM migsim_nulls_not_distinct))))");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, col);
	sqlite3_bind_int(st, 3, null != 0);
	if ((ret = first(guarded, s, st, err)) == MS_OK && *guarded)
		sqlite3_reset(st);
	return ret;
}

int cat_rel_has_rule(int *found, ms_store *s, int64_t rel, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_trigger WHERE rel = ?1 AND name LIKE"
		" 'rule:%'");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_arbiters_unsure(int *found, ms_store *s, int64_t rel,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_index WHERE table_rel = ?1 AND is_unique"
		" AND (columns = '' OR is_partial)");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_rel_odd_indexes(int *found, ms_store *s, int64_t rel, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_index i LEFT JOIN migsim_relation r ON"
		" r.oid = i.rel WHERE i.table_rel = ?1 AND (i.columns = '' OR"
		" i.is_partial OR coalesce(r.definition, '') LIKE '%INCLUDE%') AND"
		" NOT EXISTS (SELECT 1 FROM migsim_depend WHERE kind = 'index' AND"
		" oid = i.rel)");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_col_in_fk(int *found, ms_store *s, int64_t rel, const char *col,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_constraint WHERE contype = 'f' AND"
		" ((rel = ?1 AND ',' || columns || ',' LIKE '%,' || ?2 || ',%') OR"
		" (ref_rel = ?1 AND ',' || ref_columns || ',' LIKE"
		" '%,' || ?2 || ',%'))");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, col);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_col_indexed(int *found, ms_store *s, int64_t rel, const char *col,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_index WHERE table_rel = ?1 AND"
		" ',' || columns || ',' LIKE '%,' || ?2 || ',%'");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, col);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_col_reparsed(int *found, ms_store *s, int64_t rel, const char *col,
	ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_constraint WHERE rel = ?1 AND"
		" contype = 'c' AND (columns = '' OR"
		" ',' || columns || ',' LIKE '%,' || ?2 || ',%' OR"
		" ',' || columns || ',' LIKE '%,*,%')"
		" UNION ALL SELECT 1 FROM migsim_index i LEFT JOIN migsim_relation r"
		" ON r.oid = i.rel WHERE i.table_rel = ?1 AND (i.columns = '' OR"
		" i.is_partial OR (',' || i.columns || ',' LIKE '%,' || ?2 || ',%'"
		" AND (i.method <> 'btree' OR coalesce(r.definition, '') LIKE"
		" '%!_ops%' ESCAPE '!')))");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, col);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_con_list(cat_con **out, size_t *n, ms_store *s, int64_t rel,
	char contype, ms_error *err)
{
	sqlite3_stmt *st;
	char type[2] = { contype, '\0' };

	*out = NULL;
	*n = 0;
	PREP(st, "SELECT oid, name, columns, ref_rel FROM migsim_constraint"
		" WHERE rel = ?1 AND contype = ?2 ORDER BY oid");
	sqlite3_bind_int64(st, 1, rel);
	bind_text(st, 2, type);
	return collect(out, n, sizeof(**out), s, st, read_con, &contype, err);
}

int cat_rel_drop_columns(ms_store *s, int64_t oid, int known, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "DELETE FROM migsim_column WHERE rel = ?1");
	sqlite3_bind_int64(st, 1, oid);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	PREP(st, "UPDATE migsim_relation SET known = ?2 WHERE oid = ?1");
	sqlite3_bind_int64(st, 1, oid);
	sqlite3_bind_int(st, 2, known);
	return done(s, st, err);
}

int cat_pub_find(int *found, ms_store *s, const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_publication WHERE name = ?1");
	bind_text(st, 1, name);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	sqlite3_reset(st);
	return MS_OK;
}

int cat_pub_set(ms_store *s, const char *name, int exists, ms_error *err)
{
	sqlite3_stmt *st;

	if (exists)
		PREP(st, "INSERT OR IGNORE INTO migsim_publication VALUES (?1)");
	else
		PREP(st, "DELETE FROM migsim_publication WHERE name = ?1");
	bind_text(st, 1, name);
	return done(s, st, err);
}

int cat_func_sig(int *found, cat_sig *out, ms_store *s, const char *schema,
	const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT args, result, volatility FROM migsim_function_sig"
		" WHERE schema_name = ?1 AND name = ?2");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) < 0 || !*found)
		return ret;
	copy_col(out->args, sizeof(out->args), st, 0);
	copy_col(out->result, sizeof(out->result), st, 1);
	out->volatility = ((const char *)sqlite3_column_text(st, 2))[0];
	sqlite3_reset(st);
	return MS_OK;
}

int cat_func_sig_set(ms_store *s, const char *schema, const char *name,
	const cat_sig *sig, ms_error *err)
{
	sqlite3_stmt *st;
	char v[2] = { sig->volatility, '\0' };

	PREP(st, "INSERT OR REPLACE INTO migsim_function_sig VALUES"
		" (?1, ?2, ?3, ?4, ?5)");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	bind_text(st, 3, sig->args);
	bind_text(st, 4, sig->result);
	bind_text(st, 5, v);
	return done(s, st, err);
}

int cat_rel_set_definition(ms_store *s, int64_t oid, const char *def,
	ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "UPDATE migsim_relation SET definition = ?2 WHERE oid = ?1");
	sqlite3_bind_int64(st, 1, oid);
	bind_text(st, 2, def);
	return done(s, st, err);
}

int cat_inherits_add(ms_store *s, int64_t parent, int64_t child,
	ms_error *err)
{
	sqlite3_stmt *st;

	int ret;

	PREP(st, "INSERT OR IGNORE INTO migsim_inherits VALUES (?1, ?2)");
	sqlite3_bind_int64(st, 1, parent);
	sqlite3_bind_int64(st, 2, child);
	if ((ret = done(s, st, err)) < 0)
		return ret;
	return cat_rel_set_rows(s, parent, "unknown", err);
}

int cat_partitions_any(int *yes, ms_store *s, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_inherits i JOIN migsim_relation p ON"
		" p.oid = i.parent WHERE p.relkind = 'p' LIMIT 1");
	if ((ret = first(yes, s, st, err)) == MS_OK && *yes)
		sqlite3_reset(st);
	return ret;
}

int cat_inherits_any(int *yes, ms_store *s, int64_t rel, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_inherits WHERE parent = ?1 OR child = ?1");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = first(yes, s, st, err)) == MS_OK && *yes)
		sqlite3_reset(st);
	return ret;
}

int cat_fk_to_ancestor(int *yes, ms_store *s, int64_t rel, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "WITH RECURSIVE up(oid) AS (SELECT parent FROM migsim_inherits"
		" WHERE child = ?1 UNION SELECT i.parent FROM migsim_inherits i"
		" JOIN up ON i.child = up.oid) SELECT 1 FROM migsim_constraint"
		" WHERE contype = 'f' AND ref_rel IN (SELECT oid FROM up)");
	sqlite3_bind_int64(st, 1, rel);
	if ((ret = first(yes, s, st, err)) == MS_OK && *yes)
		sqlite3_reset(st);
	return ret;
}

int cat_fk_referencing(int64_t **out, size_t *n, ms_store *s, int64_t rel,
	ms_error *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	PREP(st, "SELECT DISTINCT rel FROM migsim_constraint WHERE contype = 'f'"
		" AND ref_rel = ?1 ORDER BY rel");
	sqlite3_bind_int64(st, 1, rel);
	return collect(out, n, sizeof(**out), s, st, read_oid, NULL, err);
}

int cat_children(int64_t **out, size_t *n, ms_store *s, int64_t parent,
	ms_error *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	PREP(st, "SELECT child FROM migsim_inherits WHERE parent = ?1 ORDER BY"
		" child");
	sqlite3_bind_int64(st, 1, parent);
	return collect(out, n, sizeof(**out), s, st, read_oid, NULL, err);
}

int cat_temp_commit(ms_store *s, ms_error *err)
{
	sqlite3_stmt *st;
	int found, ret;

	/* Every COMMIT asks: look before the writes. */
	PREP(st, "SELECT 1 FROM migsim_temp WHERE on_commit_drop = 2 LIMIT 1");
	if ((ret = first(&found, s, st, err)) < 0 || !found)
		return ret;
	sqlite3_reset(st);
	return ms_store_exec(s, "DELETE FROM migsim_kept_key WHERE idx IN"
		" (SELECT rel FROM migsim_index WHERE table_rel IN (SELECT oid FROM"
		" migsim_temp WHERE on_commit_drop = 2)); UPDATE migsim_relation SET"
		" rows = 'empty' WHERE oid IN (SELECT oid FROM migsim_temp WHERE"
		" on_commit_drop = 2) AND oid NOT IN (SELECT parent FROM"
		" migsim_inherits)", err);
}

int cat_unlogged_set(ms_store *s, int64_t rel, int on, ms_error *err)
{
	sqlite3_stmt *st;

	if (on)
		PREP(st, "INSERT OR IGNORE INTO migsim_unlogged SELECT ?1 UNION"
			" SELECT oid FROM migsim_depend WHERE kind = 'owned' AND"
			" ref_kind = 'rel' AND ref_oid = ?1");
	else
		PREP(st, "DELETE FROM migsim_unlogged WHERE oid = ?1 OR oid IN"
			" (SELECT oid FROM migsim_depend WHERE kind = 'owned' AND"
			" ref_kind = 'rel' AND ref_oid = ?1)");
	sqlite3_bind_int64(st, 1, rel);
	return done(s, st, err);
}

int cat_unlogged_follow(ms_store *s, int64_t seq, int64_t rel, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "INSERT OR IGNORE INTO migsim_unlogged SELECT ?1 WHERE EXISTS"
		" (SELECT 1 FROM migsim_unlogged WHERE oid = ?2)");
	sqlite3_bind_int64(st, 1, seq);
	sqlite3_bind_int64(st, 2, rel);
	return done(s, st, err);
}

int cat_temp_add(ms_store *s, int64_t oid, int on_commit_drop, ms_error *err)
{
	sqlite3_stmt *st;

	PREP(st, "INSERT OR REPLACE INTO migsim_temp VALUES (?1, ?2)");
	sqlite3_bind_int64(st, 1, oid);
	sqlite3_bind_int(st, 2, on_commit_drop);
	return done(s, st, err);
}

int cat_temp_is(int *yes, ms_store *s, int64_t oid, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	PREP(st, "SELECT 1 FROM migsim_temp WHERE oid = ?1");
	sqlite3_bind_int64(st, 1, oid);
	if ((ret = first(yes, s, st, err)) == MS_OK && *yes)
		sqlite3_reset(st);
	return ret;
}

int cat_kept_only_named(int *found, ms_store *s, const char *schema,
	const char *name, ms_error *err)
{
	sqlite3_stmt *st;
	int ret;

	/* Triggers by name first: a schema has many relations. */
	PREP(st, "SELECT 1 FROM migsim_trigger g CROSS JOIN migsim_relation r"
		" ON r.oid = g.rel WHERE r.schema_name = ?1 AND g.name ="
		" 'constraint:' || ?2");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) < 0 || *found) {
		if (ret == MS_OK)
			sqlite3_reset(st);
		return ret;
	}
	/* A partition's indexes for its parent's are named after it
	 * ("p_pkey", "p_col_idx") and not kept. */
	PREP(st, "SELECT 1 FROM migsim_inherits i JOIN migsim_relation c ON"
		" c.oid = i.child JOIN migsim_relation p ON p.oid = i.parent WHERE"
		" p.relkind = 'p' AND c.schema_name = ?1 AND substr(?2, 1,"
		" length(c.name)) = c.name LIMIT 1");
	bind_text(st, 1, schema);
	bind_text(st, 2, name);
	if ((ret = first(found, s, st, err)) == MS_OK && *found)
		sqlite3_reset(st);
	return ret;
}

int cat_temp_list(int64_t **out, size_t *n, ms_store *s, int on_commit_only,
	ms_error *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	PREP(st, "SELECT oid FROM migsim_temp WHERE on_commit_drop = 1 OR NOT ?1");
	sqlite3_bind_int(st, 1, on_commit_only);
	return collect(out, n, sizeof(**out), s, st, read_oid, NULL, err);
}

int cat_unique_indexes(char (**out)[512], size_t *n, int *partial,
	ms_store *s, int64_t rel, ms_error *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	*partial = 0;
	/* Where NULLs are not distinct, two NULLs meet: not followed. */
	PREP(st, "SELECT columns, is_partial OR rel IN (SELECT idx FROM"
		" migsim_nulls_not_distinct) FROM migsim_index WHERE"
		" table_rel = ?1 AND is_unique");
	sqlite3_bind_int64(st, 1, rel);
	return collect(out, n, sizeof(**out), s, st, read_unique, partial, err);
}
