/*
 * schema.c - the simulated schema as DDL, in the shape and order of
 * `pg_dump --schema-only --no-owner` (schemas, extensions, enum types,
 * domains, tables, sequences, views by name; then keys, indexes, foreign keys), so
 * that it can be compared with a real database after normalising both.
 * What the catalog does not keep (default expressions, check expressions,
 * foreign key actions, view queries, function bodies) is left out, and the
 * dump's header says so.
 */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "catalog.h"
#include "pg_int.h"

typedef struct dump {
	ms_store *s;
	ms_buf *out;
	ms_error *err;
} dump;

static int prep(sqlite3_stmt **st, dump *d, const char *sql)
{
	return ms_store_prepare(st, d->s, sql, d->err);
}

static const char *col(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);

	return v ? v : "";
}

/* schema.name with quote_identifier on each part. */
static void qualified(char *out, size_t n, const char *schema,
	const char *name)
{
	char a[CAT_NAME + 4], b[CAT_NAME + 4];

	cat_quote_ident(a, sizeof(a), schema);
	cat_quote_ident(b, sizeof(b), name);
	snprintf(out, n, "%s.%s", a, b);
}

/* A comma-separated column list, each name quoted as needed. */
static void put_columns(ms_buf *b, const char *list)
{
	char buf[512], q[CAT_NAME + 4];
	int first = 1;

	snprintf(buf, sizeof(buf), "%s", list);
	for (char *p = strtok(buf, ","); p; p = strtok(NULL, ",")) {
		cat_quote_ident(q, sizeof(q), p);
		ms_buf_printf(b, "%s%s", first ? "" : ", ", q);
		first = 0;
	}
}

static int done(dump *d, sqlite3_stmt *st, int rc)
{
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return ms_error_set(d->err, MS_EIO, "%s: %s", ms_store_path(d->s),
			sqlite3_errmsg(ms_store_db(d->s)));
	return ms_buf_status(d->out) < 0 ?
		ms_error_set(d->err, MS_ENOMEM, "out of memory") : MS_OK;
}

static int schemas_and_extensions(dump *d)
{
	sqlite3_stmt *st;
	char q[CAT_NAME + 4];
	int rc, ret;

	if ((ret = prep(&st, d, "SELECT name FROM migsim_namespace WHERE name <>"
	    " 'public' ORDER BY name")) < 0)
		return ret;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cat_quote_ident(q, sizeof(q), col(st, 0));
		ms_buf_printf(d->out, "CREATE SCHEMA %s;\n\n", q);
	}
	if ((ret = done(d, st, rc)) < 0)
		return ret;
	if ((ret = prep(&st, d, "SELECT name, schema_name FROM migsim_extension"
	    " ORDER BY name")) < 0)
		return ret;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char s[CAT_NAME + 4];

		cat_quote_ident(q, sizeof(q), col(st, 0));
		cat_quote_ident(s, sizeof(s), col(st, 1));
		ms_buf_printf(d->out, "CREATE EXTENSION IF NOT EXISTS %s WITH SCHEMA "
			"%s;\n\n", q, s);
	}
	return done(d, st, rc);
}

static int enums(dump *d)
{
	sqlite3_stmt *st, *lab;
	char q[2 * CAT_NAME + 8];
	int rc, lrc, ret;

	if ((ret = prep(&st, d, "SELECT oid, schema_name, name FROM migsim_type"
	    " WHERE kind = 'e' ORDER BY schema_name, name")) < 0)
		return ret;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int n = 0;

		qualified(q, sizeof(q), col(st, 1), col(st, 2));
		ms_buf_printf(d->out, "CREATE TYPE %s AS ENUM (\n", q);
		if ((ret = prep(&lab, d, "SELECT label FROM migsim_enum_label WHERE"
		    " type = ?1 ORDER BY sortorder")) < 0) {
			sqlite3_reset(st);
			return ret;
		}
		sqlite3_bind_int64(lab, 1, sqlite3_column_int64(st, 0));
		while ((lrc = sqlite3_step(lab)) == SQLITE_ROW) {
			ms_buf_printf(d->out, "%s    '", n++ ? ",\n" : "");
			/* A quote in a label is doubled, as in any literal. */
			for (const char *c = col(lab, 0); *c; c++)
				ms_buf_printf(d->out, *c == '\'' ? "''" : "%c", *c);
			ms_buf_printf(d->out, "'");
		}
		sqlite3_reset(lab);
		ms_buf_printf(d->out, "\n);\n\n");
	}
	return done(d, st, rc);
}

/* CREATE DOMAIN as pg_dump writes it: base type (qualified when it is a
 * type of the history), NOT NULL, DEFAULT, then each validated check;
 * NOT VALID ones follow as ALTER DOMAIN. */
static int domains(dump *d)
{
	sqlite3_stmt *st, *chk;
	char q[2 * CAT_NAME + 8], c[CAT_NAME + 4];
	int rc, crc, ret;

	if ((ret = prep(&st, d, "SELECT t.oid, t.schema_name, t.name,"
	    " CASE WHEN b.oid IS NULL OR b.schema_name <> 'public' THEN"
	    " m.base_type ELSE b.schema_name || '.' || m.base_type END,"
	    " m.not_null, m.has_default FROM migsim_type t"
	    " JOIN migsim_domain m ON m.type = t.oid LEFT JOIN migsim_type b ON"
	    " b.oid = m.base_oid WHERE t.kind = 'd' ORDER BY t.schema_name,"
	    " t.name")) < 0)
		return ret;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		qualified(q, sizeof(q), col(st, 1), col(st, 2));
		ms_buf_printf(d->out, "CREATE DOMAIN %s AS %s%s%s", q, col(st, 3),
			sqlite3_column_int(st, 4) ? " NOT NULL" : "",
			sqlite3_column_int(st, 5) ? " DEFAULT /* expression not kept "
			"by migsim */" : "");
		if ((ret = prep(&chk, d, "SELECT name, validated FROM"
		    " migsim_domain_check WHERE type = ?1 ORDER BY validated DESC,"
		    " name")) < 0) {
			sqlite3_reset(st);
			return ret;
		}
		sqlite3_bind_int64(chk, 1, sqlite3_column_int64(st, 0));
		while ((crc = sqlite3_step(chk)) == SQLITE_ROW) {
			cat_quote_ident(c, sizeof(c), col(chk, 0));
			if (sqlite3_column_int(chk, 1))
				ms_buf_printf(d->out, "\n\tCONSTRAINT %s CHECK (/* expression "
					"not kept by migsim */)", c);
			else
				ms_buf_printf(d->out, ";\n\nALTER DOMAIN %s ADD CONSTRAINT %s "
					"CHECK (/* expression not kept by migsim */) NOT VALID", q,
					c);
		}
		sqlite3_reset(chk);
		ms_buf_printf(d->out, ";\n\n");
	}
	return done(d, st, rc);
}

/*
 * A sequence; a serial column's (owned by it) gets the column's integer
 * type and OWNED BY, an identity column's is printed as the column's
 * ADD GENERATED, as pg_dump prints them.  Options given to CREATE
 * SEQUENCE are not kept: a plain sequence prints with the defaults.
 */
static int sequence(dump *d, int64_t oid, const char *name, int unlogged)
{
	sqlite3_stmt *st;
	char owner[2 * CAT_NAME + 8], c[CAT_NAME + 4], as[32] = "";
	int rc, ret, owned = 0, identity = 0;

	if ((ret = prep(&st, d, "SELECT r.schema_name, r.name, x.ref_column,"
	    " c.type, coalesce(c.identity, '') FROM migsim_depend x JOIN"
	    " migsim_relation r ON r.oid ="
	    " x.ref_oid JOIN migsim_column c ON c.rel = r.oid AND c.name ="
	    " x.ref_column WHERE x.kind = 'owned' AND x.oid = ?1")) < 0)
		return ret;
	sqlite3_bind_int64(st, 1, oid);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		owned = 1;
		qualified(owner, sizeof(owner), col(st, 0), col(st, 1));
		cat_quote_ident(c, sizeof(c), col(st, 2));
		if (strcmp(col(st, 3), "bigint") != 0)
			snprintf(as, sizeof(as), "\n    AS %s", col(st, 3));
		identity = col(st, 4)[0];
		rc = SQLITE_DONE;
	}
	if ((ret = done(d, st, rc)) < 0)
		return ret;
	/* An identity column's sequence is part of the column. */
	if (identity == 'a' || identity == 'd') {
		ms_buf_printf(d->out, "ALTER TABLE %s ALTER COLUMN %s ADD GENERATED "
			"%s AS IDENTITY (\n    SEQUENCE NAME %s\n    START WITH 1\n"
			"    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n"
			"    CACHE 1\n);\n\n", owner, c, identity == 'a' ? "ALWAYS" :
			"BY DEFAULT", name);
		return MS_OK;
	}
	ms_buf_printf(d->out, "CREATE %sSEQUENCE %s%s\n    START WITH 1\n"
		"    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;"
		"\n\n", unlogged ? "UNLOGGED " : "", name, as);
	if (owned)
		ms_buf_printf(d->out, "ALTER SEQUENCE %s OWNED BY %s.%s;\n\n", name,
			owner, c);
	return MS_OK;
}

/* A table's checks, inside its CREATE TABLE as pg_dump puts them, in
 * name order; *n counts the lines of the table so far. */
static int checks(dump *d, int64_t rel, int *n)
{
	sqlite3_stmt *st;
	char q[CAT_NAME + 4];
	int rc, ret;

	if ((ret = prep(&st, d, "SELECT name FROM migsim_constraint WHERE rel = ?1"
	    " AND contype = 'c' ORDER BY name")) < 0)
		return ret;
	sqlite3_bind_int64(st, 1, rel);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cat_quote_ident(q, sizeof(q), col(st, 0));
		ms_buf_printf(d->out, "%s    CONSTRAINT %s CHECK (-- expression not "
			"kept by migsim)", (*n)++ ? ",\n" : "", q);
	}
	return done(d, st, rc);
}

/* Serial columns' defaults, after every table and sequence. */
static int serial_defaults(dump *d)
{
	sqlite3_stmt *st;
	char t[2 * CAT_NAME + 8], s[2 * CAT_NAME + 8], c[CAT_NAME + 4];
	int rc, ret;

	if ((ret = prep(&st, d, "SELECT r.schema_name, r.name, x.ref_column,"
	    " q.schema_name, q.name FROM migsim_depend x JOIN migsim_relation r"
	    " ON r.oid = x.ref_oid JOIN migsim_relation q ON q.oid = x.oid JOIN"
	    " migsim_depend y ON y.kind = 'default:' || x.ref_column AND y.oid ="
	    " r.oid AND y.ref_oid = q.oid WHERE x.kind = 'owned' ORDER BY"
	    " r.schema_name, r.name, x.ref_column")) < 0)
		return ret;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		qualified(t, sizeof(t), col(st, 0), col(st, 1));
		qualified(s, sizeof(s), col(st, 3), col(st, 4));
		cat_quote_ident(c, sizeof(c), col(st, 2));
		ms_buf_printf(d->out, "ALTER TABLE ONLY %s ALTER COLUMN %s SET DEFAULT "
			"nextval('%s'::regclass);\n\n", t, c, s);
	}
	return done(d, st, rc);
}

/* ALTER TABLE ... ENABLE ROW LEVEL SECURITY, which pg_dump writes with
 * the policies, after the indexes and keys (FORCE follows its table). */
static int row_security(dump *d)
{
	sqlite3_stmt *st;
	char q[2 * CAT_NAME + 8];
	int rc, ret;

	if ((ret = prep(&st, d, "SELECT r.schema_name, r.name FROM"
	    " migsim_row_security s JOIN migsim_relation r ON r.oid = s.rel"
	    " WHERE s.enabled ORDER BY r.schema_name, r.name")) < 0)
		return ret;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		qualified(q, sizeof(q), col(st, 0), col(st, 1));
		ms_buf_printf(d->out, "ALTER TABLE %s ENABLE ROW LEVEL SECURITY;"
			"\n\n", q);
	}
	return done(d, st, rc);
}

static int relations(dump *d)
{
	sqlite3_stmt *st, *cols;
	char q[2 * CAT_NAME + 8], c[CAT_NAME + 4];
	int rc, crc, ret;

	if ((ret = prep(&st, d, "SELECT oid, schema_name, name, relkind, known,"
	    " EXISTS (SELECT 1 FROM migsim_row_security s WHERE s.rel ="
	    " migsim_relation.oid AND s.forced), oid IN (SELECT oid FROM"
	    " migsim_unlogged), coalesce(definition, '') FROM migsim_relation"
	    " WHERE"
	    " relkind IN"
	    " ('r', 'p', 'v', 'm', 'S', 'c')"
	    " AND name <> '_prisma_migrations' ORDER BY schema_name, name")) < 0)
		return ret;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = col(st, 3);
		int n = 0;

		qualified(q, sizeof(q), col(st, 1), col(st, 2));
		if (kind[0] == 'S') {
			if ((ret = sequence(d, sqlite3_column_int64(st, 0), q,
			    sqlite3_column_int(st, 6))) < 0) {
				sqlite3_reset(st);
				return ret;
			}
			continue;
		}
		if (kind[0] == 'v' || kind[0] == 'm') {
			ms_buf_printf(d->out, "CREATE %sVIEW %s AS\n    -- query not kept"
				" by migsim\n;\n\n", kind[0] == 'm' ? "MATERIALIZED " : "", q);
			continue;
		}
		/* A composite type's attributes print as a table's columns. */
		if (kind[0] == 'c')
			ms_buf_printf(d->out, "CREATE TYPE %s AS (\n", q);
		else
			ms_buf_printf(d->out, "CREATE %sTABLE %s (\n",
				sqlite3_column_int(st, 6) ? "UNLOGGED " : "", q);
		/* pg_dump runs with an empty search_path: user types and
		 * extensions' types are schema-qualified. */
		if ((ret = prep(&cols, d, "SELECT c.name, CASE WHEN t.oid IS NULL"
		    " OR t.schema_name <> 'public' THEN c.type ELSE t.schema_name"
		    " || '.' || c.type END,"
		    " c.not_null FROM migsim_column c LEFT JOIN migsim_type t ON"
		    " t.oid = c.type_oid WHERE c.rel = ?1"
		    " ORDER BY c.attnum")) < 0) {
			sqlite3_reset(st);
			return ret;
		}
		sqlite3_bind_int64(cols, 1, sqlite3_column_int64(st, 0));
		while ((crc = sqlite3_step(cols)) == SQLITE_ROW) {
			cat_quote_ident(c, sizeof(c), col(cols, 0));
			ms_buf_printf(d->out, "%s    %s %s%s", n++ ? ",\n" : "", c,
				col(cols, 1), sqlite3_column_int(cols, 2) ? " NOT NULL" : "");
		}
		sqlite3_reset(cols);
		if (kind[0] != 'c' &&
		    (ret = checks(d, sqlite3_column_int64(st, 0), &n)) < 0) {
			sqlite3_reset(st);
			return ret;
		}
		if (!sqlite3_column_int(st, 4))
			ms_buf_printf(d->out, "%s    -- columns not known to migsim",
				n ? ",\n" : "");
		/* A partitioned table's key, as pg_dump puts it. */
		if (kind[0] == 'p' && col(st, 7)[0])
			ms_buf_printf(d->out, "\n)\nPARTITION BY %s;\n\n", col(st, 7));
		else
			ms_buf_printf(d->out, "\n);\n\n");
		if (sqlite3_column_int(st, 5))
			ms_buf_printf(d->out, "ALTER TABLE ONLY %s FORCE ROW LEVEL "
				"SECURITY;\n\n", q);
	}
	return done(d, st, rc);
}

/* Keys, then indexes that back no constraint, then foreign keys. */
static int constraints_and_indexes(dump *d)
{
	sqlite3_stmt *st;
	char q[2 * CAT_NAME + 8], n[CAT_NAME + 4], r[2 * CAT_NAME + 8];
	int rc, ret;

	if ((ret = prep(&st, d, "SELECT r.schema_name, r.name, c.name, c.contype,"
	    " c.columns, coalesce(f.schema_name, ''), coalesce(f.name, ''),"
	    " coalesce(c.ref_columns, ''), c.validated FROM migsim_constraint c"
	    " JOIN migsim_relation r ON r.oid = c.rel LEFT JOIN migsim_relation f"
	    " ON f.oid = c.ref_rel WHERE c.contype IN ('p', 'u') AND r.name <>"
	    " '_prisma_migrations' ORDER BY r.schema_name, r.name, c.name")) < 0)
		return ret;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		qualified(q, sizeof(q), col(st, 0), col(st, 1));
		cat_quote_ident(n, sizeof(n), col(st, 2));
		ms_buf_printf(d->out, "ALTER TABLE ONLY %s\n    ADD CONSTRAINT %s %s (",
			q, n, col(st, 3)[0] == 'p' ? "PRIMARY KEY" : "UNIQUE");
		put_columns(d->out, col(st, 4));
		ms_buf_printf(d->out, ");\n\n");
	}
	if ((ret = done(d, st, rc)) < 0)
		return ret;
	if ((ret = prep(&st, d, "SELECT r.schema_name, r.name, i.name, x.is_unique,"
	    " x.columns, x.method, i.definition, r.relkind FROM migsim_index x JOIN"
	    " migsim_relation i ON"
	    " i.oid = x.rel JOIN migsim_relation r ON r.oid = x.table_rel WHERE"
	    " x.rel NOT IN (SELECT index_rel FROM migsim_constraint WHERE"
	    " index_rel IS NOT NULL AND contype IN ('p', 'u')) AND r.name <>"
	    " '_prisma_migrations' ORDER BY"
	    " i.schema_name, i.name")) < 0)
		return ret;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		qualified(q, sizeof(q), col(st, 0), col(st, 1));
		cat_quote_ident(n, sizeof(n), col(st, 2));
		/* An index of a partitioned table is made ON ONLY it, and
		 * attached to its partitions' own. */
		ms_buf_printf(d->out, "CREATE %sINDEX %s ON %s%s USING %s ",
			sqlite3_column_int(st, 3) ? "UNIQUE " : "", n,
			col(st, 7)[0] == 'p' ? "ONLY " : "", q, col(st, 5));
		if (col(st, 6)[0]) {
			ms_buf_printf(d->out, "%s", col(st, 6));
		} else {
			ms_buf_printf(d->out, "(");
			if (col(st, 4)[0])
				put_columns(d->out, col(st, 4));
			else
				ms_buf_printf(d->out, "-- expressions not kept by migsim");
			ms_buf_printf(d->out, ")");
		}
		ms_buf_printf(d->out, ";\n\n");
	}
	if ((ret = done(d, st, rc)) < 0)
		return ret;
	if ((ret = prep(&st, d, "SELECT r.schema_name, r.name, c.name, c.columns,"
	    " f.schema_name, f.name, c.ref_columns, c.validated, c.oid IN"
	    " (SELECT con FROM migsim_fkey_match_full) FROM"
	    " migsim_constraint c JOIN migsim_relation r ON r.oid = c.rel JOIN"
	    " migsim_relation f ON f.oid = c.ref_rel WHERE c.contype = 'f'"
	    " ORDER BY r.schema_name, r.name, c.name")) < 0)
		return ret;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		qualified(q, sizeof(q), col(st, 0), col(st, 1));
		qualified(r, sizeof(r), col(st, 4), col(st, 5));
		cat_quote_ident(n, sizeof(n), col(st, 2));
		ms_buf_printf(d->out, "ALTER TABLE ONLY %s\n    ADD CONSTRAINT %s "
			"FOREIGN KEY (", q, n);
		put_columns(d->out, col(st, 3));
		ms_buf_printf(d->out, ") REFERENCES %s(", r);
		put_columns(d->out, col(st, 6));
		ms_buf_printf(d->out, ")%s%s;\n\n", sqlite3_column_int(st, 8) ?
			" MATCH FULL" : "", sqlite3_column_int(st, 7) ? "" : " NOT VALID");
	}
	return done(d, st, rc);
}

int ms_pg_schema_dump(ms_buf *out, ms_store *store, ms_error *err)
{
	dump d = { store, out, err };
	int ret;

	ms_buf_printf(out, "--\n-- Simulated schema (migsim), in the shape of "
		"pg_dump --schema-only.\n-- Not kept: default and check "
		"expressions, foreign key actions,\n-- view queries, functions, "
		"triggers, comments, grants.\n--\n\n");
	if ((ret = schemas_and_extensions(&d)) < 0 || (ret = enums(&d)) < 0 ||
	    (ret = domains(&d)) < 0 ||
	    (ret = relations(&d)) < 0 || (ret = serial_defaults(&d)) < 0 ||
	    (ret = constraints_and_indexes(&d)) < 0 ||
	    (ret = row_security(&d)) < 0)
		return ret;
	return MS_OK;
}
