/*
 * catalog.c - the simulated catalog and the schema effect of each plain
 * statement (design.md "The state file": catalog tables).
 *
 * For now the catalog records relations only, so that Prisma's "is the
 * database empty" check (P3005) has something to look at.  Every plain
 * statement's outcome is unknown: its effect on the schema is applied as
 * if it succeeded, but nothing about it is checked.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "pg_int.h"

#define NOT_MODELLED "schema effects are not modelled yet"

static int sql_fail(ms_store *s, ms_error *err)
{
	return ms_error_set(err, MS_EIO, "%s: cannot update the catalog: %s",
		ms_store_path(s), sqlite3_errmsg(ms_store_db(s)));
}

static int exec3(ms_store *s, const char *sql, const char *a, const char *b,
	const char *c, ms_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(ms_store_db(s), sql, -1, &st, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
		if (c)
			sqlite3_bind_text(st, 3, c, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? MS_OK : sql_fail(s, err);
}

/* The schema a RangeVar names; unqualified names land in the first
 * schema of the default search_path. */
static const char *schema_of(const PgQuery__RangeVar *rv)
{
	return rv->schemaname && rv->schemaname[0] ? rv->schemaname : "public";
}

static int add_relation(ms_store *s, const PgQuery__RangeVar *rv, char kind,
	ms_error *err)
{
	char k[2] = { kind, 0 };

	if (rv == NULL)
		return MS_OK;
	return exec3(s, "INSERT OR REPLACE INTO migsim_relation"
		"(schema_name, name, relkind) VALUES (?1, ?2, ?3)",
		schema_of(rv), rv->relname, k, err);
}

static int drop_relations(ms_store *s, const PgQuery__DropStmt *d,
	ms_error *err)
{
	int ret = MS_OK;

	for (size_t i = 0; i < d->n_objects && ret == MS_OK; i++) {
		const PgQuery__List *l = d->objects[i]->list;
		const char *schema = "public", *name;

		if (l == NULL || l->n_items == 0)
			continue;
		name = l->items[l->n_items - 1]->string->sval;
		if (l->n_items >= 2)
			schema = l->items[l->n_items - 2]->string->sval;
		ret = exec3(s, "DELETE FROM migsim_relation WHERE schema_name = ?1"
			" AND name = ?2", schema, name, NULL, err);
	}
	return ret;
}

static int rename_relation(ms_store *s, const PgQuery__RenameStmt *r,
	ms_error *err)
{
	if (r->relation == NULL || r->rename_type !=
	    PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
		return MS_OK;
	return exec3(s, "UPDATE migsim_relation SET name = ?3"
		" WHERE schema_name = ?1 AND name = ?2",
		schema_of(r->relation), r->relation->relname, r->newname, err);
}

static int record_effect(ms_store *s, const PgQuery__Node *n, ms_error *err)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_CREATE_STMT:
		return add_relation(s, n->create_stmt->relation,
			n->create_stmt->partspec ? 'p' : 'r', err);
	case PG_QUERY__NODE__NODE_VIEW_STMT:
		return add_relation(s, n->view_stmt->view, 'v', err);
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
		return add_relation(s, n->create_table_as_stmt->into->rel,
			n->create_table_as_stmt->objtype ==
			PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? 'm' : 'r', err);
	case PG_QUERY__NODE__NODE_DROP_STMT:
		switch (n->drop_stmt->remove_type) {
		case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
		case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
		case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
			return drop_relations(s, n->drop_stmt, err);
		default:
			return MS_OK;
		}
	case PG_QUERY__NODE__NODE_RENAME_STMT:
		return rename_relation(s, n->rename_stmt, err);
	default:
		return MS_OK;
	}
}

int ms_pg__catalog_apply(ms_verdict *verdict, const char **note,
	ms_pg_error *e, ms_store *store, const ms_pg_script *script, size_t i,
	ms_error *err)
{
	const PgQuery__Node *n = ms_pg__stmt_node(script, i);

	(void)e;
	*verdict = MS_VERDICT_UNKNOWN;
	*note = NOT_MODELLED;
	return n ? record_effect(store, n, err) : MS_OK;
}

int ms_pg_tables(ms_pg_relation **out, size_t *count, ms_store *store,
	const char *schema, ms_error *err)
{
	sqlite3_stmt *st = NULL;
	ms_pg_relation *rels = NULL;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	*count = 0;
	rc = sqlite3_prepare_v2(ms_store_db(store),
		"SELECT schema_name, name, relkind FROM migsim_relation"
		" WHERE schema_name = ?1 AND relkind = 'r' ORDER BY name",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return sql_fail(store, err);
	sqlite3_bind_text(st, 1, schema, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			ms_pg_relation *p;

			cap = cap ? cap * 2 : 16;
			p = realloc(rels, cap * sizeof(*p));
			if (p == NULL)
				break;
			rels = p;
		}
		rels[n].schema = ms_strdup((const char *)sqlite3_column_text(st, 0));
		rels[n].name = ms_strdup((const char *)sqlite3_column_text(st, 1));
		rels[n].relkind = ((const char *)sqlite3_column_text(st, 2))[0];
		n++;
		if (!rels[n - 1].schema || !rels[n - 1].name)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		ms_pg_relations_free(rels, n);
		return rc == SQLITE_ROW ?
			ms_error_set(err, MS_ENOMEM, "out of memory") :
			sql_fail(store, err);
	}
	*out = rels;
	*count = n;
	return MS_OK;
}

void ms_pg_relations_free(ms_pg_relation *rels, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(rels[i].schema);
		free(rels[i].name);
	}
	free(rels);
}
