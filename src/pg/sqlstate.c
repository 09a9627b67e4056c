/*
 * sqlstate.c - PostgreSQL 15's error codes (src/backend/utils/errcodes.txt)
 * and the message PostgreSQL raises for a code when migsim injects it.
 */
#include <string.h>

#include "pg_int.h"

typedef struct code {
	const char *sqlstate;
	const char *name;
} code;

static const code codes[] = {
#include "sqlstate_table.h"
};

static const code *find(const char *s)
{
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (strcmp(codes[i].sqlstate, s) == 0)
			return &codes[i];
	return NULL;
}

const char *ms_pg__sqlstate_of(const char *name)
{
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (strcmp(codes[i].name, name) == 0)
			return codes[i].sqlstate;
	return NULL;
}

const char *ms_sqlstate_name(const char *sqlstate)
{
	const code *c = find(sqlstate);

	return c ? c->name : NULL;
}

int ms_sqlstate_valid(const char *sqlstate)
{
	return strlen(sqlstate) == 5 && find(sqlstate) != NULL;
}

/* Names a statement targets, for filling an injected error's text. */
typedef struct target {
	const char *rel;      /* table, view or index target */
	const char *index;    /* index being created */
	const char *column;   /* column an ALTER TABLE names */
	const char *constraint;
	const char *type;     /* type being created */
	int unique;           /* CREATE UNIQUE INDEX */
} target;

static const char *last_name(PgQuery__Node **items, size_t n)
{
	return n && items[n - 1]->node_case == PG_QUERY__NODE__NODE_STRING ?
		items[n - 1]->string->sval : NULL;
}

static void alter_target(target *t, const PgQuery__AlterTableStmt *a)
{
	const PgQuery__AlterTableCmd *c;

	t->rel = a->relation ? a->relation->relname : NULL;
	if (a->n_cmds == 0 || (c = a->cmds[0]->alter_table_cmd) == NULL)
		return;
	if (c->name && c->name[0])
		t->column = c->name;
	if (c->def && c->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
		t->column = c->def->column_def->colname;
	if (c->def && c->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
	    c->def->constraint->conname[0])
		t->constraint = c->def->constraint->conname;
}

static void find_target(target *t, const PgQuery__Node *n)
{
	memset(t, 0, sizeof(*t));
	if (n == NULL)
		return;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_CREATE_STMT:
		t->rel = n->create_stmt->relation->relname;
		break;
	case PG_QUERY__NODE__NODE_INDEX_STMT:
		t->rel = n->index_stmt->relation->relname;
		t->index = n->index_stmt->idxname[0] ? n->index_stmt->idxname : NULL;
		t->unique = n->index_stmt->unique;
		break;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
		alter_target(t, n->alter_table_stmt);
		break;
	case PG_QUERY__NODE__NODE_VIEW_STMT:
		t->rel = n->view_stmt->view->relname;
		break;
	case PG_QUERY__NODE__NODE_INSERT_STMT:
		t->rel = n->insert_stmt->relation->relname;
		break;
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
		t->rel = n->update_stmt->relation->relname;
		break;
	case PG_QUERY__NODE__NODE_DELETE_STMT:
		t->rel = n->delete_stmt->relation->relname;
		break;
	case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
		t->type = last_name(n->create_enum_stmt->type_name,
			n->create_enum_stmt->n_type_name);
		break;
	case PG_QUERY__NODE__NODE_DROP_STMT:
		if (n->drop_stmt->n_objects &&
		    n->drop_stmt->objects[0]->node_case == PG_QUERY__NODE__NODE_LIST)
			t->rel = last_name(n->drop_stmt->objects[0]->list->items,
				n->drop_stmt->objects[0]->list->n_items);
		break;
	default:
		break;
	}
}

/*
 * PostgreSQL 15.18's text for the common codes (docs/postgresql.md
 * "Message formats"), filled with the names the statement gives; NULL
 * when the code needs context the statement does not hold.
 */
static int template_text(ms_pg_error *e, const char *code, const target *t,
	const ms_pg_stmt *st)
{
#define IS(c) (strcmp(code, c) == 0)
	if (IS("42P07") && (t->index || t->rel))
		return ms_pg_error_set(e, code, "relation \"%s\" already exists",
			t->index ? t->index : t->rel);
	if (IS("42P01") && t->rel)
		return ms_pg_error_set(e, code, "relation \"%s\" does not exist",
			t->rel);
	if (IS("42701") && t->column && t->rel)
		return ms_pg_error_set(e, code, "column \"%s\" of relation \"%s\" "
			"already exists", t->column, t->rel);
	if (IS("42703") && t->column && t->rel)
		return ms_pg_error_set(e, code, "column \"%s\" of relation \"%s\" "
			"does not exist", t->column, t->rel);
	if (IS("42710") && t->type)
		return ms_pg_error_set(e, code, "type \"%s\" already exists",
			t->type);
	if (IS("42710") && t->constraint && t->rel)
		return ms_pg_error_set(e, code, "constraint \"%s\" for relation "
			"\"%s\" already exists", t->constraint, t->rel);
	if (IS("23505") && t->unique && t->index)
		return ms_pg_error_set(e, code, "could not create unique index "
			"\"%s\"", t->index);
	if (IS("23502") && t->column && t->rel)
		return ms_pg_error_set(e, code, "column \"%s\" of relation \"%s\" "
			"contains null values", t->column, t->rel);
	if (IS("23503") && t->constraint && t->rel)
		return ms_pg_error_set(e, code, "insert or update on table \"%s\" "
			"violates foreign key constraint \"%s\"", t->rel, t->constraint);
	if (IS("25001"))
		return ms_pg_error_set(e, code, "%s cannot run inside a "
			"transaction block", st->no_block ? st->no_block : st->tag);
	if (IS("22012"))
		return ms_pg_error_set(e, code, "division by zero");
	if (IS("40P01"))
		return ms_pg_error_set(e, code, "deadlock detected");
	if (IS("57014"))
		return ms_pg_error_set(e, code, "canceling statement due to "
			"statement timeout");
	if (IS("55P03"))
		return ms_pg_error_set(e, code, "canceling statement due to lock "
			"timeout");
	if (IS("25P02"))
		return ms_pg_error_set(e, code, "current transaction is aborted, "
			"commands ignored until end of transaction block");
#undef IS
	return 1;
}

int ms_pg__injected_error(ms_pg_error *e, const char *sqlstate,
	const char *message, const ms_pg_script *script, size_t i,
	const char **note)
{
	target t;
	const char *name;
	int ret;

	*note = NULL;
	if (message)
		return ms_pg_error_set(e, sqlstate, "%s", message);
	find_target(&t, ms_pg__stmt_node(script, i));
	ret = template_text(e, sqlstate, &t, &script->stmts[i]);
	if (ret <= 0)
		return ret;
	/* No context to fill PostgreSQL's template: the condition name
	 * stands in, and the output says so. */
	name = ms_sqlstate_name(sqlstate);
	*note = "PostgreSQL's text for this SQLSTATE needs context the "
		"statement does not give; set it with --fail NAME=CODE:MESSAGE";
	return ms_pg_error_set(e, sqlstate, "%s", name ? name : "error");
}
