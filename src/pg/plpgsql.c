/*
 * plpgsql.c - DO blocks: the PL/pgSQL subset real migrations use as
 * guards.  libpg_query parses the body (as a function, in JSON); this file
 * runs it against the simulated catalog:
 *
 *   BEGIN ... [EXCEPTION WHEN cond [OR cond] THEN ...] END
 *   IF [NOT] EXISTS (SELECT ... FROM <catalog> WHERE col = 'x' AND ...)
 *      THEN ... [ELSIF ...] [ELSE ...] END IF
 *   SELECT data_type INTO v FROM information_schema.columns WHERE ...,
 *      and IF conditions on such variables
 *   plain SQL statements; EXECUTE of a string literal, or of format(),
 *      || and quote_ident/quote_literal over constants and known
 *      variables; NULL; FOREACH over an array of string constants;
 *   RAISE NOTICE/WARNING, RAISE EXCEPTION 'text' (P0001)
 *
 * Anything else makes the block's outcome unknown, and since migsim then
 * cannot see what the block did to the catalog, later errors become
 * uncertain too (ddl.c's gap).  Errors raised inside a block carry no
 * position: the statement text is not the client's query.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "expr.h"

typedef struct interp {
	ddl *d;
	int depth;
	int unknown;         /* something was not interpreted */
	int gap;             /* ... and it may have changed the catalog */
	int rows_gap;        /* ... or written rows */
	int undone;          /* a block's body whose effects may have been
	                        rolled back is being looked at */
	int returned;        /* RETURN ran: nothing after it does */
	int uncertain;       /* statements run whose outcome is not known */
	json_t *datums;      /* the block's variables, FOUND among them */
	json_t *values;      /* known values by name: a string, or null for
	                        NULL; a variable not there is not known */
	json_t *action;      /* the block's body */
} interp;

static int run_list(interp *in, json_t *list);
static int uses_variable(const interp *in, const char *sql);

static int word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '$';
}

/* Parse one piece of SQL into a script; NULL-safe on failure. */
static int parse_sql(ms_pg_script *s, interp *in, const char *sql)
{
	memset(s, 0, sizeof(*s));
	return ms_pg_parse(s, sql, strlen(sql), in->d->err);
}

/* An INSERT the block may run: its table may hold rows from now on (a
 * table that does not exist gets none). */
static int inserts_into(interp *in, const PgQuery__RangeVar *rv)
{
	cat_rel rel;
	int found, ret;

	if ((ret = cat_rel_find(&found, &rel, in->d->s,
	    ddl_schema(rv->schemaname), rv->relname, in->d->err)) < 0 || !found)
		return ret;
	/* Rows it wrote in a block that may have been rolled back may be
	 * gone again. */
	if (in->undone && (ret = ddl_rows_changed(in->d, rel.oid,
	    ROWS_MAYBE_REMOVED)) < 0)
		return ret;
	return ddl_rows_changed(in->d, rel.oid, ROWS_MAYBE_ADDED);
}

struct calls {
	interp *in;
	int ret, writes;
};

static int visit_call_writes(const PgQuery__Node *n, void *ctx)
{
	struct calls *c = ctx;
	const PgQuery__FuncCall *f;
	const char *name, *schema;
	int found;

	if (n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return 0;
	f = n->func_call;
	name = ms_pg__node_string(f->funcname[f->n_funcname - 1]);
	schema = f->n_funcname > 1 ? ms_pg__node_string(f->funcname[0]) : NULL;
	if (name == NULL || (c->ret = cat_func_find(&found, NULL, c->in->d->s,
	    schema, name, c->in->d->err)) < 0)
		return 1;
	if (found) {
		if ((c->ret = cat_func_writes(&c->writes, c->in->d->s, schema ?
		    schema : "public", name, c->in->d->err)) < 0)
			return 1;
		return c->writes;
	}
	c->writes = !ex_is_aggregate(f) && !ms_pg__builtin_function(name);
	return c->writes;
}

/* Whether a SQL statement inside a block may change the catalog
 * (anything but DML and transaction control) or write rows (INSERT, a
 * function call, anything but DML; an INSERT only marks its table). */
static int sql_affects(interp *in, const PgQuery__Node *n,
	const ms_pg_stmt *st, int rows)
{
	if (st->cls == MS_STMT_COMMIT || st->cls == MS_STMT_ROLLBACK)
		return 0;
	if (n == NULL)
		return 1;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
	case PG_QUERY__NODE__NODE_DELETE_STMT:
	/* Privileges, roles and comments make or drop no object migsim
	 * keeps. */
	case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
	case PG_QUERY__NODE__NODE_ALTER_ROLE_STMT:
	case PG_QUERY__NODE__NODE_GRANT_STMT:
	case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
	case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
	case PG_QUERY__NODE__NODE_COMMENT_STMT:
		return 0;
	case PG_QUERY__NODE__NODE_INSERT_STMT:
		return rows && inserts_into(in, n->insert_stmt->relation) != MS_OK;
	case PG_QUERY__NODE__NODE_SELECT_STMT: {
		/* A function of the history that writes, or one migsim does
		 * not know, may write rows; a plain query, an aggregate or a
		 * built-in does not. */
		struct calls c = { in, MS_OK, 0 };

		if (!rows || strstr(st->tag, "SELECT") == NULL)
			return 0;
		ddl_walk(&n->base, visit_call_writes, &c);
		return c.ret < 0 || c.writes;
	}
	default:
		return 1;
	}
}

static char *literal_text(interp *in, const char *expr);
static char *shape_text(interp *in, const char *expr);
static int var_value(const char **v, const interp *in, const PgQuery__Node *n);
static int text_array(const char *q);

/* The text of EXECUTE 'literal' without INTO or USING, malloc'd, or
 * NULL. */
static char *executed_literal(interp *in, json_t *st)
{
	const char *q = json_string_value(json_object_get(json_object_get(
		json_object_get(st, "query"), "PLpgSQL_expr"), "query"));

	if (q == NULL || json_object_get(st, "into") ||
	    json_object_get(st, "params"))
		return NULL;
	return literal_text(in, q);
}

/* Whether PL/pgSQL statements may change the catalog (rows 0) or write
 * rows (rows 1) where migsim does not run them. */
static int may_affect(interp *in, json_t *j, int rows)
{
	const char *key;
	json_t *v;
	size_t i;

	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			if (may_affect(in, v, rows))
				return 1;
		return 0;
	}
	if (!json_is_object(j))
		return 0;
	json_object_foreach(j, key, v) {
		char *text = NULL;

		if ((rows && strcmp(key, "PLpgSQL_stmt_perform") == 0) ||
		    (rows && strcmp(key, "PLpgSQL_stmt_call") == 0))
			return 1;
		/* EXECUTE of a literal is its SQL; of a name or literal put in
		 * known text, a statement of that kind; of anything else,
		 * anything. */
		if (strcmp(key, "PLpgSQL_stmt_dynexecute") == 0 &&
		    (text = executed_literal(in, v)) == NULL &&
		    (json_object_get(v, "into") || json_object_get(v, "params") ||
		    (text = shape_text(in, json_string_value(json_object_get(
		    json_object_get(json_object_get(v, "query"), "PLpgSQL_expr"),
		    "query")))) == NULL))
			return 1;
		if (text || strcmp(key, "PLpgSQL_stmt_execsql") == 0) {
			const char *q = text ? text : json_string_value(json_object_get(
				json_object_get(json_object_get(v, "sqlstmt"),
				"PLpgSQL_expr"), "query"));
			ms_pg_script s;
			int affects = 1;

			if (q && parse_sql(&s, in, q) == MS_OK && !s.parse_failed) {
				affects = 0;
				for (size_t k = 0; k < s.count; k++)
					affects |= sql_affects(in, ms_pg__stmt_node(&s, k),
						&s.stmts[k], rows);
			}
			ms_pg_script_clear(&s);
			free(text);
			if (affects)
				return 1;
			continue;
		}
		if (may_affect(in, v, rows))
			return 1;
	}
	return 0;
}

/* A DELETE or UPDATE (a WITH query's too) that migsim does not run may
 * have emptied its table or written NULL-everywhere columns. */
static int visit_unrun_write(const PgQuery__Node *n, void *ctx)
{
	interp *in = ctx;
	const PgQuery__RangeVar *rv = n->node_case ==
		PG_QUERY__NODE__NODE_DELETE_STMT ? n->delete_stmt->relation :
		n->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT ?
		n->update_stmt->relation : NULL;
	cat_rel rel;
	int found;

	if (rv == NULL || cat_rel_find(&found, &rel, in->d->s,
	    ddl_schema(rv->schemaname), rv->relname, in->d->err) < 0 || !found)
		return 0;
	if (n->node_case == PG_QUERY__NODE__NODE_DELETE_STMT)
		return ddl_rows_changed(in->d, rel.oid, ROWS_MAYBE_REMOVED) < 0;
	return cat_null_col_set(in->d->s, rel.oid, NULL, 0, in->d->err) < 0 ||
		cat_kept_forget(in->d->s, rel.oid, KEPT_VALUES, in->d->err) < 0;
}

/* Every query text in a part of the block not run. */
static void forget_writes(interp *in, json_t *j)
{
	const char *key;
	json_t *v;
	size_t i;

	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			forget_writes(in, v);
		return;
	}
	if (!json_is_object(j))
		return;
	json_object_foreach(j, key, v) {
		const char *q = strcmp(key, "PLpgSQL_expr") == 0 ?
			json_string_value(json_object_get(v, "query")) : NULL;
		ms_pg_script s;

		if (q && parse_sql(&s, in, q) == MS_OK && !s.parse_failed)
			for (size_t k = 0; k < s.count; k++)
				if (ms_pg__stmt_node(&s, k))
					ddl_walk(&ms_pg__stmt_node(&s, k)->base,
						visit_unrun_write, in);
		if (q)
			ms_pg_script_clear(&s);
		else
			forget_writes(in, v);
	}
}

/* Part of the block (subtree, or NULL for "anything") is not run. */
static void not_modelled(interp *in, const char *why, json_t *subtree)
{
	in->unknown = 1;
	in->uncertain++;
	/* It may have set any variable (:=, FOR, GET DIAGNOSTICS, ...). */
	if (in->values)
		json_object_clear(in->values);
	if (subtree)
		forget_writes(in, subtree);
	if (subtree == NULL || may_affect(in, subtree, 0))
		in->gap = 1;
	if (subtree == NULL || may_affect(in, subtree, 1))
		in->rows_gap = 1;
	ddl_unknown(in->d, why);
}

/* Run SQL text found in the block, statement by statement. */
static int run_sql(interp *in, const char *sql, int dynamic)
{
	ms_pg_script s;
	ddl inner;
	int ret;

	if ((ret = parse_sql(&s, in, sql)) < 0)
		return ret;
	if (s.parse_failed) {
		/* PL/pgSQL reports these when the function is compiled, which
		 * the server does before running, and EXECUTE when it runs the
		 * text (then the block ends there): not modelled here. */
		not_modelled(in, "a statement in a DO block does not parse", NULL);
		in->returned |= dynamic;
		ms_pg_script_clear(&s);
		return MS_OK;
	}
	inner = *in->d;
	inner.script = &s;
	inner.no_position = 1;
	for (size_t i = 0; i < s.count && ret == MS_OK && !DDL_FAILED(&inner);
	     i++) {
		const PgQuery__Node *n = ms_pg__stmt_node(&s, i);

		if (s.stmts[i].cls != MS_STMT_PLAIN || n == NULL) {
			not_modelled(in, "this statement inside a DO block is not "
				"modelled", NULL);
			/* It may have failed first: later errors are not certain. */
			inner.gap = 1;
			continue;
		}
		inner.stmt_no = i;
		ret = ddl_apply(&inner, n);
		/* SPI runs an EXECUTEd SELECT ... INTO, then PL/pgSQL refuses
		 * it (exec_stmt_dynexecute). */
		if (ret == MS_OK && dynamic && !DDL_FAILED(&inner) &&
		    n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
		    n->select_stmt->into_clause &&
		    (ret = ddl_fail(&inner, "0A000", "pl_exec.c:4500:"
		    "exec_stmt_dynexecute", -1, "EXECUTE of SELECT ... INTO is not "
		    "implemented")) == MS_OK)
			ret = ddl_hint(&inner, "You might want to use EXECUTE ... INTO "
				"or EXECUTE CREATE TABLE ... AS instead.");
	}
	/* An error after a statement migsim did not follow is not certain:
	 * that one may have failed first.  The block may end here. */
	if (inner.verdict == MS_VERDICT_FAILS && in->uncertain) {
		ms_pg_error_clear(in->d->e);
		inner.verdict = MS_VERDICT_UNKNOWN;
		inner.note = "an earlier statement in the DO block was not "
			"followed, so this error is not certain";
		in->gap = in->rows_gap = in->returned = 1;
	}
	/* The statements' outcome, unless they were all ok and one could
	 * not run (not_modelled already made the block unknown). */
	if (inner.verdict != MS_VERDICT_OK || in->d->verdict == MS_VERDICT_OK) {
		in->d->verdict = inner.verdict;
		in->d->note = inner.note;
	}
	in->uncertain += inner.verdict == MS_VERDICT_UNKNOWN;
	in->d->abstained |= inner.abstained;
	ms_pg_script_clear(&s);
	return ret;
}

/* --- dynamic SQL text ------------------------------------------------------ */

/* How text_value reads a variable whose value is not known: not at all,
 * or (shape) as a stand-in where the variable can only be a name or a
 * literal - what kind of statement the text makes is then still known. */
typedef struct dyn {
	const interp *in;
	int shape;
} dyn;

/* quote_ident's result, always quoted: where quote_ident leaves a name
 * bare, the quoted name is the same one. */
static void put_ident(ms_buf *b, const char *v)
{
	ms_buf_putc(b, '"');
	for (; *v; v++) {
		if (*v == '"')
			ms_buf_putc(b, '"');
		ms_buf_putc(b, *v);
	}
	ms_buf_putc(b, '"');
}

/* quote_literal (quote.c): E'...' when there is a backslash, and quotes
 * and backslashes doubled. */
static void put_literal(ms_buf *b, const char *v)
{
	if (strchr(v, '\\'))
		ms_buf_putc(b, 'E');
	ms_buf_putc(b, '\'');
	for (; *v; v++) {
		if (*v == '\'' || *v == '\\')
			ms_buf_putc(b, *v);
		ms_buf_putc(b, *v);
	}
	ms_buf_putc(b, '\'');
}

static int text_value(char **v, const dyn *x, const PgQuery__Node *n);

/* format(fmt, args...) with %s, %I, %L and %% only (text_format): 1 with
 * *v, 0 when not followed (a NULL for %I, too few arguments: errors). */
static int format_value(char **v, const dyn *x, const PgQuery__FuncCall *f)
{
	ms_buf b = MS_BUF_INIT;
	char *fmt, *arg;
	size_t next = 1;
	int r = 1;

	if (text_value(&fmt, x, f->args[0]) != 1)
		return 0;
	*v = NULL;
	if (fmt == NULL)
		return 1;
	for (const char *p = fmt; *p && r == 1; p++) {
		if (*p != '%') {
			ms_buf_putc(&b, *p);
			continue;
		}
		if (*++p == '%') {
			ms_buf_putc(&b, '%');
			continue;
		}
		if ((*p != 's' && *p != 'I' && *p != 'L') || next >= f->n_args) {
			r = 0;
			break;
		}
		if (text_value(&arg, x, f->args[next]) != 1) {
			/* In shape, an unknown name or literal is a stand-in. */
			if (x->shape && (*p == 'I' || *p == 'L') &&
			    f->args[next]->node_case ==
			    PG_QUERY__NODE__NODE_COLUMN_REF)
				arg = ms_strdup("x");
			else
				r = 0;
		}
		next++;
		if (r == 1 && *p == 'I' && arg == NULL)
			r = 0;
		else if (r == 1 && arg == NULL)
			ms_buf_puts(&b, *p == 'L' ? "NULL" : "");
		else if (r == 1 && *p == 'I')
			put_ident(&b, arg);
		else if (r == 1 && *p == 'L')
			put_literal(&b, arg);
		else if (r == 1)
			ms_buf_puts(&b, arg);
		free(arg);
	}
	free(fmt);
	if (r == 1 && ms_buf_status(&b) == MS_OK)
		*v = ms_buf_detach(&b);
	else
		r = 0;
	ms_buf_free(&b);
	return r;
}

/* quote_ident, quote_literal, quote_nullable of one argument. */
static int quote_value(char **v, const dyn *x, const char *name,
	const PgQuery__Node *a)
{
	ms_buf b = MS_BUF_INIT;
	char *arg;

	if (text_value(&arg, x, a) != 1) {
		if (!x->shape || a->node_case != PG_QUERY__NODE__NODE_COLUMN_REF ||
		    strcmp(name, "quote_nullable") == 0)
			return 0;
		arg = ms_strdup("x");
	}
	*v = NULL;
	if (arg == NULL && strcmp(name, "quote_nullable") != 0)
		return 1;
	if (arg == NULL)
		ms_buf_puts(&b, "NULL");
	else if (strcmp(name, "quote_ident") == 0)
		put_ident(&b, arg);
	else
		put_literal(&b, arg);
	free(arg);
	if (ms_buf_status(&b) != MS_OK) {
		ms_buf_free(&b);
		return 0;
	}
	*v = ms_buf_detach(&b);
	return 1;
}

/* The text value of an expression EXECUTE runs: a string constant, a
 * text variable whose value is known, || of those, format() and the
 * quote_ functions.  1 with *v malloc'd (NULL for SQL NULL), 0 when not
 * followed. */
static int text_value(char **v, const dyn *x, const PgQuery__Node *n)
{
	const PgQuery__FuncCall *f;
	const char *s, *name;
	char *l, *r;
	int mine;

	*v = NULL;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_A_CONST:
		if (n->a_const->isnull)
			return 1;
		if ((s = ddl_string_literal(n, NULL)) == NULL)
			return 0;
		return (*v = ms_strdup(s)) != NULL;
	case PG_QUERY__NODE__NODE_COLUMN_REF:
		if (!var_value(&s, x->in, n))
			return 0;
		return s == NULL || (*v = ms_strdup(s)) != NULL;
	case PG_QUERY__NODE__NODE_A_EXPR:
		if (n->a_expr->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP ||
		    n->a_expr->n_name != 1 || !n->a_expr->lexpr ||
		    strcmp(ms_pg__node_string(n->a_expr->name[0]), "||") != 0 ||
		    text_value(&l, x, n->a_expr->lexpr) != 1)
			return 0;
		if (text_value(&r, x, n->a_expr->rexpr) != 1) {
			free(l);
			return 0;
		}
		if (l && r && (*v = malloc(strlen(l) + strlen(r) + 1)) != NULL)
			sprintf(*v, "%s%s", l, r);
		free(l);
		free(r);
		return 1;
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		f = n->func_call;
		name = ms_pg__node_string(f->funcname[f->n_funcname - 1]);
		if (f->n_funcname > 2 || (f->n_funcname == 2 && strcmp(
		    ms_pg__node_string(f->funcname[0]), "pg_catalog") != 0) ||
		    f->over || f->agg_star || f->agg_distinct || f->func_variadic ||
		    f->n_agg_order || f->agg_filter || f->n_args == 0 ||
		    name == NULL)
			return 0;
		/* A function the history made of that name may be the one. */
		if (f->n_funcname == 1 && (cat_func_own(&mine, x->in->d->s,
		    "public", name, x->in->d->err) < 0 || mine))
			return 0;
		if (strcmp(name, "format") == 0)
			return format_value(v, x, f);
		if (f->n_args == 1 && (strcmp(name, "quote_ident") == 0 ||
		    strcmp(name, "quote_literal") == 0 ||
		    strcmp(name, "quote_nullable") == 0))
			return quote_value(v, x, name, f->args[0]);
		return 0;
	default:
		return 0;
	}
}

/* The text of an expression EXECUTE runs (text_value), malloc'd, or NULL
 * when it is not known or NULL (22004). */
static char *dynamic_text(const dyn *x, const char *expr)
{
	char *sql = malloc(strlen(expr) + 8), *out = NULL;
	const PgQuery__Node *n;
	ms_pg_script s;

	if (sql == NULL)
		return NULL;
	sprintf(sql, "SELECT %s", expr);
	if (parse_sql(&s, (interp *)x->in, sql) == MS_OK && !s.parse_failed &&
	    s.count == 1 && (n = ms_pg__stmt_node(&s, 0)) != NULL &&
	    n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
	    n->select_stmt->n_target_list == 1 &&
	    text_value(&out, x, n->select_stmt->target_list[0]->res_target->val)
	    != 1)
		out = NULL;
	ms_pg_script_clear(&s);
	free(sql);
	return out;
}

static char *literal_text(interp *in, const char *expr)
{
	dyn x = { in, 0 };

	return dynamic_text(&x, expr);
}

static char *shape_text(interp *in, const char *expr)
{
	dyn x = { in, 1 };

	return expr ? dynamic_text(&x, expr) : NULL;
}

/* --- conditions ------------------------------------------------------------ */

typedef struct filter {
	const char *col[8];
	const char *val[8];
	char name[8][CAT_NAME]; /* the values as type name keeps them */
	char regclass[8];       /* col = 'x'::regclass: read only by
	                           filter_regclass */
	int n;
} filter;

static const char *filter_get(const filter *f, const char *col)
{
	for (int i = 0; i < f->n; i++)
		if (!f->regclass[i] && strcmp(f->col[i], col) == 0)
			return f->val[i];
	return NULL;
}

static const char *filter_regclass(const filter *f, const char *col)
{
	for (int i = 0; i < f->n; i++)
		if (f->regclass[i] && strcmp(f->col[i], col) == 0)
			return f->val[i];
	return NULL;
}

/* WHERE a = 'x' AND b = 'y': 1 when read, 0 for anything else. */
static int is_current_schema(const PgQuery__Node *n)
{
	const char *fn;

	if (n->node_case == PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION)
		return n->sqlvalue_function->op ==
			PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA;
	if (n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL ||
	    n->func_call->n_args)
		return 0;
	fn = ms_pg__node_string(n->func_call->funcname[
		n->func_call->n_funcname - 1]);
	return fn && strcmp(fn, "current_schema") == 0;
}

/* 'x'::regclass */
static int is_regclass(const PgQuery__Node *n)
{
	const PgQuery__TypeName *t = n->node_case ==
		PG_QUERY__NODE__NODE_TYPE_CAST ? n->type_cast->type_name : NULL;

	return t && t->n_names >= 1 && strcmp(ms_pg__node_string(
		t->names[t->n_names - 1]), "regclass") == 0 &&
		(t->n_names == 1 || strcmp(ms_pg__node_string(t->names[0]),
		"pg_catalog") == 0) && n->type_cast->arg &&
		n->type_cast->arg->node_case == PG_QUERY__NODE__NODE_A_CONST;
}

/* data_type IN ('integer', 'bigint'): the values joined by "\x1f", kept
 * for data_type only (other columns are names, matched one by one). */
static int read_in_list(filter *f, const PgQuery__AExpr *e)
{
	const PgQuery__ColumnRef *cr;
	const char *col;
	size_t len = 0;

	if (e->lexpr == NULL || e->lexpr->node_case !=
	    PG_QUERY__NODE__NODE_COLUMN_REF || e->rexpr == NULL ||
	    e->rexpr->node_case != PG_QUERY__NODE__NODE_LIST || f->n == 8)
		return 0;
	cr = e->lexpr->column_ref;
	col = ms_pg__node_string(cr->fields[cr->n_fields - 1]);
	if (col == NULL || strcmp(col, "data_type") != 0)
		return 0;
	f->name[f->n][0] = '\0';
	for (size_t i = 0; i < e->rexpr->list->n_items; i++) {
		const char *v = ddl_string_literal(e->rexpr->list->items[i], NULL);

		if (v == NULL || len + strlen(v) + 2 > sizeof(f->name[f->n]))
			return 0;
		len += (size_t)snprintf(f->name[f->n] + len,
			sizeof(f->name[f->n]) - len, "\x1f%s", v);
	}
	f->col[f->n] = col;
	f->val[f->n] = f->name[f->n];
	f->n++;
	return 1;
}

static int read_filter(filter *f, const PgQuery__Node *w)
{
	const PgQuery__AExpr *e;
	const PgQuery__ColumnRef *cr;
	const char *op, *v;

	if (w == NULL)
		return 1;
	if (w->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR &&
	    w->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) {
		for (size_t i = 0; i < w->bool_expr->n_args; i++)
			if (!read_filter(f, w->bool_expr->args[i]))
				return 0;
		return 1;
	}
	if (w->node_case != PG_QUERY__NODE__NODE_A_EXPR)
		return 0;
	e = w->a_expr;
	if (e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_IN)
		return read_in_list(f, e);
	op = e->n_name == 1 ? ms_pg__node_string(e->name[0]) : NULL;
	if (e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || op == NULL ||
	    strcmp(op, "=") != 0 || e->lexpr == NULL ||
	    e->lexpr->node_case != PG_QUERY__NODE__NODE_COLUMN_REF ||
	    e->rexpr == NULL || f->n == 8)
		return 0;
	/* current_schema() is public: the only schema of the default
	 * search_path that exists. */
	if (is_current_schema(e->rexpr))
		v = "public";
	else if (is_regclass(e->rexpr) &&
	    (v = ddl_string_literal(e->rexpr, NULL)) != NULL)
		f->regclass[f->n] = 1;
	else if (e->rexpr->node_case != PG_QUERY__NODE__NODE_A_CONST ||
	    (v = ddl_string_literal(e->rexpr, NULL)) == NULL)
		return 0;
	cr = e->lexpr->column_ref;
	f->col[f->n] = ms_pg__node_string(cr->fields[cr->n_fields - 1]);
	if (f->col[f->n] == NULL)
		return 0;
	/* Every catalog column asked about is a name (or sql_identifier):
	 * the literal is cut to 63 bytes, at a character, as name_in does. */
	{
		size_t len = strlen(v);

		if (len > CAT_NAME - 1) {
			len = CAT_NAME - 1;
			while (len > 0 && ((unsigned char)v[len] & 0xC0) == 0x80)
				len--;
		}
		snprintf(f->name[f->n], sizeof(f->name[f->n]), "%.*s", (int)len, v);
	}
	f->val[f->n] = f->name[f->n];
	f->n++;
	return 1;
}

/* information_schema.columns.data_type: format_type without a typmod for
 * a built-in type, ARRAY, or USER-DEFINED; a domain's is its base's.
 * NULL when migsim cannot tell. */
static const char *data_type_of(ddl *d, const cat_col *c, int *ret)
{
	const char *base = c->base;
	size_t len = strlen(c->type);
	cat_domain dom;
	int found;

	*ret = MS_OK;
	if (len > 2 && strcmp(c->type + len - 2, "[]") == 0)
		return "ARRAY";
	if (c->type_oid) {
		cat_type t;

		if ((*ret = cat_type_by_oid(&found, &t, d->s, c->type_oid,
		    d->err)) < 0 || !found)
			return NULL;
		if (t.kind != 'd')
			return "USER-DEFINED";
		if ((*ret = cat_domain_get(&found, &dom, d->s, t.oid, d->err)) < 0 ||
		    !found)
			return NULL;
		len = strlen(dom.base_type);
		if (len > 2 && strcmp(dom.base_type + len - 2, "[]") == 0)
			return "ARRAY";
		if (dom.base_oid)
			return NULL;
		base = dom.base;
	}
	return ms_pg__builtin_display(base);
}

/* information_schema.columns.udt_name: pg_type's name of the column's
 * type, "_" before an array's element type's.  1 with out set, 0 when
 * migsim cannot tell (a domain: its base's), < 0 on error. */
static int udt_name_of(char *out, size_t n, ddl *d, const cat_col *c)
{
	const char *name = c->base;
	size_t len = strlen(c->type);
	int array = len > 2 && strcmp(c->type + len - 2, "[]") == 0;
	cat_type t;
	int found, ret;

	if (c->type_oid) {
		if ((ret = cat_type_by_oid(&found, &t, d->s, c->type_oid,
		    d->err)) < 0)
			return ret;
		if (!found || t.kind == 'd')
			return 0;
		name = t.name;
	}
	if (name[0] == '\0')
		return 0;
	snprintf(out, n, "%s%s", array ? "_" : "", name);
	return 1;
}

/* information_schema.columns.is_nullable: NO for NOT NULL, or for a
 * column of a domain declared NOT NULL itself. */
static int is_nullable(const char **v, ddl *d, const cat_col *c)
{
	cat_domain dom;
	int found = 0, ret;

	if (c->type_oid && (ret = cat_domain_get(&found, &dom, d->s, c->type_oid,
	    d->err)) < 0)
		return ret;
	*v = c->not_null || (found && dom.not_null) ? "NO" : "YES";
	return MS_OK;
}

/* Whether a data_type filter (one value, or an IN list) takes dt. */
static int data_type_matches(const char *want, const char *dt)
{
	size_t n = strlen(dt);

	if (want[0] != '\x1f')
		return strcmp(want, dt) == 0;
	for (const char *p = want; p; p = strchr(p + 1, '\x1f'))
		if (strncmp(p + 1, dt, n) == 0 && (p[1 + n] == '\x1f' ||
		    p[1 + n] == '\0'))
			return 1;
	return 0;
}

/* Only these columns may appear in the filter of a catalog. */
static int only(const filter *f, const char *const *allowed)
{
	for (int i = 0; i < f->n; i++)
		if (f->regclass[i] || !ddl_one_of(f->col[i], allowed))
			return 0;
	return 1;
}

/* Whether pg_catalog or information_schema has a relation of this name
 * (information_schema.tables lists them too). */
static int system_relation(const char *name)
{
	static const char *const views[] = {
		"administrable_role_authorizations", "applicable_roles",
		"attributes", "character_sets", "check_constraint_routine_usage",
		"check_constraints", "collation_character_set_applicability",
		"collations", "column_column_usage", "column_domain_usage",
		"column_options", "column_privileges", "column_udt_usage",
		"columns", "constraint_column_usage", "constraint_table_usage",
		"data_type_privileges", "domain_constraints", "domain_udt_usage",
		"domains", "element_types", "enabled_roles",
		"foreign_data_wrapper_options", "foreign_data_wrappers",
		"foreign_server_options", "foreign_servers", "foreign_table_options",
		"foreign_tables", "information_schema_catalog_name",
		"key_column_usage", "parameters", "referential_constraints",
		"role_column_grants", "role_routine_grants", "role_table_grants",
		"role_udt_grants", "role_usage_grants", "routine_column_usage",
		"routine_privileges", "routine_routine_usage",
		"routine_sequence_usage", "routine_table_usage", "routines",
		"schemata", "sequences", "sql_features", "sql_implementation_info",
		"sql_parts", "sql_sizing", "table_constraints", "table_privileges",
		"tables", "transforms", "triggered_update_columns", "triggers",
		"udt_privileges", "usage_privileges", "user_defined_types",
		"user_mapping_options", "user_mappings", "view_column_usage",
		"view_routine_usage", "view_table_usage", "views", NULL };

	return strncmp(name, "pg_", 3) == 0 || strncmp(name, "_pg_", 4) == 0 ||
		ddl_one_of(name, views);
}

/* Whether a new database's pg_type has this name outside pg_catalog's
 * relations' row types and arrays: pg_catalog's own and
 * information_schema's domains. */
static int system_type(const char *name)
{
	static const char *const domains[] = { "cardinal_number",
		"character_data", "sql_identifier", "time_stamp", "yes_or_no",
		NULL };

	return ms_pg__system_type(name) || ddl_one_of(name, domains);
}

static int rel_is(int *yes, ddl *d, const char *schema, const char *name,
	const char *kinds)
{
	cat_rel r;
	int found, ret;

	*yes = 0;
	if (name == NULL)
		return 0;
	if ((ret = cat_rel_find(&found, &r, d->s, schema ? schema : "public",
	    name, d->err)) < 0)
		return ret;
	/* An index on a partitioned table is relkind 'I', which migsim does
	 * not tell apart. */
	if (found && r.relkind == 'i' && kinds && strchr(kinds, 'i')) {
		int64_t table;
		cat_rel t;

		if ((ret = cat_index_table(&table, d->s, r.oid, d->err)) < 0 ||
		    (ret = cat_rel_by_oid(&found, &t, d->s, table, d->err)) < 0)
			return ret;
		if (!found || t.relkind == 'p')
			return 0;
		found = 1;
	}
	*yes = found && (kinds == NULL || strchr(kinds, r.relkind) != NULL);
	return 1;
}
/* A name as regclass input reads one without a schema: a quoted one
 * kept, an unquoted one folded.  0 for anything else. */
static int regclass_word(char *out, size_t size, const char *lit)
{
	size_t len = strlen(lit), n = 0;

	if (len >= 2 && lit[0] == '"' && lit[len - 1] == '"') {
		if (len < 3 || memchr(lit + 1, '"', len - 2) || len - 2 >= size ||
		    len - 2 >= NAMEDATALEN)
			return 0;
		snprintf(out, size, "%.*s", (int)(len - 2), lit + 1);
		return 1;
	}
	if (len == 0 || len >= size || len >= NAMEDATALEN ||
	    isdigit((unsigned char)lit[0]))
		return 0;
	for (; *lit; lit++) {
		if (!isalnum((unsigned char)*lit) && *lit != '_')
			return 0;
		out[n++] = (char)tolower((unsigned char)*lit);
	}
	out[n] = '\0';
	return 1;
}


/*
 * Whether a catalog row exists: 1/0 in *yes and MS_OK... returns 1 when
 * decided, 0 when not modelled, < 0 on a state-file error.
 */
static int catalog_exists(int *yes, ddl *d, const char *table,
	const filter *f)
{
	static const char *const pg_class[] = { "relname", "relkind", NULL };
	static const char *const by_name[] = { "typname", "extname", "nspname",
		"conname", "schema_name", "tgname", NULL };
	static const char *const views[] = { "schemaname", "matviewname",
		"viewname", "tablename", "indexname", NULL };
	static const char *const is_cols[] = { "table_schema", "table_name",
		"column_name", "constraint_name", "constraint_schema", NULL };
	static const char *const tc_cols[] = { "table_schema", "table_name",
		"constraint_name", "constraint_schema", NULL };
	static const char *const col_cols[] = { "table_schema", "table_name",
		"column_name", "data_type", "udt_name", NULL };
	const char *schema = filter_get(f, "schemaname");
	int found, ret, others;

	/* Statements migsim did not follow may have made or dropped the
	 * object: the catalog's answer is not the database's. */
	if (d->gap)
		return 0;

	/* A constraint migsim does not model (EXCLUDE) has a name it does
	 * not know; the system catalogs' keys are named pg_... too. */
	if (strcmp(table, "table_constraints") == 0 ||
	    strcmp(table, "pg_constraint") == 0) {
		const char *con = filter_get(f, "conname") ? filter_get(f,
			"conname") : filter_get(f, "constraint_name");
		char *flag = NULL;
		int set;

		if (con && strncmp(con, "pg_", 3) == 0)
			return 0;

		if ((ret = ms_store_meta_get(&flag, d->s, "unmodelled_constraint",
		    d->err)) < 0)
			return ret;
		set = flag != NULL;
		free(flag);
		if (set)
			return 0;
	}
	/* pg_constraint by name alone: every schema the history made. */
	if (strcmp(table, "pg_constraint") == 0 && f->n == 1 &&
	    filter_get(f, "conname")) {
		if ((ret = cat_con_named(&found, d->s, NULL, filter_get(f,
		    "conname"), 1, d->err)) < 0)
			return ret;
		*yes = found > 0;
		return found >= 0;
	}
	/* pg_constraint of one table: conrelid = 'T'::regclass, found on
	 * the path (a missing one is 42P01 while the guard is parsed: not
	 * decided), with contype or not. */
	if (strcmp(table, "pg_constraint") == 0 && filter_get(f, "conname") &&
	    filter_regclass(f, "conrelid")) {
		const char *k = filter_get(f, "contype");
		char word[CAT_NAME];
		cat_rel r;
		cat_con con;

		if (f->n != 2 + (k != NULL) || (k && strlen(k) != 1) ||
		    !regclass_word(word, sizeof(word), filter_regclass(f,
		    "conrelid")) || strncmp(word, "pg_", 3) == 0)
			return 0;
		if ((ret = cat_rel_find(&found, &r, d->s, "public", word,
		    d->err)) < 0)
			return ret;
		if (!found || !r.known)
			return 0;
		if ((ret = cat_con_find(&found, &con, d->s, r.oid,
		    filter_get(f, "conname"), d->err)) < 0)
			return ret;
		*yes = found && (k == NULL || con.contype == k[0]);
		return 1;
	}
	/* table_constraints over every schema the history made. */
	if (strcmp(table, "table_constraints") == 0 && only(f, tc_cols) &&
	    filter_get(f, "constraint_name") && !filter_get(f, "table_schema") &&
	    !filter_get(f, "constraint_schema")) {
		if ((ret = cat_con_named(&found, d->s, filter_get(f, "table_name"),
		    filter_get(f, "constraint_name"), 0, d->err)) < 0)
			return ret;
		*yes = found > 0;
		return found >= 0;
	}
	/* information_schema.tables and .columns over every schema the
	 * history made, but for names the system's own relations have. */
	if ((strcmp(table, "tables") == 0 || strcmp(table, "columns") == 0 ||
	    strcmp(table, "views") == 0) &&
	    filter_get(f, "table_name") && !filter_get(f, "table_schema") &&
	    system_relation(filter_get(f, "table_name")))
		return 0;
	/* information_schema.views lists views alone. */
	if ((strcmp(table, "tables") == 0 || strcmp(table, "views") == 0 ||
	    (strcmp(table, "columns") == 0 && filter_get(f, "column_name"))) &&
	    only(f, is_cols) && filter_get(f, "table_name") &&
	    !filter_get(f, "table_schema") && !filter_get(f, "constraint_name") &&
	    !(strcmp(table, "views") == 0 && filter_get(f, "column_name"))) {
		if ((ret = cat_rel_named(&found, d->s, filter_get(f, "table_name"),
		    strcmp(table, "views") == 0 ? "v" : "rpvf",
		    filter_get(f, "column_name"), d->err)) < 0)
			return ret;
		*yes = found > 0;
		return found >= 0;
	}
	/* Without a schema in the question, a row in any schema answers it:
	 * decided only while public is the only one. */
	if (!schema && !filter_get(f, "table_schema") &&
	    !filter_get(f, "constraint_schema") &&
	    strcmp(table, "pg_extension") != 0 &&
	    strcmp(table, "pg_namespace") != 0 &&
	    strcmp(table, "schemata") != 0) {
		if ((ret = cat_schema_others(&others, d->s, d->err)) < 0)
			return ret;
		if (others)
			return 0;
	}
	/* pg_catalog's and information_schema's own relations (and their
	 * row types) answer too: names migsim does not keep. */
	{
		const char *rel = filter_get(f, "relname") ? filter_get(f, "relname") :
			filter_get(f, "tablename") ? filter_get(f, "tablename") :
			filter_get(f, "indexname") ? filter_get(f, "indexname") :
			filter_get(f, "viewname") ? filter_get(f, "viewname") :
			filter_get(f, "matviewname");

		if (rel && system_relation(rel) && (!schema || strcmp(schema,
		    "public") != 0))
			return 0;
		if (schema && (strcmp(schema, "information_schema") == 0 ||
		    strncmp(schema, "pg_", 3) == 0))
			return 0;
	}
	if (strcmp(table, "pg_class") == 0 && only(f, pg_class)) {
		const char *k = filter_get(f, "relkind");

		return rel_is(yes, d, NULL, filter_get(f, "relname"), k ? k : NULL);
	}
	if (strcmp(table, "pg_matviews") == 0 && only(f, views))
		return rel_is(yes, d, schema, filter_get(f, "matviewname"), "m");
	if (strcmp(table, "pg_views") == 0 && only(f, views))
		return rel_is(yes, d, schema, filter_get(f, "viewname"), "v");
	if (strcmp(table, "pg_tables") == 0 && only(f, views))
		return rel_is(yes, d, schema, filter_get(f, "tablename"), "rp");
	if (strcmp(table, "pg_indexes") == 0 && only(f, views) &&
	    filter_get(f, "tablename")) {
		/* The index must be on that table. */
		cat_rel r, t;
		int64_t on;

		*yes = 0;
		if (filter_get(f, "indexname") == NULL)
			return 0;
		if ((ret = cat_rel_find(&found, &r, d->s, schema ? schema : "public",
		    filter_get(f, "indexname"), d->err)) < 0)
			return ret;
		if (!found || r.relkind != 'i')
			return 1;
		if ((ret = cat_index_table(&on, d->s, r.oid, d->err)) < 0 ||
		    (ret = cat_rel_by_oid(&found, &t, d->s, on, d->err)) < 0)
			return ret;
		if (!found || t.relkind == 'p')
			return 0;
		*yes = strcmp(t.name, filter_get(f, "tablename")) == 0;
		return 1;
	}
	if (strcmp(table, "pg_indexes") == 0 && only(f, views))
		return rel_is(yes, d, schema, filter_get(f, "indexname"), "i");
	if (filter_get(f, "table_schema") &&
	    (strcmp(filter_get(f, "table_schema"), "pg_catalog") == 0 ||
	    strcmp(filter_get(f, "table_schema"), "information_schema") == 0))
		return 0;
	if (strcmp(table, "tables") == 0 && only(f, is_cols))
		return rel_is(yes, d, filter_get(f, "table_schema"),
			filter_get(f, "table_name"), "rpv");
	if (strcmp(table, "table_constraints") == 0 && only(f, tc_cols) &&
	    filter_get(f, "constraint_name")) {
		const char *t = filter_get(f, "table_name");
		const char *ns = filter_get(f, "table_schema") ?
			filter_get(f, "table_schema") :
			filter_get(f, "constraint_schema");
		cat_rel r;
		cat_con con;

		if (t == NULL) {
			/* The view leaves out domains' checks, EXCLUDE constraints
			 * and constraint triggers. */
			if ((ret = cat_con_name_used(yes, d->s, ns ? ns : "public",
			    filter_get(f, "constraint_name"), 1, d->err)) < 0)
				return ret;
			return 1;
		}
		if ((ret = cat_rel_find(&found, &r, d->s, ns ? ns : "public", t,
		    d->err)) < 0)
			return ret;
		*yes = 0;
		if (!found)
			return 1;
		if (!r.known)
			return 0;
		if ((ret = cat_con_find(&found, &con, d->s, r.oid,
		    filter_get(f, "constraint_name"), d->err)) < 0)
			return ret;
		*yes = found;
		return 1;
	}
	if (strcmp(table, "columns") == 0 && only(f, col_cols) &&
	    filter_get(f, "column_name")) {
		cat_rel r;
		cat_col c;
		const char *t = filter_get(f, "table_name");

		if (t == NULL)
			return 0;
		if ((ret = cat_rel_find(&found, &r, d->s,
		    filter_get(f, "table_schema") ? filter_get(f, "table_schema") :
		    "public", t, d->err)) < 0)
			return ret;
		*yes = 0;
		/* information_schema.columns lists tables, views and foreign
		 * tables only. */
		if (!found || !strchr("rpvf", r.relkind))
			return 1;
		if (!r.known)
			return 0;
		if ((ret = cat_col_find(&found, &c, d->s, r.oid,
		    filter_get(f, "column_name"), d->err)) < 0)
			return ret;
		*yes = found;
		if (found && filter_get(f, "data_type")) {
			const char *dt = data_type_of(d, &c, &ret);

			if (ret < 0 || dt == NULL)
				return ret;
			*yes = data_type_matches(filter_get(f, "data_type"), dt);
		}
		if (found && *yes && filter_get(f, "udt_name")) {
			char udt[CAT_NAME + 2];

			if ((ret = udt_name_of(udt, sizeof(udt), d, &c)) <= 0)
				return ret;
			*yes = strcmp(filter_get(f, "udt_name"), udt) == 0;
		}
		return 1;
	}
	if (!only(f, by_name) || f->n != 1)
		return 0;
	if (strcmp(table, "pg_type") == 0 && filter_get(f, "typname")) {
		cat_type t;
		const char *name = filter_get(f, "typname");

		/* Every type has an array type, "_name", not kept. */
		if (name[0] == '_')
			return 0;

		if ((ret = cat_type_find(&found, &t, d->s, "public", name,
		    d->err)) < 0)
			return ret;
		if (!found && (ret = rel_is(&found, d, NULL, name, "rpvmc")) < 0)
			return ret;
		*yes = found;
		/* The system's own types, and its relations' row types. */
		if (!found && (system_type(name) || (system_relation(name) &&
		    strncmp(name, "pg_", 3) != 0))) {
			*yes = 1;
			return 1;
		}
		return !found && (ms_pg__extension_of("type", name) ||
			strncmp(name, "pg_", 3) == 0) ? 0 : 1;
	}
	/* pg_trigger by name alone, on any table; foreign keys' internal
	 * triggers are RI_ConstraintTrigger_... */
	if (strcmp(table, "pg_trigger") == 0 && filter_get(f, "tgname")) {
		int renamed;

		if ((ret = ddl_meta_has(&renamed, d, TRIGGER_NAMES_KEY)) < 0)
			return ret;
		if (renamed || strncmp(filter_get(f, "tgname"),
		    "RI_ConstraintTrigger", 20) == 0)
			return 0;
		if ((ret = cat_trigger_named(yes, d->s, filter_get(f, "tgname"),
		    d->err)) < 0)
			return ret;
		return 1;
	}
	/* A new database has plpgsql already. */
	if (strcmp(table, "pg_extension") == 0 && filter_get(f, "extname") &&
	    strcmp(filter_get(f, "extname"), "plpgsql") == 0) {
		*yes = 1;
		return 1;
	}
	if (strcmp(table, "pg_extension") == 0 && filter_get(f, "extname")) {
		if ((ret = cat_ext_find(yes, d->s, filter_get(f, "extname"),
		    d->err)) < 0)
			return ret;
		return 1;
	}
	/* information_schema.schemata lists the schemas the user may use:
	 * those a migration made are its own; pg_toast only a superuser's. */
	if ((strcmp(table, "pg_namespace") == 0 && filter_get(f, "nspname")) ||
	    (strcmp(table, "schemata") == 0 && filter_get(f, "schema_name") &&
	    f->n == 1)) {
		const char *ns = filter_get(f, "nspname") ? filter_get(f, "nspname") :
			filter_get(f, "schema_name");

		if (strcmp(ns, "pg_catalog") == 0 ||
		    strcmp(ns, "information_schema") == 0 ||
		    (strcmp(ns, "pg_toast") == 0 && table[0] == 'p')) {
			*yes = 1;
			return 1;
		}
		if (strncmp(ns, "pg_", 3) == 0)
			return 0;
		if ((ret = cat_schema_find(yes, d->s, ns, d->err)) < 0)
			return ret;
		return 1;
	}
	if (strcmp(table, "pg_constraint") == 0 && filter_get(f, "conname")) {
		if ((ret = cat_con_name_used(yes, d->s, "public",
		    filter_get(f, "conname"), 0, d->err)) < 0)
			return ret;
		return 1;
	}
	return 0;
}

/* The last name of a column reference, or NULL. */
static const char *ref_name(const PgQuery__Node *n)
{
	if (n == NULL || n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return NULL;
	return ms_pg__node_string(n->column_ref->fields[
		n->column_ref->n_fields - 1]);
}

/* FROM pg_type t JOIN pg_namespace n ON t.typnamespace = n.oid WHERE
 * t.typname = 'x' AND n.nspname = 'public' (or current_schema()): the
 * catalog question without the join, in public. */
static int eval_namespace_join(int *yes, ddl *d, const PgQuery__SelectStmt *sel)
{
	const PgQuery__JoinExpr *j = sel->from_clause[0]->join_expr;
	const PgQuery__AExpr *on;
	const char *table, *ns, *a, *b;
	filter f, rest;

	if (j->jointype != PG_QUERY__JOIN_TYPE__JOIN_INNER || j->n_using_clause ||
	    j->larg->node_case != PG_QUERY__NODE__NODE_RANGE_VAR ||
	    j->rarg->node_case != PG_QUERY__NODE__NODE_RANGE_VAR ||
	    strcmp(j->rarg->range_var->relname, "pg_namespace") != 0 ||
	    j->quals == NULL || j->quals->node_case != PG_QUERY__NODE__NODE_A_EXPR)
		return 0;
	table = j->larg->range_var->relname;
	ns = strcmp(table, "pg_type") == 0 ? "typnamespace" :
		strcmp(table, "pg_class") == 0 ? "relnamespace" : NULL;
	on = j->quals->a_expr;
	a = ref_name(on->lexpr);
	b = ref_name(on->rexpr);
	if (ns == NULL || a == NULL || b == NULL ||
	    !((strcmp(a, ns) == 0 && strcmp(b, "oid") == 0) ||
	    (strcmp(b, ns) == 0 && strcmp(a, "oid") == 0)))
		return 0;
	memset(&f, 0, sizeof(f));
	memset(&rest, 0, sizeof(rest));
	if (!read_filter(&f, sel->where_clause) || filter_get(&f, "nspname") ==
	    NULL || strcmp(filter_get(&f, "nspname"), "public") != 0)
		return 0;
	for (int i = 0; i < f.n; i++)
		if (strcmp(f.col[i], "nspname") != 0) {
			rest.col[rest.n] = f.col[i];
			rest.val[rest.n++] = f.val[i];
		}
	/* The system's own types are in pg_catalog, not public: not
	 * followed. */
	if (strcmp(table, "pg_type") == 0 && filter_get(&rest, "typname") &&
	    (system_type(filter_get(&rest, "typname")) ||
	    system_relation(filter_get(&rest, "typname"))))
		return 0;
	return catalog_exists(yes, d, table, &rest);
}

/* The enum type an enumtypid is compared with: 'X'::regtype (regtypein
 * folds an unquoted name; *cast set), or (SELECT oid FROM pg_type WHERE
 * typname = 'X').  NULL when it is neither. */
static const char *enum_type_named(char *out, size_t n, int *cast,
	const PgQuery__Node *v)
{
	const PgQuery__SelectStmt *sel;
	const char *name;
	filter f;

	name = v->node_case == PG_QUERY__NODE__NODE_TYPE_CAST &&
		v->type_cast->type_name && v->type_cast->type_name->n_names >= 1 ?
		ms_pg__node_string(v->type_cast->type_name->names[
		v->type_cast->type_name->n_names - 1]) : NULL;
	if (name && strcmp(name, "regtype") == 0 &&
	    (name = ddl_string_literal(v->type_cast->arg, NULL)) != NULL) {
		size_t len = strlen(name);

		if (len >= 2 && name[0] == '"' && name[len - 1] == '"' &&
		    !memchr(name + 1, '"', len - 2))
			snprintf(out, n, "%.*s", (int)len - 2, name + 1);
		else if (strspn(name, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == len) {
			snprintf(out, n, "%s", name);
			for (char *p = out; *p; p++)
				*p = (char)tolower((unsigned char)*p);
		} else
			return NULL;
		*cast = 1;
		return out;
	}
	if (v->node_case != PG_QUERY__NODE__NODE_SUB_LINK ||
	    v->sub_link->sub_link_type != PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK ||
	    v->sub_link->subselect == NULL || v->sub_link->subselect->node_case !=
	    PG_QUERY__NODE__NODE_SELECT_STMT)
		return NULL;
	sel = v->sub_link->subselect->select_stmt;
	memset(&f, 0, sizeof(f));
	if (sel->n_from_clause != 1 || sel->from_clause[0]->node_case !=
	    PG_QUERY__NODE__NODE_RANGE_VAR || strcmp(sel->from_clause[0]->
	    range_var->relname, "pg_type") != 0 || !read_filter(&f,
	    sel->where_clause) || f.n != 1 || filter_get(&f, "typname") == NULL)
		return NULL;
	snprintf(out, n, "%s", filter_get(&f, "typname"));
	return out;
}

/* Whether an enum named type (in public) has label: the pg_enum guard
 * of hand-written ADD VALUE migrations.  1 decided, 0 not.  A regtype
 * cast (cast) of a missing type raises 42704 in parseTypeString while
 * the guard is parsed, which migsim does not raise: undecided. */
static int enum_label_exists(int *yes, ddl *d, const char *type,
	const char *label, int cast)
{
	cat_type t;
	int found, state, ret;

	if (d->gap || type[0] == '_')
		return 0;
	if ((ret = cat_type_find(&found, &t, d->s, "public", type, d->err)) < 0)
		return ret;
	if (!found && cast) {
		/* A table's row type is a type too, with no labels (an
		 * index has none). */
		cat_rel rel;

		if ((ret = cat_rel_find(&found, &rel, d->s, "public", type,
		    d->err)) < 0)
			return ret;
		return found && rel.relkind != 'i' ? (*yes = 0, 1) : 0;
	}
	if (!found) {
		/* Not a type at all: no label; the system's are not enums. */
		*yes = 0;
		return system_type(type) || ms_pg__extension_of("type", type) ||
			strncmp(type, "pg_", 3) == 0 ? 0 : 1;
	}
	if (t.kind != 'e')
		return (*yes = 0, 1);
	if ((ret = cat_label_find(&state, d->s, t.oid, label, d->err)) < 0)
		return ret;
	*yes = state != 0;
	return 1;
}

/* The conditions of WHERE joined by AND, into out (at most n). */
static size_t and_terms(const PgQuery__Node **out, size_t n,
	const PgQuery__Node *w)
{
	size_t k = 0;

	if (w == NULL)
		return 0;
	if (w->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR &&
	    w->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) {
		for (size_t i = 0; i < w->bool_expr->n_args; i++) {
			size_t m = and_terms(out + k, n - k, w->bool_expr->args[i]);

			if (m == (size_t)-1 || k + m > n)
				return (size_t)-1;
			k += m;
		}
		return k;
	}
	if (n == 0)
		return (size_t)-1;
	out[0] = w;
	return 1;
}

/* a = b between two columns or a column and a value: the column names
 * (last field), the other side in *other when it is not a column. */
static int equality(const char **l, const char **r, const PgQuery__Node **other,
	const PgQuery__Node *n)
{
	const PgQuery__AExpr *e = n->node_case == PG_QUERY__NODE__NODE_A_EXPR ?
		n->a_expr : NULL;
	const char *op = e && e->n_name == 1 ? ms_pg__node_string(e->name[0]) :
		NULL;

	if (e == NULL || e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP ||
	    op == NULL || strcmp(op, "=") != 0 || e->lexpr == NULL ||
	    e->rexpr == NULL || (*l = ref_name(e->lexpr)) == NULL)
		return 0;
	*r = ref_name(e->rexpr);
	*other = *r ? NULL : e->rexpr;
	return 1;
}

/*
 * EXISTS (SELECT 1 FROM pg_enum [e] JOIN pg_type [t] ON e.enumtypid =
 * t.oid WHERE t.typname = 'X' AND e.enumlabel = 'L'), the same with
 * pg_enum and pg_type listed in FROM and the join in WHERE, or FROM
 * pg_enum alone WHERE enumlabel = 'L' AND enumtypid = 'X'::regtype (or a
 * subquery on pg_type).
 */
static int eval_enum_guard(int *yes, ddl *d, const PgQuery__SelectStmt *sel)
{
	const PgQuery__Node *terms[8], *other;
	const char *tables[2] = { NULL, NULL }, *l, *r, *type = NULL,
		*label = NULL;
	char buf[CAT_NAME];
	size_t nt = 0, nterms;
	int joined = 0, cast = 0;

	for (size_t i = 0; i < sel->n_from_clause && nt < 2; i++) {
		const PgQuery__Node *f = sel->from_clause[i];

		if (f->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
			tables[nt++] = f->range_var->relname;
		else if (f->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR &&
		    f->join_expr->jointype == PG_QUERY__JOIN_TYPE__JOIN_INNER &&
		    f->join_expr->larg->node_case == PG_QUERY__NODE__NODE_RANGE_VAR &&
		    f->join_expr->rarg->node_case == PG_QUERY__NODE__NODE_RANGE_VAR &&
		    f->join_expr->quals && nt == 0) {
			tables[nt++] = f->join_expr->larg->range_var->relname;
			tables[nt++] = f->join_expr->rarg->range_var->relname;
			if (!equality(&l, &r, &other, f->join_expr->quals) || r == NULL ||
			    !((strcmp(l, "enumtypid") == 0 && strcmp(r, "oid") == 0) ||
			    (strcmp(r, "enumtypid") == 0 && strcmp(l, "oid") == 0)))
				return 0;
			joined = 1;
		} else
			return 0;
	}
	if (sel->n_from_clause > 2 || tables[0] == NULL ||
	    (nterms = and_terms(terms, 8, sel->where_clause)) == (size_t)-1)
		return 0;
	if (!(strcmp(tables[0], "pg_enum") == 0 && (tables[1] == NULL ||
	    strcmp(tables[1], "pg_type") == 0)) && !(tables[1] &&
	    strcmp(tables[1], "pg_enum") == 0 && strcmp(tables[0], "pg_type") == 0))
		return 0;
	for (size_t i = 0; i < nterms; i++) {
		if (!equality(&l, &r, &other, terms[i]))
			return 0;
		if (r && tables[1] && !joined &&
		    ((strcmp(l, "enumtypid") == 0 && strcmp(r, "oid") == 0) ||
		    (strcmp(r, "enumtypid") == 0 && strcmp(l, "oid") == 0)))
			joined = 1;
		else if (r)
			return 0;
		else if (strcmp(l, "enumlabel") == 0 && !label)
			label = ddl_string_literal(other, NULL);
		else if (strcmp(l, "typname") == 0 && tables[1] && !type)
			type = ddl_string_literal(other, NULL);
		else if (strcmp(l, "enumtypid") == 0 && !tables[1] && !type)
			type = enum_type_named(buf, sizeof(buf), &cast, other);
		else
			return 0;
	}
	if (label == NULL || type == NULL || (tables[1] && !joined))
		return 0;
	return enum_label_exists(yes, d, type, label, cast);
}

/* EXISTS over a table of the history: decided when the query certainly
 * returns no row, or one (the table is known to be empty, or no FROM) and
 * PostgreSQL's analysis of it passes.  The analysis
 * is a probe: what it finds is not the statement's outcome. */
static int user_exists(int *yes, ddl *d, const PgQuery__SelectStmt *sel)
{
	ms_pg_error scratch;
	ddl probe;
	int rows, ret = MS_OK, r;

	ddl_probe(&probe, &scratch, d);
	r = ex_select(&rows, NULL, NULL, &ret, &probe, NULL, sel);
	ms_pg_error_clear(&scratch);
	if (ret < 0 || r != EX_OK || rows < 0)
		return ret < 0 ? ret : 0;
	*yes = rows > 0;
	return 1;
}

/* EXISTS (SELECT ... FROM one catalog WHERE equalities, or FROM a table
 * of the history). */
/* EXISTS (SELECT 1 | * | columns FROM ... WHERE ...): a row for each row
 * found; an aggregate, grouping or LIMIT answer otherwise. */
static int plain_exists(const PgQuery__SelectStmt *sel)
{
	if (sel->n_group_clause || sel->having_clause || sel->limit_count ||
	    sel->limit_offset || sel->n_distinct_clause || sel->with_clause ||
	    sel->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
		return 0;
	for (size_t i = 0; i < sel->n_target_list; i++) {
		const PgQuery__Node *t = sel->target_list[i];
		const PgQuery__Node *v = t->node_case ==
			PG_QUERY__NODE__NODE_RES_TARGET ? t->res_target->val : NULL;

		if (v == NULL || (v->node_case != PG_QUERY__NODE__NODE_A_CONST &&
		    v->node_case != PG_QUERY__NODE__NODE_COLUMN_REF))
			return 0;
	}
	return 1;
}

/* Whether a FROM item is made of tables of the history alone (joined
 * or not): ex_select answers for those, LIMIT and GROUP BY included. */
static int history_tables(int *yes, ddl *d, const PgQuery__Node *n)
{
	const PgQuery__RangeVar *rv;
	cat_rel rel;
	int ret;

	*yes = 0;
	if (n->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) {
		if ((ret = history_tables(yes, d, n->join_expr->larg)) < 0 || !*yes)
			return ret;
		return history_tables(yes, d, n->join_expr->rarg);
	}
	if (n->node_case != PG_QUERY__NODE__NODE_RANGE_VAR)
		return MS_OK;
	rv = n->range_var;
	if (strncmp(rv->relname, "pg_", 3) == 0 || (rv->schemaname &&
	    *rv->schemaname && ddl_system_schema(rv->schemaname)))
		return MS_OK;
	return cat_rel_find(yes, &rel, d->s, ddl_schema(rv->schemaname),
		rv->relname, d->err);
}

static int eval_exists(int *yes, ddl *d, const PgQuery__SubLink *sl)
{
	const PgQuery__SelectStmt *sel;
	const PgQuery__RangeVar *rv;
	const char *ns;
	filter f;
	int all = 0, ret;

	if (sl->sub_link_type != PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK ||
	    sl->subselect == NULL ||
	    sl->subselect->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
		return 0;
	sel = sl->subselect->select_stmt;
	for (size_t i = 0; i < sel->n_from_clause; i++)
		if ((ret = history_tables(&all, d, sel->from_clause[i])) < 0)
			return ret;
		else if (!all)
			break;
	if (all && sel->op == PG_QUERY__SET_OPERATION__SETOP_NONE)
		return user_exists(yes, d, sel);
	if (sel->n_from_clause < 1 || sel->n_from_clause > 2 || !plain_exists(sel))
		return 0;
	{
		int r = eval_enum_guard(yes, d, sel);

		if (r != 0 || sel->n_from_clause != 1)
			return r;
	}
	if (sel->from_clause[0]->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR)
		return eval_namespace_join(yes, d, sel);
	if (sel->from_clause[0]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR)
		return 0;
	rv = sel->from_clause[0]->range_var;
	{
		cat_rel rel;
		int found, ret;

		if ((ret = cat_rel_find(&found, &rel, d->s,
		    ddl_schema(rv->schemaname), rv->relname, d->err)) < 0)
			return ret;
		if (found)
			return user_exists(yes, d, sel);
	}
	/* pg_catalog is on the search path, information_schema is not. */
	ns = rv->schemaname && *rv->schemaname ? rv->schemaname : NULL;
	if (strncmp(rv->relname, "pg_", 3) == 0 ? ns &&
	    strcmp(ns, "pg_catalog") != 0 : !ns ||
	    strcmp(ns, "information_schema") != 0)
		return 0;
	memset(&f, 0, sizeof(f));
	if (!read_filter(&f, sel->where_clause))
		return 0;
	return catalog_exists(yes, d, rv->relname, &f);
}

/* 1 decided (*yes set), 0 not modelled, < 0 state-file error. */
/* A variable's known value: 1 with *v the text (NULL for SQL NULL), 0
 * when n is not a variable of the block or its value is not known. */
static int var_value(const char **v, const interp *in, const PgQuery__Node *n)
{
	const PgQuery__ColumnRef *cr;
	const char *name;
	json_t *j;

	if (in == NULL || in->values == NULL ||
	    n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF ||
	    n->column_ref->n_fields != 1)
		return 0;
	cr = n->column_ref;
	if ((name = ms_pg__node_string(cr->fields[0])) == NULL ||
	    (j = json_object_get(in->values, name)) == NULL)
		return 0;
	*v = json_string_value(j);
	return 1;
}

/* var = 'x', var <> 'x', var IN ('x', ...), var IS [NOT] NULL, in SQL's
 * three values (2 is NULL). */
static int eval_var(int *yes, const interp *in, const PgQuery__Node *n)
{
	const PgQuery__AExpr *e;
	const char *v, *op, *lit;

	if (n->node_case == PG_QUERY__NODE__NODE_NULL_TEST) {
		if (!var_value(&v, in, n->null_test->arg))
			return 0;
		*yes = (v == NULL) == (n->null_test->nulltesttype ==
			PG_QUERY__NULL_TEST_TYPE__IS_NULL);
		return 1;
	}
	if (n->node_case != PG_QUERY__NODE__NODE_A_EXPR)
		return 0;
	e = n->a_expr;
	if (e->lexpr == NULL || e->rexpr == NULL || !var_value(&v, in, e->lexpr))
		return 0;
	if (e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_IN &&
	    e->rexpr->node_case == PG_QUERY__NODE__NODE_LIST) {
		int any = 0;

		for (size_t i = 0; i < e->rexpr->list->n_items; i++) {
			if ((lit = ddl_string_literal(e->rexpr->list->items[i], NULL)) ==
			    NULL)
				return 0;
			any |= v && strcmp(v, lit) == 0;
		}
		op = e->n_name == 1 ? ms_pg__node_string(e->name[0]) : NULL;
		if (op == NULL)
			return 0;
		*yes = v == NULL ? 2 : strcmp(op, "=") == 0 ? any : !any;
		return 1;
	}
	op = e->n_name == 1 ? ms_pg__node_string(e->name[0]) : NULL;
	if (e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || op == NULL ||
	    (strcmp(op, "=") != 0 && strcmp(op, "<>") != 0 &&
	    strcmp(op, "!=") != 0) || e->rexpr->node_case !=
	    PG_QUERY__NODE__NODE_A_CONST ||
	    (lit = ddl_string_literal(e->rexpr, NULL)) == NULL)
		return 0;
	*yes = v == NULL ? 2 : (strcmp(v, lit) == 0) == (op[0] == '=');
	return 1;
}

/*
 * to_regclass('name') IS [NOT] NULL: whether a relation of that name
 * (any kind: a table, an index, a sequence, a view) is on the path.
 * pg_catalog's come first, all named pg_...: those are not decided.
 */
static int eval_to_regclass(int *yes, ddl *d, const PgQuery__NullTest *t)
{
	const PgQuery__FuncCall *f;
	const char *name, *lit;
	char word[CAT_NAME];
	cat_rel rel;
	int found, ret;

	if (t->arg == NULL || t->arg->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return 0;
	f = t->arg->func_call;
	name = f->n_funcname ? ms_pg__node_string(
		f->funcname[f->n_funcname - 1]) : NULL;
	if (name == NULL || strcmp(name, "to_regclass") != 0 ||
	    f->n_funcname > 2 || (f->n_funcname == 2 && strcmp(ms_pg__node_string(
	    f->funcname[0]), "pg_catalog") != 0) || f->n_args != 1 ||
	    (lit = ddl_string_literal(f->args[0], NULL)) == NULL ||
	    !regclass_word(word, sizeof(word), lit) ||
	    strncmp(word, "pg_", 3) == 0 || d->gap)
		return 0;
	if ((ret = cat_rel_find(&found, &rel, d->s, "public", word, d->err)) < 0)
		return ret;
	*yes = found == (t->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL);
	return 1;
}

static int eval(int *yes, ddl *d, const interp *in, const PgQuery__Node *n)
{
	int ret, a, any_null = 0;

	if (n == NULL)
		return 0;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_SUB_LINK:
		return eval_exists(yes, d, n->sub_link);
	case PG_QUERY__NODE__NODE_A_CONST:
		if (n->a_const->val_case != PG_QUERY__A__CONST__VAL_BOOLVAL)
			return 0;
		*yes = n->a_const->boolval->boolval;
		return 1;
	case PG_QUERY__NODE__NODE_NULL_TEST:
		if ((ret = eval_to_regclass(yes, d, n->null_test)) != 0)
			return ret;
		return eval_var(yes, in, n);
	case PG_QUERY__NODE__NODE_A_EXPR:
		return eval_var(yes, in, n);
	case PG_QUERY__NODE__NODE_BOOL_EXPR:
		if (n->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__NOT_EXPR) {
			if ((ret = eval(&a, d, in, n->bool_expr->args[0])) <= 0)
				return ret;
			*yes = a == 2 ? 2 : !a;
			return 1;
		}
		*yes = n->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR;
		for (size_t i = 0; i < n->bool_expr->n_args; i++) {
			if ((ret = eval(&a, d, in, n->bool_expr->args[i])) <= 0)
				return ret;
			any_null |= a == 2;
			if (n->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR)
				*yes = *yes && a == 1;
			else
				*yes = *yes || a == 1;
		}
		/* AND: false wins over NULL; OR: true does. */
		if (any_null && (n->bool_expr->boolop ==
		    PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR ? *yes : !*yes))
			*yes = 2;
		return 1;
	default:
		return 0;
	}
}

/* Whether a condition's text holds a query (the word SELECT). */
static int has_query(const char *q)
{
	for (const char *p = q; *p; p++)
		if (strncasecmp(p, "select", 6) == 0 && !(p > q &&
		    word_char(p[-1])) && !word_char(p[6]))
			return 1;
	return 0;
}

static int condition(int *yes, interp *in, json_t *expr)
{
	const char *q = json_string_value(json_object_get(
		json_object_get(expr, "PLpgSQL_expr"), "query"));
	const PgQuery__Node *n;
	ms_pg_script s;
	char *sql;
	int ret = 0;

	/* A variable named like a column the query reads is 42702: only
	 * conditions on variables alone, without a query, are followed. */
	if (q && uses_variable(in, q) && has_query(q))
		return 0;
	if (q == NULL || (sql = malloc(strlen(q) + 8)) == NULL)
		return q ? ms_error_set(in->d->err, MS_ENOMEM, "out of memory") : 0;
	sprintf(sql, "SELECT %s", q);
	if ((ret = parse_sql(&s, in, sql)) == MS_OK) {
		ret = 0;
		if (!s.parse_failed && s.count == 1 &&
		    (n = ms_pg__stmt_node(&s, 0)) != NULL &&
		    n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
		    n->select_stmt->n_target_list == 1)
			ret = eval(yes, in->d, in,
				n->select_stmt->target_list[0]->res_target->val);
	}
	/* IF takes NULL as false. */
	if (ret == 1)
		*yes = *yes == 1;
	ms_pg_script_clear(&s);
	free(sql);
	return ret;
}

/* --- statements ----------------------------------------------------------- */

static int run_if(interp *in, json_t *st)
{
	json_t *elsifs = json_object_get(st, "elsif_list");
	int yes = 0, ret;

	if ((ret = condition(&yes, in, json_object_get(st, "cond"))) < 0)
		return ret;
	if (ret == 0) {
		not_modelled(in, "this IF condition in a DO block is not "
			"modelled", st);
		return MS_OK;
	}
	if (yes)
		return run_list(in, json_object_get(st, "then_body"));
	for (size_t i = 0; i < json_array_size(elsifs); i++) {
		json_t *e = json_object_get(json_array_get(elsifs, i),
			"PLpgSQL_if_elsif");

		if ((ret = condition(&yes, in, json_object_get(e, "cond"))) < 0)
			return ret;
		if (ret == 0) {
			not_modelled(in, "this ELSIF condition in a DO block is not "
				"modelled", st);
			return MS_OK;
		}
		if (yes)
			return run_list(in, json_object_get(e, "stmts"));
	}
	return run_list(in, json_object_get(st, "else_body"));
}

/* Whether an exception handler's conditions catch sqlstate. */
static int catches(json_t *conds, const char *sqlstate)
{
	for (size_t i = 0; i < json_array_size(conds); i++) {
		const char *name = json_string_value(json_object_get(json_object_get(
			json_array_get(conds, i), "PLpgSQL_condition"), "condname"));
		/* WHEN SQLSTATE 'xxxxx' leaves the code itself as the name. */
		const char *code = name ? ms_pg__sqlstate_of(name) : NULL;

		if (code == NULL && name && strlen(name) == 5 &&
		    strspn(name, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 5)
			code = name;

		/* OTHERS, or SQLSTATE '00000' (code 0, exception_matches_
		 * conditions): all but query_canceled and assert_failure. */
		if ((name && strcmp(name, "others") == 0) ||
		    (code && strcmp(code, "00000") == 0)) {
			if (strcmp(sqlstate, "57014") != 0 &&
			    strcmp(sqlstate, "P0004") != 0)
				return 1;
			continue;
		}
		if (code && (strcmp(code, sqlstate) == 0 ||
		    (strcmp(code + 2, "000") == 0 &&
		     strncmp(code, sqlstate, 2) == 0)))
			return 1;
	}
	return 0;
}

static int run_block(interp *in, json_t *st)
{
	json_t *exc = json_object_get(json_object_get(st, "exceptions"),
		"PLpgSQL_exception_block");
	json_t *handlers = json_object_get(exc, "exc_list");
	json_t *body = json_object_get(st, "body");
	char sp[32];
	int ret, before = in->uncertain;

	if (exc == NULL)
		return run_list(in, body);
	/* A block with handlers is a subtransaction. */
	snprintf(sp, sizeof(sp), "ms_pg_do_%d", ++in->depth);
	if ((ret = ms_store_savepoint(in->d->s, sp, in->d->err)) < 0 ||
	    (ret = run_list(in, body)) < 0)
		return ret;
	if (!DDL_FAILED(in->d)) {
		in->depth--;
		if ((ret = ms_store_release(in->d->s, sp, in->d->err)) < 0 ||
		    in->uncertain == before)
			return ret;
		/* A statement migsim could not decide may have failed: then
		 * the body's effects are undone and a handler runs, unseen. */
		in->gap |= may_affect(in, body, 0);
		in->undone = 1;
		in->rows_gap |= may_affect(in, body, 1);
		in->undone = 0;
		for (size_t i = 0; i < json_array_size(handlers); i++)
			not_modelled(in, "an exception handler may run",
				json_object_get(json_object_get(json_array_get(handlers,
				i), "PLpgSQL_exception"), "action"));
		return MS_OK;
	}
	for (size_t i = 0; i < json_array_size(handlers); i++) {
		json_t *h = json_object_get(json_array_get(handlers, i),
			"PLpgSQL_exception");

		if (!catches(json_object_get(h, "conditions"), in->d->e->sqlstate))
			continue;
		if ((ret = ms_store_rollback_to(in->d->s, sp, in->d->err)) < 0)
			return ret;
		in->depth--;
		ms_pg_error_clear(in->d->e);
		in->d->verdict = in->unknown ? MS_VERDICT_UNKNOWN : MS_VERDICT_OK;
		return run_list(in, json_object_get(h, "action"));
	}
	in->depth--;
	return ms_store_release(in->d->s, sp, in->d->err);
}

static int uses_variable(const interp *in, const char *sql);

/* A parameter that is one of the block's declared variables. */
static int plain_variable(const interp *in, const char *q)
{
	if (q == NULL || *q == '\0')
		return 0;
	for (const char *c = q; *c; c++)
		if (!word_char(*c))
			return 0;
	return uses_variable(in, q);
}

static int run_raise(interp *in, json_t *st)
{
	json_int_t level = json_integer_value(json_object_get(st, "elog_level"));
	const char *msg = json_string_value(json_object_get(st, "message"));

	/* NOTICE, WARNING, ...: its parameters and options are still
	 * evaluated, and may fail; a variable cannot. */
	if (level < 21) {
		size_t i;
		json_t *p;

		if (json_object_get(st, "options"))
			not_modelled(in, "this RAISE is not modelled", st);
		json_array_foreach(json_object_get(st, "params"), i, p)
			if (!plain_variable(in, json_string_value(json_object_get(
			    json_object_get(p, "PLpgSQL_expr"), "query"))))
				not_modelled(in, "this RAISE is not modelled", st);
		return MS_OK;
	}
	if (msg == NULL || strchr(msg, '%') || json_object_get(st, "params") ||
	    json_object_get(st, "options") || json_object_get(st, "condname")) {
		not_modelled(in, "this RAISE is not modelled", st);
		return MS_OK;
	}
	return ddl_fail(in->d, "P0001", "pl_exec.c:3891:exec_stmt_raise", -1,
		"%s", msg);
}

/* Whether SQL text names one of the block's variables (a word match, a
 * superset): PL/pgSQL passes them as parameters, or raises 42702 where a
 * column has the same name, which migsim does not follow. */
static int uses_variable(const interp *in, const char *sql)
{
	size_t i, len;
	json_t *v;

	json_array_foreach(in->datums, i, v) {
		json_t *var = json_object_get(v, "PLpgSQL_var");
		const char *name = json_string_value(json_object_get(var,
			"refname"));

		/* FOUND is declared implicitly, without a line. */
		if (name == NULL || (len = strlen(name)) == 0 ||
		    json_object_get(var, "lineno") == NULL)
			continue;
		for (const char *p = sql; *p; p++) {
			if (strncasecmp(p, name, len) != 0)
				continue;
			if (!(p > sql && word_char(p[-1])) && !word_char(p[len]))
				return 1;
		}
	}
	return 0;
}

/* Whether a declared type keeps any text as it is: text, or varchar
 * without a length (a length may cut or refuse it; another type converts
 * it). */
static int keeps_text(const char *typname)
{
	static const char *const kinds[] = { "text", "varchar",
		"character varying", NULL };
	size_t len = typname ? strlen(typname) : 0;

	while (len && typname[len - 1] == ' ')
		len--;
	for (const char *const *k = kinds; *k; k++)
		if (strlen(*k) == len && strncasecmp(typname, *k, len) == 0)
			return 1;
	return 0;
}

/* The variables an INTO that is not followed sets: no longer known. */
static void forget_targets(interp *in, json_t *st)
{
	json_t *fields = json_object_get(json_object_get(json_object_get(st,
		"target"), "PLpgSQL_row"), "fields"), *f;
	size_t i;

	if (in->values == NULL)
		return;
	json_array_foreach(fields, i, f) {
		const char *name = json_string_value(json_object_get(f, "name"));

		if (name)
			json_object_del(in->values, name);
	}
	/* A record target, or one libpg_query names otherwise. */
	if (json_array_size(fields) == 0)
		json_object_clear(in->values);
}

/* The text variable a one-field INTO names, or NULL. */
static const char *into_variable(const interp *in, json_t *st)
{
	json_t *fields = json_object_get(json_object_get(json_object_get(st,
		"target"), "PLpgSQL_row"), "fields");
	json_t *var;

	if (json_array_size(fields) != 1 || json_is_true(json_object_get(st,
	    "strict")))
		return NULL;
	var = json_object_get(json_array_get(in->datums, (size_t)
		json_integer_value(json_object_get(json_array_get(fields, 0),
		"varno"))), "PLpgSQL_var");
	if (var == NULL || !keeps_text(json_string_value(json_object_get(
	    json_object_get(json_object_get(var, "datatype"), "PLpgSQL_type"),
	    "typname"))))
		return NULL;
	return json_string_value(json_object_get(var, "refname"));
}

/*
 * SELECT data_type | column_name | is_nullable INTO var FROM
 * information_schema.columns WHERE table_name = 'T' AND column_name = 'c'
 * [AND table_schema = current_schema()]: var gets the column's value, or
 * NULL when there is no such column.  1 done, 0 not modelled.
 */
static int select_into(interp *in, json_t *st, const char *sql)
{
	static const char *const cols[] = { "table_schema", "table_name",
		"column_name", NULL };
	const char *var = into_variable(in, st), *what, *v = NULL;
	const PgQuery__SelectStmt *sel;
	const PgQuery__ResTarget *rt;
	const PgQuery__RangeVar *rv;
	const PgQuery__Node *n;
	ms_pg_script s;
	cat_rel r;
	cat_col c;
	filter f;
	int found, ret, done = 0;

	if (var == NULL || in->values == NULL || (ret = parse_sql(&s, in,
	    sql)) < 0)
		return var && in->values ? ret : 0;
	memset(&f, 0, sizeof(f));
	if (s.parse_failed || s.count != 1 || (n = ms_pg__stmt_node(&s, 0)) ==
	    NULL || n->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
		goto out;
	sel = n->select_stmt;
	if (sel->n_target_list != 1 || sel->n_from_clause != 1 ||
	    sel->from_clause[0]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR ||
	    sel->group_clause || sel->having_clause || sel->n_sort_clause ||
	    sel->limit_count || sel->n_distinct_clause)
		goto out;
	rv = sel->from_clause[0]->range_var;
	rt = sel->target_list[0]->res_target;
	if (!rv->schemaname || strcmp(rv->schemaname, "information_schema") ||
	    strcmp(rv->relname, "columns") || rt->val == NULL ||
	    rt->val->node_case != PG_QUERY__NODE__NODE_COLUMN_REF ||
	    rt->val->column_ref->n_fields != 1 ||
	    (what = ms_pg__node_string(rt->val->column_ref->fields[0])) == NULL ||
	    (strcmp(what, "data_type") && strcmp(what, "column_name") &&
	    strcmp(what, "is_nullable")) || !read_filter(&f, sel->where_clause) ||
	    !only(&f, cols) || !filter_get(&f, "table_name") ||
	    !filter_get(&f, "column_name") || (filter_get(&f, "table_schema") &&
	    strcmp(filter_get(&f, "table_schema"), "public")) ||
	    system_relation(filter_get(&f, "table_name")))
		goto out;
	/* Without table_schema, a table of another schema answers too. */
	if (!filter_get(&f, "table_schema") &&
	    ((ret = cat_schema_others(&found, in->d->s, in->d->err)) < 0 ||
	    found))
		goto out;
	if ((ret = cat_rel_find(&found, &r, in->d->s, "public",
	    filter_get(&f, "table_name"), in->d->err)) < 0)
		goto out;
	if (found && (r.relkind == 'r' || r.relkind == 'p' ||
	    r.relkind == 'v')) {
		if (!r.known)
			goto out;
		if ((ret = cat_col_find(&found, &c, in->d->s, r.oid,
		    filter_get(&f, "column_name"), in->d->err)) < 0)
			goto out;
		if (found && strcmp(what, "data_type") == 0 &&
		    (v = data_type_of(in->d, &c, &ret)) == NULL)
			goto out;
		if (found && strcmp(what, "column_name") == 0)
			v = filter_get(&f, "column_name");
		if (found && strcmp(what, "is_nullable") == 0 &&
		    (ret = is_nullable(&v, in->d, &c)) < 0)
			goto out;
	}
	json_object_set_new(in->values, var, v ? json_string(v) : json_null());
	done = 1;
out:
	ms_pg_script_clear(&s);
	if (ret < 0)
		return ret;
	/* Not followed: the variable's value is no longer known. */
	if (!done)
		json_object_del(in->values, var);
	return done;
}

/* Whether a key appears anywhere in j. */
static int has_key(json_t *j, const char *key)
{
	const char *k;
	json_t *v;
	size_t i;

	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			if (has_key(v, key))
				return 1;
		return 0;
	}
	json_object_foreach(j, k, v)
		if (strcmp(k, key) == 0 || has_key(v, key))
			return 1;
	return 0;
}

/* The string constants of ARRAY['a', ...] (ARRAY[...]::text[] too), as
 * a JSON array (null for NULL), or NULL. */
static json_t *constant_array(interp *in, const char *q)
{
	char *sql = q ? malloc(strlen(q) + 8) : NULL;
	const PgQuery__Node *n;
	json_t *out = NULL;
	ms_pg_script s;
	int typed = 0;

	if (sql == NULL)
		return NULL;
	sprintf(sql, "SELECT %s", q);
	if (parse_sql(&s, in, sql) == MS_OK && !s.parse_failed && s.count == 1 &&
	    (n = ms_pg__stmt_node(&s, 0)) != NULL &&
	    n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
	    n->select_stmt->n_target_list == 1) {
		n = n->select_stmt->target_list[0]->res_target->val;
		/* A cast to varchar(n)[] cuts the strings: not followed. */
		if (n && n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST &&
		    n->type_cast->type_name->n_array_bounds == 1 &&
		    n->type_cast->type_name->n_typmods == 0 &&
		    keeps_text(ms_pg__node_string(n->type_cast->type_name->names[
		    n->type_cast->type_name->n_names - 1]))) {
			n = n->type_cast->arg;
			typed = 1;
		}
		/* ARRAY[] without a cast has no type (42P18). */
		if (n && n->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR &&
		    (typed || n->a_array_expr->n_elements))
			out = json_array();
		for (size_t i = 0; out && i < n->a_array_expr->n_elements; i++) {
			const PgQuery__Node *e = n->a_array_expr->elements[i];
			const char *v = ddl_string_literal(e, NULL);

			if (e->node_case == PG_QUERY__NODE__NODE_A_CONST &&
			    e->a_const->isnull)
				json_array_append_new(out, json_null());
			else if (v && e->node_case == PG_QUERY__NODE__NODE_A_CONST)
				json_array_append_new(out, json_string(v));
			else {
				json_decref(out);
				out = NULL;
			}
		}
	}
	ms_pg_script_clear(&s);
	free(sql);
	return out;
}

/* Whether more than one variable of the block has this name. */
static int declared_twice(const interp *in, const char *name)
{
	int n = 0;
	size_t i;
	json_t *v;

	json_array_foreach(in->datums, i, v) {
		const char *r = json_string_value(json_object_get(json_object_get(v,
			"PLpgSQL_var"), "refname"));

		n += r && strcmp(r, name) == 0;
	}
	return n > 1;
}

/* The elements FOREACH walks: a constant array, or a text[] variable
 * initialised with one that nothing in the block can set. */
static json_t *foreach_elements(interp *in, const char *q)
{
	size_t i;
	json_t *v;

	if (q && uses_variable(in, q)) {
		if (declared_twice(in, q) ||
		    has_key(in->action, "PLpgSQL_stmt_assign") ||
		    has_key(in->action, "PLpgSQL_stmt_getdiag") ||
		    has_key(in->action, "PLpgSQL_stmt_fetch") ||
		    has_key(in->action, "target"))
			return NULL;
		json_array_foreach(in->datums, i, v) {
			json_t *var = json_object_get(v, "PLpgSQL_var");
			const char *name = json_string_value(json_object_get(var,
				"refname"));
			const char *init = json_string_value(json_object_get(
				json_object_get(json_object_get(var, "default_val"),
				"PLpgSQL_expr"), "query"));

			if (name && strcmp(name, q) == 0 && init && text_array(init))
				return constant_array(in, init);
		}
		return NULL;
	}
	return constant_array(in, q);
}

/* FOREACH v IN ARRAY ... LOOP ... END LOOP, v a text variable, over
 * string constants: the body runs once for each, v known.  EXIT and
 * CONTINUE are not followed. */
static int run_foreach(interp *in, json_t *st)
{
	json_t *var = json_object_get(json_array_get(in->datums, (size_t)
		json_integer_value(json_object_get(st, "varno"))), "PLpgSQL_var");
	json_t *body = json_object_get(st, "body"), *elements = NULL, *e;
	const char *name = json_string_value(json_object_get(var, "refname"));
	int ret = MS_OK;
	size_t i;

	if (name && !json_integer_value(json_object_get(st, "slice")) &&
	    keeps_text(json_string_value(json_object_get(json_object_get(
	    json_object_get(var, "datatype"), "PLpgSQL_type"), "typname"))) &&
	    !has_key(body, "PLpgSQL_stmt_exit") && in->values)
		elements = foreach_elements(in, json_string_value(json_object_get(
			json_object_get(json_object_get(st, "expr"), "PLpgSQL_expr"),
			"query")));
	/* A NULL into a NOT NULL variable is 22004; a name declared twice
	 * is not told apart (values are kept by name). */
	json_array_foreach(elements, i, e)
		if (json_is_null(e) && json_is_true(json_object_get(var,
		    "notnull")))
			break;
	if (elements && (i < json_array_size(elements) ||
	    declared_twice(in, name))) {
		json_decref(elements);
		elements = NULL;
	}
	if (elements == NULL) {
		not_modelled(in, "this PL/pgSQL statement is not modelled", st);
		return MS_OK;
	}
	json_array_foreach(elements, i, e) {
		json_object_set(in->values, name, e);
		if ((ret = run_list(in, body)) < 0 || DDL_FAILED(in->d) ||
		    in->returned)
			break;
	}
	json_decref(elements);
	return ret;
}

static int run_stmt(interp *in, json_t *wrapped)
{
	const char *kind = NULL;
	json_t *st = NULL;
	void *it = json_object_iter(wrapped);
	char *text;
	int ret;

	if (it) {
		kind = json_object_iter_key(it);
		st = json_object_iter_value(it);
	}
	if (kind == NULL)
		return MS_OK;
	if (strcmp(kind, "PLpgSQL_stmt_block") == 0)
		return run_block(in, st);
	if (strcmp(kind, "PLpgSQL_stmt_if") == 0)
		return run_if(in, st);
	if (strcmp(kind, "PLpgSQL_stmt_execsql") == 0) {
		const char *sql = json_string_value(json_object_get(json_object_get(
			json_object_get(st, "sqlstmt"), "PLpgSQL_expr"), "query"));

		if (sql && uses_variable(in, sql)) {
			not_modelled(in, "a statement that uses a PL/pgSQL variable is "
				"not modelled", wrapped);
			return MS_OK;
		}
		if (json_is_true(json_object_get(st, "into")) && sql &&
		    (ret = select_into(in, st, sql)) != 0)
			return ret < 0 ? ret : MS_OK;
		if (json_is_true(json_object_get(st, "into")))
			forget_targets(in, st);
		if ((ret = run_sql(in, sql, 0)) < 0 || DDL_FAILED(in->d) ||
		    !json_is_true(json_object_get(st, "into")))
			return ret;
		/* INTO converts what comes back, and STRICT counts the rows. */
		in->unknown = 1;
		ddl_unknown(in->d, "SELECT ... INTO in a DO block is not modelled");
		return MS_OK;
	}
	if (strcmp(kind, "PLpgSQL_stmt_raise") == 0)
		return run_raise(in, st);
	if (strcmp(kind, "PLpgSQL_stmt_foreach_a") == 0)
		return run_foreach(in, st);
	if (strcmp(kind, "PLpgSQL_stmt_return") == 0) {
		in->returned = 1;
		return MS_OK;
	}
	if (strcmp(kind, "PLpgSQL_stmt_dynexecute") == 0 &&
	    json_object_get(st, "into") == NULL &&
	    json_object_get(st, "params") == NULL) {
		text = executed_literal(in, st);
		if (text == NULL) {
			not_modelled(in, "EXECUTE of a computed string is not "
				"modelled", NULL);
			return MS_OK;
		}
		ret = run_sql(in, text, 1);
		free(text);
		return ret;
	}
	not_modelled(in, "this PL/pgSQL statement is not modelled", st);
	return MS_OK;
}

static int run_list(interp *in, json_t *list)
{
	int ret = MS_OK;

	for (size_t i = 0; i < json_array_size(list) && ret == MS_OK &&
	     !DDL_FAILED(in->d) && !in->returned; i++)
		ret = run_stmt(in, json_array_get(list, i));
	return ret;
}

/* Whether PL/pgSQL COMMIT or ROLLBACK appears anywhere in a body. */
static int transaction_control(json_t *j)
{
	const char *key;
	json_t *v;
	size_t i;

	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			if (transaction_control(v))
				return 1;
		return 0;
	}
	if (!json_is_object(j))
		return 0;
	json_object_foreach(j, key, v) {
		if (strcmp(key, "PLpgSQL_stmt_commit") == 0 ||
		    strcmp(key, "PLpgSQL_stmt_rollback") == 0 ||
		    transaction_control(v))
			return 1;
	}
	return 0;
}

/* A number, a quoted string without quotes inside, TRUE, FALSE or
 * NULL. */
static int constant_text(const char *q)
{
	size_t n = strlen(q);

	if (n > 1 && q[0] == '\'' && q[n - 1] == '\'')
		return strchr(q + 1, '\'') == q + n - 1;
	if (strcasecmp(q, "true") == 0 || strcasecmp(q, "false") == 0 ||
	    strcasecmp(q, "null") == 0)
		return 1;
	if (*q == '-')
		q++;
	if (*q == '\0')
		return 0;
	for (; *q; q++)
		if (!isdigit((unsigned char)*q) && *q != '.')
			return 0;
	return 1;
}

/* ARRAY['a', 'b', ...] of quoted strings without quotes inside: a
 * text[] takes it whatever the strings. */
static int text_array(const char *q)
{
	if (strncasecmp(q, "ARRAY", 5) != 0)
		return 0;
	for (q += 5; isspace((unsigned char)*q); q++)
		;
	if (*q++ != '[')
		return 0;
	for (;;) {
		const char *end;

		while (isspace((unsigned char)*q))
			q++;
		if (*q++ != '\'' || (end = strchr(q, '\'')) == NULL)
			return 0;
		for (q = end + 1; isspace((unsigned char)*q); q++)
			;
		if (*q == ']') {
			for (q++; isspace((unsigned char)*q); q++)
				;
			return *q == '\0';
		}
		if (*q++ != ',')
			return 0;
	}
}

/* Whether constant q certainly converts to the declared type: NULL to
 * any, a string to an unbounded string type, digits to an integer or
 * numeric type, true / false to boolean.  Others may fail (22P02,
 * 22001) when the block starts, outside its handlers. */
static int constant_fits(const char *q, const char *typname)
{
	static const char *const strings[] = { "text", "varchar",
		"character varying", NULL };
	static const char *const ints[] = { "int", "integer", "int4", "bigint",
		"int8", NULL };
	static const char *const numbers[] = { "numeric", "decimal", "float8",
		"double precision", "real", "float4", NULL };
	char type[64];
	size_t n = 0, digits;

	if (strcasecmp(q, "null") == 0)
		return 1;
	for (; typname && *typname && n + 1 < sizeof(type); typname++)
		type[n++] = (char)tolower((unsigned char)*typname);
	while (n && type[n - 1] == ' ')
		n--;
	type[n] = '\0';
	if (q[0] == '\'')
		return ddl_one_of(type, strings);
	if (strcasecmp(q, "true") == 0 || strcasecmp(q, "false") == 0)
		return strcmp(type, "boolean") == 0 || strcmp(type, "bool") == 0;
	digits = strspn(q + (*q == '-'), "0123456789");
	if (q[(*q == '-') + digits] == '\0' && digits > 0 && digits < 10 &&
	    ddl_one_of(type, ints))
		return 1;
	return ddl_one_of(type, numbers);
}

/* Whether a declared variable has an initial value other than a
 * constant that fits its type (or a text[] of string constants): an
 * expression run when the block starts, outside its handlers. */
static int initialised(json_t *datums)
{
	size_t i;
	json_t *v;

	json_array_foreach(datums, i, v) {
		json_t *var = json_object_get(v, "PLpgSQL_var");
		const char *q = json_string_value(json_object_get(json_object_get(
			json_object_get(var, "default_val"), "PLpgSQL_expr"),
			"query"));
		const char *typname = json_string_value(json_object_get(
			json_object_get(json_object_get(var, "datatype"),
			"PLpgSQL_type"), "typname"));

		/* NULL into a NOT NULL variable is 22004 when the block
		 * starts. */
		if (q && strcasecmp(q, "null") == 0 &&
		    json_is_true(json_object_get(var, "notnull")))
			return 1;
		if (json_object_get(var, "default_val") && !(q &&
		    ((constant_text(q) && constant_fits(q, typname)) ||
		    (typname && strncmp(typname, "text[]", 6) == 0 &&
		    typname[6 + strspn(typname + 6, " ")] == '\0' &&
		    text_array(q)))))
			return 1;
	}
	return 0;
}


static int declarations_compile(int *ok, ddl *d, json_t *funcs,
	int bare_return);

/* The body and language of a DO statement. */
static const char *do_body(const PgQuery__DoStmt *ds, int *plpgsql)
{
	const char *body = NULL;

	*plpgsql = 1;
	for (size_t i = 0; i < ds->n_args; i++) {
		const PgQuery__DefElem *de = ds->args[i]->def_elem;

		if (strcmp(de->defname, "as") == 0)
			body = ms_pg__node_string(de->arg);
		else if (strcmp(de->defname, "language") == 0)
			*plpgsql = strcmp(ms_pg__node_string(de->arg), "plpgsql") == 0;
	}
	return body;
}

/* Past a comment, a string literal or a dollar-quoted string at p, or
 * p itself when none starts there. */
static const char *skip_quoted(const char *p)
{
	const char *end;

	if (p[0] == '-' && p[1] == '-')
		return p + strcspn(p, "\n");
	if (p[0] == '/' && p[1] == '*')
		return (end = strstr(p + 2, "*/")) ? end + 2 : p + strlen(p);
	if (p[0] == '\'' || p[0] == '"') {
		for (end = p + 1; *end; end++)
			if (*end == p[0] && *++end != p[0])
				return end;
		return end;
	}
	if (p[0] == '$') {
		size_t n = 1 + strspn(p + 1, "abcdefghijklmnopqrstuvwxyz"
			"ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
		char tag[64];

		if (p[n] != '$' || n + 2 > sizeof(tag))
			return p;
		snprintf(tag, sizeof(tag), "%.*s", (int)n + 1, p);
		return (end = strstr(p + n + 1, tag)) ? end + n + 1 : p + strlen(p);
	}
	return p;
}

/*
 * A block libpg_query cannot read (it does not know a cursor's type, for
 * one): whether its text may change the catalog - a word that begins a
 * command other than DML or a dynamic EXECUTE, or a call of a function
 * of the history - outside comments and strings.  A superset.
 */
static int text_may_change_catalog(int *may, ddl *d, const char *body)
{
	static const char *const words[] = { "create", "alter", "drop",
		"execute", "comment", "grant", "revoke", "reindex", "cluster",
		"refresh", "import", "call", "search_path", "role", "schema",
		"set_config", "authorization", "session_authorization", "security",
		"lock", NULL };
	const char *p = body;
	int ret;

	*may = 0;
	while (*p && !*may) {
		const char *next = skip_quoted(p);
		char word[CAT_NAME];
		size_t n;
		int64_t oid;

		/* A quoted name may be a function of the history called. */
		if (*p == '"' && next - p > 2 && (size_t)(next - p - 2) <
		    sizeof(word)) {
			const char *after = next;

			snprintf(word, sizeof(word), "%.*s", (int)(next - p - 2), p + 1);
			while (isspace((unsigned char)*after))
				after++;
			if (*after == '(' && !strstr(word, "\"") &&
			    (ret = cat_func_find(may, &oid, d->s, "public", word,
			    d->err)) < 0)
				return ret;
		}
		if (next != p) {
			p = next;
			continue;
		}
		if (!(isalpha((unsigned char)*p) || *p == '_')) {
			p++;
			continue;
		}
		n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			"_0123456789$");
		snprintf(word, sizeof(word), "%.*s", (int)(n < sizeof(word) ? n :
			sizeof(word) - 1), p);
		for (char *w = word; *w; w++)
			*w = (char)tolower((unsigned char)*w);
		for (p += n; isspace((unsigned char)*p); p++)
			;
		for (const char *const *k = words; *k && !*may; k++)
			*may = strcmp(word, *k) == 0;
		if (!*may && *p == '(' && (ret = cat_func_find(may, &oid, d->s,
		    "public", word, d->err)) < 0)
			return ret;
	}
	return MS_OK;
}

/* A declared variable without an initialiser starts NULL. */
static json_t *declared_nulls(json_t *datums)
{
	json_t *values = json_object(), *v;
	size_t i;

	json_array_foreach(datums, i, v) {
		json_t *var = json_object_get(v, "PLpgSQL_var");
		const char *name = json_string_value(json_object_get(var,
			"refname"));

		if (values && name && json_object_get(var, "lineno") &&
		    json_object_get(var, "default_val") == NULL)
			json_object_set_new(values, name, json_null());
	}
	return values;
}

int ddl_do(ddl *d, const PgQuery__DoStmt *ds, int *gap, int *rows_gap)
{
	static const char head[] = "CREATE FUNCTION migsim_do() RETURNS void "
		"LANGUAGE plpgsql AS $migsim_do$";
	static const char tail[] = "$migsim_do$;";
	PgQueryPlpgsqlParseResult pr;
	interp in = { d, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL };
	const char *body;
	json_t *funcs, *action;
	char *src;
	int plpgsql, compiles, ret = MS_OK;

	*gap = *rows_gap = 1;
	body = do_body(ds, &plpgsql);
	if (body == NULL || !plpgsql || strstr(body, "$migsim_do$")) {
		ddl_unknown(d, "this DO block is not modelled");
		return MS_OK;
	}
	if ((src = malloc(strlen(head) + strlen(body) + sizeof(tail))) == NULL)
		return ms_error_set(d->err, MS_ENOMEM, "out of memory");
	sprintf(src, "%s%s%s", head, body, tail);
	pr = pg_query_parse_plpgsql(src);
	free(src);
	if (pr.error) {
		/* Compiled when the DO runs: a syntax error fails the block, with
		 * a position migsim does not reproduce yet.  libpg_query's
		 * compiler also refuses what needs the catalog (a cursor
		 * variable's type), so this is no verdict. */
		pg_query_free_plpgsql_parse_result(pr);
		ddl_unknown(d, "libpg_query's PL/pgSQL compiler does not take this "
			"DO block");
		return text_may_change_catalog(gap, d, body);
	}
	funcs = json_loads(pr.plpgsql_funcs, 0, NULL);
	pg_query_free_plpgsql_parse_result(pr);
	action = json_object_get(json_object_get(json_array_get(funcs, 0),
		"PLpgSQL_function"), "action");
	in.datums = json_object_get(json_object_get(json_array_get(funcs, 0),
		"PLpgSQL_function"), "datums");
	in.action = action;
	if (action == NULL) {
		ddl_unknown(d, "this DO block is not modelled");
	} else if (transaction_control(action)) {
		/* COMMIT / ROLLBACK in a DO block end the transaction the
		 * statements before them ran in (or fail, 2D000, inside a
		 * block): not followed. */
		not_modelled(&in, "COMMIT or ROLLBACK in a DO block is not "
			"modelled", action);
		*gap = in.gap;
		*rows_gap = in.rows_gap;
	} else if (initialised(in.datums)) {
		ddl_unknown(d, "a DO block's variable initialisers are not "
			"modelled");
		ret = text_may_change_catalog(gap, d, body);
	} else if ((ret = declarations_compile(&compiles, d, funcs, 1)) < 0) {
		;
	} else if (!compiles) {
		ddl_unknown(d, "this DO block's declarations are not checked");
		ret = text_may_change_catalog(gap, d, body);
	} else {
		in.values = declared_nulls(in.datums);
		ret = in.values ? run_stmt(&in, action) :
			ms_error_set(d->err, MS_ENOMEM, "out of memory");
		*gap = in.gap;
		*rows_gap = in.rows_gap;
	}
	json_decref(in.values);
	json_decref(funcs);
	return ret;
}

/* A declared variable's type exists ("record" is always there). */
static int var_type_exists(int *ok, ddl *d, const char *typname)
{
	const PgQuery__Node *n;
	ms_pg_script s;
	ms_typeref t;
	char *sql;
	int ret;

	*ok = strcmp(typname, "record") == 0;
	if (*ok)
		return MS_OK;
	/* CAST takes a type name and nothing after it: PostgreSQL parses
	 * the declaration's text as a type name alone (42601 otherwise). */
	if ((sql = malloc(strlen(typname) + 24)) == NULL)
		return ms_error_set(d->err, MS_ENOMEM, "out of memory");
	sprintf(sql, "SELECT CAST(NULL AS %s)", typname);
	memset(&s, 0, sizeof(s));
	ret = ms_pg_parse(&s, sql, strlen(sql), d->err);
	if (ret == MS_OK && !s.parse_failed && s.count == 1 &&
	    (n = ms_pg__stmt_node(&s, 0)) != NULL &&
	    n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
	    n->select_stmt->n_target_list == 1 &&
	    (n = n->select_stmt->target_list[0]->res_target->val) != NULL &&
	    n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST &&
	    (ret = ms_pg__resolve_type(&t, d->s, n->type_cast->type_name,
	    d->err)) == MS_OK) {
		*ok = t.known && t.exists && !t.serial;
		if (!*ok)
			ret = ddl_row_type(ok, d, n->type_cast->type_name, &t);
	}
	ms_pg_script_clear(&s);
	free(sql);
	return ret;
}

/* RETURN with and without an expression in a compiled body. */
static void returns_seen(const json_t *j, int *with, int *without)
{
	const char *key;
	json_t *v;
	size_t i;

	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			returns_seen(v, with, without);
		return;
	}
	json_object_foreach((json_t *)j, key, v) {
		/* The compiler's own RETURN at the end has no line. */
		if (strcmp(key, "PLpgSQL_stmt_return") == 0 &&
		    json_object_get(v, "lineno")) {
			if (json_object_get(v, "expr"))
				(*with)++;
			else
				(*without)++;
		}
		if (json_is_object(v) || json_is_array(v))
			returns_seen(v, with, without);
	}
}

/* RETURN NEXT and RETURN QUERY as make_return_next_stmt and
 * make_return_query_stmt allow them, which libpg_query does not check:
 * only in a SETOF function (42804), RETURN NEXT with an expression
 * unless there are OUT parameters (42601). */
static int set_returns_fit(const json_t *j, int setof, int outputs)
{
	const char *key;
	json_t *v;
	size_t i;

	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			if (!set_returns_fit(v, setof, outputs))
				return 0;
		return 1;
	}
	json_object_foreach((json_t *)j, key, v) {
		if ((strcmp(key, "PLpgSQL_stmt_return_next") == 0 && (!setof ||
		    (json_object_get(v, "expr") != NULL) == outputs)) ||
		    (strcmp(key, "PLpgSQL_stmt_return_query") == 0 && !setof))
			return 0;
		if ((json_is_object(v) || json_is_array(v)) &&
		    !set_returns_fit(v, setof, outputs))
			return 0;
	}
	return 1;
}

/* What PL/pgSQL checks when it compiles a body that libpg_query does not:
 * RETURN's form (make_return_stmt refuses RETURN x where the function
 * returns void or a set, and a bare RETURN elsewhere: 42804, 42601, at
 * positions in the body migsim does not keep, so such a body is left
 * unknown) and the declared variables' types. */
static int declarations_compile(int *ok, ddl *d, json_t *funcs,
	int bare_return)
{
	json_t *datums = json_object_get(json_object_get(json_array_get(funcs,
		0), "PLpgSQL_function"), "datums"), *v;
	int with = 0, without = 0, ret = MS_OK;
	size_t i;

	returns_seen(funcs, &with, &without);
	*ok = !(bare_return ? with > 0 : without > 0);
	json_array_foreach(datums, i, v) {
		const char *typname = json_string_value(json_object_get(
			json_object_get(json_object_get(json_object_get(v,
			"PLpgSQL_var"), "datatype"), "PLpgSQL_type"), "typname"));

		if (!*ok || ret < 0)
			break;
		/* Parameters and FOUND carry no declaration (no lineno): the
		 * parameters' types were checked with the statement.  An
		 * integer FOR loop's own variable has a line but no type
		 * written ("UNKNOWN"): PL/pgSQL makes it an integer. */
		if (json_object_get(v, "PLpgSQL_var") && typname == NULL)
			*ok = 0;
		else if (typname && strcmp(typname, "UNKNOWN") != 0 &&
		    json_object_get(json_object_get(v, "PLpgSQL_var"), "lineno"))
			ret = var_type_exists(ok, d, typname);
	}
	return ret;
}

int ddl_function_compiles(int *ok, ddl *d, int bare_return, int setof,
	int outputs)
{
	const ms_pg_stmt *st = &d->script->stmts[d->stmt_no];
	PgQueryPlpgsqlParseResult pr;
	json_t *funcs;
	char *sql;
	int ret;

	*ok = 0;
	if ((sql = malloc(st->len + 1)) == NULL)
		return ms_error_set(d->err, MS_ENOMEM, "out of memory");
	memcpy(sql, d->script->sql + st->offset, st->len);
	sql[st->len] = '\0';
	pr = pg_query_parse_plpgsql(sql);
	free(sql);
	if (pr.error) {
		pg_query_free_plpgsql_parse_result(pr);
		return MS_OK;
	}
	funcs = json_loads(pr.plpgsql_funcs, 0, NULL);
	pg_query_free_plpgsql_parse_result(pr);
	*ok = json_array_size(funcs) == 1 && set_returns_fit(funcs, setof,
		outputs);
	ret = *ok ? declarations_compile(ok, d, funcs, bare_return) : MS_OK;
	json_decref(funcs);
	return ret;
}

