/*
 * splitter.c - which statements sqlparser 0.61.0 cannot parse, the
 * parser Prisma >= 7.4 uses to split a migration into statements before
 * sending them one by one; one rejected statement sends the whole file as
 * a single batch instead (spec execution-modes.md 1.2; prisma-engines PR
 * #5847).  The rules were measured by running sqlparser 0.61.0 over the
 * corpora and over probes (docs/execution.md "Split mode").  The engine's
 * dialect was not readable, so constructs that only PostgreSqlDialect
 * accepts, and expression forms known to trip sqlparser, are "unsure".
 */
#include <strings.h>
#include <string.h>

#include "pg_int.h"

/* Keywords sqlparser will not take as a bare table alias (0.61
 * RESERVED_FOR_TABLE_ALIAS); an alias named so may have been written
 * without AS, which sqlparser rejects. */
static const char *const alias_keywords[] = {
	"with", "explain", "analyze", "select", "where", "group", "sort",
	"having", "order", "pivot", "unpivot", "top", "lateral", "view",
	"limit", "offset", "fetch", "union", "except", "intersect", "minus",
	"on", "join", "inner", "cross", "full", "left", "right", "natural",
	"using", "cluster", "distribute", "global", "anti", "semi",
	"returning", "asof", "match_condition", "outer", "set", "qualify",
	"window", "end", "for", "partition", "prewhere", "settings", "format",
	"start", "connect", "match_recognize", "sample", "tablesample", "from",
	"open", NULL
};

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* Visit every message below m (protobuf-c descriptors make the walk
 * generic); the visitor returns the worst verdict seen so far. */
typedef ms_split_parse (*visitor)(const ProtobufCMessage *m);

static ms_split_parse worse(ms_split_parse a, ms_split_parse b)
{
	return a > b ? a : b;
}

static ms_split_parse walk(const ProtobufCMessage *m, visitor v)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	ms_split_parse worst = v(m);

	/* A Node holds one member of its oneof over every node type. */
	if (d == &pg_query__node__descriptor) {
		const ProtobufCFieldDescriptor *f =
			protobuf_c_message_descriptor_get_field(d,
			((const PgQuery__Node *)m)->node_case);
		const ProtobufCMessage *sub = f ? *(const ProtobufCMessage *const *)
			((const char *)m + f->offset) : NULL;

		return sub && worst != MS_SPLIT_REJECTS ? worse(worst, walk(sub, v)) :
			worst;
	}
	for (unsigned i = 0; i < d->n_fields && worst != MS_SPLIT_REJECTS; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		const char *base = (const char *)m;

		if (f->type != PROTOBUF_C_TYPE_MESSAGE)
			continue;
		if ((f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
		    *(const uint32_t *)(base + f->quantifier_offset) != f->id)
			continue;
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			size_t n = *(const size_t *)(base + f->quantifier_offset);
			ProtobufCMessage *const *items =
				*(ProtobufCMessage *const *const *)(base + f->offset);

			for (size_t k = 0; k < n; k++)
				if (items[k])
					worst = worse(worst, walk(items[k], v));
		} else {
			const ProtobufCMessage *sub =
				*(const ProtobufCMessage *const *)(base + f->offset);

			if (sub)
				worst = worse(worst, walk(sub, v));
		}
	}
	return worst;
}

/* Expression forms inside any statement. */
static ms_split_parse expression_forms(const ProtobufCMessage *m)
{
	if (m->descriptor == &pg_query__a__expr__descriptor) {
		const PgQuery__AExpr *e = (const PgQuery__AExpr *)m;

		/* jsonb ?, ?|, ?&: PostgreSqlDialect only */
		if (e->n_name == 1 && e->name[0]->node_case ==
		    PG_QUERY__NODE__NODE_STRING &&
		    e->name[0]->string->sval[0] == '?')
			return MS_SPLIT_UNSURE;
	} else if (m->descriptor == &pg_query__range_var__descriptor) {
		const PgQuery__RangeVar *rv = (const PgQuery__RangeVar *)m;

		if (rv->alias && in_list(rv->alias->aliasname, alias_keywords))
			return MS_SPLIT_UNSURE;
	} else if (m->descriptor == &pg_query__column_ref__descriptor) {
		const PgQuery__ColumnRef *c = (const PgQuery__ColumnRef *)m;

		/* a bare column named interval reads as an INTERVAL literal */
		if (c->n_fields == 1 && c->fields[0]->node_case ==
		    PG_QUERY__NODE__NODE_STRING &&
		    strcmp(c->fields[0]->string->sval, "interval") == 0)
			return MS_SPLIT_UNSURE;
	}
	return MS_SPLIT_PARSES;
}

static int starts_with_word(const ms_pg_script *s, size_t i, const char *w)
{
	const ms_pg_stmt *st = &s->stmts[i];
	size_t n = strlen(w), end = st->offset + st->len;

	return st->start + n <= end &&
		strncasecmp(s->sql + st->start, w, n) == 0 &&
		(st->start + n == end ||
		 !((s->sql[st->start + n] | 0x20) >= 'a' &&
		   (s->sql[st->start + n] | 0x20) <= 'z'));
}

/* Whether the statement text ends with WITH [NO] DATA. */
static int ends_with_data_clause(const ms_pg_script *s, size_t i)
{
	const ms_pg_stmt *st = &s->stmts[i];
	size_t end = st->offset + st->len;

	while (end > st->start && (s->sql[end - 1] == ' ' ||
	       s->sql[end - 1] == '\n' || s->sql[end - 1] == '\t' ||
	       s->sql[end - 1] == '\r'))
		end--;
	return end >= st->start + 4 &&
		strncasecmp(s->sql + end - 4, "data", 4) == 0;
}

static int has_option(PgQuery__Node **opts, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (opts[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
		    strcmp(opts[i]->def_elem->defname, name) == 0)
			return 1;
	return 0;
}

static ms_split_parse comment_target(const PgQuery__CommentStmt *c)
{
	switch (c->objtype) {
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
	case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
	case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
	case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
		return MS_SPLIT_PARSES;
	case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
	case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
	case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
	case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
	case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
	case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
		return MS_SPLIT_REJECTS;
	default:
		return MS_SPLIT_UNSURE;
	}
}

static ms_split_parse alter_table(const PgQuery__AlterTableStmt *a)
{
	ms_split_parse v = MS_SPLIT_PARSES;

	for (size_t i = 0; i < a->n_cmds; i++) {
		const PgQuery__AlterTableCmd *c = a->cmds[i]->alter_table_cmd;
		const PgQuery__Constraint *con;

		if (c == NULL)
			continue;
		switch (c->subtype) {
		case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
			return MS_SPLIT_REJECTS;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
			con = c->def && c->def->node_case ==
				PG_QUERY__NODE__NODE_CONSTRAINT ? c->def->constraint : NULL;
			if (con && (con->indexname[0] || con->contype ==
			    PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION))
				return MS_SPLIT_REJECTS;
			break;
		case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
			/* ... TYPE ... USING: PostgreSqlDialect only */
			if (c->def && c->def->node_case ==
			    PG_QUERY__NODE__NODE_COLUMN_DEF &&
			    c->def->column_def->raw_default)
				v = MS_SPLIT_UNSURE;
			break;
		default:
			break;
		}
	}
	return v;
}

static ms_split_parse create_table(const PgQuery__CreateStmt *c)
{
	if (c->relation && c->relation->relpersistence[0] == 'u')
		return MS_SPLIT_REJECTS;
	for (size_t i = 0; i < c->n_table_elts; i++) {
		const PgQuery__Node *e = c->table_elts[i];

		if (e->node_case == PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE ||
		    (e->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
		     e->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION))
			return MS_SPLIT_REJECTS;
	}
	return MS_SPLIT_PARSES;
}

/* The statement kind alone. */
static ms_split_parse statement_kind(const ms_pg_script *s, size_t i,
	const PgQuery__Node *n)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_DO_STMT:
	case PG_QUERY__NODE__NODE_REINDEX_STMT:
	case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT:
	case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
	case PG_QUERY__NODE__NODE_ALTER_PUBLICATION_STMT:
	case PG_QUERY__NODE__NODE_LOCK_STMT:
	case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
	case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
	case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
	case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT:
	case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT:
	case PG_QUERY__NODE__NODE_ALTER_EXTENSION_STMT:
	case PG_QUERY__NODE__NODE_CLUSTER_STMT:
	case PG_QUERY__NODE__NODE_CREATE_STATS_STMT:
	case PG_QUERY__NODE__NODE_CREATE_EVENT_TRIG_STMT:
		return MS_SPLIT_REJECTS;
	case PG_QUERY__NODE__NODE_DROP_STMT:
		return n->drop_stmt->concurrent ? MS_SPLIT_REJECTS : MS_SPLIT_PARSES;
	case PG_QUERY__NODE__NODE_COMMENT_STMT:
		return comment_target(n->comment_stmt);
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
		return n->create_table_as_stmt->objtype ==
			PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW &&
			ends_with_data_clause(s, i) ? MS_SPLIT_REJECTS : MS_SPLIT_PARSES;
	case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
		return n->create_trig_stmt->n_args ? MS_SPLIT_REJECTS :
			MS_SPLIT_PARSES;
	case PG_QUERY__NODE__NODE_INDEX_STMT:
		return n->index_stmt->relation && !n->index_stmt->relation->inh ?
			MS_SPLIT_REJECTS : MS_SPLIT_PARSES;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
		return alter_table(n->alter_table_stmt);
	case PG_QUERY__NODE__NODE_CREATE_STMT:
		return create_table(n->create_stmt);
	case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
		return n->create_seq_stmt->n_options ? MS_SPLIT_UNSURE :
			MS_SPLIT_PARSES;
	case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
		if (n->create_function_stmt->is_procedure ||
		    (n->create_function_stmt->return_type &&
		     n->create_function_stmt->return_type->setof))
			return MS_SPLIT_REJECTS;
		return MS_SPLIT_PARSES;
	case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
		return has_option(n->create_extension_stmt->options,
			n->create_extension_stmt->n_options, "new_version") ?
			MS_SPLIT_REJECTS : MS_SPLIT_PARSES;
	case PG_QUERY__NODE__NODE_VACUUM_STMT:
		return n->vacuum_stmt->n_options ? MS_SPLIT_REJECTS : MS_SPLIT_PARSES;
	case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
		return starts_with_word(s, i, "abort") ? MS_SPLIT_REJECTS :
			MS_SPLIT_PARSES;
	case PG_QUERY__NODE__NODE_DEFINE_STMT:
		return n->define_stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION ?
			MS_SPLIT_REJECTS : MS_SPLIT_UNSURE;
	case PG_QUERY__NODE__NODE_RENAME_STMT:
		/* RENAME CONSTRAINT: PostgreSqlDialect only */
		return n->rename_stmt->rename_type ==
			PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT ?
			MS_SPLIT_UNSURE : MS_SPLIT_PARSES;
	case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
	case PG_QUERY__NODE__NODE_ALTER_ROLE_STMT:
	case PG_QUERY__NODE__NODE_NOTIFY_STMT:
	case PG_QUERY__NODE__NODE_LISTEN_STMT:
		return MS_SPLIT_UNSURE;
	default:
		return MS_SPLIT_PARSES;
	}
}

ms_split_parse ms_pg__sqlparser_accepts(const ms_pg_script *s, size_t i)
{
	const PgQuery__Node *n = ms_pg__stmt_node(s, i);
	ms_split_parse v;

	if (n == NULL)
		return MS_SPLIT_UNSURE;
	v = statement_kind(s, i, n);
	if (v == MS_SPLIT_REJECTS)
		return v;
	return worse(v, walk(&n->base, expression_forms));
}
