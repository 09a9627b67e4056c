/*
 * ddl_policy.c - row level security policies: CREATE, ALTER, DROP and
 * ALTER ... RENAME POLICY (PostgreSQL 15's commands/policy.c).
 * A policy is kept only as rows of migsim_depend of kind
 * "policy:<name>" on its table: one on the table itself says it exists,
 * the others are what its USING and WITH CHECK read (other tables and
 * views, which of their columns not recorded, and the types they cast
 * to), so that dropping one of those refuses as PostgreSQL does (2BP01,
 * "policy p on table "T" depends on table "M"").  The rows go with DROP
 * POLICY, with ALTER POLICY's new expressions and with the table.
 */
#include <stdio.h>
#include <string.h>

#include "ddl.h"
#include "expr.h"

static void policy_kind(char *out, size_t n, const char *name)
{
	snprintf(out, n, "policy:%s", name);
}

/* PUBLIC and the session's own roles exist; a named role may not. */
static int roles_known(PgQuery__Node **roles, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (roles[i]->node_case != PG_QUERY__NODE__NODE_ROLE_SPEC ||
		    roles[i]->role_spec->roletype ==
		    PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING)
			return 0;
	return 1;
}

/* RangeVarGetRelidExtended with RangeVarCallbackForPolicy: a table or a
 * partitioned table. */
static int policy_table(int *found, cat_rel *rel, ddl *d,
	const PgQuery__RangeVar *rv, int missing_ok)
{
	int ret = ddl_open_rel(found, rel, d, rv, missing_ok);

	if (ret < 0 || !*found || rel->relkind == 'r' || rel->relkind == 'p')
		return ret;
	*found = 0;
	return ddl_fail(d, "42809", "policy.c:94:RangeVarCallbackForPolicy", -1,
		"\"%s\" is not a table", rv->relname);
}

/* Analyse USING / WITH CHECK over the table, as transformWhereClause
 * does with no source text: errors carry no position.  Subqueries are
 * not analysed. */
static int policy_expr(int *ret, ddl *d, const cat_rel *rel,
	const PgQuery__Node *expr)
{
	int saved = d->no_position, r;
	ex_scope sc;

	*ret = MS_OK;
	if (expr == NULL)
		return EX_OK;
	memset(&sc, 0, sizeof(sc));
	sc.no_subqueries = 1;
	d->no_position = 1;
	*ret = ex_scope_add(&sc, d, rel->schema, rel->name, NULL);
	r = *ret < 0 ? EX_STOP : ex_boolean(ret, d, &sc, expr);
	d->no_position = saved;
	ex_scope_free(&sc);
	return r;
}

/* What CREATE and ALTER POLICY check before the policy's name: its
 * roles, its table, its expressions.  *ok 1 when all passed. */
static int policy_target(int *ok, cat_rel *rel, ddl *d, PgQuery__Node **roles,
	size_t n_roles, const PgQuery__RangeVar *table,
	const PgQuery__Node *qual, const PgQuery__Node *check)
{
	int found, ret, r;

	*ok = 0;
	if (!roles_known(roles, n_roles)) {
		ddl_unknown(d, "whether these roles exist is not modelled");
		return MS_OK;
	}
	if ((ret = policy_table(&found, rel, d, table, 0)) < 0 || !found)
		return ret;
	if ((r = policy_expr(&ret, d, rel, qual)) == EX_OK)
		r = policy_expr(&ret, d, rel, check);
	*ok = r == EX_OK;
	return ret;
}

int ddl_policy_create(ddl *d, const PgQuery__CreatePolicyStmt *c)
{
	const char *cmd = c->cmd_name ? c->cmd_name : "all";
	char kind[CAT_NAME + 8];
	cat_rel rel;
	int found, ret;

	if (c->with_check && (strcmp(cmd, "select") == 0 ||
	    strcmp(cmd, "delete") == 0))
		return ddl_fail(d, "42601", "policy.c:605:CreatePolicy", -1,
			"WITH CHECK cannot be applied to SELECT or DELETE");
	if (c->qual && strcmp(cmd, "insert") == 0)
		return ddl_fail(d, "42601", "policy.c:614:CreatePolicy", -1,
			"only WITH CHECK expression allowed for INSERT");
	if ((ret = policy_target(&found, &rel, d, c->roles, c->n_roles,
	    c->table, c->qual, c->with_check)) < 0 || !found)
		return ret;
	policy_kind(kind, sizeof(kind), c->policy_name);
	if ((ret = cat_dep_self(&found, d->s, kind, rel.oid, d->err)) < 0 ||
	    !found)
		return ret;
	return ddl_fail(d, "42710", "policy.c:689:CreatePolicy", -1,
		"policy \"%s\" for table \"%s\" already exists", c->policy_name,
		rel.name);
}

/* Which command the policy is for is not kept: new expressions are
 * checked against it after the lookup, so only a change of roles is
 * decided. */
int ddl_policy_alter(ddl *d, const PgQuery__AlterPolicyStmt *a)
{
	char kind[CAT_NAME + 8];
	cat_rel rel;
	int found, ret;

	if ((ret = policy_target(&found, &rel, d, a->roles, a->n_roles,
	    a->table, a->qual, a->with_check)) < 0 || !found)
		return ret;
	policy_kind(kind, sizeof(kind), a->policy_name);
	if ((ret = cat_dep_self(&found, d->s, kind, rel.oid, d->err)) < 0)
		return ret;
	if (!found)
		return ddl_fail(d, "42704", "policy.c:891:AlterPolicy", -1,
			"policy \"%s\" for table \"%s\" does not exist", a->policy_name,
			rel.name);
	if (a->qual || a->with_check)
		ddl_unknown(d, "whether the policy's command takes this expression "
			"is not modelled");
	return MS_OK;
}

/* DROP POLICY [IF EXISTS] name ON [schema.]table. */
int ddl_policy_drop(ddl *d, const PgQuery__DropStmt *ds)
{
	for (size_t i = 0; i < ds->n_objects && !DDL_FAILED(d); i++) {
		const PgQuery__List *l = ds->objects[i]->list;
		PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
		char kind[CAT_NAME + 8];
		const char *name;
		cat_rel rel;
		int found, ret;

		if (ds->objects[i]->node_case != PG_QUERY__NODE__NODE_LIST ||
		    l->n_items < 2 || l->n_items > 3 ||
		    (name = ms_pg__node_string(l->items[l->n_items - 1])) == NULL ||
		    (rv.relname = (char *)ms_pg__node_string(
		    l->items[l->n_items - 2])) == NULL) {
			ddl_unknown(d, "this DROP POLICY is not modelled");
			continue;
		}
		if (l->n_items == 3)
			rv.schemaname = (char *)ms_pg__node_string(l->items[0]);
		if ((ret = ddl_open_rel(&found, &rel, d, &rv, ds->missing_ok)) < 0)
			return ret;
		if (!found && ds->missing_ok && d->gap)
			ddl_unknown(d, "the table may exist unseen");
		if (!found)
			continue;
		/* table_openrv_extended, IF EXISTS or not. */
		if ((ret = ddl_table_openable(d, &rel)) < 0 || DDL_FAILED(d))
			return ret;
		policy_kind(kind, sizeof(kind), name);
		if ((ret = cat_dep_self(&found, d->s, kind, rel.oid, d->err)) < 0)
			return ret;
		if (!found && !ds->missing_ok)
			return ddl_fail(d, "42704",
				"policy.c:1241:get_relation_policy_oid", -1,
				"policy \"%s\" for table \"%s\" does not exist", name,
				rel.name);
		if ((ret = cat_dep_drop_dependent(d->s, kind, rel.oid, d->err)) < 0)
			return ret;
	}
	return MS_OK;
}

/* ALTER POLICY ... RENAME TO: a later 2BP01 names it so. */
int ddl_policy_rename(ddl *d, const PgQuery__RenameStmt *r)
{
	char kind[CAT_NAME + 8], now[CAT_NAME + 8], desc[3 * CAT_NAME + 24],
		q[2 * CAT_NAME + 8];
	cat_rel rel;
	int found, ret;

	if (r->relation == NULL || r->subname == NULL || r->newname == NULL) {
		ddl_unknown(d, "this RENAME is not modelled");
		return MS_OK;
	}
	if ((ret = policy_table(&found, &rel, d, r->relation,
	    r->missing_ok)) < 0 || !found)
		return ret;
	policy_kind(kind, sizeof(kind), r->subname);
	policy_kind(now, sizeof(now), r->newname);
	if ((ret = cat_dep_self(&found, d->s, now, rel.oid, d->err)) < 0)
		return ret;
	if (found)
		return ddl_fail(d, "42710", "policy.c:1142:rename_policy", -1,
			"policy \"%s\" for table \"%s\" already exists", r->newname,
			rel.name);
	if ((ret = cat_dep_self(&found, d->s, kind, rel.oid, d->err)) < 0)
		return ret;
	if (!found)
		return ddl_fail(d, "42704", "policy.c:1170:rename_policy", -1,
			"policy \"%s\" for table \"%s\" does not exist", r->subname,
			rel.name);
	cat_label(q, sizeof(q), rel.schema, rel.name);
	snprintf(desc, sizeof(desc), "policy %s on table %s", r->newname, q);
	return cat_dep_rename(d->s, kind, rel.oid, now, desc, d->err);
}

/* --- what a policy reads ---------------------------------------------------- */

struct policy_refs {
	ddl *d;
	int64_t table;
	const char *kind, *desc;
	int with, strings, cast_strings, ret;
};

static int visit_policy_with(const PgQuery__Node *n, void *ctx)
{
	struct policy_refs *p = ctx;

	p->with |= n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
		n->select_stmt->with_clause != NULL;
	return p->with;
}

/* 'ADMIN' compared with an enum column becomes a constant of the enum's
 * type, which the policy then depends on; which type is not followed. */
static int bare_string(const PgQuery__Node *n)
{
	return n->node_case == PG_QUERY__NODE__NODE_A_CONST &&
		n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
}

static int visit_policy_ref(const PgQuery__Node *n, void *ctx)
{
	struct policy_refs *p = ctx;
	const PgQuery__RangeVar *rv;
	cat_rel r;
	int found;

	if (n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST &&
	    n->type_cast->arg && bare_string(n->type_cast->arg))
		p->cast_strings++;
	if (bare_string(n))
		p->strings++;
	if (n->node_case != PG_QUERY__NODE__NODE_RANGE_VAR)
		return 0;
	rv = n->range_var;
	if ((p->ret = cat_rel_find(&found, &r, p->d->s,
	    ddl_schema(rv->schemaname), rv->relname, p->d->err)) < 0)
		return 1;
	if (found && r.oid != p->table)
		p->ret = cat_dep_add(p->d->s, p->kind, p->table, "rel", r.oid, "*",
			p->desc, p->d->err);
	return p->ret < 0;
}

static int policy_uses(ddl *d, const char *name, const cat_rel *rel,
	const PgQuery__Node *qual, const PgQuery__Node *check)
{
	char kind[CAT_NAME + 8], desc[3 * CAT_NAME + 24], q[2 * CAT_NAME + 8];
	struct policy_refs p = { d, rel->oid, kind, desc, 0, 0, 0, MS_OK };
	const PgQuery__Node *expr[2] = { qual, check };
	int ret;

	policy_kind(kind, sizeof(kind), name);
	cat_label(q, sizeof(q), rel->schema, rel->name);
	snprintf(desc, sizeof(desc), "policy %s on table %s", name, q);
	if ((ret = cat_dep_add(d->s, kind, rel->oid, "rel", rel->oid, "*", desc,
	    d->err)) < 0)
		return ret;
	for (size_t i = 0; i < 2; i++) {
		if (expr[i] == NULL)
			continue;
		/* A WITH query's name may be a table's too. */
		ddl_walk(&expr[i]->base, visit_policy_with, &p);
		if (p.with)
			return ddl_deps_gap(d);
		ddl_walk(&expr[i]->base, visit_policy_ref, &p);
		if (p.ret < 0 || (p.ret = ddl_cast_dependencies(d, expr[i], kind,
		    rel->oid, desc)) < 0)
			return p.ret;
	}
	/* Type 0 stands for "some type": DROP TYPE is then not decided. */
	if (p.strings > p.cast_strings)
		return cat_dep_add(d->s, kind, rel->oid, "type", 0, NULL, desc,
			d->err);
	return MS_OK;
}

/* Given only one of USING and WITH CHECK, ALTER POLICY keeps the other,
 * whose reads are not told apart from the replaced one's. */
int ddl_policy_record(ddl *d, const PgQuery__Node *n, const cat_rel *rel)
{
	const PgQuery__AlterPolicyStmt *a;
	char kind[CAT_NAME + 8];
	int ret;

	if (n->node_case == PG_QUERY__NODE__NODE_CREATE_POLICY_STMT)
		return policy_uses(d, n->create_policy_stmt->policy_name, rel,
			n->create_policy_stmt->qual, n->create_policy_stmt->with_check);
	a = n->alter_policy_stmt;
	if (a->qual == NULL && a->with_check == NULL)
		return MS_OK;
	policy_kind(kind, sizeof(kind), a->policy_name);
	if ((ret = cat_dep_drop_dependent(d->s, kind, rel->oid, d->err)) < 0 ||
	    (ret = policy_uses(d, a->policy_name, rel, a->qual,
	    a->with_check)) < 0)
		return ret;
	return a->qual && a->with_check ? MS_OK : ddl_deps_gap(d);
}
