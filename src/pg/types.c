/*
 * types.c - resolving a type name the way PostgreSQL 15 does for column
 * definitions: user types on the search path, the built-in types of
 * pg_catalog, the types extensions bring; and format_type's spelling of
 * the result, which error messages and the schema dump use.  Also the
 * built-in function and operator-class names that decide 42883 and 42704.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "pg_int.h"
#include "builtins_table.h"

static int by_name(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

int ms_pg__builtin_function(const char *name)
{
	return bsearch(name, builtin_functions, sizeof(builtin_functions) /
		sizeof(builtin_functions[0]), sizeof(builtin_functions[0]),
		by_name) != NULL;
}

int ms_pg__builtin_opclass(const char *name, const char *method)
{
	int other = 0;

	for (size_t i = 0; i < sizeof(builtin_opclasses) /
	     sizeof(builtin_opclasses[0]); i++)
		if (strcmp(builtin_opclasses[i].name, name) == 0) {
			if (strcmp(builtin_opclasses[i].am, method) == 0)
				return 1;
			other = 1;
		}
	return other ? -1 : 0;
}

const char *ms_pg__extension_of(const char *kind, const char *name)
{
	for (size_t i = 0; i < sizeof(extension_objects) /
	     sizeof(extension_objects[0]); i++)
		if (strcmp(extension_objects[i].name, name) == 0 &&
		    strcmp(extension_objects[i].kind, kind) == 0)
			return extension_objects[i].extension;
	return NULL;
}

static int by_object_name(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

const char *ms_pg__extension_named(const char *name)
{
	/* extension_objects is in name order (builtins_table.h). */
	const void *hit = bsearch(name, extension_objects,
		sizeof(extension_objects) / sizeof(extension_objects[0]),
		sizeof(extension_objects[0]), by_object_name);

	if (hit == NULL)
		return NULL;
	return extension_objects[((const char *)hit -
		(const char *)extension_objects) / sizeof(extension_objects[0])].
		extension;
}

const char *ms_pg__extension_version(const char *extension)
{
	/* default_version of 15.18's control files: the newest each has. */
	static const struct { const char *name, *version; } versions[] = {
		{ "btree_gist", "1.7" }, { "citext", "1.6" },
		{ "fuzzystrmatch", "1.1" }, { "hstore", "1.8" }, { "ltree", "1.2" },
		{ "pg_trgm", "1.6" }, { "pgcrypto", "1.3" }, { "plpgsql", "1.0" },
		{ "unaccent", "1.1" }, { "uuid-ossp", "1.1" },
	};

	for (size_t i = 0; i < sizeof(versions) / sizeof(versions[0]); i++)
		if (strcmp(versions[i].name, extension) == 0)
			return versions[i].version;
	return NULL;
}

int ms_pg__extension_known(const char *extension)
{
	for (size_t i = 0; i < sizeof(extension_objects) /
	     sizeof(extension_objects[0]); i++)
		if (strcmp(extension_objects[i].extension, extension) == 0)
			return 1;
	return strcmp(extension, "plpgsql") == 0;
}

/* Asked for every type name of every statement: the table is sorted. */
const char *ms_pg__builtin_display(const char *name)
{
	const struct { const char *name, *display; } *t = bsearch(name,
		builtin_types, sizeof(builtin_types) / sizeof(builtin_types[0]),
		sizeof(builtin_types[0]), by_name);

	return t ? t->display : NULL;
}

const char *ms_pg__node_string(const PgQuery__Node *n)
{
	return n && n->node_case == PG_QUERY__NODE__NODE_STRING ?
		n->string->sval : NULL;
}

static int typmod_value(const PgQuery__Node *n, long *v)
{
	if (n->node_case == PG_QUERY__NODE__NODE_A_CONST &&
	    n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
		*v = n->a_const->ival->ival;
		return 1;
	}
	return 0;
}

/* intervaltypmodout: the fields (a mask of datetime.h's units) and the
 * seconds' precision, as format_type prints them after "interval". */
static int interval_display(char *out, size_t n, long fields, long prec,
	int has_prec)
{
	static const struct { long mask; const char *text; } ranges[] = {
		{ 1 << 2, " year" }, { 1 << 1, " month" }, { 1 << 3, " day" },
		{ 1 << 10, " hour" }, { 1 << 11, " minute" }, { 1 << 12, " second" },
		{ (1 << 2) | (1 << 1), " year to month" },
		{ (1 << 3) | (1 << 10), " day to hour" },
		{ (1 << 3) | (1 << 10) | (1 << 11), " day to minute" },
		{ (1 << 3) | (1 << 10) | (1 << 11) | (1 << 12), " day to second" },
		{ (1 << 10) | (1 << 11), " hour to minute" },
		{ (1 << 10) | (1 << 11) | (1 << 12), " hour to second" },
		{ (1 << 11) | (1 << 12), " minute to second" },
		{ 0x7FFF, "" },
	};
	const char *text = NULL;

	for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
		if (ranges[i].mask == fields)
			text = ranges[i].text;
	/* Beyond 6 is a WARNING that lowers it: not modelled. */
	if (text == NULL || (has_prec && (prec < 0 || prec > 6)))
		return 0;
	if (has_prec)
		snprintf(out, n, "interval%s(%ld)", text, prec);
	else
		snprintf(out, n, "interval%s", text);
	return 1;
}

/* format_type with a type modifier, for the built-ins that take one. */
static int display_with_typmod(char *out, size_t n, const char *name,
	const char *base, const PgQuery__TypeName *tn)
{
	long a = 0, b = 0;
	int na = tn->n_typmods > 0 && typmod_value(tn->typmods[0], &a);
	int nb = tn->n_typmods > 1 && typmod_value(tn->typmods[1], &b);

	/* BPCHAR written bare has no length; CHAR is given 1. */
	if (tn->n_typmods == 0) {
		snprintf(out, n, "%s", strcmp(name, "bpchar") == 0 &&
			tn->n_names == 1 ? "bpchar" : base);
		return 1;
	}
	if (!na || (tn->n_typmods > 1 && !nb))
		return 0;
	/* Each typmodin takes one modifier, numeric's and interval's two;
	 * more is 22023 at the type, not modelled. */
	if (tn->n_typmods > 2 || (tn->n_typmods == 2 &&
	    strcmp(name, "numeric") != 0 && strcmp(name, "interval") != 0))
		return 0;
	/* INTERVAL's fields come first, as a mask; its precision second. */
	if (strcmp(name, "interval") == 0)
		return interval_display(out, n, a, b, tn->n_typmods > 1);
	/* Out of range is 22023, or a WARNING that lowers it: not modelled.
	 * (numeric's scale may be anything from -1000 to 1000.) */
	if ((strcmp(name, "numeric") == 0 && (a < 1 || a > 1000)) ||
	    ((strncmp(name, "time", 4) == 0) && (a < 0 || a > 6)) ||
	    (strcmp(name, "numeric") != 0 && strncmp(name, "time", 4) != 0 &&
	    (a < 1 || a > 10485760)))
		return 0;
	if (strcmp(name, "timestamp") == 0)
		snprintf(out, n, "timestamp(%ld) without time zone", a);
	else if (strcmp(name, "timestamptz") == 0)
		snprintf(out, n, "timestamp(%ld) with time zone", a);
	else if (strcmp(name, "time") == 0)
		snprintf(out, n, "time(%ld) without time zone", a);
	else if (strcmp(name, "timetz") == 0)
		snprintf(out, n, "time(%ld) with time zone", a);
	else if (strcmp(name, "numeric") == 0 && tn->n_typmods == 2)
		snprintf(out, n, "numeric(%ld,%ld)", a, b);
	else if (strcmp(name, "numeric") == 0)
		snprintf(out, n, "numeric(%ld,0)", a);
	else if (strcmp(name, "varchar") == 0 || strcmp(name, "bpchar") == 0 ||
	         strcmp(name, "bit") == 0 || strcmp(name, "varbit") == 0)
		snprintf(out, n, "%s(%ld)", base, a);
	else
		return 0;
	return 1;
}

static void type_name_string(char *out, size_t n, const PgQuery__TypeName *tn)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < tn->n_names; i++) {
		const char *part = ms_pg__node_string(tn->names[i]);

		len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s",
			i ? "." : "", part ? part : "?");
	}
	if (tn->n_array_bounds && len < n)
		snprintf(out + len, n - len, "[]");
}

static void add_array(char *out, size_t n, const PgQuery__TypeName *tn)
{
	size_t len = strlen(out);

	/* One "[]" however many dimensions are written: the type is the
	 * element's array type (format_type). */
	if (tn->n_array_bounds && len + 2 < n)
		strcpy(out + len, "[]");
}

/* Whether pg_catalog has a type of this name besides its relations' row
 * types and arrays: its base and pseudo-types (PostgreSQL 15's list, kept
 * sorted for bsearch).  pg_catalog comes first in every search path: an
 * unqualified "date" is its date even with a public."date" beside it. */
int ms_pg__system_type(const char *name)
{
	static const char *const types[] = {
		"aclitem", "any", "anyarray", "anycompatible",
		"anycompatiblearray", "anycompatiblemultirange",
		"anycompatiblenonarray", "anycompatiblerange", "anyelement",
		"anyenum", "anymultirange", "anynonarray", "anyrange", "bit",
		"bool", "box", "bpchar", "bytea", "char",
		"cid", "cidr", "circle", "cstring", "date",
		"datemultirange", "daterange", "event_trigger",
		"fdw_handler", "float4", "float8", "gtsvector",
		"index_am_handler", "inet", "int2", "int2vector", "int4",
		"int4multirange", "int4range", "int8", "int8multirange",
		"int8range", "internal", "interval", "json", "jsonb",
		"jsonpath", "language_handler", "line", "lseg", "macaddr",
		"macaddr8", "money", "name", "numeric", "nummultirange",
		"numrange", "oid", "oidvector", "path", "point", "polygon",
		"record", "refcursor", "regclass", "regcollation",
		"regconfig", "regdictionary", "regnamespace", "regoper",
		"regoperator", "regproc", "regprocedure", "regrole",
		"regtype", "table_am_handler", "text",
		"tid", "time", "timestamp", "timestamptz",
		"timetz", "trigger", "tsm_handler", "tsmultirange",
		"tsquery", "tsrange", "tstzmultirange", "tstzrange",
		"tsvector", "txid_snapshot", "unknown", "uuid", "varbit",
		"varchar", "void", "xid", "xid8", "xml", NULL };

	return bsearch(name, types, sizeof(types) / sizeof(types[0]) - 1,
		sizeof(types[0]), by_name) != NULL;
}

/* pgvector's typmodin: one integer from 1 to 16,000 (1,000,000,000 for
 * sparsevec), which format_type prints after the name; anything else is
 * its 22023 (sites of pgvector 0.8.6). */
static void vector_dimensions(ms_typeref *t, const PgQuery__TypeName *tn,
	const char *name)
{
	static const struct { const char *name, *sites[3]; long max; } types[] = {
		{ "vector", { "vector.c:354:vector_typmod_in",
		  "vector.c:359:vector_typmod_in",
		  "vector.c:364:vector_typmod_in" }, 16000 },
		{ "halfvec", { "halfvec.c:351:halfvec_typmod_in",
		  "halfvec.c:356:halfvec_typmod_in",
		  "halfvec.c:361:halfvec_typmod_in" }, 16000 },
		{ "sparsevec", { "sparsevec.c:492:sparsevec_typmod_in",
		  "sparsevec.c:497:sparsevec_typmod_in",
		  "sparsevec.c:502:sparsevec_typmod_in" }, 1000000000L },
	};
	size_t k = 0, len = strlen(t->display);
	long dims;

	while (strcmp(types[k].name, name) != 0)
		k++;
	t->known = 0;
	if (tn->n_typmods != 1) {
		t->typmod_site = types[k].sites[0];
		snprintf(t->typmod_error, sizeof(t->typmod_error),
			"invalid type modifier");
	} else if (!typmod_value(tn->typmods[0], &dims)) {
		return;
	} else if (dims < 1) {
		t->typmod_site = types[k].sites[1];
		snprintf(t->typmod_error, sizeof(t->typmod_error),
			"dimensions for type %s must be at least 1", name);
	} else if (dims > types[k].max) {
		t->typmod_site = types[k].sites[2];
		snprintf(t->typmod_error, sizeof(t->typmod_error),
			"dimensions for type %s cannot exceed %ld", name, types[k].max);
	} else {
		t->known = 1;
		snprintf(t->display + len, sizeof(t->display) - len, "(%ld)", dims);
	}
}

int ms_pg__resolve_type(ms_typeref *t, ms_store *s, const PgQuery__TypeName *tn,
	ms_error *err)
{
	const char *schema = NULL, *name;
	const char *display;
	cat_type ut;
	int found, ret;

	memset(t, 0, sizeof(*t));
	type_name_string(t->written, sizeof(t->written), tn);
	t->location = tn->location;
	if (tn->n_names == 0 || tn->n_names > 2 || tn->pct_type || tn->setof)
		return MS_OK;  /* not modelled: known stays 0 */
	name = ms_pg__node_string(tn->names[tn->n_names - 1]);
	if (tn->n_names == 2)
		schema = ms_pg__node_string(tn->names[0]);
	if (name == NULL)
		return MS_OK;
	snprintf(t->base, sizeof(t->base), "%s", name);
	if ((schema == NULL && !ms_pg__system_type(name)) ||
	    (schema != NULL && strcmp(schema, "pg_catalog") != 0)) {
		if ((ret = cat_type_find(&found, &ut, s, schema ? schema : "public",
		    name, err)) < 0)
			return ret;
		if (found) {
			static const char *const typmods[] = { "vector", "halfvec",
				"sparsevec", NULL };

			t->known = t->exists = 1;
			t->user_oid = ut.oid;
			t->user_kind = ut.kind;
			/* Enums, domains and citext take no modifier (42601). */
			int takes = 0;

			for (const char *const *p = typmods; *p; p++)
				takes |= strcmp(name, *p) == 0;
			if (tn->n_typmods && !(ut.kind == 'b' && takes)) {
				t->typmod_refused = 1;
				t->known = 0;
			}
			/* format_type qualifies a type search_path does not see. */
			cat_type_label(t->display, sizeof(t->display), ut.schema,
				ut.name);
			if (tn->n_typmods && !t->typmod_refused)
				vector_dimensions(t, tn, name);
			add_array(t->display, sizeof(t->display), tn);
			return MS_OK;
		}
		if (schema != NULL) {
			/* Another schema: only "public" is modelled. */
			t->known = strcmp(schema, "public") == 0;
			return MS_OK;
		}
	}
	if (schema == NULL && (strcmp(name, "serial") == 0 ||
	    strcmp(name, "serial4") == 0 || strcmp(name, "bigserial") == 0 ||
	    strcmp(name, "serial8") == 0 || strcmp(name, "smallserial") == 0 ||
	    strcmp(name, "serial2") == 0)) {
		t->known = t->exists = 1;
		t->serial = 1;
		/* SERIAL[] is 0A000. */
		if (tn->n_array_bounds)
			t->known = 0;
		snprintf(t->base, sizeof(t->base), "%s",
			name[0] == 'b' || name[6] == '8' ? "int8" :
			name[1] == 'm' || name[6] == '2' ? "int2" : "int4");
		snprintf(t->display, sizeof(t->display), "%s",
			ms_pg__builtin_display(t->base));
		return MS_OK;
	}
	display = ms_pg__builtin_display(name);
	t->known = display != NULL || !ms_pg__system_type(name);
	if (display == NULL)
		return MS_OK;  /* does not exist, or not modelled */
	t->exists = 1;
	if (!display_with_typmod(t->display, sizeof(t->display), name, display,
	    tn)) {
		t->known = 0;
		return MS_OK;
	}
	add_array(t->display, sizeof(t->display), tn);
	return MS_OK;
}

/*
 * Whether a foreign key between these types has the equality operator it
 * needs: 1 yes, 0 no (42804), -1 not modelled.
 */
int ms_pg__types_comparable(const ms_typeref *a, const ms_typeref *b)
{
	static const char *const families[][4] = {
		{ "int2", "int4", "int8", NULL },
		{ "text", "varchar", "bpchar", NULL },
		{ "float4", "float8", NULL, NULL },
		{ "timestamp", "timestamptz", "date", NULL },
	};
	int fa = -1, fb = -1;
	size_t la = strlen(a->display), lb = strlen(b->display);
	int arr_a = la >= 2 && strcmp(a->display + la - 2, "[]") == 0;
	int arr_b = lb >= 2 && strcmp(b->display + lb - 2, "[]") == 0;

	/* An array and a scalar: no built-in operator takes both. */
	if (arr_a != arr_b)
		return a->user_oid || b->user_oid ? -1 : 0;
	if (arr_a)
		return a->user_oid == b->user_oid && strcmp(a->base, b->base) == 0
			? 1 : -1;
	if (a->user_oid || b->user_oid)
		return a->user_oid == b->user_oid ? 1 : -1;
	if (strcmp(a->base, b->base) == 0)
		return 1;
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++)
		for (int j = 0; families[i][j]; j++) {
			if (strcmp(a->base, families[i][j]) == 0)
				fa = (int)i;
			if (strcmp(b->base, families[i][j]) == 0)
				fb = (int)i;
		}
	if (fa >= 0 && fa == fb)
		return 1;
	/* Integers and floats: an implicit cast one way only (a key of
	 * integers may reference floats), not modelled. */
	if ((fa == 0 && fb == 2) || (fa == 2 && fb == 0))
		return -1;
	/* Both plain built-ins of different families: no operator. */
	return fa >= 0 && fb >= 0 ? 0 : -1;
}

/* Signatures of extension functions migrations call in expressions
 * (their extensions' install scripts: uuid-ossp--1.1.sql). */
static const struct {
	const char *name;
	cat_sig sig;
} extension_sigs[] = {
	{ "moddatetime", { "", "trigger", 'v' } },
	{ "uuid_generate_v1", { "", "uuid", 'v' } },
	{ "uuid_generate_v1mc", { "", "uuid", 'v' } },
	{ "uuid_generate_v4", { "", "uuid", 'v' } },
};

static int extension_sig(ms_store *s, const char *name, ms_error *err)
{
	for (size_t i = 0; i < sizeof(extension_sigs) / sizeof(extension_sigs[0]);
	     i++)
		if (strcmp(extension_sigs[i].name, name) == 0)
			return cat_func_sig_set(s, "public", name, &extension_sigs[i].sig,
				err);
	return MS_OK;
}

int ms_pg__extension_clash(int *clash, ms_store *s, const char *extension,
	ms_error *err)
{
	int ret = MS_OK;

	*clash = 0;
	for (size_t i = 0; i < sizeof(extension_objects) /
	     sizeof(extension_objects[0]) && ret == MS_OK && !*clash; i++) {
		const char *name = extension_objects[i].name;
		const char *kind = extension_objects[i].kind;
		cat_type t;
		cat_rel r;
		int64_t oid;

		if (strcmp(extension_objects[i].extension, extension) != 0)
			continue;
		if (strcmp(kind, "type") == 0 &&
		    (ret = cat_type_find(clash, &t, s, "public", name, err)) == MS_OK &&
		    !*clash)
			ret = cat_rel_find(clash, &r, s, "public", name, err);
		else if (strcmp(kind, "function") == 0)
			ret = cat_func_find(clash, &oid, s, "public", name, err);
	}
	return ret;
}

int ms_pg__extension_install(ms_store *s, const char *extension,
	ms_error *err)
{
	int ret = MS_OK;

	for (size_t i = 0; i < sizeof(extension_objects) /
	     sizeof(extension_objects[0]) && ret == MS_OK; i++) {
		const char *name = extension_objects[i].name;
		const char *kind = extension_objects[i].kind;
		int found;
		cat_type t;

		if (strcmp(extension_objects[i].extension, extension) != 0)
			continue;
		if (strcmp(kind, "type") == 0) {
			if ((ret = cat_type_find(&found, &t, s, "public", name,
			    err)) == MS_OK && !found)
				ret = cat_type_add(NULL, s, "public", name, 'b', extension,
					err);
		} else if (strcmp(kind, "function") == 0) {
			if ((ret = cat_func_find(&found, NULL, s, "public", name,
			    err)) == MS_OK && !found &&
			    (ret = cat_func_add(NULL, s, "public", name, "", extension,
			    err)) == MS_OK)
				ret = extension_sig(s, name, err);
		}
	}
	return ret;
}
