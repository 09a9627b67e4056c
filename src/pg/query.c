/*
 * query.c - parse analysis of queries, as PostgreSQL 15's
 * transformSelectStmt does it over the simulated catalog: WITH queries,
 * FROM items (tables, views, joins, subqueries), WHERE, GROUP BY and
 * aggregates, HAVING, DISTINCT, ORDER BY, LIMIT, UNION and friends, and
 * the output columns with the names PostgreSQL gives them
 * (FigureColname).  Expressions are expr.c's; the contract is expr.h.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"

static int oom(int *ret, ddl *d)
{
	*ret = ms_error_set(d->err, MS_ENOMEM, "out of memory");
	return EX_STOP;
}

static int unknown(ddl *d, const char *why)
{
	ddl_unknown(d, why);
	return EX_UNKNOWN;
}

/* --- scopes ------------------------------------------------------------- */

static ex_rel *new_rel(ex_scope *sc, ddl *d)
{
	if (sc->n == sc->cap) {
		size_t cap = sc->cap ? 2 * sc->cap : 4;
		ex_rel *grown = realloc(sc->rels, cap * sizeof(*grown));

		if (grown == NULL) {
			ms_error_set(d->err, MS_ENOMEM, "out of memory");
			return NULL;
		}
		sc->rels = grown;
		sc->cap = cap;
	}
	memset(&sc->rels[sc->n], 0, sizeof(sc->rels[0]));
	sc->rels[sc->n].item = sc->from_item;
	return &sc->rels[sc->n++];
}

int ex_scope_add(ex_scope *sc, ddl *d, const char *schema, const char *name,
	const char *alias)
{
	cat_rel rel;
	ex_rel *r;
	int found, ret;

	if ((ret = cat_rel_find(&found, &rel, d->s, schema, name, d->err)) < 0)
		return ret;
	if ((r = new_rel(sc, d)) == NULL)
		return MS_ENOMEM;
	r->alias = alias && *alias ? alias : name;
	r->oid = found && rel.known && strchr("rpvm", rel.relkind) ? rel.oid : 0;
	r->relid = found ? rel.oid : 0;
	r->relkind = found ? rel.relkind : 0;
	r->unaliased = !(alias && *alias);
	/* Only a table keeps the rows fact: a view's rows are its query's,
	 * a sequence always has one. */
	r->empty = found && strchr("rpm", rel.relkind) &&
		strcmp(rel.rows, "empty") == 0;
	if (found && rel.relkind == 'v' && strcmp(rel.rows, "follows") == 0 &&
	    (ret = cat_view_empty(&r->empty, d->s, rel.oid, d->err)) < 0)
		return ret;
	r->unpopulated = found && strcmp(rel.rows, "nodata") == 0;
	return MS_OK;
}

void ex_scope_free(ex_scope *sc)
{
	for (size_t i = 0; i < sc->n; i++)
		if (sc->rels[i].owns_cols)
			free(sc->rels[i].cols);
	for (size_t i = 0; i < sc->nctes; i++)
		free(sc->ctes[i].cols);
	free(sc->rels);
	free(sc->ctes);
	memset(sc, 0, sizeof(*sc));
}

static const ex_cte *find_cte(const ex_scope *sc, const char *name)
{
	for (; sc; sc = sc->outer)
		for (size_t i = 0; i < sc->nctes; i++)
			if (strcmp(sc->ctes[i].name, name) == 0)
				return &sc->ctes[i];
	return NULL;
}

/* Column aliases, as in FROM (SELECT ...) AS t(a, b) or WITH t(a, b). */
static int rename_cols(ex_col *cols, size_t n, PgQuery__Node **names,
	size_t count)
{
	if (count > n)
		return 0;
	for (size_t i = 0; i < count; i++) {
		const char *s = ms_pg__node_string(names[i]);

		if (s == NULL)
			return 0;
		snprintf(cols[i].name, sizeof(cols[i].name), "%s", s);
	}
	return 1;
}

/* --- FROM ----------------------------------------------------------------- */

static int from_item(int *empty, int *ret, ddl *d, ex_scope *sc,
	const PgQuery__Node *n);

/* System views queries read, with their columns (pg_catalog comes first
 * in every search path, so the unqualified name is theirs). */
static const struct {
	const char *name;
	const char *cols[4], *types[4];
} system_views[] = {
	{ "pg_timezone_names", { "name", "abbrev", "utc_offset", "is_dst" },
		{ "text", "text", "interval", "bool" } },
};

static int system_view(int *ret, ddl *d, ex_scope *sc,
	const PgQuery__RangeVar *rv, const char *alias)
{
	for (size_t i = 0; i < sizeof(system_views) / sizeof(system_views[0]);
	     i++) {
		ex_col *cols;
		ex_rel *r;
		size_t n = 0;

		if (strcmp(system_views[i].name, rv->relname) != 0)
			continue;
		while (n < 4 && system_views[i].cols[n])
			n++;
		if ((cols = calloc(n, sizeof(*cols))) == NULL)
			return oom(ret, d);
		for (size_t c = 0; c < n; c++) {
			snprintf(cols[c].name, sizeof(cols[c].name), "%s",
				system_views[i].cols[c]);
			ex_set_type(&cols[c].type, system_views[i].types[c][0] == 'i' ?
				'T' : system_views[i].types[c][0] == 'b' ? 'B' : 'S',
				system_views[i].types[c]);
		}
		if ((r = new_rel(sc, d)) == NULL) {
			free(cols);
			return oom(ret, d);
		}
		r->alias = alias && *alias ? alias : rv->relname;
		r->cols = cols;
		r->ncols = n;
		r->owns_cols = 1;
		return EX_OK;
	}
	return EX_UNKNOWN;
}

static int range_var(int *empty, int *ret, ddl *d, ex_scope *sc,
	const PgQuery__RangeVar *rv)
{
	const char *alias = rv->alias ? rv->alias->aliasname : NULL;
	const ex_cte *cte = rv->schemaname && *rv->schemaname ? NULL :
		find_cte(sc, rv->relname);
	ex_rel *r;
	int res;

	if (rv->alias && rv->alias->n_colnames)
		return unknown(d, "column aliases on a table are not modelled");
	if (cte == NULL && (!rv->schemaname || !*rv->schemaname ||
	    strcmp(rv->schemaname, "pg_catalog") == 0) &&
	    (res = system_view(ret, d, sc, rv, alias)) != EX_UNKNOWN)
		return res;
	if (cte == NULL) {
		if ((*ret = ex_scope_add(sc, d, ddl_schema(rv->schemaname),
		    rv->relname, alias)) < 0)
			return EX_STOP;
		*empty = sc->rels[sc->n - 1].empty;
		/* An index or a composite type is 42809 (table_openrv). */
		if (sc->rels[sc->n - 1].relkind && !strchr("rpvmfS",
		    sc->rels[sc->n - 1].relkind))
			return unknown(d, "reading this kind of relation is not "
				"modelled");
		/* Scanning it is 55000 (not populated), unless the plan never
		 * reads it. */
		if (sc->rels[sc->n - 1].unpopulated)
			return unknown(d, "reading a materialized view made WITH NO "
				"DATA is not modelled");
		return EX_OK;
	}
	if ((r = new_rel(sc, d)) == NULL)
		return oom(ret, d);
	r->alias = alias && *alias ? alias : rv->relname;
	r->cols = cte->cols;
	r->ncols = cte->ncols;
	r->empty = *empty = cte->empty;
	return EX_OK;
}

/* FROM (SELECT ...) AS alias: sees the enclosing queries; LATERAL also
 * the FROM items before it. */
static int subselect(int *empty, int *ret, ddl *d, ex_scope *sc,
	const PgQuery__RangeSubselect *rs)
{
	ex_col *cols;
	size_t n;
	ex_rel *r;
	int rows, res;

	if (rs->alias == NULL || rs->subquery == NULL ||
	    rs->subquery->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
		return unknown(d, "this subquery in FROM is not modelled");
	/* Not LATERAL, it does not see the items before it, but PostgreSQL's
	 * hints still name them. */
	if (!rs->lateral && sc->n) {
		ex_scope wrap;

		if (sc->outer)
			wrap = *sc->outer;
		else
			memset(&wrap, 0, sizeof(wrap));
		wrap.hidden = sc;
		res = ex_select(&rows, &cols, &n, ret, d, &wrap,
			rs->subquery->select_stmt);
	} else {
		res = ex_select(&rows, &cols, &n, ret, d, rs->lateral ? sc :
			sc->outer, rs->subquery->select_stmt);
	}
	if (res != EX_OK)
		return res;
	if (!rename_cols(cols, n, rs->alias->colnames, rs->alias->n_colnames)) {
		free(cols);
		return unknown(d, "these column aliases are not modelled");
	}
	if ((r = new_rel(sc, d)) == NULL) {
		free(cols);
		return oom(ret, d);
	}
	r->alias = rs->alias->aliasname;
	r->cols = cols;
	r->ncols = n;
	r->owns_cols = 1;
	r->empty = *empty = rows == 0;
	return EX_OK;
}

/* FROM f(...) [WITH ORDINALITY] [AS alias[(names)]]: a function sees
 * the FROM items before it whether or not LATERAL is written. */
static int range_function(int *ret, ddl *d, ex_scope *sc,
	const PgQuery__RangeFunction *rf)
{
	const PgQuery__Node *pair = rf->n_functions == 1 ? rf->functions[0] :
		NULL;
	const char *alias = rf->alias ? rf->alias->aliasname : NULL;
	const PgQuery__FuncCall *f;
	ex_col *cols, *grown;
	size_t n;
	ex_rel *r;
	int res;

	if (rf->is_rowsfrom || rf->n_coldeflist || pair == NULL ||
	    pair->node_case != PG_QUERY__NODE__NODE_LIST ||
	    pair->list->n_items < 1 || pair->list->items[0]->node_case !=
	    PG_QUERY__NODE__NODE_FUNC_CALL || (pair->list->n_items > 1 &&
	    pair->list->items[1] != NULL && pair->list->items[1]->node_case !=
	    PG_QUERY__NODE__NODE__NOT_SET))
		return unknown(d, "this function in FROM is not modelled");
	f = pair->list->items[0]->func_call;
	if ((res = ex_set_function(&cols, &n, ret, d, sc, f, alias)) != EX_OK)
		return res;
	if (rf->ordinality) {
		if ((grown = realloc(cols, (n + 1) * sizeof(*cols))) == NULL) {
			free(cols);
			return oom(ret, d);
		}
		cols = grown;
		memset(&cols[n], 0, sizeof(cols[n]));
		snprintf(cols[n].name, sizeof(cols[n].name), "ordinality");
		ex_set_type(&cols[n].type, 'N', "int8");
		n++;
	}
	if (rf->alias && !rename_cols(cols, n, rf->alias->colnames,
	    rf->alias->n_colnames)) {
		free(cols);
		return unknown(d, "these column aliases are not modelled");
	}
	if ((r = new_rel(sc, d)) == NULL) {
		free(cols);
		return oom(ret, d);
	}
	r->alias = alias ? alias : ms_pg__node_string(
		f->funcname[f->n_funcname - 1]);
	r->cols = cols;
	r->ncols = n;
	r->owns_cols = 1;
	r->scalar = n == 1;
	return EX_OK;
}

/* checkNameSpaceConflicts: the items rels[mid, hi) against rels[lo,
 * mid) by name, unless both are catalog tables named without alias that
 * differ (the SQL rule). */
static int name_conflict(int *ret, ddl *d, const ex_scope *sc, size_t lo,
	size_t mid, size_t hi)
{
	for (size_t i = mid; i < hi; i++)
		for (size_t k = lo; k < mid; k++) {
			const ex_rel *a = &sc->rels[i], *b = &sc->rels[k];

			if (a->alias == NULL || b->alias == NULL ||
			    strcmp(a->alias, b->alias) != 0 || (a->unaliased &&
			    b->unaliased && a->relid && b->relid &&
			    a->relid != b->relid))
				continue;
			*ret = ddl_fail(d, "42712", "parse_relation.c:443:"
				"checkNameSpaceConflicts", -1, "table name \"%s\" "
				"specified more than once", a->alias);
			return EX_STOP;
		}
	return EX_OK;
}

/* Whether the ON of a join names a relation, or a column, outside its
 * two sides: PostgreSQL sees only them (transformJoinOnClause). */
struct join_refs {
	const ex_scope *sc;
	size_t lo;
	int outside;
};

static int visit_join_ref(const PgQuery__Node *n, void *ctx)
{
	struct join_refs *j = ctx;
	const char *q;

	if (!ex_column_ref(n, &q))
		return 0;
	for (size_t i = 0; i < j->lo; i++)
		if (q == NULL || (j->sc->rels[i].alias &&
		    strcmp(j->sc->rels[i].alias, q) == 0))
			j->outside = 1;
	return j->outside;
}

static int join(int *empty, int *ret, ddl *d, ex_scope *sc,
	const PgQuery__JoinExpr *j)
{
	size_t lo = sc->n, mid;
	int le, re, r;

	if (j->alias || j->n_using_clause || j->is_natural ||
	    j->jointype < PG_QUERY__JOIN_TYPE__JOIN_INNER ||
	    j->jointype > PG_QUERY__JOIN_TYPE__JOIN_RIGHT)
		return unknown(d, "this join is not modelled");
	if ((r = from_item(&le, ret, d, sc, j->larg)) != EX_OK)
		return r;
	mid = sc->n;
	if ((r = from_item(&re, ret, d, sc, j->rarg)) != EX_OK ||
	    (r = name_conflict(ret, d, sc, lo, mid, sc->n)) != EX_OK)
		return r;
	if (j->quals) {
		struct join_refs refs = { sc, lo, 0 };

		/* An unqualified name may be found outside; a qualified one
		 * there is 42P01 with a hint. */
		if (lo > 0)
			ddl_walk(&j->quals->base, visit_join_ref, &refs);
		if (refs.outside)
			return unknown(d, "what a join's ON may see is not modelled");
		if ((r = ex_boolean(ret, d, sc, j->quals)) != EX_OK)
			return r;
	}
	*empty = ex_join_empty(j->jointype, le, re);
	return EX_OK;
}

/* A FROM item; *empty: it certainly yields no rows. */
static int from_item(int *empty, int *ret, ddl *d, ex_scope *sc,
	const PgQuery__Node *n)
{
	*empty = 0;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_RANGE_VAR:
		return range_var(empty, ret, d, sc, n->range_var);
	case PG_QUERY__NODE__NODE_RANGE_SUBSELECT:
		return subselect(empty, ret, d, sc, n->range_subselect);
	case PG_QUERY__NODE__NODE_JOIN_EXPR:
		return join(empty, ret, d, sc, n->join_expr);
	case PG_QUERY__NODE__NODE_RANGE_FUNCTION:
		return range_function(ret, d, sc, n->range_function);
	default:
		return unknown(d, "this FROM item is not modelled");
	}
}

int ex_from(int *empty, int *ret, ddl *d, ex_scope *sc,
	PgQuery__Node **items, size_t n)
{
	int r = EX_OK, e;

	*empty = 0;
	for (size_t i = 0; i < n && r == EX_OK; i++) {
		size_t before = sc->n;

		sc->from_item = (int)i + 1;
		if ((r = from_item(&e, ret, d, sc, items[i])) == EX_OK && e)
			*empty = 1;
		if (r == EX_OK)
			r = name_conflict(ret, d, sc, 0, before, sc->n);
	}
	sc->from_item = 0;
	return r;
}

/* --- WITH ----------------------------------------------------------------- */

int ex_join_empty(PgQuery__JoinType type, int left, int right)
{
	switch (type) {
	case PG_QUERY__JOIN_TYPE__JOIN_INNER:
		return left || right;
	case PG_QUERY__JOIN_TYPE__JOIN_LEFT:
		return left;
	case PG_QUERY__JOIN_TYPE__JOIN_RIGHT:
		return right;
	case PG_QUERY__JOIN_TYPE__JOIN_FULL:
		return left && right;
	default:
		return 0;
	}
}

int ex_with(int *ret, ddl *d, ex_scope *sc, const PgQuery__WithClause *w)
{
	if (w->recursive)
		return unknown(d, "WITH RECURSIVE is not modelled");
	/* transformWithClause checks the names before any query. */
	for (size_t k = 0; k < w->n_ctes; k++)
		for (size_t i = k + 1; i < w->n_ctes; i++)
			if (strcmp(w->ctes[i]->common_table_expr->ctename,
			    w->ctes[k]->common_table_expr->ctename) == 0) {
				*ret = ddl_fail(d, "42712", "parse_cte.c:142:"
					"transformWithClause", w->ctes[i]->common_table_expr->
					location, "WITH query name \"%s\" specified more than "
					"once", w->ctes[i]->common_table_expr->ctename);
				return EX_STOP;
			}
	if ((sc->ctes = calloc(w->n_ctes + 1, sizeof(*sc->ctes))) == NULL)
		return oom(ret, d);
	for (size_t i = 0; i < w->n_ctes; i++) {
		const PgQuery__CommonTableExpr *c = w->ctes[i]->common_table_expr;
		ex_cte *cte = &sc->ctes[sc->nctes];
		int rows, r;

		if (c->ctequery == NULL ||
		    c->ctequery->node_case != PG_QUERY__NODE__NODE_SELECT_STMT ||
		    c->search_clause || c->cycle_clause)
			return unknown(d, "this WITH query is not modelled");
		/* Each WITH query sees the ones before it. */
		if ((r = ex_select(&rows, &cte->cols, &cte->ncols, ret, d, sc,
		    c->ctequery->select_stmt)) != EX_OK)
			return r;
		cte->name = c->ctename;
		cte->empty = rows == 0;
		sc->nctes++;
		if (!rename_cols(cte->cols, cte->ncols, c->aliascolnames,
		    c->n_aliascolnames))
			return unknown(d, "these column aliases are not modelled");
	}
	return EX_OK;
}

/* --- output columns ------------------------------------------------------- */

/* The name PostgreSQL gives an unnamed output column (FigureColname). */
/* FigureColnameInternal: *name and its strength, 2 a good name, 1 a
 * second-best one (a cast's type, "case"), 0 none. */
static int colname(const PgQuery__Node *n, const char **name)
{
	static const char *const clocks[] = { "current_date", "current_time",
		"current_time", "current_timestamp", "current_timestamp",
		"localtime", "localtime", "localtimestamp", "localtimestamp",
		"current_role", "current_user", "user", "session_user",
		"current_catalog", "current_schema" };
	const char *s;
	int strength;

	if (n == NULL)
		return 0;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_COLUMN_REF:
		s = ms_pg__node_string(n->column_ref->fields[
			n->column_ref->n_fields - 1]);
		if (s == NULL)
			return 0;
		*name = s;
		return 2;
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		s = ms_pg__node_string(n->func_call->funcname[
			n->func_call->n_funcname - 1]);
		if (s == NULL)
			return 0;
		*name = s;
		return 2;
	case PG_QUERY__NODE__NODE_A_EXPR:
		if (n->a_expr->kind != PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF)
			return 0;
		*name = "nullif";
		return 2;
	case PG_QUERY__NODE__NODE_TYPE_CAST: {
		const PgQuery__TypeName *tn = n->type_cast->type_name;

		strength = colname(n->type_cast->arg, name);
		if (strength <= 1 && tn && tn->n_names &&
		    (s = ms_pg__node_string(tn->names[tn->n_names - 1])) != NULL) {
			*name = s;
			return 1;
		}
		return strength;
	}
	case PG_QUERY__NODE__NODE_COLLATE_CLAUSE:
		return colname(n->collate_clause->arg, name);
	case PG_QUERY__NODE__NODE_A_INDIRECTION:
		/* The last field selected, else what is subscripted. */
		s = NULL;
		for (size_t i = 0; i < n->a_indirection->n_indirection; i++)
			if (n->a_indirection->indirection[i]->node_case ==
			    PG_QUERY__NODE__NODE_STRING)
				s = ms_pg__node_string(n->a_indirection->indirection[i]);
		if (s) {
			*name = s;
			return 2;
		}
		return colname(n->a_indirection->arg, name);
	case PG_QUERY__NODE__NODE_CASE_EXPR:
		/* Named after ELSE when that has a good name. */
		strength = colname(n->case_expr->defresult, name);
		if (strength <= 1) {
			*name = "case";
			strength = 1;
		}
		return strength;
	case PG_QUERY__NODE__NODE_COALESCE_EXPR:
		*name = "coalesce";
		return 2;
	case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
		*name = n->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ?
			"greatest" : "least";
		return 2;
	case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
		*name = "array";
		return 2;
	case PG_QUERY__NODE__NODE_ROW_EXPR:
		*name = "row";
		return 2;
	case PG_QUERY__NODE__NODE_GROUPING_FUNC:
		*name = "grouping";
		return 2;
	case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
		if ((size_t)n->sqlvalue_function->op < 1 ||
		    (size_t)n->sqlvalue_function->op > sizeof(clocks) /
		    sizeof(clocks[0]))
			return 0;
		*name = clocks[n->sqlvalue_function->op - 1];
		return 2;
	case PG_QUERY__NODE__NODE_SUB_LINK:
		if (n->sub_link->sub_link_type ==
		    PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK) {
			*name = "exists";
			return 2;
		}
		if (n->sub_link->sub_link_type ==
		    PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK) {
			*name = "array";
			return 2;
		}
		/* A scalar subquery is named as its one column. */
		if (n->sub_link->sub_link_type ==
		    PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK && n->sub_link->subselect &&
		    n->sub_link->subselect->node_case ==
		    PG_QUERY__NODE__NODE_SELECT_STMT &&
		    n->sub_link->subselect->select_stmt->n_target_list >= 1) {
			const PgQuery__ResTarget *rt = n->sub_link->subselect->
				select_stmt->target_list[0]->res_target;

			if (rt->name && rt->name[0]) {
				*name = rt->name;
				return 2;
			}
			return colname(rt->val, name);
		}
		return 0;
	default:
		return 0;
	}
}

static const char *figure_colname(const PgQuery__Node *n)
{
	const char *name = NULL;

	return colname(n, &name) > 0 && name ? name : "?column?";
}

const char *ex_index_colname(const PgQuery__Node *n)
{
	const char *name = figure_colname(n);

	if (strcmp(name, "?column?") != 0)
		return name;
	/* Nodes FigureColnameInternal gives no name: "expr". */
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_A_EXPR:
		return n->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF ?
			NULL : "expr";
	case PG_QUERY__NODE__NODE_BOOL_EXPR:
	case PG_QUERY__NODE__NODE_A_CONST:
	case PG_QUERY__NODE__NODE_NULL_TEST:
	case PG_QUERY__NODE__NODE_BOOLEAN_TEST:
		return "expr";
	default:
		return NULL;
	}
}

static int add_col(ex_col **cols, size_t *n, size_t *cap, const char *name,
	const ex_type *t)
{
	if (*n == *cap) {
		size_t c = *cap ? 2 * *cap : 8;
		ex_col *grown = realloc(*cols, c * sizeof(*grown));

		if (grown == NULL)
			return MS_ENOMEM;
		*cols = grown;
		*cap = c;
	}
	snprintf((*cols)[*n].name, sizeof((*cols)[*n].name), "%s", name);
	(*cols)[*n].type = *t;
	(*n)++;
	return MS_OK;
}

/* SELECT * or t.*: every column of the relations in scope, in order. */
static int star(ex_col **cols, size_t *n, size_t *cap, int *ret, ddl *d,
	const ex_scope *sc, const char *only)
{
	int any = 0;

	for (size_t i = 0; i < sc->n; i++) {
		const ex_rel *r = &sc->rels[i];
		char (*names)[CAT_NAME];
		size_t count;

		if (only && strcmp(r->alias, only) != 0)
			continue;
		any = 1;
		if (r->cols) {
			for (size_t c = 0; c < r->ncols; c++)
				if (add_col(cols, n, cap, r->cols[c].name,
				    &r->cols[c].type) < 0)
					return oom(ret, d);
			continue;
		}
		if (r->oid == 0)
			return unknown(d, "SELECT * over this relation is not modelled");
		if ((*ret = cat_col_names(&names, &count, d->s, r->oid, 0,
		    d->err)) < 0)
			return EX_STOP;
		for (size_t c = 0; c < count; c++) {
			cat_col col;
			ex_type t;
			int found;

			if ((*ret = cat_col_find(&found, &col, d->s, r->oid, names[c],
			    d->err)) < 0 || (*ret = ex_column_type(&t, d, &col)) < 0 ||
			    add_col(cols, n, cap, names[c], &t) < 0) {
				free(names);
				return *ret < 0 ? EX_STOP : oom(ret, d);
			}
			if (d->uses)
				ex_uses_add(d->uses, r->oid, names[c]);
		}
		free(names);
	}
	return any ? EX_OK : unknown(d, "this * is not modelled");
}

static int target_list(ex_col **cols, size_t *n, int *ret, ddl *d,
	const ex_scope *sc, const PgQuery__SelectStmt *s)
{
	size_t cap = 0;
	int r = EX_OK;

	for (size_t i = 0; i < s->n_target_list && r == EX_OK; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		const PgQuery__ColumnRef *cr = rt->val &&
			rt->val->node_case == PG_QUERY__NODE__NODE_COLUMN_REF ?
			rt->val->column_ref : NULL;
		ex_type t;

		if (cr && cr->fields[cr->n_fields - 1]->node_case ==
		    PG_QUERY__NODE__NODE_A_STAR) {
			r = sc->group ? unknown(d, "* in a grouped query is not "
				"modelled") : cr->n_fields > 2 ? unknown(d, "this * is "
				"not modelled") : star(cols, n, &cap, ret, d, sc,
				cr->n_fields == 2 ? ms_pg__node_string(cr->fields[0]) :
				NULL);
			continue;
		}
		if ((r = ex_analyse(&t, ret, d, sc, rt->val)) == EX_OK &&
		    add_col(cols, n, &cap, rt->name && *rt->name ? rt->name :
		    figure_colname(rt->val), &t) < 0)
			r = oom(ret, d);
	}
	return r;
}

/* --- GROUP BY, ORDER BY, LIMIT ------------------------------------------- */

/* The names a query's FROM items are known by (a table's alias or
 * name, a subquery's alias), through joins. */
/* A subquery's FROM: the names its items are known by, the tables
 * among them whose columns are known, and the functions over JSON whose
 * columns are key and value (jsonb_each) or value (jsonb_array_elements);
 * opaque: an item whose columns are not known. */
typedef struct from_names {
	ddl *d;
	const char *names[16];
	int64_t rels[16];
	size_t n, nrels;
	int more, opaque, each, elements;
} from_names;

static void add_function_columns(from_names *f, const PgQuery__RangeFunction *rf)
{
	static const char *const each[] = { "jsonb_each", "json_each",
		"jsonb_each_text", "json_each_text", NULL };
	static const char *const elements[] = { "jsonb_array_elements",
		"json_array_elements", "jsonb_array_elements_text",
		"json_array_elements_text", NULL };
	const PgQuery__Node *call = rf->n_functions == 1 &&
		rf->functions[0]->node_case == PG_QUERY__NODE__NODE_LIST &&
		rf->functions[0]->list->n_items ? rf->functions[0]->list->items[0] :
		NULL;
	const char *name = call && call->node_case ==
		PG_QUERY__NODE__NODE_FUNC_CALL && call->func_call->n_funcname == 1 ?
		ms_pg__node_string(call->func_call->funcname[0]) : NULL;

	if (rf->alias && rf->alias->n_colnames)
		f->opaque = 1;
	else if (ddl_one_of(name, each))
		f->each = 1;
	else if (ddl_one_of(name, elements))
		f->elements = 1;
	else
		f->opaque = 1;
}

static void add_from_names(from_names *f, const PgQuery__Node *n)
{
	const char *name = NULL;

	if (n->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) {
		add_from_names(f, n->join_expr->larg);
		add_from_names(f, n->join_expr->rarg);
		return;
	}
	if (n->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
		const PgQuery__RangeVar *rv = n->range_var;
		cat_rel rel;
		int found = 0;

		name = rv->alias && rv->alias->aliasname[0] ? rv->alias->aliasname :
			rv->relname;
		if (f->nrels < sizeof(f->rels) / sizeof(f->rels[0]) &&
		    cat_rel_find(&found, &rel, f->d->s, ddl_schema(rv->schemaname),
		    rv->relname, f->d->err) == MS_OK && found && rel.known &&
		    !(rv->alias && rv->alias->n_colnames))
			f->rels[f->nrels++] = rel.oid;
		else
			f->opaque = 1;
	} else if (n->node_case == PG_QUERY__NODE__NODE_RANGE_FUNCTION) {
		add_function_columns(f, n->range_function);
		if (n->range_function->alias)
			name = n->range_function->alias->aliasname;
	} else {
		f->opaque = 1;
		if (n->node_case == PG_QUERY__NODE__NODE_RANGE_SUBSELECT &&
		    n->range_subselect->alias)
			name = n->range_subselect->alias->aliasname;
	}
	if (name == NULL)
		return;
	if (f->n == sizeof(f->names) / sizeof(f->names[0]))
		f->more = 1;
	else
		f->names[f->n++] = name;
}

/* Whether an unqualified column name is a column of the FROM's items,
 * where PostgreSQL looks before an outer query's. */
static int inner_column(const from_names *f, const char *name)
{
	cat_col col;
	int found = 0;

	if ((f->each && (strcmp(name, "key") == 0 ||
	    strcmp(name, "value") == 0)) ||
	    (f->elements && strcmp(name, "value") == 0))
		return 1;
	for (size_t i = 0; i < f->nrels && !found; i++)
		if (cat_col_find(&found, &col, f->d->s, f->rels[i], name,
		    f->d->err) < 0)
			return 0;
	return found;
}

/* A column reference of the subquery's (qualified by one of the FROM
 * names, or a bare name one of its items has): 1; another: 2 (it may be
 * an outer query's). */
static int visit_column_level(const PgQuery__Node *n, void *ctx)
{
	const from_names *f = ctx;
	const char *q;

	if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return 0;
	q = n->column_ref->n_fields > 0 ?
		ms_pg__node_string(n->column_ref->fields[0]) : NULL;
	if (n->column_ref->n_fields == 1)
		return q && inner_column(f, q) ? 1 : 2;
	for (size_t i = 0; q && i < f->n; i++)
		if (strcmp(f->names[i], q) == 0)
			return 1;
	return 2;
}

/* An aggregate of a subquery's that may belong to a query outside it:
 * the level of an aggregate is the lowest of its variables', and an
 * aggregate without any is the subquery's own (parse_agg.c). */
static int visit_foreign_aggregate(const PgQuery__Node *n, void *ctx)
{
	if (n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL ||
	    !ex_is_aggregate(n->func_call))
		return 0;
	/* The first column reference decides; FILTER and ORDER BY are not
	 * looked into. */
	return n->func_call->agg_filter || n->func_call->n_agg_order ||
		ddl_walk(&n->base, visit_column_level, ctx) == 2;
}

/* Whether the query aggregates: an aggregate call anywhere in its
 * target list or HAVING; a subquery's aggregates count unless each
 * certainly belongs to the subquery. */
static int visit_aggregate(const PgQuery__Node *n, void *ctx)
{
	if (n->node_case == PG_QUERY__NODE__NODE_SUB_LINK &&
	    n->sub_link->subselect &&
	    n->sub_link->subselect->node_case ==
	    PG_QUERY__NODE__NODE_SELECT_STMT) {
		const PgQuery__SelectStmt *s = n->sub_link->subselect->select_stmt;
		from_names f = { .d = ctx };

		for (size_t i = 0; i < s->n_from_clause; i++)
			add_from_names(&f, s->from_clause[i]);
		if (!f.more && !s->larg && !ddl_walk(&n->sub_link->subselect->base,
		    visit_foreign_aggregate, &f))
			return DDL_WALK_SKIP;
	}
	return n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
		ex_is_aggregate(n->func_call);
}

/* A set-returning function in the target list: the row count is the
 * data's. */
static int visit_srf(const PgQuery__Node *n, void *ctx)
{
	static const char *const srfs[] = { "unnest", "generate_series",
		"jsonb_array_elements", "json_array_elements", "jsonb_each",
		"json_each", "regexp_matches", "string_to_table",
		"jsonb_array_elements_text", "json_array_elements_text", NULL };
	const char *name;

	(void)ctx;
	if (n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return 0;
	name = ms_pg__node_string(n->func_call->funcname[
		n->func_call->n_funcname - 1]);
	for (const char *const *p = srfs; name && *p; p++)
		if (strcmp(name, *p) == 0)
			return 1;
	return 0;
}

static int returns_sets(const PgQuery__SelectStmt *s)
{
	for (size_t i = 0; i < s->n_target_list; i++)
		if (ddl_walk(&s->target_list[i]->base, visit_srf, NULL))
			return 1;
	return 0;
}

/* An aggregate anywhere in the query level's clauses groups it: ORDER
 * BY's expressions join the target list (transformSortClause). */
static int aggregates(ddl *d, const PgQuery__SelectStmt *s)
{
	for (size_t i = 0; i < s->n_target_list; i++)
		if (ddl_walk(&s->target_list[i]->base, visit_aggregate, d))
			return 1;
	for (size_t i = 0; i < s->n_sort_clause; i++)
		if (ddl_walk(&s->sort_clause[i]->base, visit_aggregate, d))
			return 1;
	return s->having_clause &&
		ddl_walk(&s->having_clause->base, visit_aggregate, d);
}

/* The column a GROUP BY item names, as (relation, column). */
static int group_item(ex_group *g, ddl *d, const ex_scope *sc,
	const PgQuery__SelectStmt *s, const PgQuery__Node *n)
{
	const PgQuery__ColumnRef *cr;
	const char *rel = NULL, *name;
	size_t hits = 0;

	/* GROUP BY 2: the second output column. */
	if (n->node_case == PG_QUERY__NODE__NODE_A_CONST &&
	    n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
		int k = n->a_const->ival->ival;

		if (k < 1 || (size_t)k > s->n_target_list)
			return 0;
		n = s->target_list[k - 1]->res_target->val;
	}
	if (n == NULL || n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return 0;
	cr = n->column_ref;
	name = ms_pg__node_string(cr->fields[cr->n_fields - 1]);
	if (cr->n_fields == 2)
		rel = ms_pg__node_string(cr->fields[0]);
	if (name == NULL || cr->n_fields > 2 || (cr->n_fields == 2 && !rel))
		return 0;
	for (size_t i = 0; i < sc->n; i++) {
		const ex_rel *r = &sc->rels[i];
		cat_col col;
		int found = 0;

		if (rel && strcmp(r->alias, rel) != 0)
			continue;
		if (r->cols) {
			for (size_t c = 0; c < r->ncols; c++)
				found |= strcmp(r->cols[c].name, name) == 0;
		} else if (r->oid == 0 || cat_col_find(&found, &col, d->s, r->oid,
		           name, d->err) < 0) {
			return 0;
		}
		if (!found)
			continue;
		hits++;
		g->items[g->n].rel = r;
		snprintf(g->items[g->n].col, sizeof(g->items[g->n].col), "%s", name);
	}
	if (hits != 1)
		return 0;
	g->n++;
	return 1;
}

/* GROUP BY name: a column of FROM, or else an output column of that
 * name (findTargetlistEntrySQL92): the item the name stands for. */
static const PgQuery__Node *output_named(ddl *d, const ex_scope *sc,
	const PgQuery__SelectStmt *s, const PgQuery__Node *n)
{
	const char *name;

	if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF ||
	    n->column_ref->n_fields != 1 ||
	    (name = ms_pg__node_string(n->column_ref->fields[0])) == NULL)
		return n;
	for (size_t i = 0; i < sc->n; i++) {
		cat_col col;
		int found = 0;

		if (sc->rels[i].cols) {
			for (size_t c = 0; c < sc->rels[i].ncols; c++)
				found |= strcmp(sc->rels[i].cols[c].name, name) == 0;
		} else if (sc->rels[i].oid == 0 || cat_col_find(&found, &col, d->s,
		           sc->rels[i].oid, name, d->err) < 0) {
			return n;
		}
		if (found)
			return n;
	}
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;

		if (rt->name && strcmp(rt->name, name) == 0)
			return rt->val;
	}
	return n;
}

/* The relations of this level whose primary key the grouping covers. */
static int keyed_relations(ex_group *g, int *ret, ddl *d, const ex_scope *sc)
{
	if ((g->keyed = calloc(sc->n + 1, sizeof(*g->keyed))) == NULL)
		return oom(ret, d);
	for (size_t i = 0; i < sc->n; i++) {
		char cols[sizeof(((cat_con *)0)->columns)], *save = NULL, *c;
		cat_con pk;
		int found, deferrable = 0, all = 1;

		if (sc->rels[i].oid == 0)
			continue;
		if ((*ret = cat_pkey(&found, &pk, d->s, sc->rels[i].oid,
		    d->err)) < 0)
			return EX_STOP;
		/* A deferrable key proves nothing (check_functional_grouping). */
		if (found && (*ret = cat_index_deferrable(&deferrable, d->s,
		    pk.index_rel, 0, d->err)) < 0)
			return EX_STOP;
		if (!found || deferrable)
			continue;
		memcpy(cols, pk.columns, sizeof(cols));
		for (c = strtok_r(cols, ",", &save); c && all;
		     c = strtok_r(NULL, ",", &save)) {
			int in = 0;

			for (size_t k = 0; k < g->n; k++)
				in |= g->items[k].rel == &sc->rels[i] &&
					strcmp(g->items[k].col, c) == 0;
			all = in;
		}
		if (all)
			g->keyed[g->nkeyed++] = &sc->rels[i];
	}
	return EX_OK;
}

static int group_by(ex_group *g, int *ret, ddl *d, ex_scope *sc,
	const PgQuery__SelectStmt *s)
{
	ex_type t;
	int r;

	if ((g->items = calloc(s->n_group_clause + 1, sizeof(*g->items))) == NULL)
		return oom(ret, d);
	for (size_t i = 0; i < s->n_group_clause; i++) {
		const PgQuery__Node *item = output_named(d, sc, s,
			s->group_clause[i]);

		if (item->node_case != PG_QUERY__NODE__NODE_A_CONST &&
		    (r = ex_analyse(&t, ret, d, sc, item)) != EX_OK)
			return r;
		if (item->node_case != PG_QUERY__NODE__NODE_A_CONST &&
		    !ex_sortable(d, &t))
			return EX_UNKNOWN;
		/* GROUP BY 2: the output column's type must group too. */
		if (item->node_case == PG_QUERY__NODE__NODE_A_CONST &&
		    item->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL &&
		    item->a_const->ival->ival >= 1 &&
		    (size_t)item->a_const->ival->ival <= s->n_target_list) {
			const PgQuery__ResTarget *rt = s->target_list[item->a_const->
				ival->ival - 1]->res_target;

			if (rt->val && (r = ex_analyse(&t, ret, d, sc, rt->val)) !=
			    EX_OK)
				return r;
			if (rt->val && !ex_sortable(d, &t))
				return EX_UNKNOWN;
		}
		if (!group_item(g, d, sc, s, item))
			return unknown(d, "this GROUP BY item is not modelled");
	}
	return keyed_relations(g, ret, d, sc);
}

/* ORDER BY: output column names and positions, or expressions. */
static int order_by(int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__SelectStmt *s, const ex_col *cols, size_t n)
{
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		const PgQuery__Node *e = s->sort_clause[i]->sort_by->node;
		ex_type t;
		int r, named = 0;

		if (e->node_case == PG_QUERY__NODE__NODE_A_CONST &&
		    e->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
			if (e->a_const->ival->ival < 1 ||
			    (size_t)e->a_const->ival->ival > n)
				return unknown(d, "this ORDER BY position is not modelled");
			if (!ex_sortable(d, &cols[e->a_const->ival->ival - 1].type))
				return EX_UNKNOWN;
			continue;
		}
		if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
		    e->column_ref->n_fields == 1) {
			const char *name = ms_pg__node_string(e->column_ref->fields[0]);

			for (size_t c = 0; name && c < n; c++)
				if (strcmp(cols[c].name, name) == 0 && named++ == 0)
					t = cols[c].type;
			if (named == 1 && !ex_sortable(d, &t))
				return EX_UNKNOWN;
			if (named == 1)
				continue;
			if (named > 1)
				return unknown(d, "an ambiguous ORDER BY is not modelled");
		}
		/* Under DISTINCT it must be in the select list (42P10). */
		if (s->n_distinct_clause == 1 && (s->distinct_clause[0] == NULL ||
		    s->distinct_clause[0]->node_case == PG_QUERY__NODE__NODE__NOT_SET))
			return unknown(d, "ORDER BY under DISTINCT is not modelled");
		if ((r = ex_analyse(&t, ret, d, sc, e)) != EX_OK)
			return r;
		if (!ex_sortable(d, &t))
			return EX_UNKNOWN;
	}
	return EX_OK;
}

static int limit(int *ret, ddl *d, const PgQuery__Node *n)
{
	ex_scope none = { .no_columns = 1 };
	ex_type t;
	int r;

	if (n == NULL)
		return EX_OK;
	/* recompute_limits refuses a negative one before any row (2201W,
	 * 2201X): not modelled. */
	if (n->node_case == PG_QUERY__NODE__NODE_A_EXPR ||
	    (n->node_case == PG_QUERY__NODE__NODE_A_CONST &&
	    n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL &&
	    n->a_const->ival->ival < 0))
		return unknown(d, "a negative LIMIT or OFFSET is not modelled");
	if ((r = ex_analyse(&t, ret, d, &none, n)) != EX_OK)
		return r;
	return t.cat == 'N' || t.cat == 'Z' ? EX_OK :
		unknown(d, "this LIMIT is not modelled");
}

/* --- set operations ------------------------------------------------------- */

static int set_operation(int *rows, ex_col **out, size_t *nout, int *ret,
	ddl *d, const ex_scope *sc, const PgQuery__SelectStmt *s)
{
	ex_col *l = NULL, *rc = NULL;
	size_t nl = 0, nr = 0;
	int rl, rr, r;

	*rows = -1;
	if ((r = ex_select(&rl, &l, &nl, ret, d, sc, s->larg)) != EX_OK ||
	    (r = ex_select(&rr, &rc, &nr, ret, d, sc, s->rarg)) != EX_OK)
		goto out;
	r = nl == nr ? EX_OK : unknown(d, "set operation widths differ");
	for (size_t i = 0; i < nl && r == EX_OK; i++)
		r = ex_unify(&l[i].type, &rc[i].type) ? EX_OK :
			unknown(d, "the common type of a set operation is not modelled");
	/* Without ALL, rows are compared (makeSortGroupClauseForSetOp). */
	for (size_t i = 0; i < nl && r == EX_OK && !s->all; i++)
		r = ex_sortable(d, &l[i].type) ? EX_OK : EX_UNKNOWN;
	/* No rows: UNION of two empty queries, INTERSECT with one, EXCEPT
	 * from one. */
	if (r == EX_OK && ((rl == 0 && rr == 0) ||
	    (s->op == PG_QUERY__SET_OPERATION__SETOP_INTERSECT &&
	    (rl == 0 || rr == 0)) ||
	    (s->op == PG_QUERY__SET_OPERATION__SETOP_EXCEPT && rl == 0)))
		*rows = 0;
out:
	if (r == EX_OK && out) {
		*out = l;
		*nout = nl;
		l = NULL;
	}
	free(l);
	free(rc);
	return r;
}

/* VALUES (...), (...) as a query: columns column1, column2, ... of each
 * column's common type. */
static int values_query(int *rows, ex_col **out, size_t *nout, int *ret,
	ddl *d, const ex_scope *outer, const PgQuery__SelectStmt *s)
{
	ex_scope sc = { .outer = outer };
	PgQuery__Node **column;
	size_t width = s->values_lists[0]->list->n_items, cap = 0, n = 0;
	ex_col *cols = NULL;
	int r = EX_OK;

	for (size_t row = 0; row < s->n_values_lists; row++)
		if (s->values_lists[row]->list->n_items != width)
			return unknown(d, "VALUES rows of several widths are not "
				"modelled");
	if ((column = calloc(s->n_values_lists, sizeof(*column))) == NULL)
		return oom(ret, d);
	for (size_t c = 0; c < width && r == EX_OK; c++) {
		char name[32];
		ex_type t;

		for (size_t row = 0; row < s->n_values_lists; row++)
			column[row] = s->values_lists[row]->list->items[c];
		snprintf(name, sizeof(name), "column%zu", c + 1);
		if ((r = ex_common(&t, ret, d, &sc, column, s->n_values_lists)) ==
		    EX_OK && t.cat == 'Z')
			ex_set_type(&t, 'S', "text");
		if (r == EX_OK && add_col(&cols, &n, &cap, name, &t) < 0)
			r = oom(ret, d);
	}
	free(column);
	if (r == EX_OK && out) {
		*out = cols;
		*nout = n;
		cols = NULL;
	}
	free(cols);
	*rows = r == EX_OK && s->n_values_lists == 1 ? 1 : -1;
	return r;
}

/* --- DISTINCT ON and ORDER BY -------------------------------------------- */

/* Whether n is a bare name that an output column of another value may
 * hold: an alias, or any name under a * over several FROM items (which
 * may hold it twice); a column under its own name, or a * over one
 * table or view (its names are distinct), holds the input column. */
static int output_name(const PgQuery__SelectStmt *s, const PgQuery__Node *n)
{
	const char *name = n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
		n->column_ref->n_fields == 1 ?
		ms_pg__node_string(n->column_ref->fields[0]) : NULL;
	int one_item = s->n_from_clause == 1 &&
		s->from_clause[0]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR;

	for (size_t i = 0; name && i < s->n_target_list; i++) {
		const PgQuery__ResTarget *t = s->target_list[i]->res_target;
		const PgQuery__ColumnRef *tc = t->val->node_case ==
			PG_QUERY__NODE__NODE_COLUMN_REF ? t->val->column_ref : NULL;
		const char *out = t->name && t->name[0] ? t->name :
			ex_index_colname(t->val);

		if (tc && tc->n_fields && tc->fields[tc->n_fields - 1]->node_case ==
		    PG_QUERY__NODE__NODE_A_STAR) {
			if (!one_item)
				return 1;
			continue;
		}
		/* The very column under its own name is the same. */
		if (out && strcmp(out, name) == 0 && !(tc && !(t->name &&
		    t->name[0])))
			return 1;
	}
	return 0;
}

/* The input column a DISTINCT ON or ORDER BY item names, as "alias.col"
 * in key: a column reference that one FROM item of this level certainly
 * has, and that no output column of the same bare name could stand for
 * (findTargetlistEntrySQL92 looks at output names first).  0: not
 * followed. */
static int sort_key(char *key, size_t size, ddl *d, const ex_scope *sc,
	const PgQuery__SelectStmt *s, const PgQuery__Node *n)
{
	const PgQuery__ColumnRef *c = n->node_case ==
		PG_QUERY__NODE__NODE_COLUMN_REF ? n->column_ref : NULL;
	const char *q = NULL, *col, *alias = NULL;
	size_t hits = 0;

	if (c == NULL || c->n_fields < 1 || c->n_fields > 2)
		return 0;
	col = ms_pg__node_string(c->fields[c->n_fields - 1]);
	if (c->n_fields == 2)
		q = ms_pg__node_string(c->fields[0]);
	if (col == NULL || (c->n_fields == 2 && q == NULL))
		return 0;
	for (size_t i = 0; i < sc->n; i++) {
		const ex_rel *r = &sc->rels[i];
		cat_col cc;
		int found = 0;

		if (r->alias == NULL || (q && strcmp(r->alias, q) != 0))
			continue;
		for (size_t k = 0; k < r->ncols && !found; k++)
			found = strcmp(r->cols[k].name, col) == 0;
		if (!found && r->oid && cat_col_find(&found, &cc, d->s, r->oid, col,
		    d->err) < 0)
			return 0;
		if (!found && !r->oid && !r->cols)
			return 0;
		if (found && hits++ == 0)
			alias = r->alias;
	}
	if (hits != 1)
		return 0;
	/* A bare name is an output column's first: one that is this very
	 * column (or a * over it) stands for it, any other may not. */
	for (size_t i = 0; !q && i < s->n_target_list; i++) {
		const PgQuery__ResTarget *t = s->target_list[i]->res_target;
		const PgQuery__ColumnRef *tc = t->val->node_case ==
			PG_QUERY__NODE__NODE_COLUMN_REF ? t->val->column_ref : NULL;
		const PgQuery__Node *last = tc && tc->n_fields ?
			tc->fields[tc->n_fields - 1] : NULL;
		const char *tq = tc && tc->n_fields == 2 ?
			ms_pg__node_string(tc->fields[0]) : NULL;
		const char *out = t->name && t->name[0] ? t->name :
			ex_index_colname(t->val);

		if (last && last->node_case == PG_QUERY__NODE__NODE_A_STAR)
			continue;
		if (last && ms_pg__node_string(last) && strcmp(ms_pg__node_string(
		    last), col) == 0 && (out == NULL || strcmp(out, col) == 0) &&
		    tc->n_fields <= 2 && (tq == NULL || strcmp(tq, alias) == 0))
			continue;
		if (out == NULL || strcmp(out, col) == 0)
			return 0;
	}
	snprintf(key, size, "%s.%s", alias, col);
	return 1;
}

static int location_of(const PgQuery__Node *n)
{
	return n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF ?
		n->column_ref->location : -1;
}

/* transformDistinctOnClause: ORDER BY's items in DISTINCT ON must come
 * before any that is not, and once one is not, every DISTINCT ON item
 * must be in ORDER BY (42P10, at the DISTINCT ON item). */
static int distinct_on_order(int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__SelectStmt *s)
{
	char on[16][2 * CAT_NAME + 2], by[16][2 * CAT_NAME + 2];
	size_t non = s->n_distinct_clause, nby = s->n_sort_clause;
	int skipped = 0, bad = -1, late = 0;

	if (non > 16 || nby > 16)
		goto unknown;
	for (size_t i = 0; i < non; i++)
		if (!sort_key(on[i], sizeof(on[i]), d, sc, s, s->distinct_clause[i]))
			goto unknown;
	for (size_t i = 0; i < nby; i++)
		if (s->sort_clause[i]->node_case != PG_QUERY__NODE__NODE_SORT_BY ||
		    !sort_key(by[i], sizeof(by[i]), d, sc, s,
		    s->sort_clause[i]->sort_by->node))
			goto unknown;
	for (size_t i = 0; i < nby && bad < 0; i++) {
		size_t k = 0;

		while (k < non && strcmp(on[k], by[i]) != 0)
			k++;
		if (k == non)
			skipped = 1;
		else if (skipped)
			bad = (int)k;
	}
	for (size_t k = 0; k < non && bad < 0 && skipped; k++) {
		size_t i = 0;

		while (i < nby && strcmp(on[k], by[i]) != 0)
			i++;
		if (i == nby) {
			bad = (int)k;
			late = 1;
		}
	}
	if (bad < 0)
		return EX_OK;
	*ret = ddl_fail(d, "42P10", late ? "parse_clause.c:3021:"
		"transformDistinctOnClause" : "parse_clause.c:2989:"
		"transformDistinctOnClause", location_of(s->distinct_clause[bad]),
		"SELECT DISTINCT ON expressions must match initial ORDER BY "
		"expressions");
	return EX_STOP;
unknown:
	ddl_unknown(d, "DISTINCT ON with ORDER BY is not modelled");
	return EX_UNKNOWN;
}

/* --- SELECT --------------------------------------------------------------- */

/* What is analysed after FROM and WHERE: grouping, the target list,
 * HAVING, DISTINCT, ORDER BY, LIMIT. */
static int select_body(int *grouped, ex_col **cols, size_t *n, int *ret,
	ddl *d, ex_scope *sc, const PgQuery__SelectStmt *s)
{
	ex_group g = { NULL, 0, NULL, 0, d->keys };
	ex_type t;
	int r = EX_OK, distinct_on = 0;

	/* HAVING alone makes one group (parseCheckAggregates). */
	*grouped = s->n_group_clause || s->having_clause || aggregates(d, s);
	if (s->n_group_clause)
		r = group_by(&g, ret, d, sc, s);
	else if (*grouped && (g.items = calloc(1, sizeof(*g.items))) == NULL)
		r = oom(ret, d);
	sc->group = *grouped ? &g : NULL;
	sc->aggregates = 1;
	if (r == EX_OK)
		r = target_list(cols, n, ret, d, sc, s);
	if (r == EX_OK && s->having_clause) {
		ex_scope having = *sc;

		/* No window or set-returning function in HAVING. */
		having.no_window = having.no_srf = 1;
		r = ex_boolean(ret, d, &having, s->having_clause);
	}
	/* Plain DISTINCT compares whole rows. */
	for (size_t i = 0; r == EX_OK && s->n_distinct_clause == 1 &&
	     (s->distinct_clause[0] == NULL || s->distinct_clause[0]->node_case ==
	     PG_QUERY__NODE__NODE__NOT_SET) && i < *n; i++)
		r = ex_sortable(d, &(*cols)[i].type) ? EX_OK : EX_UNKNOWN;
	if (r == EX_OK)
		r = order_by(ret, d, sc, s, *cols, *n);
	/* DISTINCT ON lists its expressions after ORDER BY is transformed
	 * (transformSelectStmt); ORDER BY must begin with them (42P10).  A
	 * bare name is an output column's first (findTargetlistEntrySQL92):
	 * not followed. */
	for (size_t i = 0; i < s->n_distinct_clause && r == EX_OK; i++)
		if (s->distinct_clause[i] && s->distinct_clause[i]->node_case !=
		    PG_QUERY__NODE__NODE_LIST && s->distinct_clause[i]->node_case !=
		    PG_QUERY__NODE__NODE__NOT_SET) {
			if (output_name(s, s->distinct_clause[i])) {
				ddl_unknown(d, "DISTINCT ON an output column's name is not "
					"modelled");
				r = EX_UNKNOWN;
				break;
			}
			r = ex_analyse(&t, ret, d, sc, s->distinct_clause[i]);
			if (r == EX_OK && !ex_sortable(d, &t))
				r = EX_UNKNOWN;
			distinct_on = 1;
		}
	if (r == EX_OK && distinct_on && s->n_sort_clause)
		r = distinct_on_order(ret, d, sc, s);
	if (r == EX_OK && (r = limit(ret, d, s->limit_count)) == EX_OK)
		r = limit(ret, d, s->limit_offset);
	sc->group = NULL;
	free(g.items);
	free(g.keyed);
	return r;
}

/* The column of sc's one table that ColumnRef c names, or NULL. */
static const char *own_column(const ex_scope *sc, const PgQuery__Node *c)
{
	const PgQuery__ColumnRef *r = c->node_case ==
		PG_QUERY__NODE__NODE_COLUMN_REF ? c->column_ref : NULL;

	if (r == NULL || r->n_fields < 1 || r->n_fields > 2 ||
	    (r->n_fields == 2 && strcmp(ms_pg__node_string(r->fields[0]),
	    sc->rels[0].alias) != 0))
		return NULL;
	return ms_pg__node_string(r->fields[r->n_fields - 1]);
}

/*
 * Whether WHERE w certainly rejects every row of sc's one table because
 * a conjunct `col = 'constant'` names a key no row has: col alone is a
 * unique index whose keys are all kept (cat_kept), and the constant's
 * is not among them.  The literal takes the column's type, so equality
 * is the type's; a cast could change that and is not looked through.
 */
static int key_absent(int *absent, ddl *d, const ex_scope *sc,
	const PgQuery__Node *w)
{
	const PgQuery__AExpr *a;
	const PgQuery__Node *lit;
	const char *name;
	cat_kept *k = NULL;
	cat_col col;
	size_t nk;
	char key[256];
	int found, ret;

	*absent = 0;
	if (w->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR &&
	    w->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) {
		for (size_t i = 0; i < w->bool_expr->n_args && !*absent; i++)
			if ((ret = key_absent(absent, d, sc,
			    w->bool_expr->args[i])) < 0)
				return ret;
		return MS_OK;
	}
	if (w->node_case != PG_QUERY__NODE__NODE_A_EXPR)
		return MS_OK;
	a = w->a_expr;
	if (a->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || a->n_name != 1 ||
	    strcmp(ms_pg__node_string(a->name[0]), "=") != 0 ||
	    a->lexpr == NULL || a->rexpr == NULL)
		return MS_OK;
	name = own_column(sc, a->lexpr);
	lit = a->rexpr;
	if (name == NULL) {
		name = own_column(sc, a->rexpr);
		lit = a->lexpr;
	}
	if (name == NULL || lit->node_case != PG_QUERY__NODE__NODE_A_CONST)
		return MS_OK;
	if ((ret = cat_col_find(&found, &col, d->s, sc->rels[0].oid, name,
	    d->err)) < 0 || !found || !ex_key_value(key, sizeof(key), d, &col,
	    lit) || (ret = cat_kept_indexes(&k, &nk, d->s, sc->rels[0].oid,
	    d->err)) < 0)
		return ret;
	for (size_t i = 0; i < nk && ret == MS_OK; i++)
		if (k[i].kept && strcmp(k[i].columns, name) == 0 &&
		    (ret = cat_kept_key(&found, d->s, k[i].index, key, 0,
		    d->err)) == MS_OK)
			*absent = !found;
	free(k);
	return ret;
}

/* Whether a query over one table certainly returns no row: the table
 * certainly has rows (a parent's, whose children's rows are not kept,
 * never does), and its WHERE names a key none of them has. */
static int no_row_by_key(int *none, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__SelectStmt *s)
{
	cat_rel rel;
	int found;

	*none = 0;
	if (s->n_from_clause != 1 || s->from_clause[0]->node_case !=
	    PG_QUERY__NODE__NODE_RANGE_VAR || sc->n != 1 ||
	    sc->rels[0].oid == 0 || s->where_clause == NULL)
		return EX_OK;
	if ((*ret = cat_rel_by_oid(&found, &rel, d->s, sc->rels[0].oid,
	    d->err)) < 0 || (found && strcmp(rel.rows, "rows") == 0 &&
	    (*ret = key_absent(none, d, sc, s->where_clause)) < 0))
		return EX_STOP;
	return EX_OK;
}

/* Whether a query over one table, without WHERE, certainly returns a
 * row: the table certainly has one, and no policy can hide it. */
static int some_row(int *some, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__SelectStmt *s)
{
	cat_rel rel;
	int found;

	*some = 0;
	if (s->n_from_clause != 1 || s->from_clause[0]->node_case !=
	    PG_QUERY__NODE__NODE_RANGE_VAR || sc->n != 1 ||
	    sc->rels[0].oid == 0 || s->where_clause)
		return EX_OK;
	if ((*ret = cat_rel_by_oid(&found, &rel, d->s, sc->rels[0].oid,
	    d->err)) < 0 || (found && rel.relkind == 'r' &&
	    strcmp(rel.rows, "rows") == 0 &&
	    (*ret = cat_rel_unfiltered(some, d->s, rel.oid, d->err)) < 0))
		return EX_STOP;
	return EX_OK;
}

/* LIMIT n, n a positive integer constant: a row found is still there. */
static int limit_keeps_one(const PgQuery__Node *n)
{
	return n->node_case == PG_QUERY__NODE__NODE_A_CONST &&
		n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL &&
		n->a_const->ival->ival >= 1;
}

int ex_select(int *rows, ex_col **out, size_t *nout, int *ret, ddl *d,
	const ex_scope *outer, const PgQuery__SelectStmt *s)
{
	ex_scope sc;
	ex_col *cols = NULL;
	size_t n = 0;
	int r = EX_OK, none = 0, grouped = 0, some = 0;

	*rows = -1;
	if (out) {
		*out = NULL;
		*nout = 0;
	}
	if (s->into_clause || s->n_locking_clause || s->n_window_clause)
		return unknown(d, "this query's clauses are not modelled");
	if (s->n_values_lists)
		return s->with_clause || s->n_sort_clause || s->limit_count ?
			unknown(d, "this VALUES query is not modelled") :
			values_query(rows, out, nout, ret, d, outer, s);
	memset(&sc, 0, sizeof(sc));
	sc.outer = outer;
	if (s->with_clause)
		r = ex_with(ret, d, &sc, s->with_clause);
	if (r == EX_OK && s->op != PG_QUERY__SET_OPERATION__SETOP_NONE) {
		if (s->n_sort_clause || s->limit_count || s->limit_offset)
			r = unknown(d, "ORDER BY and LIMIT of a set operation are not "
				"modelled");
		else
			r = set_operation(rows, out, nout, ret, d, &sc, s);
		ex_scope_free(&sc);
		return r;
	}
	if (r == EX_OK)
		r = ex_from(&none, ret, d, &sc, s->from_clause, s->n_from_clause);
	if (r == EX_OK && s->where_clause)
		r = ex_boolean(ret, d, &sc, s->where_clause);
	if (r == EX_OK)
		r = select_body(&grouped, &cols, &n, ret, d, &sc, s);
	if (r == EX_OK && !none && !grouped)
		r = no_row_by_key(&none, ret, d, &sc, s);
	if (r == EX_OK && !none)
		r = some_row(&some, ret, d, &sc, s);
	if (r == EX_OK) {
		/* An aggregate without GROUP BY returns one row even over none. */
		if (returns_sets(s))
			*rows = none ? 0 : -1;
		else if (grouped && !s->n_group_clause)
			*rows = s->having_clause ? -1 : 1;
		else if (none)
			*rows = 0;
		else if (s->n_from_clause == 0)
			*rows = s->where_clause ? ex_truth(ret, d, &sc,
				s->where_clause) : 1;
		/* GROUP BY makes a group of any row. */
		else if (some)
			*rows = 1;
		/* OFFSET and LIMIT 0 (or one not a constant) may keep none;
		 * HAVING groups even without aggregates. */
		if (*rows > 0 && ((s->limit_count && !limit_keeps_one(
		    s->limit_count)) || s->limit_offset || s->having_clause))
			*rows = -1;
	}
	if (r == EX_OK && out) {
		*out = cols;
		*nout = n;
		cols = NULL;
	}
	free(cols);
	ex_scope_free(&sc);
	return r;
}

int ex_truth(int *ret, ddl *d, const ex_scope *sc, const PgQuery__Node *n)
{
	const PgQuery__SubLink *l;
	int rows, a, v, and;

	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_A_CONST:
		return n->a_const->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL ?
			n->a_const->boolval->boolval : -1;
	case PG_QUERY__NODE__NODE_SUB_LINK:
		l = n->sub_link;
		if (l->sub_link_type != PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK ||
		    l->subselect->node_case != PG_QUERY__NODE__NODE_SELECT_STMT ||
		    ex_select(&rows, NULL, NULL, ret, d, sc,
		    l->subselect->select_stmt) != EX_OK || rows < 0)
			return -1;
		return rows > 0;
	case PG_QUERY__NODE__NODE_BOOL_EXPR:
		if (n->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__NOT_EXPR)
			return (a = ex_truth(ret, d, sc, n->bool_expr->args[0])) < 0 ?
				-1 : !a;
		and = n->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR;
		v = and;
		for (size_t i = 0; i < n->bool_expr->n_args; i++) {
			if ((a = ex_truth(ret, d, sc, n->bool_expr->args[i])) < 0)
				return -1;
			v = and ? v && a : v || a;
		}
		return v;
	default:
		return -1;
	}
}
