/*
 * ddl_domain.c - CREATE DOMAIN and ALTER DOMAIN (PostgreSQL 15's
 * DefineDomain, AlterDomain* and domainAddConstraint in typecmds.c).
 * A domain is a migsim_type of kind 'd' over its base type, with NOT
 * NULL, whether it has a default, and named CHECK constraints whose
 * expressions are analysed over VALUE as a value of the base type.  No
 * value is ever evaluated: what a check or NOT NULL says of existing rows
 * is decided only where no table with a column of the domain has any.
 * DROP and RENAME of domains go through ddl.c's type statements.
 */
#include <stdio.h>
#include <string.h>

#include "ddl.h"
#include "expr.h"

static const char *str(const char *s)
{
	return s && s[0] ? s : NULL;
}

/* The schema and name of a domain's name list. */
static int domain_name(const char **schema, const char **name,
	PgQuery__Node **names, size_t n)
{
	if (n == 0 || n > 2)
		return 0;
	*name = ms_pg__node_string(names[n - 1]);
	*schema = n == 2 ? ms_pg__node_string(names[0]) : "public";
	return *name && *schema;
}

/* The base type as a column, for expr.c's questions. */
static void base_column(cat_col *col, const cat_domain *dom)
{
	memset(col, 0, sizeof(*col));
	snprintf(col->type, sizeof(col->type), "%s", dom->base_type);
	snprintf(col->base, sizeof(col->base), "%s", dom->base);
	col->type_oid = dom->base_oid;
}

/* A check names VALUE, or columns that do not exist (42703, from the
 * analysis); a qualified name or a whole row is not followed. */
static int visit_value_only(const PgQuery__Node *n, void *ctx)
{
	const PgQuery__ColumnRef *cr;

	if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return 0;
	cr = n->column_ref;
	if (cr->n_fields != 1 || ms_pg__node_string(cr->fields[0]) == NULL)
		*(int *)ctx = 1;
	return 0;
}

/* A CHECK over VALUE (domainAddConstraint): analysed as PostgreSQL does,
 * without positions, and it must be boolean (coerce_to_boolean). */
static int analyse_check(ddl *d, const cat_domain *dom,
	const PgQuery__Node *expr)
{
	ex_col value;
	ex_rel rel;
	ex_scope sc;
	cat_col col;
	ex_type t;
	int other = 0, saved = d->no_position, ret = MS_OK, r;

	ddl_walk(&expr->base, visit_value_only, &other);
	if (other) {
		ddl_unknown(d, "a domain check naming a qualified column or a row "
			"is not modelled");
		return MS_OK;
	}
	memset(&value, 0, sizeof(value));
	snprintf(value.name, sizeof(value.name), "value");
	base_column(&col, dom);
	if ((ret = ex_column_type(&value.type, d, &col)) < 0)
		return ret;
	memset(&rel, 0, sizeof(rel));
	rel.alias = "";
	rel.cols = &value;
	rel.ncols = 1;
	memset(&sc, 0, sizeof(sc));
	sc.rels = &rel;
	sc.n = sc.cap = 1;
	sc.no_subqueries = 1;
	d->no_position = 1;
	r = ex_analyse(&t, &ret, d, &sc, expr);
	d->no_position = saved;
	if (ret < 0 || DDL_FAILED(d) || r != EX_OK)
		return ret;
	if (t.cat == 'B' || t.cat == 'Z')
		return MS_OK;
	if (t.cat == 'X' || t.display[0] == '\0') {
		ddl_unknown(d, "a check that is not boolean is not modelled");
		return MS_OK;
	}
	return ddl_fail(d, "42804", "parse_coerce.c:1176:coerce_to_boolean", -1,
		"argument of CHECK must be type boolean, not type %s", t.display);
}

/* A default (cookDefault): no columns, converted to the base type. */
static int analyse_default(ddl *d, const cat_domain *dom,
	const PgQuery__Node *expr)
{
	ex_scope none;
	cat_col col;
	ex_type t;
	int saved = d->no_position, ret = MS_OK, r;

	memset(&none, 0, sizeof(none));
	none.no_columns = 1;
	none.no_subqueries = 1;
	base_column(&col, dom);
	d->no_position = 1;
	if ((r = ex_analyse(&t, &ret, d, &none, expr)) == EX_OK)
		ex_assignable(&ret, d, &t, &col);
	d->no_position = saved;
	return ret;
}

/* A new CHECK: named, or named as ChooseConstraintName names it. */
static int add_check(ddl *d, const cat_type *type, const cat_domain *dom,
	const PgQuery__Constraint *c, int validated)
{
	char name[CAT_NAME];
	int found, ret;

	if (c->is_no_inherit) {
		ddl_unknown(d, "NO INHERIT on a domain's check is not modelled");
		return MS_OK;
	}
	if (str(c->conname)) {
		snprintf(name, sizeof(name), "%s", c->conname);
		if ((ret = cat_domain_check_find(&found, NULL, d->s, type->oid, name,
		    d->err)) < 0)
			return ret;
		if (found)
			return ddl_fail(d, "42710", "typecmds.c:3470:domainAddConstraint",
				-1, "constraint \"%s\" for domain \"%s\" already exists", name,
				type->name);
	}
	if ((ret = analyse_check(d, dom, c->raw_expr)) < 0 || DDL_FAILED(d))
		return ret;
	if (!str(c->conname) && (ret = ddl_constraint_name(name, d, type->schema,
	    type->name, "check")) < 0)
		return ret;
	return cat_domain_check_set(d->s, type->oid, name, validated, d->err);
}

/* Resolve the base type: 42704 without a position, or not modelled. */
static int base_type(int *ok, cat_domain *dom, ddl *d,
	const PgQuery__TypeName *tn)
{
	ms_typeref ref;
	int ret;

	*ok = 0;
	if ((ret = ms_pg__resolve_type(&ref, d->s, tn, d->err)) < 0)
		return ret;
	if (!ref.known || ref.serial || (ref.exists && ref.user_kind &&
	    ref.user_kind != 'e' && ref.user_kind != 'd')) {
		ddl_unknown(d, "this base type of a domain is not modelled");
		return MS_OK;
	}
	if (!ref.exists && tn->n_names == 1) {
		cat_rel r;
		int found;

		/* A relation's row type. */
		if ((ret = cat_rel_find(&found, &r, d->s, "public", ref.base,
		    d->err)) < 0)
			return ret;
		if (found) {
			ddl_unknown(d, "a domain over a row type is not modelled");
			return MS_OK;
		}
	}
	if (!ref.exists)
		return ddl_fail(d, "42704", "parse_type.c:270:typenameType", -1,
			"type \"%s\" does not exist", ref.written);
	snprintf(dom->base_type, sizeof(dom->base_type), "%s", ref.display);
	snprintf(dom->base, sizeof(dom->base), "%s", ref.base);
	dom->base_oid = ref.user_oid;
	*ok = 1;
	return MS_OK;
}

static int inherit_default(cat_domain *dom, ddl *d)
{
	cat_domain base;
	int found, ret;

	if ((ret = cat_domain_get(&found, &base, d->s, dom->base_oid,
	    d->err)) < 0)
		return ret;
	dom->has_default = found && base.has_default &&
		strchr(dom->base_type, '[') == NULL;
	return MS_OK;
}

int ddl_domain_create(ddl *d, const PgQuery__CreateDomainStmt *c)
{
	const char *schema, *name;
	int null_seen = 0, default_seen = 0, taken, ok, ret;
	cat_domain dom;
	cat_type type;
	char q[CAT_NAME + 4];

	if (!domain_name(&schema, &name, c->domainname, c->n_domainname)) {
		ddl_unknown(d, "this domain name is not modelled");
		return ddl_catalog_gap(d);
	}
	if ((ret = ddl_schema_ok(d, schema, &ok)) < 0)
		return ret;
	if (!ok)
		return ddl_catalog_gap(d);
	if ((ret = ddl_type_taken(&taken, d, schema, name)) < 0)
		return ret;
	if (taken)
		return ddl_fail(d, "42710", "typecmds.c:752:DefineDomain", -1,
			"type \"%s\" already exists", name);
	memset(&dom, 0, sizeof(dom));
	if ((ret = base_type(&ok, &dom, d, c->type_name)) < 0 || DDL_FAILED(d))
		return ret;
	if (!ok)
		return ddl_catalog_gap(d);
	/* DefineDomain checks the collation, then each clause in turn: what
	 * is not modelled may fail before what follows. */
	if (c->coll_clause) {
		ddl_unknown(d, "a domain's collation is not modelled");
		d->open_check = 1;
	}
	for (size_t i = 0; i < c->n_constraints && !DDL_FAILED(d); i++) {
		const PgQuery__Constraint *k = c->constraints[i]->constraint;

		if (c->constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
			return ms_error_set(d->err, MS_EINPUT, "domain constraint");
		switch (k->contype) {
		case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
			if (default_seen)
				return ddl_fail(d, "42601", "typecmds.c:877:DefineDomain",
					-1, "multiple default expressions");
			default_seen = 1;
			if ((ret = analyse_default(d, &dom, k->raw_expr)) < 0)
				return ret;
			/* DEFAULT NULL is no default, but over a domain it is that
			 * domain's NULL, which its checks see (cookDefault). */
			dom.has_default = k->raw_expr->node_case !=
				PG_QUERY__NODE__NODE_A_CONST || !k->raw_expr->a_const->isnull ||
				dom.base_oid;
			break;
		case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
		case PG_QUERY__CONSTR_TYPE__CONSTR_NULL: {
			int not_null = k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL;

			if (null_seen && dom.not_null != not_null)
				return ddl_fail(d, "42601", not_null ? "typecmds.c:940:"
					"DefineDomain" : "typecmds.c:949:DefineDomain", -1,
					"conflicting NULL/NOT NULL constraints");
			dom.not_null = not_null;
			null_seen = 1;
			break;
		}
		case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
			/* NO INHERIT is refused here, in the clauses' order. */
			if (k->is_no_inherit) {
				ddl_unknown(d, "NO INHERIT on a domain's check is not "
					"modelled");
				d->open_check = 1;
			}
			break;
		default:
			ddl_unknown(d, "this domain constraint is not modelled");
			d->open_check = 1;
			break;
		}
	}
	if (DDL_FAILED(d))
		return MS_OK;
	/* Without a DEFAULT clause a domain over a domain takes its base's
	 * default as it is now. */
	if (!default_seen && dom.base_oid &&
	    (ret = inherit_default(&dom, d)) < 0)
		return ret;
	if ((ret = cat_type_add(&type.oid, d->s, schema, name, 'd', NULL,
	    d->err)) < 0)
		return ret;
	snprintf(type.schema, sizeof(type.schema), "%s", schema);
	snprintf(type.name, sizeof(type.name), "%s", name);
	type.kind = 'd';
	dom.type = type.oid;
	if ((ret = cat_domain_add(d->s, &dom, d->err)) < 0)
		return ret;
	/* What the base is, the domain depends on (2BP01 for DROP TYPE). */
	cat_quote_ident(q, sizeof(q), name);
	{
		char what[CAT_NAME + 16];

		snprintf(what, sizeof(what), "type %s", q);
		if (dom.base_oid && (ret = cat_dep_add(d->s, "type", type.oid, "type",
		    dom.base_oid, NULL, what, d->err)) < 0)
			return ret;
	}
	for (size_t i = 0; i < c->n_constraints && !DDL_FAILED(d); i++) {
		const PgQuery__Constraint *k = c->constraints[i]->constraint;

		if (k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK &&
		    (ret = add_check(d, &type, &dom, k, 1)) < 0)
			return ret;
		/* Its checks and default depend on the types they cast to. */
		if ((k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK ||
		    k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT) &&
		    (ret = ddl_cast_dependencies(d, k->raw_expr, "cast", type.oid,
		    "")) < 0)
			return ret;
	}
	return MS_OK;
}

int ddl_domain_find(int *found, cat_type *type, ddl *d,
	PgQuery__Node **names, size_t n, const char *site)
{
	char q[2 * CAT_NAME + 8];
	int row_type, ret;

	if ((ret = ddl_type_named(found, type, d, names, n, &row_type)) < 0 ||
	    !*found) {
		if (ret == MS_OK && row_type)
			ddl_unknown(d, "ALTER DOMAIN of a row type is not modelled");
		return ret;
	}
	if (type->kind != 'd') {
		*found = 0;
		cat_type_label(q, sizeof(q), type->schema, type->name);
		return ddl_fail(d, "42809", site, -1, "%s is not a domain", q);
	}
	return MS_OK;
}

/* The domain ALTER DOMAIN names (typenameTypeId, checkDomainOwner). */
static int find_domain(int *found, cat_type *type, cat_domain *dom, ddl *d,
	PgQuery__Node **names, size_t n)
{
	int ret = ddl_domain_find(found, type, d, names, n,
		"typecmds.c:3438:checkDomainOwner");

	if (ret < 0 || !*found)
		return ret;
	if ((ret = cat_domain_get(found, dom, d->s, type->oid, d->err)) < 0)
		return ret;
	if (!*found)
		ddl_unknown(d, "this domain is not modelled");
	return MS_OK;
}

/* Whether rows of the domain's columns decide nothing: none exist.
 * Columns of an array of it are refused first, rows or not
 * (get_rels_with_domain). */
static int no_rows(int *none, ddl *d, const cat_type *type, const char *what)
{
	char rows[8], rel[CAT_NAME], column[CAT_NAME], q[CAT_NAME + 4];
	int n, nested = 0, ret;

	*none = 0;
	/* A composite type, or a table's row type, holding a column of it
	 * and used as a column's type is 0A000 (find_composite_type_
	 * dependencies), rows or not: not followed. */
	if ((ret = ddl_meta_has(&nested, d, COMPOSITES_KEY)) < 0)
		return ret;
	if (nested) {
		ddl_unknown(d, "composite types holding this domain are not "
			"modelled");
		return MS_OK;
	}
	if ((ret = cat_domain_array_columns(&n, rel, column, d->s, type->oid,
	    d->err)) < 0)
		return ret;
	cat_quote_ident(q, sizeof(q), type->name);
	/* Through a domain over this one, the message names that domain
	 * (get_rels_with_domain recurses). */
	if (n == 1 && (ret = cat_dep_kind(&nested, d->s, "type", "type",
	    type->oid, d->err)) < 0)
		return ret;
	if (n == 1 && nested) {
		ddl_unknown(d, "which domain PostgreSQL names is not modelled");
		return MS_OK;
	}
	if (n == 1)
		return ddl_fail(d, "0A000", "tablecmds.c:6613:"
			"find_composite_type_dependencies", -1, "cannot alter type \"%s\" "
			"because column \"%s.%s\" uses it", q, rel, column);
	if (n > 1) {
		ddl_unknown(d, "which array column PostgreSQL reports is not "
			"modelled");
		return MS_OK;
	}
	ret = cat_domain_rows(rows, sizeof(rows), d->s, type->oid, d->err);

	*none = ret == MS_OK && strcmp(rows, "empty") == 0;
	if (ret == MS_OK && !*none)
		ddl_unknown(d, what);
	return ret;
}

/* The domain as written, dotted and unquoted (TypeNameToString). */
static int missing_check(ddl *d, const char *site, const char *con,
	PgQuery__Node **names, size_t n)
{
	char written[3 * CAT_NAME + 4] = "";

	for (size_t i = 0; i < n; i++) {
		const char *part = ms_pg__node_string(names[i]);
		size_t len = strlen(written);

		snprintf(written + len, sizeof(written) - len, "%s%s", i ? "." : "",
			part ? part : "");
	}
	return ddl_fail(d, "42704", site, -1, "constraint \"%s\" of domain \"%s\" "
		"does not exist", con, written);
}

int ddl_domain_alter(ddl *d, const PgQuery__AlterDomainStmt *a)
{
	const char *sub = a->subtype;
	cat_type type;
	cat_domain dom;
	int found, none, ret;

	if ((ret = find_domain(&found, &type, &dom, d, a->type_name,
	    a->n_type_name)) < 0 || !found)
		return ret;
	switch (sub[0]) {
	case 'T':                               /* SET / DROP DEFAULT */
		if (a->def && ((ret = analyse_default(d, &dom, a->def)) < 0 ||
		    (ret = ddl_cast_dependencies(d, a->def, "cast", type.oid,
		    "")) < 0))
			return ret;
		if (DDL_FAILED(d))
			return MS_OK;
		return cat_domain_set(d->s, type.oid, -1, a->def != NULL &&
			(a->def->node_case != PG_QUERY__NODE__NODE_A_CONST ||
			!a->def->a_const->isnull || dom.base_oid), d->err);
	case 'N':                               /* DROP NOT NULL */
		return cat_domain_set(d->s, type.oid, 0, -1, d->err);
	case 'O':                               /* SET NOT NULL */
		if (!dom.not_null && (ret = no_rows(&none, d, &type, "SET NOT NULL "
		    "on a domain depends on the rows of its columns")) < 0)
			return ret;
		return cat_domain_set(d->s, type.oid, 1, -1, d->err);
	case 'C': {                             /* ADD CONSTRAINT */
		const PgQuery__Constraint *c = a->def &&
			a->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT ?
			a->def->constraint : NULL;

		if (c == NULL || c->contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK) {
			ddl_unknown(d, "this domain constraint is not modelled");
			return MS_OK;
		}
		if ((ret = add_check(d, &type, &dom, c, !c->skip_validation)) < 0 ||
		    DDL_FAILED(d) || (ret = ddl_cast_dependencies(d, c->raw_expr,
		    "cast", type.oid, "")) < 0)
			return ret;
		if (!c->skip_validation)
			return no_rows(&none, d, &type, "a domain's new check depends on "
				"the rows of its columns");
		return MS_OK;
	}
	case 'X':                               /* DROP CONSTRAINT */
		if ((ret = cat_domain_check_find(&found, NULL, d->s, type.oid,
		    a->name, d->err)) < 0)
			return ret;
		if (!found)
			return a->missing_ok ? MS_OK : missing_check(d,
				"typecmds.c:2894:AlterDomainDropConstraint", a->name,
				a->type_name, a->n_type_name);
		if (a->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
			ddl_unknown(d, "what depends on a domain's check is not "
				"modelled");
		return cat_domain_check_drop(d->s, type.oid, a->name, d->err);
	case 'V': {                             /* VALIDATE CONSTRAINT */
		int validated;

		if ((ret = cat_domain_check_find(&found, &validated, d->s, type.oid,
		    a->name, d->err)) < 0)
			return ret;
		if (!found)
			return missing_check(d,
				"typecmds.c:3096:AlterDomainValidateConstraint", a->name,
				a->type_name, a->n_type_name);
		if (!validated && (ret = no_rows(&none, d, &type, "validating a "
		    "domain's check depends on the rows of its columns")) < 0)
			return ret;
		return cat_domain_check_set(d->s, type.oid, a->name, 1, d->err);
	}
	default:
		ddl_unknown(d, "this ALTER DOMAIN is not modelled");
		return MS_OK;
	}
}

int ddl_domain_rename_check(ddl *d, const PgQuery__RenameStmt *r)
{
	const PgQuery__List *l = r->object && r->object->node_case ==
		PG_QUERY__NODE__NODE_LIST ? r->object->list : NULL;
	cat_type type;
	cat_domain dom;
	int found, taken, ret;

	if (l == NULL) {
		ddl_unknown(d, "this RENAME is not modelled");
		return MS_OK;
	}
	if ((ret = find_domain(&found, &type, &dom, d, l->items, l->n_items)) < 0 ||
	    !found)
		return ret;
	if ((ret = cat_domain_check_find(&found, NULL, d->s, type.oid,
	    r->subname, d->err)) < 0 ||
	    (ret = cat_domain_check_find(&taken, NULL, d->s, type.oid,
	    r->newname, d->err)) < 0)
		return ret;
	if (!found || taken) {
		ddl_unknown(d, "this RENAME CONSTRAINT of a domain is not modelled");
		return MS_OK;
	}
	return cat_domain_check_rename(d->s, type.oid, r->subname, r->newname,
		d->err);
}

int ddl_domain_facts(int *not_null, int *has_default, int *checks, ddl *d,
	int64_t type)
{
	int found = 1, ret;

	*not_null = *has_default = 0;
	if ((ret = cat_domain_checks(checks, d->s, type, d->err)) < 0)
		return ret;
	/* Up the chain: a domain over a domain meets both. */
	for (int depth = 0; type && found && depth < 64; depth++) {
		cat_domain dom;
		cat_type t;

		if ((ret = cat_type_by_oid(&found, &t, d->s, type, d->err)) < 0)
			return ret;
		if (!found || t.kind != 'd')
			break;
		if ((ret = cat_domain_get(&found, &dom, d->s, type, d->err)) < 0)
			return ret;
		if (!found)
			break;
		*not_null |= dom.not_null;
		/* A base's default was copied when the domain was made. */
		if (depth == 0)
			*has_default = dom.has_default;
		/* Over an array of a domain: the element's rules are not the
		 * value's. */
		if (strchr(dom.base_type, '['))
			break;
		type = dom.base_oid;
	}
	return MS_OK;
}
