/*
 * dml.c - UPDATE, DELETE and INSERT against the simulated catalog: their
 * parse analysis in PostgreSQL 15's order (transformUpdateStmt,
 * transformDeleteStmt, transformInsertStmt), and what they do to tables
 * whose rows migsim knows nothing of, or knows to be none.
 *
 * Analysis errors do not depend on data, so they are certain whatever the
 * tables hold.  Outcomes that depend on data are decided only where no
 * row can be involved: an UPDATE or DELETE of an empty table, an UPDATE
 * of constants into columns nothing but NOT NULL guards, a DELETE no
 * reference or trigger can stop (with a WHERE that cannot fail on any
 * row), an INSERT whose query reads an empty
 * table, rows of constants into a table whose constraints they cannot
 * break (or whose foreign key they certainly break).
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"

/* The target's scope: the table under its alias. */
static int target_scope(ex_scope *sc, cat_rel *rel, int *found, ddl *d,
	const PgQuery__RangeVar *rv)
{
	int ret;

	memset(sc, 0, sizeof(*sc));
	if ((ret = cat_rel_find(found, rel, d->s, ddl_schema(rv->schemaname),
	    rv->relname, d->err)) < 0 || !*found)
		return ret;
	return ex_scope_add(sc, d, rel->schema, rel->name,
		rv->alias ? rv->alias->aliasname : NULL);
}

/* An assignment of value (analysed as t) to column `name` of rel;
 * per_row when the value is certainly computed (a VALUES row). */
static int assign(int *ret, ddl *d, const cat_rel *rel, const char *name,
	const ex_type *t, int location, const char *site, int per_row)
{
	int r;

	cat_col col;
	int found;

	if ((*ret = cat_col_find(&found, &col, d->s, rel->oid, name,
	    d->err)) < 0)
		return EX_STOP;
	if (!found) {
		*ret = ddl_fail(d, "42703", site, location, "column \"%s\" of "
			"relation \"%s\" does not exist", name, rel->name);
		return EX_STOP;
	}
	/* Only DEFAULT goes into a generated or ALWAYS identity column
	 * (428C9), or OVERRIDING SYSTEM VALUE: left unknown. */
	if (col.identity == 'g' || col.identity == 'a') {
		ddl_unknown(d, "writing a generated or identity column is not "
			"modelled");
		return EX_UNKNOWN;
	}
	if (t == NULL)
		return EX_OK;
	r = ex_assignable(ret, d, t, &col);
	return r == EX_OK && per_row ? ex_evaluated_fits(ret, d, t, &col) : r;
}

/* The scope of UPDATE and DELETE: WITH queries, the target table, then
 * FROM or USING items. */
/* Whether a LATERAL subquery or a function in FROM names a column: it
 * may be the target's, which it may not see (42P10). */
static int visit_any_column(const PgQuery__Node *n, void *ctx)
{
	(void)ctx;
	return n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF;
}

static int visit_lateral(const PgQuery__Node *n, void *ctx)
{
	(void)ctx;
	if (n->node_case == PG_QUERY__NODE__NODE_RANGE_SUBSELECT &&
	    n->range_subselect->lateral)
		return ddl_walk(&n->base, visit_any_column, NULL);
	if (n->node_case == PG_QUERY__NODE__NODE_RANGE_FUNCTION)
		return ddl_walk(&n->base, visit_any_column, NULL);
	return 0;
}

/* UPDATE and DELETE: WITH first, then the target (transformUpdateStmt),
 * then FROM / USING. */
static int dml_scope(ex_scope *sc, cat_rel *rel, int *ret, ddl *d,
	const PgQuery__WithClause *with, const PgQuery__RangeVar *target,
	PgQuery__Node **from, size_t nfrom)
{
	int found, r = EX_OK, empty;

	memset(sc, 0, sizeof(*sc));
	if (with && (r = ex_with(ret, d, sc, with)) != EX_OK)
		return r;
	if ((*ret = cat_rel_find(&found, rel, d->s,
	    ddl_schema(target->schemaname), target->relname, d->err)) < 0 ||
	    (found && (*ret = ex_scope_add(sc, d, rel->schema, rel->name,
	    target->alias ? target->alias->aliasname : NULL)) < 0))
		return EX_STOP;
	if (!found || sc->rels[0].oid == 0) {
		ddl_unknown(d, "the columns of this statement's table are not "
			"modelled");
		return EX_UNKNOWN;
	}
	/* Through a view: whether it is updatable, and its CHECK OPTION. */
	if (rel->relkind != 'r' && rel->relkind != 'p') {
		ddl_unknown(d, "writing through a view is not modelled");
		return EX_UNKNOWN;
	}
	for (size_t i = 0; i < nfrom; i++)
		if (ddl_walk(&from[i]->base, visit_lateral, NULL)) {
			ddl_unknown(d, "what a LATERAL item may see of the target is "
				"not modelled");
			return EX_UNKNOWN;
		}
	return ex_from(&empty, ret, d, sc, from, nfrom);
}

/* Whether evaluating n on any row certainly succeeds once analysis has
 * passed: columns, constants (analysis converted them), now(),
 * comparisons, IN lists, IS [NOT] NULL, AND, OR, NOT. */
static int cast_to_text(const PgQuery__TypeCast *c)
{
	const PgQuery__TypeName *tn = c->type_name;
	const char *name = tn && tn->n_names ?
		ms_pg__node_string(tn->names[tn->n_names - 1]) : NULL;

	return name && strcmp(name, "text") == 0 && !tn->n_array_bounds &&
		!tn->n_typmods;
}

/* Whether an expression is text by its form: a string constant, a cast
 * to text, or a call that returns text. */
static int text_valued(const PgQuery__Node *n)
{
	static const char *const calls[] = { "md5", "lower", "upper", "concat",
		NULL };

	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_A_CONST:
		return n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
	case PG_QUERY__NODE__NODE_TYPE_CAST:
		return cast_to_text(n->type_cast);
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		return n->func_call->n_funcname == 1 && ddl_one_of(
			ms_pg__node_string(n->func_call->funcname[0]), calls);
	case PG_QUERY__NODE__NODE_A_EXPR:
		return n->a_expr->n_name == 1 && strcmp(ms_pg__node_string(
			n->a_expr->name[0]), "||") == 0 &&
			text_valued(n->a_expr->lexpr) && text_valued(n->a_expr->rexpr);
	default:
		return 0;
	}
}

/* Built-in calls that raise nothing on any arguments analysis took:
 * the time, random values, concat (output functions), md5 and case
 * mapping of text. */
static int call_cannot_fail(const PgQuery__FuncCall *f)
{
	static const char *const bare[] = { "now", "clock_timestamp",
		"statement_timestamp", "transaction_timestamp", "random",
		"gen_random_uuid", NULL };
	static const char *const text[] = { "md5", "lower", "upper", NULL };
	const char *name = f->n_funcname == 1 ?
		ms_pg__node_string(f->funcname[0]) : NULL;

	if (name == NULL || f->agg_star || f->agg_distinct || f->over ||
	    f->func_variadic || f->n_agg_order || f->agg_filter)
		return 0;
	if (f->n_args == 0)
		return ddl_one_of(name, bare);
	if (strcmp(name, "concat") != 0 && !(f->n_args == 1 &&
	    ddl_one_of(name, text) && text_valued(f->args[0])))
		return 0;
	for (size_t i = 0; i < f->n_args; i++)
		if (!ddl_cannot_fail(f->args[i]))
			return 0;
	return 1;
}

int ddl_cannot_fail(const PgQuery__Node *n)
{
	static const char *const ops[] = { "=", "<>", "<", ">", "<=", ">=",
		NULL };
	const PgQuery__AExpr *a;
	const char *op;

	if (n == NULL)
		return 1;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_COLUMN_REF:
	case PG_QUERY__NODE__NODE_A_CONST:
	case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
		return 1;
	case PG_QUERY__NODE__NODE_TYPE_CAST:
		/* Any value has a text form (its output function); constants
		 * were converted by analysis. */
		return n->type_cast->arg->node_case == PG_QUERY__NODE__NODE_A_CONST ||
			(n->type_cast->arg->node_case ==
			PG_QUERY__NODE__NODE_A_ARRAY_EXPR &&
			ddl_cannot_fail(n->type_cast->arg)) ||
			(cast_to_text(n->type_cast) &&
			ddl_cannot_fail(n->type_cast->arg));
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		return call_cannot_fail(n->func_call);
	case PG_QUERY__NODE__NODE_COALESCE_EXPR:
		for (size_t i = 0; i < n->coalesce_expr->n_args; i++)
			if (!ddl_cannot_fail(n->coalesce_expr->args[i]))
				return 0;
		return 1;
	case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
		for (size_t i = 0; i < n->a_array_expr->n_elements; i++)
			if (!ddl_cannot_fail(n->a_array_expr->elements[i]))
				return 0;
		return 1;
	case PG_QUERY__NODE__NODE_NULL_TEST:
		return ddl_cannot_fail(n->null_test->arg);
	case PG_QUERY__NODE__NODE_BOOLEAN_TEST:
		return ddl_cannot_fail(n->boolean_test->arg);
	case PG_QUERY__NODE__NODE_BOOL_EXPR:
		for (size_t i = 0; i < n->bool_expr->n_args; i++)
			if (!ddl_cannot_fail(n->bool_expr->args[i]))
				return 0;
		return 1;
	case PG_QUERY__NODE__NODE_LIST:
		for (size_t i = 0; i < n->list->n_items; i++)
			if (!ddl_cannot_fail(n->list->items[i]))
				return 0;
		return 1;
	case PG_QUERY__NODE__NODE_A_EXPR:
		a = n->a_expr;
		op = a->n_name == 1 ? ms_pg__node_string(a->name[0]) : NULL;
		if (op == NULL)
			return 0;
		/* text || text (arrays may not concatenate). */
		if (strcmp(op, "||") == 0 && a->kind ==
		    PG_QUERY__A__EXPR__KIND__AEXPR_OP)
			return text_valued(a->lexpr) && text_valued(a->rexpr) &&
				ddl_cannot_fail(a->lexpr) && ddl_cannot_fail(a->rexpr);
		for (const char *const *p = ops; *p; p++)
			if (strcmp(op, *p) == 0 && a->kind <=
			    PG_QUERY__A__EXPR__KIND__AEXPR_IN && a->kind !=
			    PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF)
				return ddl_cannot_fail(a->lexpr) && ddl_cannot_fail(a->rexpr);
		return 0;
	default:
		return 0;
	}
}

/* Whether now() or CURRENT_TIMESTAMP and the like. */
static int is_clock(const PgQuery__Node *n)
{
	static const char *const clocks[] = { "now", "clock_timestamp",
		"statement_timestamp", "transaction_timestamp", NULL };

	if (n->node_case == PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION)
		return 1;
	return n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
		n->func_call->n_funcname == 1 && n->func_call->n_args == 0 &&
		ddl_one_of(ms_pg__node_string(n->func_call->funcname[0]), clocks);
}

/* A cast to a domain: its checks run when the value is computed (a
 * CoerceToDomain is never folded), not when analysis reads it. */
static int visit_domain_cast(const PgQuery__Node *n, void *ctx)
{
	const PgQuery__TypeName *t = n->node_case ==
		PG_QUERY__NODE__NODE_TYPE_CAST ? n->type_cast->type_name : NULL;
	ddl *d = ctx;
	cat_type ut;
	int found;

	if (t == NULL || t->n_names < 1)
		return 0;
	return cat_type_find(&found, &ut, d->s, t->n_names > 1 ?
		ms_pg__node_string(t->names[0]) : "public", ms_pg__node_string(
		t->names[t->n_names - 1]), d->err) < 0 || (found && ut.kind == 'd');
}

int ddl_value_cannot_fail(ddl *d, const PgQuery__Node *n, const ex_type *t)
{
	static const char *const uuids[] = { "uuid_generate_v4",
		"uuid_generate_v1", "uuid_generate_v1mc", NULL };
	static const char *const times[] = { "date", "timestamp", "timestamptz",
		"text", NULL };
	const char *name;
	int found;

	if (ddl_walk(&n->base, visit_domain_cast, d))
		return 0;
	/* Analysis folded a constant, and checked it. */
	if ((t && t->constant) || ddl_cannot_fail(n))
		return 1;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_FUNC_CALL: {
		const PgQuery__FuncCall *f = n->func_call;

		name = f->n_funcname == 1 ? ms_pg__node_string(f->funcname[0]) :
			NULL;
		if (name == NULL || f->agg_star || f->agg_distinct || f->over ||
		    f->func_variadic)
			return 0;
		/* json(b)_build_object with string constants for keys (a NULL
		 * or a non-scalar key is 22023) and values that cannot fail. */
		if ((strcmp(name, "jsonb_build_object") == 0 ||
		    strcmp(name, "json_build_object") == 0) && f->n_args % 2 == 0) {
			for (size_t i = 0; i < f->n_args; i++)
				if (i % 2 == 0 ? (f->args[i]->node_case !=
				    PG_QUERY__NODE__NODE_A_CONST || f->args[i]->a_const->
				    val_case != PG_QUERY__A__CONST__VAL_SVAL) :
				    !ddl_value_cannot_fail(d, f->args[i], NULL))
					return 0;
			return 1;
		}
		/* uuid-ossp's, once it is installed. */
		return f->n_args == 0 && ddl_one_of(name, uuids) &&
			cat_ext_find(&found, d->s, "uuid-ossp", d->err) == MS_OK && found;
	}
	case PG_QUERY__NODE__NODE_TYPE_CAST:
		/* The clock as a date, a timestamp or text. */
		name = n->type_cast->type_name && n->type_cast->type_name->n_names ?
			ms_pg__node_string(n->type_cast->type_name->names[
			n->type_cast->type_name->n_names - 1]) : NULL;
		return name && ddl_one_of(name, times) &&
			!n->type_cast->type_name->n_typmods &&
			is_clock(n->type_cast->arg);
	case PG_QUERY__NODE__NODE_A_EXPR: {
		/* The clock plus or minus an interval constant. */
		const PgQuery__AExpr *a = n->a_expr;
		const char *op = a->n_name == 1 ? ms_pg__node_string(a->name[0]) :
			NULL;
		const PgQuery__Node *r = a->rexpr;

		return op && (strcmp(op, "+") == 0 || strcmp(op, "-") == 0) &&
			a->lexpr && is_clock(a->lexpr) && r &&
			r->node_case == PG_QUERY__NODE__NODE_TYPE_CAST &&
			r->type_cast->arg->node_case == PG_QUERY__NODE__NODE_A_CONST;
	}
	default:
		return 0;
	}
}

/* A string constant long enough that an index entry over it may pass
 * btree's 2704 bytes (54000), compression aside. */
static int long_literal(const PgQuery__Node *v)
{
	while (v && v->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
		v = v->type_cast->arg;
	return v && v->node_case == PG_QUERY__NODE__NODE_A_CONST &&
		v->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL &&
		strlen(v->a_const->sval->sval) > 2000;
}

/* Whether value (analysed as t) certainly fits column col of rel on
 * every row: nothing but NOT NULL guards the column, and the value is a
 * constant analysis has converted, now(), or NULL into a nullable
 * column (which keys and foreign keys over it let pass). */
static int value_safe(int *safe, ddl *d, const cat_rel *rel,
	const char *name, const ex_type *t, const PgQuery__Node *v)
{
	cat_col col;
	ex_type ct;
	int found, guarded, ret;

	*safe = 0;
	if ((ret = cat_col_find(&found, &col, d->s, rel->oid, name, d->err)) < 0 ||
	    !found || (ret = cat_col_guarded(&guarded, d->s, rel->oid, name,
	    t->cat == 'Z', d->err)) < 0 ||
	    guarded || (ret = ex_column_type(&ct, d, &col)) < 0)
		return ret;
	/* A domain's checks run on each row; only enums of the history are
	 * decided at analysis. */
	if (col.type_oid && (ct.cat != 'E' || ct.domain))
		*safe = 0;
	else if (t->cat == 'Z')
		*safe = !col.not_null;
	else if ((v->node_case == PG_QUERY__NODE__NODE_FUNC_CALL ||
	    v->node_case == PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION) &&
	    ct.cat == 'D' && strncmp(ct.name, "timestamp", 9) == 0)
		*safe = ddl_cannot_fail(v) && t->cat == 'D';
	else
		*safe = !long_literal(v) && ddl_cannot_fail(v) && (t->cat == 'X' ||
			(t->cat == ct.cat &&
			strcmp(t->name, ct.name) == 0 && t->user == ct.user &&
			ct.typmod == -1));
	return MS_OK;
}

/* Whether a FROM item's rows come without evaluating anything that can
 * fail: a table (a view runs its query), or joins of tables on
 * conditions that cannot fail. */
static int plain_from(int *plain, ddl *d, const PgQuery__Node *n)
{
	const PgQuery__RangeVar *rv;
	cat_rel rel;
	int found, ret;

	*plain = 0;
	if (n->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) {
		if (!ddl_cannot_fail(n->join_expr->quals))
			return MS_OK;
		if ((ret = plain_from(plain, d, n->join_expr->larg)) < 0 || !*plain)
			return ret;
		return plain_from(plain, d, n->join_expr->rarg);
	}
	if (n->node_case != PG_QUERY__NODE__NODE_RANGE_VAR)
		return MS_OK;
	rv = n->range_var;
	if ((ret = cat_rel_find(&found, &rel, d->s, ddl_schema(rv->schemaname),
	    rv->relname, d->err)) < 0)
		return ret;
	*plain = found && (rel.relkind == 'r' || rel.relkind == 'p');
	return MS_OK;
}

static int select_cannot_fail(ddl *d, const PgQuery__SelectStmt *s);

/* count, max or min of a column, or count(*): nothing to fail on. */
static int plain_aggregate(const PgQuery__Node *n)
{
	static const char *const aggs[] = { "count", "max", "min", NULL };
	const PgQuery__FuncCall *f = n->node_case ==
		PG_QUERY__NODE__NODE_FUNC_CALL ? n->func_call : NULL;

	return f && f->n_funcname == 1 && ddl_one_of(ms_pg__node_string(
		f->funcname[0]), aggs) && !f->agg_distinct && !f->over &&
		!f->agg_filter && !f->n_agg_order && (f->agg_star ||
		(f->n_args == 1 && f->args[0]->node_case ==
		PG_QUERY__NODE__NODE_COLUMN_REF));
}

/* ddl_cannot_fail, with subqueries: EXISTS and IN over queries that
 * cannot fail, and comparisons of count, max and min of columns. */
static int cannot_fail(ddl *d, const PgQuery__Node *n)
{
	static const char *const ops[] = { "=", "<>", "<", ">", "<=", ">=",
		NULL };
	const PgQuery__SubLink *l;

	if (n == NULL || ddl_cannot_fail(n) || plain_aggregate(n))
		return 1;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_SUB_LINK:
		l = n->sub_link;
		return (l->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK ||
			(l->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK &&
			cannot_fail(d, l->testexpr))) && l->subselect->node_case ==
			PG_QUERY__NODE__NODE_SELECT_STMT &&
			select_cannot_fail(d, l->subselect->select_stmt);
	case PG_QUERY__NODE__NODE_BOOL_EXPR:
		for (size_t i = 0; i < n->bool_expr->n_args; i++)
			if (!cannot_fail(d, n->bool_expr->args[i]))
				return 0;
		return 1;
	case PG_QUERY__NODE__NODE_NULL_TEST:
		return cannot_fail(d, n->null_test->arg);
	case PG_QUERY__NODE__NODE_A_EXPR:
		return n->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP &&
			n->a_expr->n_name == 1 && ddl_one_of(ms_pg__node_string(
			n->a_expr->name[0]), ops) && cannot_fail(d, n->a_expr->lexpr) &&
			cannot_fail(d, n->a_expr->rexpr);
	default:
		return 0;
	}
}

/* A query whose rows come without evaluating anything that can fail:
 * tables and such subqueries joined on conditions that cannot fail,
 * WHERE, GROUP BY columns, HAVING and a target list that cannot fail;
 * UNION ALL of such queries. */
static int select_cannot_fail(ddl *d, const PgQuery__SelectStmt *s)
{
	int plain;

	if (s->op == PG_QUERY__SET_OPERATION__SETOP_UNION && s->all)
		return select_cannot_fail(d, s->larg) &&
			select_cannot_fail(d, s->rarg);
	if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE || s->with_clause ||
	    s->n_locking_clause || s->limit_count || s->limit_offset ||
	    s->n_window_clause || s->n_values_lists || s->n_distinct_clause ||
	    s->n_from_clause == 0 || !cannot_fail(d, s->where_clause) ||
	    !cannot_fail(d, s->having_clause))
		return 0;
	for (size_t i = 0; i < s->n_from_clause; i++) {
		const PgQuery__Node *f = s->from_clause[i];

		if (f->node_case == PG_QUERY__NODE__NODE_RANGE_SUBSELECT) {
			if (f->range_subselect->lateral ||
			    f->range_subselect->subquery->node_case !=
			    PG_QUERY__NODE__NODE_SELECT_STMT ||
			    !select_cannot_fail(d,
			    f->range_subselect->subquery->select_stmt))
				return 0;
		} else if (plain_from(&plain, d, f) < 0 || !plain) {
			return 0;
		}
	}
	for (size_t i = 0; i < s->n_group_clause; i++)
		if (s->group_clause[i]->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
			return 0;
	for (size_t i = 0; i < s->n_target_list; i++)
		if (!cannot_fail(d, s->target_list[i]->res_target->val))
			return 0;
	return 1;
}

/* Whether an UPDATE that analysis accepts certainly succeeds whatever
 * rows the tables hold: a plain table without triggers, no WITH, FROM
 * tables joined and filtered by conditions that cannot fail, and safe
 * values (value_safe). */
static int update_safe(int *safe, ddl *d, const cat_rel *rel,
	const PgQuery__UpdateStmt *u, const ex_type *values)
{
	cat_guards g;
	int ret;

	*safe = 0;
	for (size_t i = 0; i < u->n_from_clause; i++)
		if ((ret = plain_from(safe, d, u->from_clause[i])) < 0 || !*safe)
			return ret;
	*safe = 0;
	if (u->with_clause || !cannot_fail(d, u->where_clause) ||
	    (rel->relkind != 'r'))
		return MS_OK;
	/* Every check is tested on each updated row, a NOT VALID one too,
	 * which rows written before it may break. */
	if ((ret = cat_rel_guards(&g, d->s, rel->oid, d->err)) < 0 ||
	    g.triggers || g.unvalidated || (ret = cat_rel_generated(safe, d->s,
	    rel->oid, d->err)) < 0 || *safe) {
		*safe = 0;
		return ret;
	}
	*safe = 1;
	for (size_t i = 0; i < u->n_target_list && *safe; i++) {
		const PgQuery__ResTarget *t = u->target_list[i]->res_target;

		if ((ret = value_safe(safe, d, rel, t->name, &values[i],
		    t->val)) < 0)
			return ret;
	}
	return MS_OK;
}

/* The rewriter, after analysis, refuses a column set twice. */
static int assigned_twice(int *ret, ddl *d, PgQuery__Node **targets,
	size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < i; k++)
			if (strcmp(targets[i]->res_target->name,
			    targets[k]->res_target->name) == 0) {
				*ret = ddl_fail(d, "42601", "rewriteHandler.c:1139:"
					"process_matched_tle", -1, "multiple assignments to "
					"same column \"%s\"", targets[i]->res_target->name);
				return EX_STOP;
			}
	return EX_OK;
}

/* CheckCmdReplicaIdentity, as the executor starts, rows or none: a
 * table a publication publishes UPDATE or DELETE of needs a replica
 * identity, by default its primary key. */
static int replica_identity(int *ret, ddl *d, const cat_rel *rel,
	int update)
{
	cat_con pk;
	int all, some, replica, unlogged, found = 0, deferrable = 0, temp;

	if ((*ret = ddl_meta_has(&all, d, PUB_ALL_KEY)) < 0 ||
	    (*ret = ddl_meta_has(&some, d, PUB_SOME_KEY)) < 0 ||
	    (*ret = ddl_meta_has(&replica, d, REPLICA_IDENTITY_KEY)) < 0 ||
	    (*ret = ddl_meta_has(&unlogged, d, UNLOGGED_KEY)) < 0 ||
	    (*ret = cat_temp_is(&temp, d->s, rel->oid, d->err)) < 0)
		return EX_STOP;
	/* Temporary and unlogged tables are never published. */
	if ((!all && !some) || temp)
		return EX_OK;
	if ((*ret = cat_pkey(&found, &pk, d->s, rel->oid, d->err)) < 0 ||
	    (found && (*ret = cat_index_deferrable(&deferrable, d->s,
	    pk.index_rel, 0, d->err)) < 0))
		return EX_STOP;
	if (found && !deferrable && !replica)
		return EX_OK;
	/* Partitions are checked one by one; another identity (FULL, an
	 * index) or a publication's tables are not followed. */
	if (rel->relkind == 'p' || replica || deferrable || !all || unlogged) {
		ddl_unknown(d, "whether this table publishes changes without a "
			"replica identity is not modelled");
		return EX_UNKNOWN;
	}
	*ret = ddl_fail(d, "55000", update ?
		"execReplication.c:647:CheckCmdReplicaIdentity" :
		"execReplication.c:653:CheckCmdReplicaIdentity", -1, update ?
		"cannot update table \"%s\" because it does not have a replica "
		"identity and publishes updates" : "cannot delete from table \"%s\" "
		"because it does not have a replica identity and publishes deletes",
		rel->name);
	if (*ret == MS_OK && DDL_FAILED(d))
		*ret = ddl_hint(d, update ? "To enable updating the table, set "
			"REPLICA IDENTITY using ALTER TABLE." : "To enable deleting "
			"from the table, set REPLICA IDENTITY using ALTER TABLE.");
	return EX_STOP;
}
/* A column reference qualified by the target's name: the subquery
 * holding it is correlated. */
static int visit_outer_ref(const PgQuery__Node *n, void *ctx)
{
	const char *target = ctx, *q;

	if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF ||
	    n->column_ref->n_fields < 2)
		return 0;
	q = ms_pg__node_string(n->column_ref->fields[0]);
	return q && strcmp(q, target) == 0;
}

static int visit_initplan(const PgQuery__Node *n, void *ctx)
{
	return n->node_case == PG_QUERY__NODE__NODE_SUB_LINK &&
		n->sub_link->sub_link_type ==
		PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK &&
		!ddl_walk(&n->base, visit_outer_ref, ctx);
}

/* An empty target reads no row, but a scalar subquery in WHERE that does
 * not read it is an InitPlan, which may run first: in a one-time filter,
 * or as an index scan's runtime key (21000 for two rows, or its own
 * errors).  Not modelled. */
static int initplan_where(ddl *d, const PgQuery__RangeVar *target,
	const PgQuery__Node *where)
{
	const char *name = target->alias && target->alias->aliasname &&
		target->alias->aliasname[0] ? target->alias->aliasname :
		target->relname;

	if (where == NULL || !ddl_walk(&where->base, visit_initplan,
	    (void *)name))
		return EX_OK;
	ddl_unknown(d, "a subquery in WHERE may run before any row is read");
	return EX_UNKNOWN;
}


static int update(int *none, int *safe, int *ret, ddl *d,
	const PgQuery__UpdateStmt *u)
{
	ex_type *values;
	ex_scope sc;
	cat_rel rel;
	int r;

	if (u->n_returning_list) {
		ddl_unknown(d, "this UPDATE's clauses are not modelled");
		return EX_UNKNOWN;
	}
	if ((r = dml_scope(&sc, &rel, ret, d, u->with_clause, u->relation,
	    u->from_clause, u->n_from_clause)) != EX_OK) {
		ex_scope_free(&sc);
		return r;
	}
	if (u->where_clause)
		r = ex_boolean(ret, d, &sc, u->where_clause);
	if ((values = calloc(u->n_target_list + 1, sizeof(*values))) == NULL) {
		ex_scope_free(&sc);
		*ret = ms_error_set(d->err, MS_ENOMEM, "out of memory");
		return EX_STOP;
	}
	/* Every new value is analysed before any target column is looked
	 * up (transformUpdateTargetList). */
	for (size_t i = 0; i < u->n_target_list && r == EX_OK; i++) {
		const PgQuery__ResTarget *t = u->target_list[i]->res_target;

		if (t->n_indirection) {
			ddl_unknown(d, "assigning to part of a column is not modelled");
			r = EX_UNKNOWN;
		} else {
			r = ex_analyse(&values[i], ret, d, &sc, t->val);
		}
	}
	for (size_t i = 0; i < u->n_target_list && r == EX_OK; i++) {
		const PgQuery__ResTarget *t = u->target_list[i]->res_target;

		r = assign(ret, d, &rel, t->name, &values[i], t->location,
			"analyze.c:2515:transformUpdateTargetList", 0);
	}
	if (r == EX_OK)
		r = assigned_twice(ret, d, u->target_list, u->n_target_list);
	if (r == EX_OK)
		r = replica_identity(ret, d, &rel, 1);
	*none = sc.rels[0].empty;
	if (r == EX_OK && *none)
		r = initplan_where(d, u->relation, u->where_clause);
	if (r == EX_OK && !*none && (*ret = update_safe(safe, d, &rel, u,
	    values)) < 0)
		r = EX_STOP;
	free(values);
	ex_scope_free(&sc);
	return r;
}

static int delete(int *none, int *ret, ddl *d, const PgQuery__DeleteStmt *x)
{
	ex_scope sc;
	cat_rel rel;
	int r;

	if (x->n_returning_list) {
		ddl_unknown(d, "this DELETE's clauses are not modelled");
		return EX_UNKNOWN;
	}
	if ((r = dml_scope(&sc, &rel, ret, d, x->with_clause, x->relation,
	    x->using_clause, x->n_using_clause)) == EX_OK && x->where_clause)
		r = ex_boolean(ret, d, &sc, x->where_clause);
	if (r == EX_OK)
		r = replica_identity(ret, d, &rel, 0);
	*none = sc.n ? sc.rels[0].empty : 0;
	if (r == EX_OK && *none)
		r = initplan_where(d, x->relation, x->where_clause);
	ex_scope_free(&sc);
	return r;
}

/* What an INSERT writes: its target columns (as listed, or the table's
 * first ones when it lists none) and its rows (VALUES rows, or the
 * target list of a query that returns one row). */
typedef struct ins_rows {
	const PgQuery__InsertStmt *ins;
	const PgQuery__SelectStmt *sel;
	char (*names)[CAT_NAME];
	size_t ncols, nrows;
} ins_rows;

/* The index of column `name` among the target columns, or -1. */
static int targeted(const ins_rows *w, const char *name)
{
	for (size_t c = 0; c < w->ncols; c++)
		if (strcmp(w->names[c], name) == 0)
			return (int)c;
	return -1;
}

static const PgQuery__Node *cell(const ins_rows *w, size_t r, size_t c)
{
	return w->sel->n_values_lists ?
		w->sel->values_lists[r]->list->items[c] :
		w->sel->target_list[c]->res_target->val;
}

static int is_null(const PgQuery__Node *v)
{
	return v->node_case == PG_QUERY__NODE__NODE_A_CONST && v->a_const->isnull;
}

/* A value that cannot be NULL whatever the data: a constant (possibly
 * cast), the current time, a new uuid, ARRAY[...], a JSON object or
 * array built from values, concat(), an operator over such values. */
/* An aggregate of the query level itself (a subquery's are skipped). */
static int visit_own_aggregate(const PgQuery__Node *n, void *ctx)
{
	(void)ctx;
	if (n->node_case == PG_QUERY__NODE__NODE_SUB_LINK)
		return DDL_WALK_SKIP;
	return n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
		ex_is_aggregate(n->func_call) && !n->func_call->over;
}

/* A call that may return a set (or any number of rows): a built-in
 * set-returning function, or a function that is not built in. */
static int visit_set_call(const PgQuery__Node *n, void *ctx)
{
	static const char *const srfs[] = { "unnest", "generate_series",
		"generate_subscripts", "jsonb_array_elements",
		"jsonb_array_elements_text", "json_array_elements",
		"json_array_elements_text", "jsonb_each", "jsonb_each_text",
		"json_each", "json_each_text", "jsonb_object_keys",
		"json_object_keys", "jsonb_path_query", "regexp_matches",
		"regexp_split_to_table", "string_to_table", NULL };
	const char *name;

	(void)ctx;
	if (n->node_case == PG_QUERY__NODE__NODE_SUB_LINK)
		return DDL_WALK_SKIP;
	if (n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return 0;
	name = n->func_call->n_funcname == 1 ?
		ms_pg__node_string(n->func_call->funcname[0]) : NULL;
	return name == NULL || ddl_one_of(name, srfs) ||
		(!ex_is_aggregate(n->func_call) && !ms_pg__builtin_function(name));
}

/* A set-returning call makes as many rows as it returns, and FOR UPDATE
 * beside an aggregate is an error (0A000). */
int ddl_one_row(const PgQuery__SelectStmt *s)
{
	if (s->larg || s->with_clause || s->n_target_list != 1 ||
	    s->n_group_clause || s->having_clause || s->limit_count ||
	    s->limit_offset || s->n_values_lists || s->n_locking_clause ||
	    ddl_walk(&s->target_list[0]->base, visit_set_call, NULL))
		return 0;
	if (s->n_from_clause == 0 && s->where_clause == NULL)
		return 1;
	return ddl_walk(&s->target_list[0]->base, visit_own_aggregate, NULL) == 1;
}

/* A constant as the column type's output function prints it: integers
 * into integer columns, strings into text columns; 0 for anything else. */
static int const_text(char *out, size_t n, const PgQuery__Node *v,
	const cat_col *col)
{
	static const char *const ints[] = { "int2", "int4", "int8", NULL };
	static const char *const texts[] = { "text", "varchar", NULL };
	const char *const *set;

	if (v->node_case != PG_QUERY__NODE__NODE_A_CONST || col->type_oid ||
	    strchr(col->type, '[') || strchr(col->type, '('))
		return 0;
	if (v->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
		for (set = ints; *set; set++)
			if (strcmp(col->base, *set) == 0)
				return snprintf(out, n, "%d", v->a_const->ival->ival) > 0;
	} else if (v->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL) {
		for (set = texts; *set; set++)
			if (strcmp(col->base, *set) == 0)
				return (size_t)snprintf(out, n, "%s",
					v->a_const->sval->sval) < n;
	}
	return 0;
}

/* A constant's text for comparing keys of a column: integers by value,
 * strings of text, varchar and enum columns as written (their equality
 * is byte equality); 0 for anything else. */
static int key_text(char *out, size_t n, const PgQuery__Node *v,
	const cat_col *col, int is_enum)
{
	int ints = !col->type_oid && (strcmp(col->base, "int2") == 0 ||
		strcmp(col->base, "int4") == 0 || strcmp(col->base, "int8") == 0);
	int texts = col->type_oid ? is_enum : strcmp(col->base, "text") == 0 ||
		strcmp(col->base, "varchar") == 0;

	if (v->node_case != PG_QUERY__NODE__NODE_A_CONST || strchr(col->type, '['))
		return 0;
	if (v->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL && ints)
		return snprintf(out, n, "i%d", v->a_const->ival->ival) > 0;
	if (v->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL && texts)
		return (size_t)snprintf(out, n, "s%s", v->a_const->sval->sval) < n;
	return 0;
}

/* "a, b" and "1, 2" of DETAIL's "Key (a, b)=(1, 2)". */
static void append_key(char *names, size_t nn, char *values, size_t nv,
	const char *name, const char *value)
{
	size_t a = strlen(names), b = strlen(values);

	snprintf(names + a, nn - a, "%s%s", a ? ", " : "", name);
	snprintf(values + b, nv - b, "%s%s", b ? ", " : "", value);
}

/*
 * The foreign key a row of constants certainly breaks: a key whose
 * columns all get values while the referenced table is known to hold no
 * rows (RI_FKey_check_ins).  EX_OK when every key is certain to hold (a
 * NULL in it), EX_STOP with 23503 when exactly one certainly breaks and
 * the others hold, EX_UNKNOWN otherwise.
 */
/* EX_UNKNOWN when a row has NULL in some but not all of the columns
 * (a comma list); a column the INSERT leaves out counts as NULL. */
static int partly_null(const ins_rows *w, const char *cols)
{
	for (size_t row = 0; row < w->nrows; row++) {
		char list[512], *save = NULL;
		int nulls = 0, values = 0;

		snprintf(list, sizeof(list), "%s", cols);
		for (char *c = strtok_r(list, ",", &save); c;
		     c = strtok_r(NULL, ",", &save)) {
			int at = targeted(w, c);

			if (at < 0 || is_null(cell(w, row, (size_t)at)))
				nulls++;
			else
				values++;
		}
		if (nulls && values)
			return EX_UNKNOWN;
	}
	return EX_OK;
}

/*
 * The key of a foreign key over columns cols, in the rows written: *holds
 * when every row has a NULL in it (RI_FKey_check skips those, row by
 * row), else, of a single row of constants, the key's names and values
 * for the DETAIL.  EX_UNKNOWN when several rows need checking.
 */
static int key_columns(int *ret, ddl *d, const cat_rel *rel,
	const ins_rows *w, char *cols, int *holds, char *kn, size_t knn,
	char *kv, size_t kvn)
{
	enum { MAX_KEY = 16 };
	cat_col col[MAX_KEY];
	const char *name[MAX_KEY];
	int at[MAX_KEY], absent = 0, found;
	size_t n = 0;
	char *save = NULL, text[512];

	*holds = 0;
	for (char *c = strtok_r(cols, ",", &save); c;
	     c = strtok_r(NULL, ",", &save)) {
		if (n == MAX_KEY)
			return EX_UNKNOWN;
		if ((*ret = cat_col_find(&found, &col[n], d->s, rel->oid, c,
		    d->err)) < 0)
			return EX_STOP;
		at[n] = targeted(w, c);
		if (!found || (at[n] < 0 && col[n].has_default))
			return EX_UNKNOWN;
		/* Not written and no default: NULL in every row. */
		absent |= at[n] < 0;
		name[n++] = c;
	}
	*holds = 1;
	for (size_t row = 0; row < w->nrows && !absent && *holds; row++) {
		int null = 0;

		for (size_t k = 0; k < n && !null; k++)
			null = is_null(cell(w, row, (size_t)at[k]));
		*holds = null;
	}
	if (*holds)
		return EX_OK;
	if (w->nrows != 1)
		return EX_UNKNOWN;
	for (size_t k = 0; k < n; k++) {
		if (!const_text(text, sizeof(text), cell(w, 0, (size_t)at[k]),
		    &col[k]))
			return EX_UNKNOWN;
		append_key(kn, knn, kv, kvn, name[k], text);
	}
	return EX_OK;
}

static int check_fks(int *ret, ddl *d, const cat_rel *rel,
	const ins_rows *w)
{
	char names[512] = "", values[1024] = "", refname[CAT_NAME] = "";
	cat_con *fks, *broken = NULL;
	size_t n;
	int r = EX_OK;

	if ((*ret = cat_con_list(&fks, &n, d->s, rel->oid, 'f', d->err)) < 0)
		return EX_STOP;
	for (size_t i = 0; i < n && r == EX_OK; i++) {
		char cols[512], kn[512] = "", kv[1024] = "";
		int holds = 0, ncols = 1, deferred;

		/* A deferred key's check waits for COMMIT even for a NULL key
		 * (AfterTriggerSaveEvent queues every INSERT's): until then
		 * the table has pending events (55006 for ALTER, TRUNCATE). */
		if ((*ret = cat_con_deferrable(&deferred, d->s, fks[i].oid, 0,
		    d->err)) < 0) {
			r = EX_STOP;
			break;
		}
		if (deferred) {
			r = EX_UNKNOWN;
			break;
		}
		snprintf(cols, sizeof(cols), "%s", fks[i].columns);
		for (const char *p = cols; *p; p++)
			ncols += *p == ',';
		/* A NULL in some of several key columns: MATCH SIMPLE holds,
		 * MATCH FULL fails, and migsim keeps no match type. */
		if (ncols > 1 && (r = partly_null(w, cols)) != EX_OK)
			break;
		r = key_columns(ret, d, rel, w, cols, &holds, kn, sizeof(kn), kv,
			sizeof(kv));
		if (r != EX_OK || holds)
			continue;
		{
			cat_rel ref;
			int found;

			if ((*ret = cat_rel_by_oid(&found, &ref, d->s, fks[i].ref_rel,
			    d->err)) < 0) {
				r = EX_STOP;
				break;
			}
			if (!found || ref.oid == rel->oid ||
			    strcmp(ref.rows, "empty") != 0 || broken) {
				r = EX_UNKNOWN;
				break;
			}
			broken = &fks[i];
			memcpy(names, kn, sizeof(names));
			memcpy(values, kv, sizeof(values));
			memcpy(refname, ref.name, sizeof(refname));
		}
	}
	/* A row ON CONFLICT skips for a row already there is not checked. */
	if (r == EX_OK && broken && w->ins->on_conflict_clause &&
	    strcmp(rel->rows, "empty") != 0)
		r = EX_UNKNOWN;
	if (r == EX_OK && broken) {
		if ((*ret = ddl_fail(d, "23503", "ri_triggers.c:2596:"
		    "ri_ReportViolation", -1, "insert or update on table \"%s\" "
		    "violates foreign key constraint \"%s\"", rel->name,
		    broken->name)) == MS_OK && DDL_FAILED(d))
			*ret = ddl_detail(d, "Key (%s)=(%s) is not present in table "
				"\"%s\".", names, values, refname);
		r = EX_STOP;
	}
	free(fks);
	return r;
}

/* Several rows of constants into an empty table: no two of them meet on
 * a unique index (a NULL never meets anything).  EX_OK, or EX_UNKNOWN
 * when that is not known (a duplicate would be 23505). */
static int rows_distinct(int *ret, ddl *d, const cat_rel *rel,
	const ins_rows *w)
{
	char (*idx)[512], a[512], b[512];
	size_t n;
	int partial, r = EX_OK;

	if ((*ret = cat_unique_indexes(&idx, &n, &partial, d->s, rel->oid,
	    d->err)) < 0)
		return EX_STOP;
	for (size_t i = 0; i < n && r == EX_OK; i++) {
		char cols[512], *save = NULL, *c, *name[16];
		int at[16], k = 0;

		memcpy(cols, idx[i], sizeof(cols));
		for (c = strtok_r(cols, ",", &save); c && k < 16;
		     c = strtok_r(NULL, ",", &save)) {
			name[k] = c;
			at[k++] = targeted(w, c);
		}
		if (partial || !idx[i][0] || c) {
			r = EX_UNKNOWN;
			break;
		}
		for (size_t x = 0; x < w->nrows && r == EX_OK; x++)
			for (size_t y = 0; y < x && r == EX_OK; y++) {
				int same = 1;

				for (int j = 0; j < k && same; j++) {
					const PgQuery__Node *vx, *vy;
					cat_col col;
					cat_type t;
					int found, is_enum = 0;

					/* A column left out takes its default: the same in
					 * both rows, unless it is NULL or a fresh sequence's
					 * next value. */
					if (at[j] < 0) {
						int fed;

						if ((*ret = cat_col_sequence_fed(&fed, d->s,
						    rel->oid, name[j], d->err)) < 0)
							r = EX_STOP;
						else if (fed)
							same = 0;
						else
							r = EX_UNKNOWN;
						break;
					}
					if ((*ret = cat_col_find(&found, &col, d->s, rel->oid,
					    w->names[at[j]], d->err)) < 0 || (found &&
					    col.type_oid && (*ret = cat_type_by_oid(&is_enum, &t,
					    d->s, col.type_oid, d->err)) < 0)) {
						r = EX_STOP;
						break;
					}
					is_enum = col.type_oid && is_enum && t.kind == 'e';
					vx = cell(w, x, (size_t)at[j]);
					vy = cell(w, y, (size_t)at[j]);
					if (is_null(vx) || is_null(vy))
						same = 0;
					else if (!found || !key_text(a, sizeof(a), vx, &col,
					    is_enum) || !key_text(b, sizeof(b), vy, &col, is_enum))
						r = EX_UNKNOWN;
					else
						same = strcmp(a, b) == 0;
				}
				if (r == EX_OK && same)
					r = EX_UNKNOWN;
			}
	}
	free(idx);
	return r;
}

/* A column left to its default takes the default's value, converted to
 * the column's type: into varchar(n), char(n), numeric(p,s) or bit(n)
 * that may fail (22001 for a uuid into varchar(30)); timestamp(3) only
 * rounds. */
/* Whether a column's default takes a sequence's next value while some
 * sequence of the history was given options (a MAXVALUE, a type, a
 * restart): it may have reached its maximum (2200H). */
static int sequence_spent(int *spent, ddl *d, const cat_rel *rel,
	const char *col)
{
	int bounded, ret;

	*spent = 0;
	if ((ret = ddl_meta_has(&bounded, d, "sequence_options")) < 0 ||
	    !bounded)
		return ret;
	return cat_col_sequence_default(spent, d->s, rel->oid, col, d->err);
}

static int defaults_fit(int *ret, ddl *d, const cat_rel *rel,
	const ins_rows *w)
{
	char (*names)[CAT_NAME];
	size_t n;
	int r = EX_OK;

	if ((*ret = cat_col_names(&names, &n, d->s, rel->oid, 0, d->err)) < 0)
		return EX_STOP;
	for (size_t i = 0; i < n && r == EX_OK; i++) {
		cat_col col;
		int found, spent = 0;

		if (targeted(w, names[i]) >= 0)
			continue;
		if ((*ret = cat_col_find(&found, &col, d->s, rel->oid, names[i],
		    d->err)) < 0)
			r = EX_STOP;
		else if (found && (col.has_default || col.identity) &&
		    (*ret = sequence_spent(&spent, d, rel, names[i])) < 0)
			r = EX_STOP;
		else if (found && (spent || col.has_default == 3))
			r = EX_UNKNOWN;
		else if (found && col.has_default && strchr(col.type, '(') &&
		    (strcmp(col.base, "varchar") == 0 ||
		    strcmp(col.base, "bpchar") == 0 ||
		    strcmp(col.base, "numeric") == 0 ||
		    strcmp(col.base, "bit") == 0 || strcmp(col.base, "varbit") == 0))
			r = EX_UNKNOWN;
	}
	free(names);
	return r;
}

int ex_key_value(char *out, size_t n, ddl *d, const cat_col *col,
	const PgQuery__Node *v)
{
	int ints = !col->type_oid && (strcmp(col->base, "int2") == 0 ||
		strcmp(col->base, "int4") == 0 || strcmp(col->base, "int8") == 0);
	const char *s;
	char *collation = NULL;
	int ret;

	/* Only a cast to the column's own type keeps the literal's text: any
	 * other converts it (int to text drops leading zeros, char(n) to
	 * text its blanks). */
	for (; v->node_case == PG_QUERY__NODE__NODE_TYPE_CAST;
	     v = v->type_cast->arg) {
		const PgQuery__TypeName *tn = v->type_cast->type_name;

		if (tn == NULL || tn->n_names < 1 || tn->n_typmods ||
		    tn->n_array_bounds || (s = ms_pg__node_string(
		    tn->names[tn->n_names - 1])) == NULL || strcmp(s, col->base) != 0)
			return 0;
	}
	if (v->node_case != PG_QUERY__NODE__NODE_A_CONST || v->a_const->isnull)
		return 0;
	if (v->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
		if (!ints)
			return 0;
		snprintf(out, n, "%d", v->a_const->ival->ival);
		return 1;
	}
	s = v->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL ?
		v->a_const->sval->sval : v->a_const->val_case ==
		PG_QUERY__A__CONST__VAL_FVAL ? v->a_const->fval->fval : NULL;
	if (s == NULL || strchr(s, '\x1f') || strlen(s) + 1 > n)
		return 0;
	if (ints) {
		const char *p = s + (*s == '-');

		if (!*p || strspn(p, "0123456789") != strlen(p))
			return 0;
		while (p[0] == '0' && p[1])
			p++;
		snprintf(out, n, "%s%s", *s == '-' && strcmp(p, "0") ? "-" : "",
			p);
		return 1;
	}
	if (v->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return 0;
	if (strcmp(col->base, "uuid") == 0 && !col->type_oid) {
		if (strlen(s) != 36)
			return 0;
		for (size_t i = 0; i < 36; i++) {
			if (i == 8 || i == 13 || i == 18 || i == 23 ? s[i] != '-' :
			    !isxdigit((unsigned char)s[i]))
				return 0;
			out[i] = (char)tolower((unsigned char)s[i]);
		}
		out[36] = '\0';
		return 1;
	}
	if (col->type_oid) {
		cat_type t;
		int found;

		if (cat_type_by_oid(&found, &t, d->s, col->type_oid, d->err) < 0 ||
		    !found || t.kind != 'e')
			return 0;
	} else if (strcmp(col->base, "text") != 0 &&
	    strcmp(col->base, "varchar") != 0) {
		return 0;
	} else if ((ret = ms_store_meta_get(&collation, d->s, "collation",
	    d->err)) < 0 || collation) {
		free(collation);
		return 0;
	}
	snprintf(out, n, "%s", s);
	return 1;
}

/* Whether row r takes column c's sequence's next value: c is left out,
 * or DEFAULT, and fed by a fresh sequence (catalog.h). */
static int sequence_value(int *yes, ddl *d, const cat_rel *rel,
	const ins_rows *w, size_t r, const char *c)
{
	const PgQuery__List *l = w->sel->values_lists[r]->list;
	int at = targeted(w, c);

	*yes = 0;
	if (at >= 0 && ((size_t)at >= l->n_items || l->items[at]->node_case !=
	    PG_QUERY__NODE__NODE_SET_TO_DEFAULT))
		return MS_OK;
	return cat_col_sequence_fed(yes, d->s, rel->oid, c, d->err);
}

/* The key of row r of w in the columns cols ("a,b"): 1, or 2 when a
 * value is NULL (the row meets no other: kept keys are only for indexes
 * whose NULLs are distinct), 3 when the one column takes a fresh
 * sequence's next value (a key no row has had), or 0 when a value is
 * not known (another default, an expression, another type). */
static int row_key(char *key, size_t n, ddl *d, const cat_rel *rel,
	const ins_rows *w, size_t r, const char *cols)
{
	const PgQuery__List *l = w->sel->values_lists[r]->list;
	char buf[512], *save = NULL;
	size_t len = 0;
	int fed;

	if (!strchr(cols, ',') && sequence_value(&fed, d, rel, w, r, cols) ==
	    MS_OK && fed)
		return 3;

	/* A NULL anywhere in the key, whatever the other values: given, or
	 * a column left out that has no default (its own or a domain's). */
	snprintf(buf, sizeof(buf), "%s", cols);
	for (char *c = strtok_r(buf, ",", &save); c;
	     c = strtok_r(NULL, ",", &save)) {
		int at = targeted(w, c), found;
		cat_col col;

		if (at >= 0 && (size_t)at < l->n_items && is_null(l->items[at]))
			return 2;
		if (at < 0 && cat_col_find(&found, &col, d->s, rel->oid, c,
		    d->err) == MS_OK && found && !col.has_default &&
		    !col.identity && !col.type_oid)
			return 2;
	}
	save = NULL;
	snprintf(buf, sizeof(buf), "%s", cols);
	key[0] = '\0';
	for (char *c = strtok_r(buf, ",", &save); c;
	     c = strtok_r(NULL, ",", &save)) {
		int at = targeted(w, c), found;
		cat_col col;
		char part[256];

		if (at < 0 || (size_t)at >= l->n_items || cat_col_find(&found, &col,
		    d->s, rel->oid, c, d->err) < 0 || !found ||
		    !ex_key_value(part, sizeof(part), d, &col, l->items[at]) ||
		    len + strlen(part) + 2 > n)
			return 0;
		len += (size_t)snprintf(key + len, n - len, "%s%s", len ? "\x1f" :
			"", part);
	}
	return 1;
}

/* New literal rows into a table with rows: EX_OK when no key of theirs
 * can meet a row already there, the kept keys of every unique index
 * say so. */
static int keys_free(int *ret, ddl *d, const cat_rel *rel, const ins_rows *w)
{
	cat_kept *k;
	size_t n;
	int r = EX_OK;

	/* OVERRIDING ... VALUE puts an identity's value, not the one given. */
	if (w->sel == NULL || !w->sel->n_values_lists || w->ins->override >
	    PG_QUERY__OVERRIDING_KIND__OVERRIDING_NOT_SET)
		return EX_UNKNOWN;
	if ((*ret = cat_kept_indexes(&k, &n, d->s, rel->oid, d->err)) < 0)
		return EX_STOP;
	for (size_t i = 0; i < n && r == EX_OK; i++) {
		for (size_t row = 0; row < w->sel->n_values_lists && r == EX_OK;
		     row++) {
			char key[1024];
			int found = 0, kind = k[i].columns[0] ? row_key(key,
				sizeof(key), d, rel, w, row, k[i].columns) : 0;

			/* A NULL in the key meets nothing, kept keys or not; a
			 * sequence's next value meets no key it gave before, but
			 * may meet one a row was given. */
			if ((!k[i].kept && kind != 2) || (kind == 2 && k[i].nulls_meet))
				kind = 0;
			if (kind == 3)
				*ret = cat_kept_literal_keys(&found, d->s, k[i].index,
					d->err);
			else if (kind == 1)
				*ret = cat_kept_key(&found, d->s, k[i].index,
					CAT_KEY_SEQUENCE, 0, d->err);
			if (*ret < 0)
				r = EX_STOP;
			else if (kind == 0 || found)
				r = EX_UNKNOWN;
			else if (kind == 2 || kind == 3)
				continue;
			else if ((*ret = cat_kept_key(&found, d->s, k[i].index, key, 0,
			    d->err)) < 0)
				r = EX_STOP;
			else if (found)
				r = EX_UNKNOWN;
		}
	}
	free(k);
	return r;
}

/* The rows went in (or the statement is not known to fail): their keys
 * join the kept ones, or the index's keys are no longer all known. */
static int keys_record(ddl *d, const cat_rel *rel, const ins_rows *w)
{
	cat_kept *k;
	size_t n;
	int ret;

	if ((ret = cat_kept_indexes(&k, &n, d->s, rel->oid, d->err)) < 0)
		return ret;
	for (size_t i = 0; i < n && ret == MS_OK; i++) {
		int known = k[i].kept && w->sel && w->sel->n_values_lists;

		for (size_t row = 0; known && row < w->sel->n_values_lists &&
		     ret == MS_OK; row++) {
			char key[1024];
			int other = 0;

			if (!(known = row_key(key, sizeof(key), d, rel, w, row,
			    k[i].columns)))
				break;
			/* Keys given and keys from the sequence may meet. */
			if (known == 3)
				ret = cat_kept_literal_keys(&other, d->s, k[i].index,
					d->err);
			else if (known == 1)
				ret = cat_kept_key(&other, d->s, k[i].index,
					CAT_KEY_SEQUENCE, 0, d->err);
			if (ret < 0 || (known = other ? 0 : known) == 0)
				break;
			if (known == 1 || known == 3)
				ret = cat_kept_key(NULL, d->s, k[i].index, known == 3 ?
					CAT_KEY_SEQUENCE : key, 1, d->err);
		}
		if (ret == MS_OK && k[i].kept && !known)
			ret = cat_kept_drop(d->s, k[i].index, d->err);
	}
	free(k);
	return ret;
}

/* DELETE ... WHERE col = constant (or col IN (constants)) without
 * triggers or rules: once it has run no row has those values in col, so
 * the keys of an index on col alone leave the kept ones (seed rows
 * deleted and inserted again). */
static int keys_deleted(ddl *d, const PgQuery__DeleteStmt *x)
{
	const PgQuery__Node *w = x->where_clause;
	const PgQuery__AExpr *a = w && w->node_case ==
		PG_QUERY__NODE__NODE_A_EXPR ? w->a_expr : NULL;
	const PgQuery__ColumnRef *cr;
	const char *name = NULL, *op = NULL;
	PgQuery__Node *const *vals = NULL;
	size_t nvals = 0, nk;
	cat_guards g;
	cat_kept *k;
	cat_rel rel;
	cat_col col;
	int found, ret;

	if (a == NULL || x->n_using_clause || x->with_clause || a->lexpr == NULL ||
	    a->lexpr->node_case != PG_QUERY__NODE__NODE_COLUMN_REF ||
	    a->n_name != 1 || a->rexpr == NULL)
		return MS_OK;
	cr = a->lexpr->column_ref;
	op = ms_pg__node_string(a->name[0]);
	name = cr->n_fields ? ms_pg__node_string(cr->fields[cr->n_fields - 1]) :
		NULL;
	if (name == NULL || op == NULL || strcmp(op, "=") != 0)
		return MS_OK;
	if (a->kind == PG_QUERY__A__EXPR__KIND__AEXPR_IN &&
	    a->rexpr->node_case == PG_QUERY__NODE__NODE_LIST) {
		vals = a->rexpr->list->items;
		nvals = a->rexpr->list->n_items;
	} else if (a->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP) {
		vals = &a->rexpr;
		nvals = 1;
	} else {
		return MS_OK;
	}
	if ((ret = cat_rel_find(&found, &rel, d->s, ddl_schema(
	    x->relation->schemaname), x->relation->relname, d->err)) < 0 ||
	    !found || (ret = cat_rel_guards(&g, d->s, rel.oid, d->err)) < 0 ||
	    g.triggers || (ret = cat_col_find(&found, &col, d->s, rel.oid, name,
	    d->err)) < 0 || !found)
		return ret;
	if ((ret = cat_kept_indexes(&k, &nk, d->s, rel.oid, d->err)) < 0)
		return ret;
	for (size_t i = 0; i < nk && ret == MS_OK; i++) {
		if (!k[i].kept || strcmp(k[i].columns, name) != 0)
			continue;
		for (size_t v = 0; v < nvals && ret == MS_OK; v++) {
			char key[256];

			if (ex_key_value(key, sizeof(key), d, &col, vals[v]))
				ret = cat_kept_key_drop(d->s, k[i].index, key, d->err);
		}
	}
	free(k);
	return ret;
}

/* Every new row's value of a column of a domain, given or its default,
 * goes through the domain's NOT NULL and checks, which are not
 * evaluated. */
static int domains_pass(int *ret, ddl *d, const cat_rel *rel)
{
	char (*names)[CAT_NAME];
	size_t n;
	int r = EX_OK;

	if ((*ret = cat_col_names(&names, &n, d->s, rel->oid, 0, d->err)) < 0)
		return EX_STOP;
	for (size_t i = 0; i < n && r == EX_OK; i++) {
		int found, not_null, has_default, checks;
		cat_col col;
		cat_type t;

		if ((*ret = cat_col_find(&found, &col, d->s, rel->oid, names[i],
		    d->err)) < 0)
			r = EX_STOP;
		else if (!found || col.type_oid == 0)
			continue;
		else if ((*ret = cat_type_by_oid(&found, &t, d->s, col.type_oid,
		    d->err)) < 0)
			r = EX_STOP;
		else if (!found || t.kind != 'd')
			continue;
		else if ((*ret = ddl_domain_facts(&not_null, &has_default, &checks,
		    d, t.oid)) < 0)
			r = EX_STOP;
		else if (not_null || checks)
			r = EX_UNKNOWN;
	}
	free(names);
	return r;
}

/*
 * Rows of constants into rel: whether the insert is certain to succeed,
 * or certain to break a foreign key.  Other than the keys, it succeeds
 * when no trigger runs, no check can object, no key can (the table is
 * empty and one row goes in, there is no unique index, or ON CONFLICT DO
 * NOTHING skips the row), and every NOT NULL column gets a value that is
 * not NULL, or its default.
 */
/* Whether rel has a unique index ON CONFLICT's target does not name
 * (infer_arbiter_indexes takes every one on exactly those columns), or
 * one whose predicate or NULLS NOT DISTINCT migsim does not follow. */
static int other_unique(int *others, int *ret, ddl *d, const cat_rel *rel,
	const PgQuery__InferClause *inf)
{
	char (*cols)[512], target[512] = "";
	size_t n;
	int partial;

	*others = 1;
	for (size_t i = 0; i < inf->n_index_elems; i++) {
		const PgQuery__IndexElem *e = inf->index_elems[i]->index_elem;
		size_t len = strlen(target);

		if (e->name == NULL || !*e->name)
			return EX_OK;
		snprintf(target + len, sizeof(target) - len, "%s%s", len ? "," : "",
			e->name);
	}
	if ((*ret = cat_unique_indexes(&cols, &n, &partial, d->s, rel->oid,
	    d->err)) < 0)
		return EX_STOP;
	*others = partial || inf->where_clause;
	for (size_t i = 0; i < n && !*others; i++)
		*others = !ddl_same_columns(cols[i], target);
	free(cols);
	return EX_OK;
}

static int values_fit(int *ret, ddl *d, const cat_rel *rel,
	const ins_rows *w)
{
	char (*required)[CAT_NAME];
	cat_guards g;
	size_t n;
	int r = EX_OK, generated;

	if ((*ret = cat_rel_guards(&g, d->s, rel->oid, d->err)) < 0 ||
	    (*ret = cat_rel_generated(&generated, d->s, rel->oid, d->err)) < 0)
		return EX_STOP;
	/* A generated column's expression runs on each new row. */
	if (generated)
		return EX_UNKNOWN;
	/* ON CONFLICT DO NOTHING skips a row that breaks its arbiter: every
	 * unique index without a target, the one named with it (another
	 * may still object). */
	if (w->ins->on_conflict_clause && w->ins->on_conflict_clause->action ==
	    PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_NOTHING) {
		int deferrable = 0, others;

		if (w->ins->on_conflict_clause->infer && g.uniques > 1) {
			if ((r = other_unique(&others, ret, d, rel,
			    w->ins->on_conflict_clause->infer)) != EX_OK)
				return r;
			if (others)
				return EX_UNKNOWN;
		}
		/* Without a target a deferrable key is an arbiter too (55000). */
		if (!w->ins->on_conflict_clause->infer && g.uniques &&
		    (*ret = cat_rel_deferrable_unique(&deferrable, d->s, rel->oid,
		    d->err)) < 0)
			return EX_STOP;
		if (deferrable)
			return EX_UNKNOWN;
		g.uniques = 0;
	}
	if (g.triggers || g.checks)
		return EX_UNKNOWN;
	if (g.uniques && strcmp(rel->rows, "empty") != 0 &&
	    (r = keys_free(ret, d, rel, w)) != EX_OK)
		return r;
	if (g.uniques && w->nrows > 1 && (r = rows_distinct(ret, d, rel, w)) !=
	    EX_OK)
		return r;
	if ((*ret = cat_col_names(&required, &n, d->s, rel->oid, 1,
	    d->err)) < 0)
		return EX_STOP;
	for (size_t i = 0; i < n && r == EX_OK; i++)
		if (targeted(w, required[i]) < 0)
			r = EX_UNKNOWN;
	free(required);
	if (r == EX_OK && (r = defaults_fit(ret, d, rel, w)) != EX_OK)
		return r;
	if (r == EX_OK && (r = domains_pass(ret, d, rel)) != EX_OK)
		return r;
	for (size_t c = 0; c < w->ncols && r == EX_OK; c++) {
		cat_col col;
		int found;

		if ((*ret = cat_col_find(&found, &col, d->s, rel->oid, w->names[c],
		    d->err)) < 0)
			return EX_STOP;
		for (size_t row = 0; row < w->nrows && r == EX_OK; row++)
			if ((col.not_null && !ddl_never_null(cell(w, row, c))) ||
			    long_literal(cell(w, row, c)))
				r = EX_UNKNOWN;
	}
	return r == EX_OK ? check_fks(ret, d, rel, w) : r;
}

/* ON CONFLICT: the arbiter must be a unique index or constraint on
 * exactly the named columns; DO UPDATE's new values are analysed with
 * the proposed row as "excluded". */
static int conflict_update(int *ret, ddl *d, const cat_rel *rel,
	const char *alias, const PgQuery__OnConflictClause *oc);

static int on_conflict(int *ret, ddl *d, const cat_rel *rel,
	const char *alias, const PgQuery__OnConflictClause *oc)
{
	const PgQuery__InferClause *inf = oc->infer;
	char cols[512] = "";
	int64_t index = 0;
	int r = EX_OK, deferrable, unsure = 0, rules, options;

	if (inf && inf->where_clause)
		return EX_UNKNOWN;
	/* ON CONSTRAINT names a constraint (transformOnConflictArbiter): a
	 * unique index Prisma made for @unique is none. */
	if (inf && inf->conname && *inf->conname) {
		cat_con con;
		int found, kept;

		if ((*ret = cat_con_find(&found, &con, d->s, rel->oid, inf->conname,
		    d->err)) < 0 || (*ret = cat_con_unmodelled(&kept, d->s,
		    rel->oid, inf->conname, d->err)) < 0)
			return EX_STOP;
		if (!found && !kept && !d->gap) {
			*ret = ddl_fail(d, "42704", "pg_constraint.c:985:"
				"get_relation_constraint_attnos", -1, "constraint \"%s\" for "
				"table \"%s\" does not exist", inf->conname, rel->name);
			return EX_STOP;
		}
		if (!found || (con.contype != 'p' && con.contype != 'u'))
			return EX_UNKNOWN;
		index = con.index_rel;
	}
	for (size_t i = 0; inf && i < inf->n_index_elems; i++) {
		const PgQuery__IndexElem *e = inf->index_elems[i]->index_elem;
		size_t len = strlen(cols);

		/* resolve_unique_index_expr refuses an order first. */
		if (e->ordering != PG_QUERY__SORT_BY_DIR__SORTBY_DEFAULT) {
			*ret = ddl_fail(d, "42P10", "parse_clause.c:3099:"
				"resolve_unique_index_expr", inf->location, "ASC/DESC is not "
				"allowed in ON CONFLICT clause");
			return EX_STOP;
		}
		if (e->nulls_ordering != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_DEFAULT) {
			*ret = ddl_fail(d, "42P10", "parse_clause.c:3105:"
				"resolve_unique_index_expr", inf->location, "NULLS FIRST/LAST "
				"is not allowed in ON CONFLICT clause");
			return EX_STOP;
		}
		/* A collation or operator class must match the index's. */
		if (e->name == NULL || !*e->name || e->expr || e->n_collation ||
		    e->n_opclass)
			return EX_UNKNOWN;
		/* The target is a set of columns: ("a", "a") is ("a"). */
		if (!ddl_in_columns(cols, e->name))
			snprintf(cols + len, sizeof(cols) - len, "%s%s", len ? "," : "",
				e->name);
	}
	/* The arbiter's columns are resolved first (transformOnConflictArbiter),
	 * DO UPDATE analysed next; the planner looks for the index last. */
	for (size_t i = 0; inf && i < inf->n_index_elems; i++) {
		cat_col col;
		int found;

		if ((*ret = cat_col_find(&found, &col, d->s, rel->oid,
		    inf->index_elems[i]->index_elem->name, d->err)) < 0)
			return EX_STOP;
		if (!found)
			return EX_UNKNOWN;
	}
	/* A rule on the table (0A000 from RewriteQuery) or a table option
	 * (user_catalog_table: 0A000) refuses ON CONFLICT: not modelled. */
	if ((*ret = cat_rel_has_rule(&rules, d->s, rel->oid, d->err)) < 0 ||
	    (*ret = ddl_meta_has(&options, d,
	    RELOPTIONS_KEY)) < 0)
		return EX_STOP;
	if (rules || options)
		return EX_UNKNOWN;
	if (oc->action == PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_UPDATE && inf)
		r = conflict_update(ret, d, rel, alias, oc);
	else if (oc->action != PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_NOTHING)
		r = EX_UNKNOWN;
	if (r != EX_OK || !inf)
		return r;
	if (index == 0 &&
	    (*ret = cat_unique_on(&index, d->s, rel->oid, cols, d->err)) < 0)
		return EX_STOP;
	if (index == 0 && (*ret = cat_arbiters_unsure(&unsure, d->s, rel->oid,
	    d->err)) < 0)
		return EX_STOP;
	if (index == 0 && unsure)
		return EX_UNKNOWN;
	if (index == 0) {
		*ret = ddl_fail(d, "42P10", "plancat.c:885:infer_arbiter_indexes",
			-1, "there is no unique or exclusion constraint matching the "
			"ON CONFLICT specification");
		return EX_STOP;
	}
	/* A deferrable arbiter is refused when a row is checked against it
	 * (55000, ExecCheckIndexConstraints): whether one is, is left open. */
	if ((*ret = cat_index_deferrable(&deferrable, d->s, index, 0,
	    d->err)) < 0)
		return EX_STOP;
	return deferrable ? EX_UNKNOWN : EX_OK;
}

/* DO UPDATE's new values, with the proposed row as "excluded". */
/* DO UPDATE as transformOnConflictClause analyses it: the new values
 * (the target under its alias, and EXCLUDED), their columns, then WHERE;
 * the rewriter refuses a column set twice. */
static int conflict_update(int *ret, ddl *d, const cat_rel *rel,
	const char *alias, const PgQuery__OnConflictClause *oc)
{
	ex_type *values;
	ex_scope sc;
	int r = EX_OK;

	memset(&sc, 0, sizeof(sc));
	if ((values = calloc(oc->n_target_list + 1, sizeof(*values))) == NULL) {
		*ret = ms_error_set(d->err, MS_ENOMEM, "out of memory");
		return EX_STOP;
	}
	if ((*ret = ex_scope_add(&sc, d, rel->schema, rel->name, alias)) < 0 ||
	    (*ret = ex_scope_add(&sc, d, rel->schema, rel->name,
	    "excluded")) < 0)
		r = EX_STOP;
	for (size_t i = 0; i < oc->n_target_list && r == EX_OK; i++) {
		const PgQuery__ResTarget *t = oc->target_list[i]->res_target;

		r = t->n_indirection ? EX_UNKNOWN :
			ex_analyse(&values[i], ret, d, &sc, t->val);
	}
	for (size_t i = 0; i < oc->n_target_list && r == EX_OK; i++) {
		const PgQuery__ResTarget *t = oc->target_list[i]->res_target;

		r = assign(ret, d, rel, t->name, &values[i], t->location,
			"analyze.c:2515:transformUpdateTargetList", 0);
	}
	if (r == EX_OK && oc->where_clause)
		r = ex_boolean(ret, d, &sc, oc->where_clause);
	if (r == EX_OK)
		r = assigned_twice(ret, d, oc->target_list, oc->n_target_list);
	free(values);
	ex_scope_free(&sc);
	return r;
}

/* The target columns (checkInsertTargets): as listed, or the table's. */
static int insert_targets(ins_rows *w, int *ret, ddl *d, const cat_rel *rel)
{
	const PgQuery__InsertStmt *ins = w->ins;
	int r = EX_OK;

	if (ins->n_cols == 0) {
		if ((*ret = cat_col_names(&w->names, &w->ncols, d->s, rel->oid, 0,
		    d->err)) < 0)
			return EX_STOP;
		return EX_OK;
	}
	if ((w->names = calloc(ins->n_cols, sizeof(*w->names))) == NULL) {
		*ret = ms_error_set(d->err, MS_ENOMEM, "out of memory");
		return EX_STOP;
	}
	w->ncols = ins->n_cols;
	for (size_t i = 0; i < ins->n_cols && r == EX_OK; i++) {
		const PgQuery__ResTarget *t = ins->cols[i]->res_target;

		snprintf(w->names[i], sizeof(w->names[i]), "%s", t->name);
		for (size_t k = 0; k < i; k++)
			if (strcmp(w->names[k], t->name) == 0 && !t->n_indirection) {
				*ret = ddl_fail(d, "42701", "parse_target.c:1091:"
					"checkInsertTargets", t->location, "column \"%s\" "
					"specified more than once", t->name);
				return EX_STOP;
			}
		if (t->n_indirection) {
			ddl_unknown(d, "assigning to part of a column is not modelled");
			r = EX_UNKNOWN;
		} else {
			r = assign(ret, d, rel, t->name, NULL, t->location,
				"parse_target.c:1075:checkInsertTargets", 0);
		}
	}
	return r;
}

/* Where PostgreSQL reports an expression (exprLocation), for the forms
 * where that is the node's own location; -1 otherwise. */
static int location_of(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_A_CONST:
		return n->a_const->location;
	case PG_QUERY__NODE__NODE_COLUMN_REF:
		return n->column_ref->location;
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		return n->func_call->location;
	default:
		return -1;
	}
}

/* A single row of more values than target columns, or fewer than the
 * columns listed (transformInsertRow): 42601 at the first one too many. */
static int width_check(int *ret, ddl *d, const ins_rows *w,
	PgQuery__Node **items, size_t n)
{
	int at;

	if (n > w->ncols) {
		if ((at = location_of(items[w->ncols])) < 0)
			return EX_UNKNOWN;
		*ret = ddl_fail(d, "42601", "analyze.c:1017:transformInsertRow", at,
			"INSERT has more expressions than target columns");
		return EX_STOP;
	}
	if (n < w->ncols && w->ins->n_cols) {
		*ret = ddl_fail(d, "42601", "analyze.c:1035:transformInsertRow",
			w->ins->cols[n]->res_target->location,
			"INSERT has more target columns than expressions");
		return EX_STOP;
	}
	return EX_OK;
}

/* A scalar subquery that returns one row whatever the tables hold and
 * computes nothing that can fail: max, min or count of a column,
 * perhaps under COALESCE with a constant, over tables without GROUP BY,
 * HAVING, LIMIT or set operations ((SELECT COALESCE(MAX("id"), 0) FROM
 * "Document"), documenso). */
static int one_row_aggregate(ddl *d, const PgQuery__Node *n)
{
	static const char *const aggs[] = { "max", "min", "count", NULL };
	const PgQuery__SelectStmt *s;
	const PgQuery__Node *v;
	const PgQuery__FuncCall *f;
	int plain;

	if (n->node_case != PG_QUERY__NODE__NODE_SUB_LINK ||
	    n->sub_link->sub_link_type != PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK ||
	    n->sub_link->subselect->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
		return 0;
	s = n->sub_link->subselect->select_stmt;
	if (!ddl_one_row(s) || s->n_distinct_clause ||
	    s->n_from_clause == 0 || !ddl_cannot_fail(s->where_clause))
		return 0;
	for (size_t i = 0; i < s->n_from_clause; i++)
		if (plain_from(&plain, d, s->from_clause[i]) < 0 || !plain)
			return 0;
	v = s->target_list[0]->res_target->val;
	if (v->node_case == PG_QUERY__NODE__NODE_COALESCE_EXPR &&
	    v->coalesce_expr->n_args == 2 &&
	    v->coalesce_expr->args[1]->node_case == PG_QUERY__NODE__NODE_A_CONST)
		v = v->coalesce_expr->args[0];
	if (v->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return 0;
	f = v->func_call;
	return f->n_funcname == 1 && ddl_one_of(ms_pg__node_string(
		f->funcname[0]), aggs) && !f->agg_distinct && !f->over &&
		!f->agg_filter && !f->n_agg_order && (f->agg_star ||
		(f->n_args == 1 && f->args[0]->node_case ==
		PG_QUERY__NODE__NODE_COLUMN_REF));
}

/* Whether a value of type t goes into column name of rel as it is: the
 * column's own type, without a modifier or a domain to check. */
static int same_type(int *same, ddl *d, const cat_rel *rel, const char *name,
	const ex_type *t)
{
	cat_col col;
	ex_type ct;
	int found, ret;

	*same = 0;
	if ((ret = cat_col_find(&found, &col, d->s, rel->oid, name, d->err)) < 0 ||
	    !found || (ret = ex_column_type(&ct, d, &col)) < 0)
		return ret;
	*same = !ct.domain && ct.typmod == -1 && t->cat == ct.cat &&
		t->user == ct.user && strcmp(t->name, ct.name) == 0;
	return MS_OK;
}

/* VALUES rows: each value analysed and assigned to its column. */
static int insert_values(int *ret, ddl *d, const cat_rel *rel,
	ins_rows *w)
{
	ex_scope none_in_scope = { .no_columns = 1 };
	int r = EX_OK;

	w->nrows = w->sel->n_values_lists;
	for (size_t row = 0; row < w->nrows && r == EX_OK; row++) {
		const PgQuery__List *l = w->sel->values_lists[row]->list;

		if (w->nrows == 1 && (r = width_check(ret, d, w, l->items,
		    l->n_items)) != EX_OK)
			return r;
		/* Without a column list the row fills the first columns. */
		if (l->n_items > w->ncols ||
		    (l->n_items < w->ncols && w->ins->n_cols))
			return EX_UNKNOWN;
		w->ncols = l->n_items;
		for (size_t c = 0; c < l->n_items && r == EX_OK; c++) {
			ex_type t;

			if ((r = ex_analyse(&t, ret, d, &none_in_scope,
			    l->items[c])) == EX_OK)
				r = assign(ret, d, rel, w->names[c], &t, -1, NULL, 1);
			/* Computed for the row: it may raise (jsonb_set on a
			 * scalar, a NULL key). */
			if (r == EX_OK && !ddl_value_cannot_fail(d, l->items[c], &t)) {
				int same = 0;

				if (one_row_aggregate(d, l->items[c]) && (*ret =
				    same_type(&same, d, rel, w->names[c], &t)) < 0)
					return EX_STOP;
				if (!same) {
					ddl_unknown(d, "whether computing this value fails is "
						"not modelled");
					r = EX_UNKNOWN;
				}
			}
		}
	}
	return r;
}

/* INSERT ... SELECT: the query analysed (seeing the INSERT's WITH
 * queries), its columns assigned; *rows as ex_select says. */
static int insert_query(int *rows, int *ret, ddl *d, const cat_rel *rel,
	ins_rows *w, const ex_scope *with)
{
	ex_col *cols;
	size_t n;
	int r;

	if ((r = ex_select(rows, &cols, &n, ret, d, with, w->sel)) != EX_OK)
		return r;
	if (n > w->ncols || (n < w->ncols && w->ins->n_cols)) {
		free(cols);
		return EX_UNKNOWN;
	}
	w->ncols = n;
	for (size_t c = 0; c < n && r == EX_OK; c++)
		r = assign(ret, d, rel, w->names[c], &cols[c].type, -1, NULL, 0);
	free(cols);
	w->nrows = 1;
	return r;
}

static int insert(int *none, int *certain, int *ret, ddl *d,
	const PgQuery__InsertStmt *ins)
{
	ins_rows w = { ins, NULL, NULL, 0, 0 };
	ex_scope sc, with;
	cat_guards g = { 0 };
	cat_rel rel;
	int found, rows = -1, offers, r;

	d->kept_rel = 0;
	w.sel = ins->select_stmt &&
		ins->select_stmt->node_case == PG_QUERY__NODE__NODE_SELECT_STMT ?
		ins->select_stmt->select_stmt : NULL;
	memset(&with, 0, sizeof(with));
	if ((*ret = target_scope(&sc, &rel, &found, d, ins->relation)) < 0)
		return EX_STOP;
	r = found && sc.rels[0].oid && (rel.relkind == 'r' ||
		rel.relkind == 'p') ? EX_OK : EX_UNKNOWN;
	/* The target is in the range table, not visible to the query. */
	with.hidden = &sc;
	if (r == EX_OK && ins->with_clause)
		r = ex_with(ret, d, &with, ins->with_clause);
	if (r == EX_OK)
		r = insert_targets(&w, ret, d, &rel);
	if (r == EX_OK && (ins->n_returning_list || w.sel == NULL))
		r = EX_UNKNOWN;
	if (r == EX_OK && w.sel->n_values_lists)
		r = insert_values(ret, d, &rel, &w);
	else if (r == EX_OK)
		r = insert_query(&rows, ret, d, &rel, &w, &with);
	if (r == EX_OK && ins->on_conflict_clause)
		r = on_conflict(ret, d, &rel, ins->relation->alias ?
			ins->relation->alias->aliasname : NULL, ins->on_conflict_clause);
	if (r == EX_OK && ins->on_conflict_clause &&
	    ins->on_conflict_clause->action ==
	    PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_UPDATE)
		r = replica_identity(ret, d, &rel, 1);
	*none = rows == 0;
	/* If it goes through, the table has rows after it even if migsim
	 * cannot tell whether it does: a row ON CONFLICT skips met a row
	 * already there.  Only a trigger can drop an offered row. */
	offers = w.sel && ((w.sel->n_values_lists && !w.sel->limit_count &&
		!w.sel->limit_offset) || rows == 1);
	if (r != EX_STOP && found && (rel.relkind == 'r' || rel.relkind == 'p') &&
	    offers && (*ret = cat_rel_guards(&g, d->s, rel.oid, d->err)) < 0)
		r = EX_STOP;
	*certain = r != EX_STOP && found && (rel.relkind == 'r' ||
		rel.relkind == 'p') && offers && !g.triggers;
	/* Rows of constants, or one row from a query without FROM. */
	if (r == EX_OK && (w.sel->n_values_lists || (rows == 1 &&
	    w.sel->n_from_clause == 0 && !w.sel->with_clause &&
	    !w.sel->n_group_clause)))
		r = values_fit(ret, d, &rel, &w);
	else if (r == EX_OK && rows != 0)
		r = EX_UNKNOWN;
	/* Their keys, kept for the next literal rows, whether or not migsim
	 * knows this INSERT succeeds; DO UPDATE may change the keys of rows
	 * already there. */
	if (r != EX_STOP && *certain && !ins->with_clause && ins->override <=
	    PG_QUERY__OVERRIDING_KIND__OVERRIDING_NOT_SET &&
	    !(ins->on_conflict_clause &&
	    ins->on_conflict_clause->action ==
	    PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_UPDATE)) {
		if ((*ret = keys_record(d, &rel, &w)) < 0)
			r = EX_STOP;
		else
			d->kept_rel = rel.oid;
	}
	if (r == EX_UNKNOWN)
		ddl_unknown(d, "the rows this INSERT writes are not simulated");
	free(w.names);
	ex_scope_free(&with);
	ex_scope_free(&sc);
	return r;
}

static int delete_cannot_fail(int *ret, ddl *d, const PgQuery__DeleteStmt *x)
{
	const PgQuery__RangeVar *rv = x->relation;
	cat_guards g;
	cat_rel rel;
	int found;

	for (size_t i = 0; i < x->n_using_clause; i++)
		if ((*ret = plain_from(&found, d, x->using_clause[i])) < 0)
			return EX_STOP;
		else if (!found)
			return EX_UNKNOWN;
	if (x->with_clause || !ddl_cannot_fail(x->where_clause))
		return EX_UNKNOWN;
	if ((*ret = cat_rel_find(&found, &rel, d->s, ddl_schema(rv->schemaname),
	    rv->relname, d->err)) < 0 || (found && (*ret = cat_rel_guards(&g,
	    d->s, rel.oid, d->err)) < 0))
		return EX_STOP;
	return found && (rel.relkind == 'r' || rel.relkind == 'p') &&
		!g.triggers && !g.referenced ? EX_OK : EX_UNKNOWN;
}

static int triggers_may_skip(int *change, ddl *d, const PgQuery__RangeVar *rv)
{
	cat_guards g;
	cat_rel rel;
	int found, ret;

	if ((ret = cat_rel_find(&found, &rel, d->s, ddl_schema(rv->schemaname),
	    rv->relname, d->err)) < 0 || !found)
		return ret;
	if ((ret = cat_rel_guards(&g, d->s, rel.oid, d->err)) < 0)
		return ret;
	if (g.triggers)
		*change = ROWS_MAYBE_REMOVED;
	return MS_OK;
}

/* Rows written into an index whose operator class migsim does not vouch
 * for may be compared there (json[]: 42883). */
static int uncompared(int *ret, ddl *d)
{
	int some;

	if ((*ret = ddl_meta_has(&some, d, UNCOMPARED_INDEX_KEY)) < 0)
		return EX_STOP;
	if (!some)
		return EX_OK;
	ddl_unknown(d, "rows meeting in an index of a type migsim does not "
		"compare are not modelled");
	return EX_UNKNOWN;
}

int ddl_dml(int *change, int *ret, ddl *d, const PgQuery__Node *n)
{
	int none = 0, certain = 0, safe = 0, r;

	*ret = MS_OK;
	*change = 0;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
		r = update(&none, &safe, ret, d, n->update_stmt);
		if (r == EX_OK && !none && (r = uncompared(ret, d)) == EX_STOP)
			return r;
		/* No row can make it fail; the rows stay as many. */
		if (r == EX_OK && safe)
			return EX_OK;
		break;
	case PG_QUERY__NODE__NODE_DELETE_STMT:
		r = delete(&none, ret, d, n->delete_stmt);
		if (r != EX_STOP && (*ret = keys_deleted(d, n->delete_stmt)) < 0)
			return EX_STOP;
		*change = none ? 0 : r == EX_OK && !n->delete_stmt->where_clause &&
			!n->delete_stmt->n_using_clause ? ROWS_ALL_REMOVED :
			ROWS_MAYBE_REMOVED;
		/* A trigger may keep a row from going. */
		if (*change == ROWS_ALL_REMOVED && (*ret = triggers_may_skip(change,
		    d, n->delete_stmt->relation)) < 0)
			return EX_STOP;
		break;
	case PG_QUERY__NODE__NODE_INSERT_STMT:
		r = insert(&none, &certain, ret, d, n->insert_stmt);
		*change = r == EX_OK && none ? 0 : certain ? ROWS_ADDED :
			ROWS_MAYBE_ADDED;
		if (r == EX_OK && !none && (r = uncompared(ret, d)) == EX_STOP)
			return r;
		break;
	default:
		ddl_unknown(d, "the data a statement reads or writes is not "
			"simulated");
		return EX_UNKNOWN;
	}
	/* No row written: a statement trigger fires all the same. */
	if (r == EX_OK && none) {
		const PgQuery__RangeVar *rv = n->node_case ==
			PG_QUERY__NODE__NODE_UPDATE_STMT ? n->update_stmt->relation :
			n->node_case == PG_QUERY__NODE__NODE_DELETE_STMT ?
			n->delete_stmt->relation : n->insert_stmt->relation;
		cat_rel rel;
		int found, triggers = 0;

		if ((*ret = cat_rel_find(&found, &rel, d->s,
		    ddl_schema(rv->schemaname), rv->relname, d->err)) < 0 ||
		    (found && (*ret = cat_rel_statement_triggers(&triggers, d->s,
		    rel.oid, d->err)) < 0))
			return EX_STOP;
		if (triggers) {
			ddl_unknown(d, "a statement trigger's function is not run");
			return EX_UNKNOWN;
		}
	}
	/* Rows going from a table nothing references, without triggers: no
	 * row can make the DELETE fail. */
	if (r == EX_OK && !none && n->node_case == PG_QUERY__NODE__NODE_DELETE_STMT) {
		int sure = delete_cannot_fail(ret, d, n->delete_stmt);

		if (sure != EX_UNKNOWN)
			return sure;
	}
	if (r == EX_OK && !none && n->node_case != PG_QUERY__NODE__NODE_INSERT_STMT) {
		ddl_unknown(d, "the rows this statement changes are not simulated");
		return EX_UNKNOWN;
	}
	return r;
}
