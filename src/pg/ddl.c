/*
 * ddl.c - the effect of a plain statement on the simulated catalog, and
 * the errors PostgreSQL 15 raises for it (texts and reporting sites from
 * PostgreSQL 15.18, checked as docs/catalog.md says).  This
 * file dispatches on the statement and handles schemas, enum types,
 * extensions, RENAME and the DROP forms of non-relations; ddl_table.c
 * handles tables, columns, constraints and indexes.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sqlite3.h>

#include "expr.h"

/* Set once a statement whose effects migsim cannot see ran (a DO block):
 * from then on a predicted error is only a possibility. */
#define GAP_KEY "catalog_gap"
/* A setting migsim does not follow is in effect (foreign keys and
 * triggers off, read-only, backslash escapes in strings). */
#define SETTINGS_KEY "settings_unmodelled"
/* Set once an object's dependencies could not all be recorded. */
#define DEPS_GAP_KEY "deps_gap"
/* The names, each ended by a newline, of objects only statements naming
 * them find the dependencies of not all recorded. */
#define DEPS_GAP_NAMES_KEY "deps_gap_names"
/* The extensions, each name ended by a newline, installed by CREATE
 * EXTENSION and none of whose objects a statement has named since: no
 * object depends on them, so DROP EXTENSION is decided. */
#define EXT_UNUSED_KEY "extensions_unused"
/* "1" while the session's search_path is not public: unqualified names
 * then resolve where migsim does not follow. */
#define SEARCH_PATH_KEY "search_path_moved"
/* Set once an event trigger exists: its function runs on DDL and may
 * write rows anywhere, unseen. */
#define EVENT_TRIGGER_KEY "event_trigger"
/* "1" while the session acts as another role (SET ROLE, SET SESSION
 * AUTHORIZATION): privileges, which migsim does not model, then decide. */
#define ROLE_KEY "role_moved"

/* Whether a newline-ended list holds name; *at is where. */
static int name_listed(const char *list, const char *name, const char **at)
{
	size_t len = strlen(name);

	for (const char *p = list; p && (p = strstr(p, name)) != NULL; p++)
		if ((p == list || p[-1] == '\n') && p[len] == '\n') {
			if (at)
				*at = p;
			return 1;
		}
	return 0;
}

int ddl_deps_gap(ddl *d)
{
	return ms_store_meta_set(d->s, DEPS_GAP_KEY, "1", d->err);
}

/* Add name to the newline-ended list under meta key, once. */
static int meta_list_add(ms_store *s, const char *key, const char *name,
	ms_error *err)
{
	char *list = NULL, *grown;
	int ret;

	if ((ret = ms_store_meta_get(&list, s, key, err)) < 0)
		return ret;
	if (name_listed(list, name, NULL)) {
		free(list);
		return MS_OK;
	}
	grown = malloc((list ? strlen(list) : 0) + strlen(name) + 2);
	if (grown == NULL) {
		free(list);
		return ms_error_set(err, MS_ENOMEM, "out of memory");
	}
	sprintf(grown, "%s%s\n", list ? list : "", name);
	ret = ms_store_meta_set(s, key, grown, err);
	free(list);
	free(grown);
	return ret;
}

int ddl_deps_gap_name(ddl *d, const char *name)
{
	return meta_list_add(d->s, DEPS_GAP_NAMES_KEY, name, d->err);
}

/* A string or a relation's name among the newline-ended names: the
 * statement may name an object whose dependencies are not all
 * recorded (a quoted name and a folded one alike). */
static int visit_gap_name(const PgQuery__Node *n, void *ctx)
{
	const char *names = ctx, *name = NULL;

	if (n->node_case == PG_QUERY__NODE__NODE_STRING)
		name = n->string->sval;
	else if (n->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
		name = n->range_var->relname;
	return name && name[0] && name_listed(names, name, NULL);
}

/* The extensions whose objects nothing uses: only those without
 * operators, whose every use names one of their objects. */
static int ext_unused_add(ms_store *s, const char *extension, ms_error *err)
{
	static const char *const plain[] = { "uuid-ossp", "pgcrypto", "citext",
		"fuzzystrmatch", "unaccent", "moddatetime", NULL };

	return ddl_one_of(extension, plain) ?
		meta_list_add(s, EXT_UNUSED_KEY, extension, err) : MS_OK;
}

/* Take extension (NULL: all of them) off the unused list. */
static int ext_unused_drop(ms_store *s, const char *extension,
	ms_error *err)
{
	char *list = NULL;
	const char *at;
	int ret;

	if ((ret = ms_store_meta_get(&list, s, EXT_UNUSED_KEY, err)) < 0 ||
	    list == NULL)
		return ret;
	if (extension == NULL) {
		list[0] = '\0';
	} else if (name_listed(list, extension, &at)) {
		size_t len = strlen(extension) + 1;

		memmove(list + (at - list), at + len, strlen(at + len) + 1);
	}
	ret = ms_store_meta_set(s, EXT_UNUSED_KEY, list, err);
	free(list);
	return ret;
}

/* Whether nothing can depend on an installed extension: it is on the
 * unused list and no statement migsim could not follow ran. */
static int ext_unused(int *yes, ddl *d, const char *extension)
{
	char *list = NULL;
	int ret = ms_store_meta_get(&list, d->s, EXT_UNUSED_KEY, d->err);

	*yes = ret == MS_OK && !d->gap && name_listed(list, extension, NULL);
	free(list);
	return ret;
}

typedef struct ext_use {
	const char *list;
	const char *used;
} ext_use;

/* A name of an object of an unused extension. */
static int visit_ext_use(const PgQuery__Node *n, void *ctx)
{
	ext_use *u = ctx;
	const char *ext;

	if (n->node_case != PG_QUERY__NODE__NODE_STRING)
		return 0;
	ext = ms_pg__extension_named(n->string->sval);
	if (ext && name_listed(u->list, ext, NULL)) {
		u->used = ext;
		return 1;
	}
	return 0;
}

/* A statement naming an object of an unused extension uses it; a DO
 * block may use any (its EXECUTE strings are not names). */
static int ext_uses(ms_store *s, const PgQuery__Node *n, ms_error *err)
{
	ext_use u = { NULL, NULL };
	int ret;

	if ((ret = ms_store_meta_get((char **)&u.list, s, EXT_UNUSED_KEY,
	    err)) < 0 || u.list == NULL || u.list[0] == '\0') {
		free((char *)u.list);
		return ret;
	}
	if (n->node_case == PG_QUERY__NODE__NODE_DO_STMT)
		ret = ext_unused_drop(s, NULL, err);
	else if (!(n->node_case == PG_QUERY__NODE__NODE_DROP_STMT &&
	    n->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION))
		while (ret == MS_OK && ddl_walk(&n->base, visit_ext_use, &u)) {
			ret = ext_unused_drop(s, u.used, err);
			free((char *)u.list);
			u.list = NULL;
			if (ret == MS_OK)
				ret = ms_store_meta_get((char **)&u.list, s,
					EXT_UNUSED_KEY, err);
		}
	free((char *)u.list);
	return ret;
}

int ddl_meta_has(int *yes, ddl *d, const char *key)
{
	char *v = NULL;
	int ret = ms_store_meta_get(&v, d->s, key, d->err);

	*yes = v && strcmp(v, "0") != 0;
	free(v);
	return ret;
}

int ddl_catalog_gap(ddl *d)
{
	return ms_store_meta_set(d->s, GAP_KEY, "1", d->err);
}

/* Objects may now exist, or have moved, without migsim's record: later
 * errors become possibilities, and so does what depends on what. */
static int unseen_objects(ddl *d)
{
	int ret = ddl_catalog_gap(d);

	return ret < 0 ? ret : ddl_deps_gap(d);
}

void ddl_probe(ddl *probe, ms_pg_error *scratch, const ddl *d)
{
	*probe = *d;
	memset(scratch, 0, sizeof(*scratch));
	probe->e = scratch;
	probe->verdict = MS_VERDICT_OK;
	probe->note = NULL;
}

void ddl_unknown(ddl *d, const char *why)
{
	if (d->verdict == MS_VERDICT_OK)
		d->verdict = MS_VERDICT_UNKNOWN;
	if (d->note == NULL)
		d->note = why;
}

static int oom(ddl *d)
{
	return ms_error_set(d->err, MS_ENOMEM, "out of memory");
}

/* PostgreSQL's positions count characters from the start of the text
 * of the message, 1-based. */
static int position_of(const ddl *d, int location)
{
	int chars = 1;

	if (d->no_position || location < 0 || (size_t)location < d->base ||
	    (size_t)location > d->script->sql_len)
		return 0;
	for (size_t i = d->base; i < (size_t)location; i++)
		if (((unsigned char)d->script->sql[i] & 0xc0) != 0x80)
			chars++;
	return chars;
}

static int names_system_column_name(const char *name)
{
	static const char *const names[] = { "tableoid", "cmax", "xmax",
		"cmin", "xmin", "ctid", NULL };

	return ddl_one_of(name, names);
}

/* The schemas initdb makes besides public: there before any
 * migration, not modelled. */
int ddl_system_schema(const char *name)
{
	static const char *const names[] = { "pg_catalog", "pg_toast",
		"information_schema", NULL };

	return ddl_one_of(name, names);
}

/* Whether the first quoted name of a message is one of names'. */
static int first_quoted(const char *msg, int (*names)(const char *))
{
	const char *a = strchr(msg, '"'), *b = a ? strchr(a + 1, '"') : NULL;
	char name[CAT_NAME];

	if (b == NULL || (size_t)(b - a - 1) >= sizeof(name))
		return 0;
	snprintf(name, sizeof(name), "%.*s", (int)(b - a - 1), a + 1);
	return names(name);
}

static int names_system_column(const char *msg)
{
	return first_quoted(msg, names_system_column_name);
}

int ddl_fail(ddl *d, const char *sqlstate, const char *site, int location,
	const char *fmt, ...)
{
	const char *c1, *c2;
	va_list ap;
	char msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* A system column is there: what PostgreSQL says of it instead
	 * (0A000 and others) is not modelled. */
	if (strcmp(sqlstate, "42703") == 0 && names_system_column(msg)) {
		d->note = "system columns are not modelled";
		d->abstained = 1;
	}
	/* So is a system schema, which exists. */
	if (strcmp(sqlstate, "3F000") == 0 &&
	    first_quoted(msg, ddl_system_schema)) {
		d->note = "system schemas are not modelled";
		d->abstained = 1;
	}
	/* A check before this one was not decided: it may fail first. */
	if (d->open_check) {
		if (d->note == NULL)
			d->note = "an earlier check is not decided, so this error is "
				"not certain";
		d->abstained = 1;
	}
	if (d->gap) {
		/* An earlier statement did what migsim cannot see: the statement
		 * stops here as it would on the error (handlers in a DO block see
		 * it too), and the caller reports it as not certain. */
		if (d->note == NULL)
			d->note = "an earlier statement's effects are not modelled, "
				"so this error is not certain";
		d->abstained = 1;
	}
	if (ms_pg_error_set(d->e, sqlstate, "%s", msg) < 0)
		return oom(d);
	d->verdict = MS_VERDICT_FAILS;
	d->e->position = position_of(d, location);
	c1 = site ? strchr(site, ':') : NULL;
	c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	if (c2 && (size_t)(c1 - site) < sizeof(d->e->file_buf)) {
		snprintf(d->e->file_buf, sizeof(d->e->file_buf), "%.*s",
			(int)(c1 - site), site);
		d->e->file = d->e->file_buf;
		d->e->line = atoi(c1 + 1);
		d->e->routine = c2 + 1;
	}
	return MS_OK;
}

int ddl_detail(ddl *d, const char *fmt, ...)
{
	va_list ap;
	ms_buf b = MS_BUF_INIT;

	va_start(ap, fmt);
	ms_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (ms_buf_status(&b) < 0) {
		ms_buf_free(&b);
		return oom(d);
	}
	free(d->e->detail);
	d->e->detail = ms_buf_detach(&b);
	return d->e->detail ? MS_OK : oom(d);
}

int ddl_hint(ddl *d, const char *text)
{
	free(d->e->hint);
	return (d->e->hint = ms_strdup(text)) ? MS_OK : oom(d);
}

const char *ddl_schema(const char *schemaname)
{
	return schemaname && schemaname[0] ? schemaname : "public";
}

int ddl_temp_hidden(int *hidden, ddl *d, const PgQuery__RangeVar *rv,
	const cat_rel *rel)
{
	int ret;

	*hidden = 0;
	if (rv->schemaname == NULL || rv->schemaname[0] == '\0')
		return MS_OK;
	if ((ret = cat_temp_is(hidden, d->s, rel->oid, d->err)) < 0)
		return ret;
	if (*hidden)
		ddl_unknown(d, "a temporary table under a name qualified with "
			"public is not modelled");
	return MS_OK;
}

int ddl_schema_ok(ddl *d, const char *schema, int *ok)
{
	int ret = cat_schema_find(ok, d->s, schema, d->err);

	if (ret == MS_OK && !*ok)
		ddl_unknown(d, "objects in a schema migsim has not seen created "
			"are not modelled");
	return ret;
}

/* --- walking the parse tree --------------------------------------------- */

/* Every message under m: Nodes to node_fn, messages of descriptor want
 * (a TypeName, which fields hold bare) to msg_fn. */
typedef struct walker {
	ddl_visit_fn node_fn;
	const ProtobufCMessageDescriptor *want;
	int (*msg_fn)(const ProtobufCMessage *m, void *ctx);
	void *ctx;
} walker;

static int walk(const ProtobufCMessage *m, const walker *w)
{
	const ProtobufCMessageDescriptor *desc;
	int ret;

	if (m == NULL)
		return 0;
	desc = m->descriptor;
	if (desc == w->want && (ret = w->msg_fn(m, w->ctx)) != 0)
		return ret;
	if (desc == &pg_query__node__descriptor) {
		const PgQuery__Node *n = (const PgQuery__Node *)m;
		const ProtobufCFieldDescriptor *f;

		if (w->node_fn && (ret = w->node_fn(n, w->ctx)) != 0)
			return ret == DDL_WALK_SKIP ? 0 : ret;
		/* A Node is a oneof over every node type: go straight to the
		 * member it holds instead of testing some 250 fields. */
		f = protobuf_c_message_descriptor_get_field(desc, n->node_case);
		return f ? walk(*(ProtobufCMessage *const *)((const char *)m +
			f->offset), w) : 0;
	}
	for (unsigned i = 0; i < desc->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &desc->fields[i];
		const char *base = (const char *)m;

		if (f->type != PROTOBUF_C_TYPE_MESSAGE)
			continue;
		if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF &&
		    *(const uint32_t *)(base + f->quantifier_offset) != f->id)
			continue;
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			size_t n = *(const size_t *)(base + f->quantifier_offset);
			ProtobufCMessage *const *v =
				*(ProtobufCMessage *const *const *)(base + f->offset);

			for (size_t j = 0; j < n; j++)
				if ((ret = walk(v[j], w)) != 0)
					return ret;
		} else if ((ret = walk(*(ProtobufCMessage *const *)(base +
		    f->offset), w)) != 0) {
			return ret;
		}
	}
	return 0;
}

int ddl_walk(const ProtobufCMessage *m, ddl_visit_fn fn, void *ctx)
{
	walker w = { fn, NULL, NULL, ctx };

	return walk(m, &w);
}

const char *ddl_string_literal(const PgQuery__Node *n, int *location)
{
	if (n && n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
		n = n->type_cast->arg;
	if (n == NULL || n->node_case != PG_QUERY__NODE__NODE_A_CONST ||
	    n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return NULL;
	if (location)
		*location = n->a_const->location;
	return n->a_const->sval->sval;
}

int ddl_enum_label_use(ddl *d, int64_t type, const char *typname,
	const char *label, int location)
{
	char q[2 * CAT_NAME + 8];
	cat_type t;
	int state, found, ret;

	if ((ret = cat_label_find(&state, d->s, type, label, d->err)) < 0 ||
	    (ret = cat_type_by_oid(&found, &t, d->s, type, d->err)) < 0)
		return ret;
	if (found)
		cat_type_label(q, sizeof(q), t.schema, t.name);
	else
		cat_quote_ident(q, sizeof(q), typname);
	/* A label too long for a name is refused before the lookup. */
	if (state == 0)
		return ddl_fail(d, "22P02", strlen(label) >= NAMEDATALEN ?
			"enum.c:118:enum_in" : "enum.c:128:enum_in", location,
			"invalid input value for enum %s: \"%s\"", q, label);
	if (state == 2) {
		if ((ret = ddl_fail(d, "55P04", "enum.c:97:check_safe_enum_use",
		    location, "unsafe use of new value \"%s\" of enum type %s",
		    label, q)) < 0)
			return ret;
		return ddl_hint(d, "New enum values must be committed before they "
			"can be used.");
	}
	return MS_OK;
}

typedef struct cast_walk {
	ddl *d;
	int ret;
} cast_walk;

static int visit_cast(const PgQuery__Node *n, void *ctx)
{
	cast_walk *w = ctx;
	const PgQuery__TypeCast *tc;
	const char *label, *name;
	cat_type t;
	int found, loc;

	if (n->node_case != PG_QUERY__NODE__NODE_TYPE_CAST)
		return 0;
	tc = n->type_cast;
	/* 'x'::text::"E" converts at run time (enum_in is stable): only a
	 * literal cast straight to the enum is read while planning. */
	label = tc->arg && tc->arg->node_case == PG_QUERY__NODE__NODE_A_CONST ?
		ddl_string_literal(tc->arg, &loc) : NULL;
	if (label == NULL || tc->type_name == NULL ||
	    tc->type_name->n_names != 1 || tc->type_name->n_array_bounds)
		return 0;
	name = ms_pg__node_string(tc->type_name->names[0]);
	if (name == NULL || ms_pg__system_type(name))
		return 0;
	if ((w->ret = cat_type_find(&found, &t, w->d->s, "public", name,
	    w->d->err)) < 0)
		return 1;
	if (!found || t.kind != 'e')
		return 0;
	w->ret = ddl_enum_label_use(w->d, t.oid, name, label, loc);
	return w->ret < 0 || DDL_FAILED(w->d);
}

int ddl_enum_casts(ddl *d, const PgQuery__Node *n)
{
	cast_walk w = { d, MS_OK };

	ddl_walk(&n->base, visit_cast, &w);
	return w.ret;
}

/* Tables named anywhere in a statement (FROM, INSERT INTO, JOIN ...). */
typedef struct rel_walk {
	ddl *d;
	int ret;
	int missing;         /* set on the first one that does not exist */
	int qualified;       /* ... named with its schema */
	int location;
	char name[2 * CAT_NAME + 2];
	const PgQuery__RangeVar *missing_rv;
	int64_t *oids;       /* the ones found, for view dependencies */
	size_t n, cap;
	char ctes[16][CAT_NAME]; /* WITH names: not tables */
	int n_ctes, too_many_ctes;
} rel_walk;

static int visit_cte(const PgQuery__Node *n, void *ctx)
{
	rel_walk *w = ctx;

	if (n->node_case != PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR)
		return 0;
	if (w->n_ctes == 16)
		w->too_many_ctes = 1;
	else
		snprintf(w->ctes[w->n_ctes++], CAT_NAME, "%s",
			n->common_table_expr->ctename);
	return 0;
}

static int is_cte(const rel_walk *w, const char *name)
{
	for (int i = 0; i < w->n_ctes; i++)
		if (strcmp(w->ctes[i], name) == 0)
			return 1;
	return 0;
}

static int check_rangevar(rel_walk *w, const PgQuery__RangeVar *rv);

static int visit_rangevar(const PgQuery__Node *n, void *ctx)
{
	rel_walk *w = ctx;
	const PgQuery__RangeVar *rv;

	if (n->node_case != PG_QUERY__NODE__NODE_RANGE_VAR)
		return 0;
	rv = n->range_var;
	return check_rangevar(w, rv);
}

static int check_rangevar(rel_walk *w, const PgQuery__RangeVar *rv)
{
	cat_rel rel;
	int found, ok;

	if (rv == w->d->creating)
		return 0;
	/* db.schema.table: 0A000 unless db is the current database, which
	 * migsim does not know. */
	if (rv->catalogname && rv->catalogname[0]) {
		ddl_unknown(w->d, "a name qualified with a database is not "
			"modelled");
		return 0;
	}
	/* pg_catalog comes first in every search_path; its relations and
	 * information_schema's are there before any migration. */
	if ((rv->schemaname == NULL || rv->schemaname[0] == '\0') ?
	    strncmp(rv->relname, "pg_", 3) == 0 :
	    strcmp(rv->schemaname, "pg_catalog") == 0 ||
	    strcmp(rv->schemaname, "information_schema") == 0)
		return 0;
	if (rv->schemaname == NULL || rv->schemaname[0] == '\0') {
		if (is_cte(w, rv->relname))
			return 0;
		if (w->too_many_ctes) {
			ddl_unknown(w->d, "a statement with this many WITH items is "
				"not modelled");
			return 0;
		}
	}
	/* A relation named in a schema that does not exist is not found
	 * (RangeVarGetRelid looks the schema up missing_ok): 42P01. */
	if ((w->ret = cat_schema_find(&ok, w->d->s, ddl_schema(rv->schemaname),
	    w->d->err)) < 0)
		return 1;
	if (!ok && (rv->schemaname == NULL || rv->schemaname[0] == '\0' ||
	    strncmp(rv->schemaname, "pg_", 3) == 0)) {
		ddl_unknown(w->d, "objects in a schema migsim has not seen created "
			"are not modelled");
		return 0;
	}
	found = 0;
	if (ok && ((w->ret = cat_rel_find(&found, &rel, w->d->s,
	    ddl_schema(rv->schemaname), rv->relname, w->d->err)) < 0 ||
	    (found && (w->ret = ddl_temp_hidden(&ok, w->d, rv, &rel)) < 0)))
		return 1;
	if (found && ok)
		return 0;
	if (!found) {
		w->missing = 1;
		w->missing_rv = rv;
		w->qualified = rv->schemaname && rv->schemaname[0];
		w->location = rv->location;
		snprintf(w->name, sizeof(w->name), "%s%s%s",
			rv->schemaname && rv->schemaname[0] ? rv->schemaname : "",
			rv->schemaname && rv->schemaname[0] ? "." : "", rv->relname);
		return 1;
	}
	if (w->n == w->cap) {
		size_t cap = w->cap ? 2 * w->cap : 8;
		int64_t *p = realloc(w->oids, cap * sizeof(*p));

		if (p == NULL) {
			w->ret = oom(w->d);
			return 1;
		}
		w->oids = p;
		w->cap = cap;
	}
	w->oids[w->n++] = rel.oid;
	return 0;
}

/* --- schemas -------------------------------------------------------------- */

static int path_moved(ms_store *store, ms_error *err);

/* A role a statement names (GRANT, CREATE SCHEMA AUTHORIZATION): PUBLIC
 * and the session's own roles exist; of named ones migsim knows only the
 * usual superuser. */
static int role_known(const PgQuery__RoleSpec *r)
{
	return r && (r->roletype != PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING ||
		strcmp(r->rolename, "postgres") == 0);
}

static int create_schema(ddl *d, const PgQuery__CreateSchemaStmt *c)
{
	int found, ret;

	if (c->schemaname == NULL || c->schemaname[0] == '\0') {
		/* A schema named after the role, which migsim does not know. */
		ddl_unknown(d, "CREATE SCHEMA AUTHORIZATION is not modelled");
		return ddl_catalog_gap(d);
	}
	/* The owner is looked up first (42704 for a missing role); migsim
	 * knows no roles but the usual superuser. */
	if (c->authrole && !role_known(c->authrole))
		ddl_unknown(d, "whether this role exists is not modelled");
	if (strncmp(c->schemaname, "pg_", 3) == 0) {
		if ((ret = ddl_fail(d, "42939", "schemacmds.c:106:"
		    "CreateSchemaCommand", -1, "unacceptable schema name \"%s\"",
		    c->schemaname)) < 0 || !DDL_FAILED(d))
			return ret;
		return ddl_detail(d, "The prefix \"pg_\" is reserved for system "
			"schemas.");
	}
	if ((ret = cat_schema_find(&found, d->s, c->schemaname, d->err)) < 0)
		return ret;
	if (found && c->if_not_exists)
		return MS_OK;
	if (found)
		return ddl_fail(d, "42P06", "pg_namespace.c:62:NamespaceCreate", -1,
			"schema \"%s\" already exists", c->schemaname);
	/* Its elements are created unseen. */
	if (c->n_schema_elts) {
		ddl_unknown(d, "CREATE SCHEMA with elements is not modelled");
		if ((ret = unseen_objects(d)) < 0)
			return ret;
	}
	/* The default search_path is "$user", public: a schema named after
	 * the role comes first.  migsim does not know the role; a schema
	 * named postgres, the usual superuser's, moves the path. */
	if (strcmp(c->schemaname, "postgres") == 0 &&
	    (ret = path_moved(d->s, d->err)) < 0)
		return ret;
	return cat_schema_add(d->s, c->schemaname, d->err);
}

/* --- enum types ----------------------------------------------------------- */

/* The schema and name of a qualified name list (a type, a function). */
static int qualified_name(const char **schema, const char **name,
	PgQuery__Node **names, size_t n)
{
	if (n == 0 || n > 2)
		return 0;
	*name = ms_pg__node_string(names[n - 1]);
	*schema = n == 2 ? ms_pg__node_string(names[0]) : "public";
	return *name && *schema;
}

/* A type looked up by name: unqualified, a name pg_catalog has is
 * pg_catalog's, whose types are not kept. */
static int type_lookup_name(const char **schema, const char **name,
	PgQuery__Node **names, size_t n)
{
	return qualified_name(schema, name, names, n) &&
		!(n == 1 && ms_pg__system_type(*name));
}

int ddl_type_taken(int *taken, ddl *d, const char *schema, const char *name)
{
	cat_type t;
	cat_rel r;
	int ret;

	if ((ret = cat_type_find(taken, &t, d->s, schema, name, d->err)) < 0 ||
	    *taken)
		return ret;
	if ((ret = cat_rel_find(taken, &r, d->s, schema, name, d->err)) < 0)
		return ret;
	/* Indexes and sequences have no row type. */
	if (*taken && (r.relkind == 'i' || r.relkind == 'S'))
		*taken = 0;
	return MS_OK;
}

static int create_enum(ddl *d, const PgQuery__CreateEnumStmt *c)
{
	const char *schema, *name;
	int64_t oid;
	int taken, ok, ret;

	if (!qualified_name(&schema, &name, c->type_name, c->n_type_name)) {
		ddl_unknown(d, "this type name is not modelled");
		return MS_OK;
	}
	if ((ret = ddl_schema_ok(d, schema, &ok)) < 0 || !ok)
		return ret;
	if ((ret = ddl_type_taken(&taken, d, schema, name)) < 0)
		return ret;
	if (taken)
		return ddl_fail(d, "42710", "typecmds.c:1167:DefineEnum", -1,
			"type \"%s\" already exists", name);
	if ((ret = cat_type_add(&oid, d->s, schema, name, 'e', NULL,
	    d->err)) < 0)
		return ret;
	for (size_t i = 0; i < c->n_vals && ret == MS_OK; i++) {
		const char *label = ms_pg__node_string(c->vals[i]);
		int twice = 0;

		for (size_t j = 0; j < i; j++)
			twice |= strcmp(label, ms_pg__node_string(c->vals[j])) == 0;
		/* A label given twice is 23505 (its DETAIL names pg_enum's
		 * index by OID); one over 63 bytes is 42602. */
		if (twice || strlen(label) >= CAT_NAME)
			ddl_unknown(d, "this enum label is not modelled");
		if (!twice)
			ret = cat_label_add(d->s, oid, label, NULL, 1, 0, d->err);
	}
	return ret;
}

int ddl_type_named(int *found, cat_type *t, ddl *d, PgQuery__Node **names,
	size_t n, int *row_type)
{
	const char *schema, *name;
	cat_rel r;
	int ok, ret;

	*found = *row_type = 0;
	if (!type_lookup_name(&schema, &name, names, n)) {
		ddl_unknown(d, "this type name is not modelled");
		return MS_OK;
	}
	if ((ret = ddl_schema_ok(d, schema, &ok)) < 0 || !ok)
		return ret;
	if ((ret = cat_type_find(found, t, d->s, schema, name, d->err)) < 0 ||
	    *found)
		return ret;
	if ((ret = cat_rel_find(row_type, &r, d->s, schema, name, d->err)) < 0)
		return ret;
	snprintf(t->schema, sizeof(t->schema), "%s", schema);
	snprintf(t->name, sizeof(t->name), "%s", name);
	/* Sequences and indexes have no row type (heap_create_with_catalog). */
	if (*row_type && strchr("rpvmfc", r.relkind))
		return MS_OK;
	*row_type = 0;
	/* "_T" is T's array type, not kept: ALTER TYPE of it is 42809. */
	if (name[0] == '_') {
		ddl_unknown(d, "array types are not modelled");
		return MS_OK;
	}
	return ddl_fail(d, "42704", "parse_type.c:270:typenameType", -1,
		"type \"%s\" does not exist", name);
}

static int find_enum(int *found, cat_type *t, ddl *d, PgQuery__Node **names,
	size_t n)
{
	char q[2 * CAT_NAME + 8];
	int row_type, ret;

	if ((ret = ddl_type_named(found, t, d, names, n, &row_type)) < 0)
		return ret;
	if (!*found && !row_type)
		return MS_OK;
	if (row_type || t->kind != 'e') {
		*found = 0;
		cat_type_label(q, sizeof(q), t->schema, t->name);
		return ddl_fail(d, "42809", "typecmds.c:1315:checkEnumOwner", -1,
			"%s is not an enum", q);
	}
	return MS_OK;
}

static int alter_enum(ddl *d, const PgQuery__AlterEnumStmt *a)
{
	cat_type t;
	int found, state, ret;

	if ((ret = find_enum(&found, &t, d, a->type_name, a->n_type_name)) < 0 ||
	    !found)
		return ret;
	if (a->old_val && a->old_val[0]) {
		/* Labels are not truncated as names are; length comes first. */
		if (strlen(a->new_val) >= CAT_NAME) {
			if ((ret = ddl_fail(d, "42602", "pg_enum.c:523:RenameEnumLabel",
			    -1, "invalid enum label \"%s\"", a->new_val)) < 0 ||
			    !DDL_FAILED(d))
				return ret;
			return ddl_detail(d, "Labels must be 63 bytes or less.");
		}
		if ((ret = cat_label_find(&state, d->s, t.oid, a->old_val,
		    d->err)) < 0)
			return ret;
		if (state == 0)
			return ddl_fail(d, "22023", "pg_enum.c:562:RenameEnumLabel",
				-1, "\"%s\" is not an existing enum label", a->old_val);
		if ((ret = cat_label_find(&state, d->s, t.oid, a->new_val,
		    d->err)) < 0)
			return ret;
		if (state)
			return ddl_fail(d, "42710", "pg_enum.c:567:RenameEnumLabel",
				-1, "enum label \"%s\" already exists", a->new_val);
		/* Rows holding the label now hold the new one. */
		if ((ret = cat_kept_forget(d->s, 0, KEPT_VALUES, d->err)) < 0)
			return ret;
		return cat_label_rename(d->s, t.oid, a->old_val, a->new_val,
			d->err);
	}
	if ((ret = cat_label_find(&state, d->s, t.oid, a->new_val, d->err)) < 0)
		return ret;
	if (state && a->skip_if_new_val_exists)
		return MS_OK;
	/* Over 63 bytes: 42602, checked after the label's existence. */
	if (strlen(a->new_val) >= CAT_NAME)
		ddl_unknown(d, "this enum label is not modelled");
	if (state)
		return ddl_fail(d, "42710", "pg_enum.c:264:AddEnumLabel", -1,
			"enum label \"%s\" already exists", a->new_val);
	if (a->new_val_neighbor && a->new_val_neighbor[0]) {
		if ((ret = cat_label_find(&state, d->s, t.oid, a->new_val_neighbor,
		    d->err)) < 0)
			return ret;
		if (state == 0)
			return ddl_fail(d, "22023", "pg_enum.c:319:AddEnumLabel", -1,
				"\"%s\" is not an existing enum label",
				a->new_val_neighbor);
	}
	/* The label stays unusable until the transaction commits. */
	return cat_label_add(d->s, t.oid, a->new_val, a->new_val_neighbor &&
		a->new_val_neighbor[0] ? a->new_val_neighbor : NULL,
		a->new_val_is_after, 1, d->err);
}

/* --- extensions ----------------------------------------------------------- */

/* The schema CREATE EXTENSION puts it in: SCHEMA's, or public (the
 * first schema of the default path that exists). */
static const char *extension_schema(const PgQuery__CreateExtensionStmt *c)
{
	for (size_t i = 0; i < c->n_options; i++) {
		const PgQuery__DefElem *de = c->options[i]->node_case ==
			PG_QUERY__NODE__NODE_DEF_ELEM ? c->options[i]->def_elem : NULL;

		if (de && strcmp(de->defname, "schema") == 0 &&
		    ms_pg__node_string(de->arg))
			return ms_pg__node_string(de->arg);
	}
	return "public";
}

static int create_extension(ddl *d, const PgQuery__CreateExtensionStmt *c)
{
	int found, ret;

	if ((ret = cat_ext_find(&found, d->s, c->extname, d->err)) < 0)
		return ret;
	/* Every database is created with plpgsql (initdb puts it in the
	 * templates); DROP EXTENSION plpgsql leaves the catalog unsure. */
	found |= strcmp(c->extname, "plpgsql") == 0;
	if (found && c->if_not_exists)
		return MS_OK;
	if (found)
		return ddl_fail(d, "42710", "extension.c:1969:CreateExtension", -1,
			"extension \"%s\" already exists", c->extname);
	if ((ret = ms_pg__extension_clash(&found, d->s, c->extname,
	    d->err)) < 0)
		return ret;
	if (found)
		ddl_unknown(d, "an object this extension makes exists already");
	/* After the control file is read, a SCHEMA named must exist
	 * (CreateExtensionInternal); VERSION is looked at before it. */
	if (ms_pg__extension_known(c->extname) && c->n_options == 1 &&
	    c->options[0]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
	    strcmp(c->options[0]->def_elem->defname, "schema") == 0) {
		const char *schema = ms_pg__node_string(c->options[0]->def_elem->arg);

		if (schema && (ret = cat_schema_find(&found, d->s, schema,
		    d->err)) < 0)
			return ret;
		if (schema && !found)
			return ddl_fail(d, "3F000", "namespace.c:3099:"
				"get_namespace_oid", -1, "schema \"%s\" does not exist",
				schema);
	}
	if ((ret = cat_ext_add(d->s, c->extname, extension_schema(c),
	    d->err)) < 0)
		return ret;
	/* Its types, functions and operators are unknown to migsim, so a
	 * later "does not exist" is not certain (hstore, postgis, ...). */
	if (!ms_pg__extension_known(c->extname)) {
		ddl_unknown(d, "this extension's objects are not modelled");
		return ddl_catalog_gap(d);
	}
	/* SCHEMA (or VERSION, CASCADE) may put its types and functions
	 * where unqualified names do not find them; SCHEMA public is where
	 * they go anyway (the known ones are all relocatable). */
	if (c->n_options && !(c->n_options == 1 &&
	    c->options[0]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
	    strcmp(c->options[0]->def_elem->defname, "schema") == 0 &&
	    strcmp(extension_schema(c), "public") == 0)) {
		ddl_unknown(d, "CREATE EXTENSION options are not modelled");
		return ddl_catalog_gap(d);
	}
	if ((ret = ms_pg__extension_install(d->s, c->extname, d->err)) < 0)
		return ret;
	return ext_unused_add(d->s, c->extname, d->err);
}

/* ALTER EXTENSION ... UPDATE [TO version] (ExecAlterExtensionStmt): an
 * extension migsim installed is at its newest version, from which no
 * update path leads anywhere; to the same version only a notice. */
static int alter_extension(ddl *d, const PgQuery__AlterExtensionStmt *a)
{
	const char *have = ms_pg__extension_version(a->extname), *want = have;
	int found, ret;

	if ((ret = cat_ext_find(&found, d->s, a->extname, d->err)) < 0)
		return ret;
	found |= strcmp(a->extname, "plpgsql") == 0;
	if (!found)
		return ddl_fail(d, "42704", "extension.c:3174:ExecAlterExtensionStmt",
			-1, "extension \"%s\" does not exist", a->extname);
	for (size_t i = 0; i < a->n_options; i++) {
		const PgQuery__DefElem *de = a->options[i]->node_case ==
			PG_QUERY__NODE__NODE_DEF_ELEM ? a->options[i]->def_elem : NULL;

		want = de && strcmp(de->defname, "new_version") == 0 ?
			ms_pg__node_string(de->arg) : NULL;
	}
	if (have == NULL || want == NULL || want[0] == '\0' ||
	    strstr(want, "--") || strchr(want, '/') || want[0] == '-' ||
	    want[strlen(want) - 1] == '-') {
		ddl_unknown(d, "this ALTER EXTENSION is not modelled");
		return unseen_objects(d);
	}
	if (strcmp(have, want) == 0)
		return MS_OK;
	return ddl_fail(d, "22023", "extension.c:1457:identify_update_path", -1,
		"extension \"%s\" has no update path from version \"%s\" to "
		"version \"%s\"", a->extname, have, want);
}

/* --- DROP of non-relations ------------------------------------------------ */

/* A relation's row type is a type of its name, which only the relation
 * takes away (2BP01 from findDependentObjects, IF EXISTS or not). */
static int row_type(int *is_row, ddl *d, const char *schema,
	const char *name)
{
	const char *kind = NULL;
	char q[CAT_NAME + 4];
	cat_rel rel;
	int ret;

	if ((ret = cat_rel_find(is_row, &rel, d->s, schema, name, d->err)) < 0 ||
	    !*is_row)
		return ret;
	if (rel.relkind == 'r' || rel.relkind == 'p')
		kind = "table";
	else if (rel.relkind == 'v')
		kind = "view";
	else if (rel.relkind == 'm')
		kind = "materialized view";
	if (kind == NULL || strcmp(schema, "public") != 0) {
		ddl_unknown(d, "DROP TYPE of a relation's row type is not modelled");
		return MS_OK;
	}
	cat_quote_ident(q, sizeof(q), name);
	if ((ret = ddl_fail(d, "2BP01", "dependency.c:835:findDependentObjects",
	    -1, "cannot drop type %s because %s %s requires it", q, kind, q)) < 0 ||
	    !DDL_FAILED(d))
		return ret;
	{
		char hint[CAT_NAME + 64];

		snprintf(hint, sizeof(hint), "You can drop %s %s instead.", kind, q);
		return ddl_hint(d, hint);
	}
}

/* Whether a column of the type has dependents of its own (a view): the
 * DETAIL of 2BP01 lists them too, in an order migsim does not keep. */
static int columns_used(int *used, ddl *d, int64_t type)
{
	cat_dep *deps = NULL, *on = NULL;
	size_t n = 0, m = 0;
	int ret;

	*used = 0;
	if ((ret = cat_dep_rows(&deps, &n, d->s, "type", type, NULL, 0,
	    d->err)) < 0)
		return ret;
	for (size_t i = 0; i < n && !*used && ret == MS_OK; i++) {
		if (strncmp(deps[i].kind, "column:", 7) != 0)
			continue;
		if ((ret = cat_dep_rows(&on, &m, d->s, "rel", deps[i].oid,
		    deps[i].kind + 7, 0, d->err)) == MS_OK)
			*used = m > 0;
		free(on);
		on = NULL;
	}
	free(deps);
	return ret;
}

/* DROP DOMAIN of another type (get_object_address_type): the name as
 * written, quoted whatever it is. */
static int not_a_domain(ddl *d, const PgQuery__TypeName *tn)
{
	char written[2 * CAT_NAME + 2] = "";

	for (size_t i = 0; i < tn->n_names; i++)
		snprintf(written + strlen(written), sizeof(written) -
			strlen(written), "%s%s", i ? "." : "",
			ms_pg__node_string(tn->names[i]));
	return ddl_fail(d, "42809", "objectaddress.c:1647:"
		"get_object_address_type", -1, "\"%s\" is not a domain", written);
}

/* Whether a domain over the type has dependents of its own: the DETAIL
 * of 2BP01 lists them too. */
static int domains_used(int *used, ddl *d, int64_t type)
{
	cat_dep *deps = NULL;
	size_t n = 0;
	int ret;

	*used = 0;
	if ((ret = cat_dep_rows(&deps, &n, d->s, "type", type, NULL, 0,
	    d->err)) < 0)
		return ret;
	for (size_t i = 0; i < n && !*used && ret == MS_OK; i++) {
		char *more = NULL;
		int m = 0;

		if (strcmp(deps[i].kind, "type") != 0)
			continue;
		if ((ret = ddl_dependents(&more, &m, d, "type", deps[i].oid,
		    NULL)) == MS_OK)
			*used = m > 0;
		free(more);
	}
	free(deps);
	return ret;
}

/* A policy's string constant may have become one of the type's. */
static int some_type_used(int *some, ddl *d)
{
	char *deps = NULL;
	int ret = cat_dep_list(&deps, some, d->s, "type", 0, NULL, 0, d->err);

	free(deps);
	if (ret == MS_OK && *some)
		ddl_unknown(d, "which types a policy's constants take is not "
			"modelled");
	return ret;
}

/* DROP TYPE of a composite type takes its relation.  What uses it (a
 * column, another composite's attribute, a function) is recorded without
 * a description to report: then the DROP is unknown. */
static int drop_composite(ddl *d, const cat_rel *r)
{
	char *deps = NULL;
	int used, called, n, ret;

	if ((ret = cat_dep_kind(&used, d->s, "rowtype", "rel", r->oid,
	    d->err)) < 0 ||
	    (ret = cat_dep_kind(&called, d->s, "function", "rel", r->oid,
	    d->err)) < 0 ||
	    (ret = ddl_dependents(&deps, &n, d, "rel", r->oid, NULL)) < 0)
		return ret;
	free(deps);
	if (used || called || n) {
		ddl_unknown(d, "what uses this composite type is not modelled");
		if ((ret = unseen_objects(d)) < 0)
			return ret;
	}
	return cat_rel_drop(d->s, r->oid, d->err);
}

static int drop_type(ddl *d, const PgQuery__DropStmt *ds)
{
	int domain = ds->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN;
	int ret = MS_OK;

	/* RemoveObjects looks every name up, then drops them all at once
	 * (what depends on one named type but is named too is no
	 * dependent): not modelled for several, and what follows is then
	 * unsure. */
	if (ds->n_objects > 1) {
		ddl_unknown(d, "DROP TYPE of several types is not modelled");
		if ((ret = ddl_catalog_gap(d)) < 0)
			return ret;
		d->gap = 1;
	}

	for (size_t i = 0; i < ds->n_objects && !DDL_FAILED(d); i++) {
		const PgQuery__TypeName *tn = ds->objects[i]->type_name;
		const char *schema, *name;
		char *deps = NULL, q[2 * CAT_NAME + 8];
		cat_type t;
		int found, n, ok;

		if (ds->objects[i]->node_case != PG_QUERY__NODE__NODE_TYPE_NAME ||
		    !type_lookup_name(&schema, &name, tn->names, tn->n_names)) {
			ddl_unknown(d, "this type name is not modelled");
			continue;
		}
		if ((ret = ddl_schema_ok(d, schema, &ok)) < 0)
			return ret;
		if (!ok)
			continue;
		if ((ret = cat_type_find(&found, &t, d->s, schema, name,
		    d->err)) < 0)
			return ret;
		if (domain && (!found || t.kind != 'd')) {
			cat_rel r;

			if (!found && (ret = cat_rel_find(&found, &r, d->s, schema,
			    name, d->err)) < 0)
				return ret;
			if (found && r.relkind != 'i' && r.relkind != 'S')
				return not_a_domain(d, tn);
			if (found) {
				ddl_unknown(d, "DROP DOMAIN of this relation is not modelled");
				continue;
			}
		}
		if (!found && !domain) {
			cat_rel r;

			if ((ret = cat_rel_find(&found, &r, d->s, schema, name,
			    d->err)) < 0)
				return ret;
			if (found && r.relkind == 'c') {
				if ((ret = drop_composite(d, &r)) < 0)
					return ret;
				continue;
			}
			found = 0;
		}
		if (!found) {
			if ((ret = row_type(&found, d, schema, name)) < 0 || found)
				return ret;
			/* "_T" may be T's array type, which is not kept. */
			if (name[0] == '_') {
				ddl_unknown(d, "array types are not modelled");
				continue;
			}
			if (!ds->missing_ok)
				return ddl_fail(d, "42704",
					"objectaddress.c:1636:get_object_address_type", -1,
					"type \"%s\" does not exist", name);
			continue;
		}
		if (t.kind != 'e' && t.kind != 'd') {
			ddl_unknown(d, "DROP of this kind of type is not modelled");
			continue;
		}
		cat_type_label(q, sizeof(q), schema, name);
		{
			char what[2 * CAT_NAME + 16], array[2 * CAT_NAME + 18];
			int refused;

			snprintf(what, sizeof(what), "type %s", q);
			int arrays, functions, some, casts, exprs;

			/* What depends on its array type reads 'type "T"[]'; a
			 * function's description names the type as it is now. */
			if ((ret = ddl_dependents(&deps, &arrays, d, "type", t.oid,
			    "[]")) < 0 || (ret = cat_dep_kind(&functions, d->s,
			    "function", "type", t.oid, d->err)) < 0)
				return ret;
			free(deps);
			if (functions) {
				ddl_unknown(d, "a function over this type is not modelled");
				if (ds->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
					continue;
			}
			/* A check casting to it: CASCADE drops the check. */
			if ((ret = cat_dep_kind(&casts, d->s, "cast", "type", t.oid,
			    d->err)) < 0)
				return ret;
			if (casts) {
				ddl_unknown(d, "a check casting to this type is not "
					"modelled");
				if (ds->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
					continue;
				if ((ret = ddl_catalog_gap(d)) < 0)
					return ret;
			}
			/* Defaults and triggers' WHEN that cast to it are listed in
			 * an order not modelled beside other dependents. */
			if ((ret = cat_dep_kind(&exprs, d->s, "default:", "type", t.oid,
			    d->err)) < 0 || (!exprs && (ret = cat_dep_kind(&exprs, d->s,
			    "trigger:", "type", t.oid, d->err)) < 0))
				return ret;
			if ((ret = ddl_dependents(&deps, &n, d, "type", t.oid,
			    NULL)) < 0)
				return ret;
			if ((ret = some_type_used(&some, d)) < 0)
				return ret;
			if (n && ds->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE) {
				int nested;

				free(deps);
				if ((ret = columns_used(&nested, d, t.oid)) < 0 ||
				    (!nested && (ret = domains_used(&nested, d, t.oid)) < 0))
					return ret;
				if (ds->n_objects > 1 || (arrays && arrays != n) || nested ||
				    some || (exprs && n > 1)) {
					ddl_unknown(d, arrays ? "what depends on the array type is "
						"not modelled" : nested ? "what depends on a column of "
						"this type is not modelled" : "DROP of several "
						"objects with dependents is not modelled");
					continue;
				}
				/* Only array columns: each line names the array type. */
				snprintf(array, sizeof(array), "%s[]", what);
				return ddl_refuse_dependents(&refused, d, what, "type",
					t.oid, arrays ? "[]" : NULL, 0, arrays ? array : what);
			}
		}
		free(deps);
		if (n) {
			ddl_unknown(d, "DROP TYPE ... CASCADE drops columns; not "
				"modelled");
			/* Its columns go with their indexes, constraints and
			 * dependents, as DROP EXTENSION ... CASCADE takes them. */
			if ((ret = ddl_type_columns_drop(d, t.oid)) < 0 ||
			    (ret = ddl_drop_dependents(d, "type", t.oid, NULL)) < 0)
				return ret;
		}
		if ((ret = cat_type_drop(d->s, t.oid, d->err)) < 0)
			return ret;
	}
	return ret;
}

/*
 * DROP SCHEMA and DROP EXTENSION: objects named by one word.  A missing
 * one fails (or is skipped with IF EXISTS); dropping one that exists is
 * not modelled (whether anything is in the schema, or depends on the
 * extension, is not tracked).
 */
/* CREATE PUBLICATION; which tables it publishes is not kept. */
static int create_publication(ddl *d, const PgQuery__CreatePublicationStmt *c)
{
	int found, ret;

	if ((ret = cat_pub_find(&found, d->s, c->pubname, d->err)) < 0)
		return ret;
	if (found)
		return ddl_fail(d, "42710", "publicationcmds.c:773:CreatePublication",
			-1, "publication \"%s\" already exists", c->pubname);
	if (c->n_pubobjects || c->n_options)
		ddl_unknown(d, "the tables and options of a publication are not "
			"modelled");
	/* A table's WHERE clause or column list depends on its columns. */
	if (c->n_pubobjects && (ret = ddl_deps_gap(d)) < 0)
		return ret;
	/* Later UPDATE and DELETE of a table without a replica identity
	 * fail (CheckCmdReplicaIdentity). */
	if ((ret = ms_store_meta_set(d->s, c->for_all_tables && !c->n_options ?
	    PUB_ALL_KEY : PUB_SOME_KEY, "1", d->err)) < 0)
		return ret;
	return cat_pub_set(d->s, c->pubname, 1, d->err);
}

static int alter_publication(ddl *d, const PgQuery__AlterPublicationStmt *a)
{
	int found, ret;

	if ((ret = cat_pub_find(&found, d->s, a->pubname, d->err)) < 0)
		return ret;
	if (!found)
		return ddl_fail(d, "42704", "publicationcmds.c:1394:"
			"AlterPublication", -1, "publication \"%s\" does not exist",
			a->pubname);
	ddl_unknown(d, "the tables and options of a publication are not "
		"modelled");
	/* SET (publish = ...) may stop a FOR ALL TABLES one publishing; a
	 * table added with a WHERE clause depends on its columns. */
	if ((ret = ms_store_meta_set(d->s, PUB_SOME_KEY, "1", d->err)) < 0 ||
	    (ret = ddl_deps_gap(d)) < 0)
		return ret;
	return ms_store_meta_set(d->s, PUB_ALL_KEY, "0", d->err);
}

enum { DROP_SCHEMA, DROP_EXTENSION, DROP_PUBLICATION };

/* RemoveObjects looks every name up before it drops any: a name given
 * twice is found both times. */
static int names_found(ddl *d, const PgQuery__DropStmt *ds, int kind)
{
	for (size_t i = 0; i < ds->n_objects && !DDL_FAILED(d); i++) {
		const char *name = ms_pg__node_string(ds->objects[i]);
		int found, ret;

		if (name == NULL || (kind == DROP_SCHEMA && ddl_system_schema(name)))
			continue;
		ret = kind == DROP_SCHEMA ? cat_schema_find(&found, d->s, name,
			d->err) : kind == DROP_EXTENSION ? cat_ext_find(&found, d->s,
			name, d->err) : cat_pub_find(&found, d->s, name, d->err);
		if (ret < 0)
			return ret;
		if (found || ds->missing_ok)
			continue;
		if (kind == DROP_SCHEMA)
			return ddl_fail(d, "3F000", "namespace.c:3099:get_namespace_oid",
				-1, "schema \"%s\" does not exist", name);
		if (kind == DROP_EXTENSION)
			return ddl_fail(d, "42704", "extension.c:195:get_extension_oid",
				-1, "extension \"%s\" does not exist", name);
		return ddl_fail(d, "42704", "pg_publication.c:1043:"
			"get_publication_oid", -1, "publication \"%s\" does not "
			"exist", name);
	}
	return MS_OK;
}

static int extension_columns_drop(ddl *d, const char *name)
{
	int64_t *types = NULL;
	size_t n = 0;
	int ret = cat_ext_types(&types, &n, d->s, name, d->err);

	for (size_t i = 0; i < n && ret == MS_OK; i++)
		ret = ddl_type_columns_drop(d, types[i]);
	free(types);
	return ret;
}

static int drop_by_name(ddl *d, const PgQuery__DropStmt *ds, int kind)
{
	int ret = names_found(d, ds, kind);

	if (ret < 0 || DDL_FAILED(d))
		return ret;
	for (size_t i = 0; i < ds->n_objects && !DDL_FAILED(d); i++) {
		const char *name = ms_pg__node_string(ds->objects[i]);
		int found, twice = 0, unused;

		if (name == NULL) {
			ddl_unknown(d, NULL);
			continue;
		}
		for (size_t k = 0; k < i; k++)
			twice |= ms_pg__node_string(ds->objects[k]) &&
				strcmp(ms_pg__node_string(ds->objects[k]), name) == 0;
		if (twice)
			continue;
		/* Pinned (pg_catalog, pg_toast: 2BP01) or with initdb's
		 * objects in it. */
		if (kind == DROP_SCHEMA && ddl_system_schema(name)) {
			ddl_unknown(d, "dropping a system schema is not modelled");
			continue;
		}
		if (kind == DROP_EXTENSION && strcmp(name, "plpgsql") == 0) {
			ddl_unknown(d, "DROP EXTENSION plpgsql is not modelled");
			if ((ret = ddl_catalog_gap(d)) < 0)
				return ret;
			continue;
		}
		ret = kind == DROP_SCHEMA ? cat_schema_find(&found, d->s, name,
			d->err) : kind == DROP_EXTENSION ? cat_ext_find(&found, d->s,
			name, d->err) : cat_pub_find(&found, d->s, name, d->err);
		if (ret < 0)
			return ret;
		/* Missing, and IF EXISTS (names_found said so). */
		if (!found)
			continue;
		if (kind == DROP_EXTENSION && (ret = ext_unused(&unused, d,
		    name)) < 0)
			return ret;
		if (kind == DROP_EXTENSION && unused) {
			if ((ret = cat_ext_drop(d->s, name, d->err)) < 0 ||
			    (ret = ext_unused_drop(d->s, name, d->err)) < 0)
				return ret;
			continue;
		}
		/* Nothing depends on a publication. */
		/* Which publications are left is not followed. */
		if (kind == DROP_PUBLICATION &&
		    (ret = ms_store_meta_set(d->s, PUB_SOME_KEY, "1", d->err)) == MS_OK &&
		    (ret = ms_store_meta_set(d->s, PUB_ALL_KEY, "0", d->err)) == MS_OK)
			ret = cat_pub_set(d->s, name, 0, d->err);
		else
			ddl_unknown(d, kind == DROP_SCHEMA ? "DROP SCHEMA is not "
				"modelled" : "DROP EXTENSION is not modelled");
		/* What else CASCADE takes (columns of its types, views over
		 * its tables ...) is not followed. */
		if (kind == DROP_SCHEMA && ds->behavior ==
		    PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
			ret = cat_schema_objects_drop(d->s, name, d->err);
		if (kind == DROP_SCHEMA && ret == MS_OK &&
		    (ret = unseen_objects(d)) == MS_OK)
			ret = cat_schema_drop(d->s, name, d->err);
		/* Its members go, and with CASCADE the columns of its types
		 * and, unseen, whatever else uses them. */
		if (kind == DROP_EXTENSION && ret == MS_OK && ds->behavior ==
		    PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
			ret = extension_columns_drop(d, name);
		if (kind == DROP_EXTENSION && ret == MS_OK &&
		    (ret = unseen_objects(d)) == MS_OK)
			ret = cat_ext_drop(d->s, name, d->err);
		if (ret < 0)
			return ret;
	}
	return MS_OK;
}

/* --- functions and triggers ---------------------------------------------- */

/* A type a function takes or returns exists: *ok 1 yes, 0 not known
 * (PostgreSQL would fail with 42704 if it does not; migsim abstains). */
static int function_type(int *ok, ddl *d, const PgQuery__TypeName *tn,
	int returning)
{
	static const char *const pseudo[] = { "trigger", "void", "record",
		NULL };
	const char *name = tn && tn->n_names ?
		ms_pg__node_string(tn->names[tn->n_names - 1]) : NULL;
	ms_typeref t;
	int ret;

	*ok = 0;
	if (tn == NULL || tn->setof || tn->pct_type)
		return MS_OK;
	if (returning && name && tn->n_names == 1 && !tn->n_array_bounds) {
		for (const char *const *p = pseudo; *p; p++)
			if (strcmp(name, *p) == 0)
				*ok = 1;
		if (*ok)
			return MS_OK;
	}
	if ((ret = ms_pg__resolve_type(&t, d->s, tn, d->err)) < 0)
		return ret;
	*ok = t.known && t.exists && !t.serial;
	/* Not SETOF: PL/pgSQL compiles a set-returning function with rules
	 * libpg_query does not apply. */
	return *ok ? MS_OK : ddl_row_type(ok, d, tn, &t);
}

int ddl_row_type(int *ok, ddl *d, const PgQuery__TypeName *tn,
	const ms_typeref *t)
{
	const char *name = tn->n_names ?
		ms_pg__node_string(tn->names[tn->n_names - 1]) : NULL;
	const char *schema = tn->n_names == 2 ?
		ms_pg__node_string(tn->names[0]) : "public";
	cat_rel rel;
	int found, ret;

	*ok = 0;
	if (!t->known || t->exists || name == NULL || schema == NULL ||
	    tn->n_names > 2 || tn->n_array_bounds || tn->setof)
		return MS_OK;
	if ((ret = cat_rel_find(&found, &rel, d->s, schema, name, d->err)) < 0)
		return ret;
	*ok = found && rel.known && strchr("rpvm", rel.relkind) != NULL;
	return MS_OK;
}

/* A parameter or result type by its own name, for calls (expr.c): a
 * type that exists, or a polymorphic pseudo-type; "*" otherwise. */
static int signature_type(char *out, size_t n, ddl *d,
	const PgQuery__TypeName *tn)
{
	static const char *const pseudo[] = { "anyelement", "void", "trigger",
		"record", NULL };
	const char *name = tn && tn->n_names == 1 && !tn->n_array_bounds ?
		ms_pg__node_string(tn->names[0]) : NULL;
	ms_typeref t;
	int ret;

	snprintf(out, n, "*");
	for (const char *const *p = pseudo; name && *p; p++)
		if (strcmp(name, *p) == 0) {
			snprintf(out, n, "%s", name);
			return MS_OK;
		}
	if (tn == NULL || tn->setof || tn->pct_type || tn->n_array_bounds)
		return MS_OK;
	if ((ret = ms_pg__resolve_type(&t, d->s, tn, d->err)) < 0)
		return ret;
	/* public."date" beside pg_catalog's date: told apart by neither. */
	if (t.known && t.exists && !t.serial && !(t.user_oid &&
	    ms_pg__system_type(t.base)))
		snprintf(out, n, "%s", t.base);
	return MS_OK;
}

/* Keep what a call needs: argument types ("?" after one with a default),
 * result and volatility; "*" for a function of several signatures. */
/* An argument list without the '?' that marks a parameter's default. */
static void strip_defaults(char *out, size_t n, const char *args)
{
	size_t k = 0;

	for (; *args && k + 1 < n; args++)
		if (*args != '?')
			out[k++] = *args;
	out[k] = '\0';
}

/* Whether args is one of a '|'-separated list of argument lists. */
static int in_list(const char *list, const char *args)
{
	size_t len = strlen(args);

	for (const char *p = list; p; p = strchr(p, '|') ? strchr(p, '|') + 1 :
	     NULL)
		if (strncmp(p, args, len) == 0 && (p[len] == '|' || p[len] == '\0'))
			return 1;
	return 0;
}

/*
 * A function created again under its name: the same argument list
 * replaces it; another makes an overload.  Calls of an overloaded name
 * are not followed (args begins with '*'), but its argument lists are
 * kept as "*|a|b" for DROP and COMMENT, while every one is readable.
 */
static void overload(char *args, size_t n, const char *old)
{
	char mine[sizeof(((cat_sig *)0)->args)];
	char theirs[sizeof(((cat_sig *)0)->args)];
	int listed = strncmp(old, "*|", 2) == 0;

	strip_defaults(mine, sizeof(mine), args);
	strip_defaults(theirs, sizeof(theirs), listed ? old + 2 : old);
	if (!listed && strcmp(mine, theirs) == 0)
		return;
	if (strchr(mine, '*') || strchr(theirs, '*') || strchr(mine, '|') ||
	    (in_list(theirs, mine) ? snprintf(args, n, "*|%s", theirs) :
	    snprintf(args, n, "*|%s|%s", theirs, mine)) >= (int)n)
		snprintf(args, n, "*");
}

/* A CREATE FUNCTION's signature as cat_sig keeps it, and its input
 * parameters' names (comma-separated, empty for an unnamed one). */
static int read_signature(cat_sig *sig, char *names, size_t nn, ddl *d,
	const PgQuery__CreateFunctionStmt *c)
{
	char one[CAT_NAME];
	int ret;

	memset(sig, 0, sizeof(*sig));
	names[0] = '\0';
	sig->volatility = 'v';
	for (size_t i = 0; i < c->n_options; i++) {
		const PgQuery__DefElem *de = c->options[i]->def_elem;
		const char *v = ms_pg__node_string(de->arg);

		if (strcmp(de->defname, "volatility") == 0 && v)
			sig->volatility = v[0];
	}
	if ((ret = signature_type(sig->result, sizeof(sig->result), d,
	    c->return_type)) < 0)
		return ret;
	for (size_t i = 0; i < c->n_parameters; i++) {
		const PgQuery__FunctionParameter *p =
			c->parameters[i]->function_parameter;
		size_t len = strlen(sig->args), nlen = strlen(names);

		if (p->mode != PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_IN &&
		    p->mode != PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_DEFAULT)
			snprintf(one, sizeof(one), "*");
		else if ((ret = signature_type(one, sizeof(one), d,
		    p->arg_type)) < 0)
			return ret;
		snprintf(sig->args + len, sizeof(sig->args) - len, "%s%s%s",
			len ? "," : "", one, p->defexpr ? "?" : "");
		snprintf(names + nlen, nn - nlen, "%s%s", i ? "," : "",
			p->name ? p->name : "");
	}
	return MS_OK;
}

static int record_signature(ddl *d, const PgQuery__CreateFunctionStmt *c,
	const char *schema, const char *name)
{
	cat_sig sig, old;
	char names[sizeof(sig.args)];
	int found, ret;

	if ((ret = read_signature(&sig, names, sizeof(names), d, c)) < 0 ||
	    (ret = cat_func_sig(&found, &old, d->s, schema, name, d->err)) < 0)
		return ret;
	if (found)
		overload(sig.args, sizeof(sig.args), old.args);
	if ((ret = cat_func_sig_set(d->s, schema, name, &sig, d->err)) < 0)
		return ret;
	return cat_func_names_set(d->s, schema, name, sig.args[0] == '*' ? NULL :
		names, d->err);
}

/* How many parameters have defaults in an argument list. */
static int count_defaults(const char *args)
{
	int n = 0;

	for (; *args; args++)
		n += *args == '?';
	return n;
}

/*
 * CREATE OR REPLACE of a name that exists: another argument list adds an
 * overload; the same one replaces the function, which ProcedureCreate
 * allows when the result type, the input parameters' names and the
 * defaults stay (42P13 otherwise, left unknown here).
 */
static int replaceable(int *ok, ddl *d, const PgQuery__CreateFunctionStmt *c,
	const char *schema, const char *name)
{
	cat_sig sig, old;
	char names[sizeof(sig.args)], old_names[sizeof(sig.args)];
	char mine[sizeof(sig.args)], theirs[sizeof(sig.args)];
	int found, named, ret;

	*ok = 0;
	if ((ret = read_signature(&sig, names, sizeof(names), d, c)) < 0 ||
	    (ret = cat_func_sig(&found, &old, d->s, schema, name, d->err)) < 0 ||
	    !found)
		return ret;
	strip_defaults(mine, sizeof(mine), sig.args);
	if (strchr(mine, '*') || (old.args[0] == '*' && old.args[1] != '|'))
		return MS_OK;
	strip_defaults(theirs, sizeof(theirs), old.args[0] == '*' ?
		old.args + 2 : old.args);
	if (old.args[0] == '*' ? !in_list(theirs, mine) :
	    strcmp(theirs, mine) != 0) {
		*ok = 1;
		return MS_OK;
	}
	if (old.args[0] == '*' || !c->replace || strchr(sig.result, '*') ||
	    strcmp(sig.result, old.result) != 0 ||
	    count_defaults(sig.args) < count_defaults(old.args))
		return MS_OK;
	if ((ret = cat_func_names(&named, old_names, sizeof(old_names), d->s,
	    schema, name, d->err)) < 0 || !named)
		return ret;
	/* An input parameter that had a name keeps it. */
	*ok = 1;
	for (const char *o = old_names, *n = names; *o || *n; ) {
		size_t ol = strcspn(o, ","), nl = strcspn(n, ",");

		if (ol && (ol != nl || strncmp(o, n, ol) != 0))
			*ok = 0;
		o += ol + (o[ol] == ',');
		n += nl + (n[nl] == ',');
	}
	return MS_OK;
}

static int null_const(const PgQuery__Node *n)
{
	return n->node_case == PG_QUERY__NODE__NODE_A_CONST && n->a_const->isnull;
}

/* A parameter default: NULL fits any type; a constant must convert to
 * the parameter's type. */
static int default_fits(int *ok, ddl *d, const PgQuery__FunctionParameter *p)
{
	ms_typeref ref;
	cat_col as;
	ex_type t;
	ex_scope sc;
	int ret = MS_OK, r;

	*ok = null_const(p->defexpr);
	if (*ok || !(p->defexpr->node_case == PG_QUERY__NODE__NODE_A_CONST ||
	    (p->defexpr->node_case == PG_QUERY__NODE__NODE_TYPE_CAST &&
	    p->defexpr->type_cast->arg->node_case ==
	    PG_QUERY__NODE__NODE_A_CONST)))
		return MS_OK;
	if ((ret = ms_pg__resolve_type(&ref, d->s, p->arg_type, d->err)) < 0 ||
	    !ref.known || !ref.exists || ref.serial)
		return ret;
	memset(&as, 0, sizeof(as));
	snprintf(as.type, sizeof(as.type), "%s", ref.display);
	snprintf(as.base, sizeof(as.base), "%s", ref.base);
	as.type_oid = ref.user_oid;
	memset(&sc, 0, sizeof(sc));
	sc.no_columns = 1;
	r = ex_analyse(&t, &ret, d, &sc, p->defexpr);
	if (r == EX_OK)
		r = ex_assignable(&ret, d, &t, &as);
	*ok = r == EX_OK;
	return ret;
}

/*
 * CREATE FUNCTION: recorded by name.  A PL/pgSQL function whose types
 * exist, whose defaults convert and whose body compiles is ok
 * (check_function_bodies is on: plpgsql_validator compiles it, which
 * checks syntax and declared types, not the tables its statements name),
 * new or replacing one as replaceable() allows.  Another language is not
 * modelled.
 */
/*
 * Whether a function's body may write rows: it names a statement that
 * writes, dynamic SQL, or a function of the history that may.  A scan of
 * its words outside comments and string constants, so a superset (a
 * column named "update" counts); no body to read counts too.
 */
static int body_writes(int *writes, ddl *d,
	const PgQuery__CreateFunctionStmt *c, const char *schema)
{
	static const char *const words[] = { "insert", "update", "delete",
		"merge", "copy", "truncate", "execute", "call", "dblink", NULL };
	const char *body = NULL, *p;
	char word[CAT_NAME];

	*writes = 1;
	for (size_t i = 0; i < c->n_options; i++) {
		const PgQuery__DefElem *de = c->options[i]->def_elem;

		if (strcmp(de->defname, "as") == 0 && de->arg &&
		    de->arg->node_case == PG_QUERY__NODE__NODE_LIST &&
		    de->arg->list->n_items == 1)
			body = ms_pg__node_string(de->arg->list->items[0]);
	}
	if (body == NULL)
		return MS_OK;
	*writes = 0;
	for (p = body; *p && !*writes; ) {
		size_t n = 0;
		int ret, found;

		if (p[0] == '-' && p[1] == '-') {
			p += strcspn(p, "\n");
		} else if (p[0] == '/' && p[1] == '*') {
			p = strstr(p + 2, "*/") ? strstr(p + 2, "*/") + 2 : p + strlen(p);
		} else if (*p == '\'') {
			p = strchr(p + 1, '\'') ? strchr(p + 1, '\'') + 1 : p + strlen(p);
		} else if (isalpha((unsigned char)*p) || *p == '_' || *p == '"') {
			int quoted = *p == '"';

			for (p += quoted; *p && (quoted ? *p != '"' : isalnum(
			     (unsigned char)*p) || *p == '_' || *p == '$'); p++)
				if (n + 1 < sizeof(word))
					word[n++] = quoted ? *p : (char)tolower((unsigned char)*p);
			p += quoted && *p;
			word[n] = '\0';
			for (const char *const *w = words; *w && !*writes; w++)
				*writes = strncmp(word, *w, strlen(*w)) == 0 &&
					(word[strlen(*w)] == '\0' || strcmp(*w, "dblink") == 0);
			if (!*writes && (ret = cat_func_writes(&found, d->s, schema, word,
			    d->err)) < 0)
				return ret;
			*writes |= !*writes && found;
		} else {
			p++;
		}
	}
	return MS_OK;
}

int ddl_one_of(const char *s, const char *const *set)
{
	for (; s && *set; set++)
		if (strcmp(s, *set) == 0)
			return 1;
	return 0;
}

static int visit_string_const(const PgQuery__Node *n, void *ctx)
{
	(void)ctx;
	return n->node_case == PG_QUERY__NODE__NODE_A_CONST &&
		n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
}

/* regclass, regtype, ...: a string coerced to one becomes a constant
 * naming an object, which the expression then depends on. */
static int reg_type(const PgQuery__TypeName *tn)
{
	const char *name = tn && tn->n_names ?
		ms_pg__node_string(tn->names[tn->n_names - 1]) : NULL;

	return name && strncmp(name, "reg", 3) == 0;
}

/* A function depends on the enums its parameters and result name, and
 * on the relations whose row types they are; *odd counts the types
 * whose dependencies are not recorded (%TYPE, or not known). */
static int function_types(int *odd, ddl *d,
	const PgQuery__CreateFunctionStmt *c)
{
	const char *schema, *name;
	int64_t oid;
	int found, ret;

	*odd = 0;
	if (!qualified_name(&schema, &name, c->funcname, c->n_funcname))
		return MS_OK;
	if ((ret = cat_func_find(&found, &oid, d->s, schema, name, d->err)) < 0)
		return ret;
	*odd = !found;
	for (size_t i = 0; found && i <= c->n_parameters; i++) {
		static const char *const pseudo[] = { "anyelement", "anyarray",
			"anynonarray", "anyenum", "void", "trigger", "event_trigger",
			"record", NULL };
		const PgQuery__TypeName *tn = i < c->n_parameters ?
			c->parameters[i]->function_parameter->arg_type : c->return_type;
		PgQuery__TypeName plain;
		ms_typeref t;
		cat_rel rel;
		int row_type = 0;

		/* RETURNS TABLE of several columns is pg_catalog.record. */
		if (tn == NULL || (!tn->n_array_bounds && (tn->n_names == 1 ||
		    (tn->n_names == 2 && strcmp(ms_pg__node_string(tn->names[0]),
		    "pg_catalog") == 0)) && ddl_one_of(ms_pg__node_string(
		    tn->names[tn->n_names - 1]), pseudo)))
			continue;
		/* SETOF t depends on t. */
		plain = *tn;
		plain.setof = 0;
		if ((ret = ms_pg__resolve_type(&t, d->s, &plain, d->err)) < 0)
			return ret;
		/* A parameter's default depends on the types it casts to, and
		 * on what a string given for a reg* parameter names. */
		if (i < c->n_parameters && (ret = ddl_cast_dependencies(d,
		    c->parameters[i]->function_parameter->defexpr, "function", oid,
		    "")) < 0)
			return ret;
		if (i < c->n_parameters && reg_type(tn) &&
		    c->parameters[i]->function_parameter->defexpr &&
		    ddl_walk(&c->parameters[i]->function_parameter->defexpr->base,
		    visit_string_const, NULL))
			(*odd)++;
		if (t.known && t.exists) {
			if (t.user_oid && (ret = cat_dep_add(d->s, "function", oid,
			    "type", t.user_oid, NULL, "", d->err)) < 0)
				return ret;
			continue;
		}
		if (t.known && tn->n_names == 1 && !tn->n_array_bounds &&
		    (ret = cat_rel_find(&row_type, &rel, d->s, "public", t.base,
		    d->err)) < 0)
			return ret;
		if (!row_type)
			(*odd)++;
		else if ((ret = cat_dep_add(d->s, "function", oid, "rel", rel.oid,
		    NULL, "", d->err)) < 0)
			return ret;
	}
	return MS_OK;
}

struct body_refs {
	ddl *d;
	int ret;
};

/* 1 when n may name an object that is not pg_catalog's: pinned objects
 * get no pg_depend rows, so a body of those alone adds none. */
static int visit_body_ref(const PgQuery__Node *n, void *ctx)
{
	static const char *const ops[] = { "=", "<>", "!=", "<", ">", "<=",
		">=", "+", "-", "*", "/", "%", "||", "~~", "!~~", "~~*", "!~~*",
		NULL };
	struct body_refs *b = ctx;
	const char *name;
	int mine;

	switch (n->node_case) {
	/* DML's target is a RangeVar outside a Node. */
	case PG_QUERY__NODE__NODE_INSERT_STMT:
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
	case PG_QUERY__NODE__NODE_DELETE_STMT:
	case PG_QUERY__NODE__NODE_MERGE_STMT:
	case PG_QUERY__NODE__NODE_RANGE_VAR:
	case PG_QUERY__NODE__NODE_RANGE_FUNCTION:
		return 1;
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		if (n->func_call->n_funcname != 1)
			return 1;
		name = ms_pg__node_string(n->func_call->funcname[0]);
		/* A string given where a regclass is taken becomes one, and
		 * the body depends on the relation it names. */
		if (name == NULL || !ms_pg__builtin_function(name) ||
		    strncmp(name, "pg_", 3) == 0 || strncmp(name, "has_", 4) == 0 ||
		    strcmp(name, "nextval") == 0 || strcmp(name, "currval") == 0 ||
		    strcmp(name, "setval") == 0)
			return 1;
		if ((b->ret = cat_func_own(&mine, b->d->s, "public", name,
		    b->d->err)) < 0)
			return 1;
		return mine;
	case PG_QUERY__NODE__NODE_A_EXPR:
		for (size_t i = 0; i < n->a_expr->n_name; i++)
			if (!ddl_one_of(ms_pg__node_string(n->a_expr->name[i]), ops))
				return 1;
		return 0;
	default:
		return 0;
	}
}

/* A type named in a body (TypeName is a bare message in a cast). */
static int visit_body_type(const ProtobufCMessage *m, void *ctx)
{
	const PgQuery__TypeName *tn = (const PgQuery__TypeName *)m;

	const char *name = ms_pg__node_string(tn->names[tn->n_names - 1]);

	(void)ctx;
	/* A regclass, regtype, ... constant names an object. */
	if (name == NULL || strncmp(name, "reg", 3) == 0)
		return 1;
	if (tn->n_names == 2 && strcmp(ms_pg__node_string(tn->names[0]),
	    "pg_catalog") == 0)
		return 0;
	return tn->n_names != 1 || !ms_pg__system_type(name);
}

/* A function depends on the types it names and, with a SQL-standard
 * body, on what the body reads; migsim records neither beyond base
 * types, enums and row types, and a body of built-ins alone. */
static int function_deps(ddl *d, const PgQuery__CreateFunctionStmt *c)
{
	struct body_refs b = { d, MS_OK };
	walker w = { visit_body_ref, &pg_query__type_name__descriptor,
		visit_body_type, &b };
	int odd, ret;

	if (c->sql_body && walk(&c->sql_body->base, &w))
		return b.ret < 0 ? b.ret : ddl_deps_gap(d);
	/* A string constant beside a reg* parameter or result may have
	 * become one (COALESCE, IN, CASE resolve it to that type). */
	for (size_t i = 0; c->sql_body && i <= c->n_parameters; i++)
		if (reg_type(i < c->n_parameters ?
		    c->parameters[i]->function_parameter->arg_type :
		    c->return_type) &&
		    ddl_walk(&c->sql_body->base, visit_string_const, NULL))
			return ddl_deps_gap(d);
	if ((ret = function_types(&odd, d, c)) < 0)
		return ret;
	return odd ? ddl_deps_gap(d) : MS_OK;
}

/* A trigger function declares no arguments (42P13). */
static int trigger_with_arguments(const PgQuery__CreateFunctionStmt *c)
{
	const PgQuery__TypeName *tn = c->return_type;
	const char *name = tn && tn->n_names ? ms_pg__node_string(
		tn->names[tn->n_names - 1]) : NULL;

	return name && strcmp(name, "trigger") == 0 && c->n_parameters > 0;
}

/* interpret_function_parameter_list: two inputs or two outputs of one
 * name (an input and an output may share it).  Types are looked up on
 * the way, so a missing type before the repeat is left unknown. */
static int parameter_names(ddl *d, const PgQuery__CreateFunctionStmt *c)
{
	enum { IN = PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_IN,
		OUT = PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT,
		VARIADIC = PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_VARIADIC,
		TABLE = PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE,
		DEFAULT = PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_DEFAULT };

	for (size_t i = 0; i < c->n_parameters; i++) {
		const PgQuery__FunctionParameter *p =
			c->parameters[i]->function_parameter;
		int mode = (int)p->mode == DEFAULT ? IN : (int)p->mode;
		ms_typeref t;
		int ret;

		if ((ret = ms_pg__resolve_type(&t, d->s, p->arg_type, d->err)) < 0)
			return ret;
		if (!t.known || !t.exists)
			return MS_OK;
		for (size_t j = 0; p->name && p->name[0] && j < i; j++) {
			const PgQuery__FunctionParameter *q =
				c->parameters[j]->function_parameter;
			int prev = (int)q->mode == DEFAULT ? IN : (int)q->mode;

			if (((mode == IN || mode == VARIADIC) &&
			    (prev == OUT || prev == TABLE)) ||
			    ((prev == IN || prev == VARIADIC) &&
			    (mode == OUT || mode == TABLE)))
				continue;
			if (q->name && strcmp(q->name, p->name) == 0)
				return ddl_fail(d, "42P13", "functioncmds.c:392:"
					"interpret_function_parameter_list", -1,
					"parameter name \"%s\" used more than once", p->name);
		}
	}
	return MS_OK;
}

/* OUT, INOUT, and RETURNS TABLE's columns. */
static int output_parameter(const PgQuery__FunctionParameter *p)
{
	return p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT ||
		p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_INOUT ||
		p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE;
}

static int outputs(const PgQuery__CreateFunctionStmt *c)
{
	for (size_t i = 0; i < c->n_parameters; i++)
		if (output_parameter(c->parameters[i]->function_parameter))
			return 1;
	return 0;
}

/* Whether parameter i has a name an earlier one has. */
static int named_twice(const PgQuery__CreateFunctionStmt *c, size_t i)
{
	const char *name = c->parameters[i]->function_parameter->name;

	for (size_t k = 0; name && *name && k < i; k++)
		if (c->parameters[k]->function_parameter->name &&
		    strcmp(c->parameters[k]->function_parameter->name, name) == 0)
			return 1;
	return 0;
}

/* The result a PL/pgSQL body is checked against: a type that exists,
 * SETOF one, RETURNS TABLE's record, or none written beside OUT
 * parameters (then derived from them).  A result written beside OUT
 * parameters must agree with them (42P13): not followed. */
static int result_type(int *ok, ddl *d, const PgQuery__CreateFunctionStmt *c)
{
	PgQuery__TypeName element;
	const PgQuery__TypeName *t = c->return_type;
	int table = 0;

	for (size_t i = 0; i < c->n_parameters; i++)
		table |= c->parameters[i]->function_parameter->mode ==
			PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE;
	*ok = t == NULL ? outputs(c) : !outputs(c) || table;
	if (t == NULL || !*ok)
		return MS_OK;
	if (!t->setof)
		return function_type(ok, d, t, 1);
	element = *t;
	element.setof = 0;
	/* RETURNS TABLE of several columns is pg_catalog.record. */
	if (element.n_names == 2 && !element.n_array_bounds &&
	    strcmp(ms_pg__node_string(element.names[0]), "pg_catalog") == 0 &&
	    strcmp(ms_pg__node_string(element.names[1]), "record") == 0)
		return MS_OK;
	return function_type(ok, d, &element, 1);
}

/* Whether the body's RETURN takes no expression: a function returning
 * void (an event trigger's too) or a set, or one with OUT parameters. */
static int bare_return(const PgQuery__CreateFunctionStmt *c)
{
	const PgQuery__TypeName *t = c->return_type;
	const char *name = t && t->n_names ?
		ms_pg__node_string(t->names[t->n_names - 1]) : NULL;

	return t == NULL || t->setof || outputs(c) || (name &&
		(strcmp(name, "void") == 0 || strcmp(name, "event_trigger") == 0));
}

static int timeout_set_fits(const PgQuery__VariableSetStmt *v);

/* A function's SET clause migsim knows PostgreSQL accepts: FROM CURRENT,
 * a search_path of names (schemas need not exist), a timeout within
 * range. */
static int function_setting_fits(const PgQuery__VariableSetStmt *v)
{
	if (v->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_CURRENT)
		return 1;
	if (v->kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE || !v->name)
		return 0;
	if (strcmp(v->name, "search_path") == 0) {
		for (size_t i = 0; i < v->n_args; i++)
			if (!ddl_string_literal(v->args[i], NULL))
				return 0;
		return 1;
	}
	return timeout_set_fits(v);
}

/* A COST or ROWS value: *v, or 0 when not a plain number. */
static int option_number(double *v, const PgQuery__DefElem *de)
{
	if (de->arg && de->arg->node_case == PG_QUERY__NODE__NODE_INTEGER) {
		*v = de->arg->integer->ival;
		return 1;
	}
	if (de->arg && de->arg->node_case == PG_QUERY__NODE__NODE_FLOAT) {
		*v = strtod(de->arg->float_->fval, NULL);
		return 1;
	}
	return 0;
}

/* compute_function_attributes: an option given twice (42601 at the
 * second), then COST and ROWS positive, SUPPORT, PARALLEL's word.
 * TRANSFORM and SUPPORT look up what migsim does not model, and ROWS
 * on a function returning no set fails after the types are resolved:
 * later errors are then not certain. */
static int function_options(ddl *d, const PgQuery__CreateFunctionStmt *c)
{
	const PgQuery__DefElem *cost = NULL, *rows = NULL, *parallel = NULL;
	int lookups = 0, table = 0;
	double v;

	for (size_t i = 0; i < c->n_options; i++) {
		const PgQuery__DefElem *de = c->options[i]->def_elem;

		for (size_t k = 0; k < i && strcmp(de->defname, "set") != 0; k++)
			if (strcmp(c->options[k]->def_elem->defname, de->defname) == 0)
				return ddl_fail(d, "42601", "define.c:387:"
					"errorConflictingDefElem", de->location, "conflicting or "
					"redundant options");
		if (strcmp(de->defname, "cost") == 0)
			cost = de;
		else if (strcmp(de->defname, "rows") == 0)
			rows = de;
		else if (strcmp(de->defname, "parallel") == 0)
			parallel = de;
		else if (strcmp(de->defname, "support") == 0 ||
		    strcmp(de->defname, "transform") == 0)
			lookups = 1;
	}
	if (cost && option_number(&v, cost) && v <= 0)
		return ddl_fail(d, "22023", "functioncmds.c:832:"
			"compute_function_attributes", -1, "COST must be positive");
	if (rows && option_number(&v, rows) && v <= 0)
		return ddl_fail(d, "22023", "functioncmds.c:840:"
			"compute_function_attributes", -1, "ROWS must be positive");
	if (parallel && !lookups && ms_pg__node_string(parallel->arg) &&
	    strcmp(ms_pg__node_string(parallel->arg), "safe") != 0 &&
	    strcmp(ms_pg__node_string(parallel->arg), "restricted") != 0 &&
	    strcmp(ms_pg__node_string(parallel->arg), "unsafe") != 0)
		return ddl_fail(d, "42601", "functioncmds.c:642:"
			"interpret_func_parallel", -1, "parameter \"parallel\" must be "
			"SAFE, RESTRICTED, or UNSAFE");
	for (size_t i = 0; i < c->n_parameters; i++)
		table |= c->parameters[i]->function_parameter->mode ==
			PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE;
	if (lookups || (rows && !table && !(c->return_type &&
	    c->return_type->setof))) {
		ddl_unknown(d, "this function's options are not modelled");
		d->open_check = 1;
	}
	return MS_OK;
}

static int create_function(ddl *d, const PgQuery__CreateFunctionStmt *c)
{
	const char *schema, *name, *language = NULL;
	int ok, exists, ret, writes, defaults = 0;

	if (!qualified_name(&schema, &name, c->funcname, c->n_funcname)) {
		ddl_unknown(d, "function bodies are not checked");
		return MS_OK;
	}
	if ((ret = ddl_schema_ok(d, schema, &ok)) < 0 || !ok)
		return ret;
	if (c->is_procedure && (ret = ms_store_meta_set(d->s, PROCEDURES_KEY,
	    "1", d->err)) < 0)
		return ret;
	if ((ret = function_options(d, c)) < 0 || DDL_FAILED(d) ||
	    (ret = parameter_names(d, c)) < 0 || DDL_FAILED(d))
		return ret;
	if ((ret = cat_func_find(&exists, NULL, d->s, schema, name, d->err)) < 0)
		return ret;
	for (size_t i = 0; i < c->n_options; i++) {
		const PgQuery__DefElem *de = c->options[i]->def_elem;

		if (strcmp(de->defname, "language") == 0)
			language = ms_pg__node_string(de->arg);
		/* SET clauses are validated as the function is made
		 * (ProcessGUCArray): 22023, 55P02, 25001. */
		if (strcmp(de->defname, "set") == 0 && de->arg &&
		    de->arg->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT &&
		    !function_setting_fits(de->arg->variable_set_stmt))
			ddl_unknown(d, "this function's SET clause is not checked");
	}
	/* The planner inlines a SQL function and folds it on constants
	 * (inline_function): its calls are then not certain. */
	if (((language && strcmp(language, "sql") == 0) || c->sql_body) &&
	    (ret = ms_store_meta_set(d->s, SQL_FUNCTIONS_KEY, "1", d->err)) < 0)
		return ret;
	ok = !c->is_procedure && language && strcmp(language, "plpgsql") == 0;
	if (ok && exists && (ret = replaceable(&ok, d, c, schema, name)) < 0)
		return ret;
	if (ok && (ret = result_type(&ok, d, c)) < 0)
		return ret;
	for (size_t i = 0; ok && i < c->n_parameters; i++) {
		const PgQuery__FunctionParameter *p =
			c->parameters[i]->function_parameter;
		int out = output_parameter(p);

		/* After a default, every input parameter needs one (42P13
		 * otherwise); an output takes none.  PL/pgSQL keeps inputs and
		 * outputs in one namespace (42P13 for a name in both). */
		ok = (p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_IN ||
			p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_DEFAULT ||
			out) && (out ? p->defexpr == NULL : p->defexpr || !defaults) &&
			!named_twice(c, i);
		defaults |= p->defexpr != NULL;
		if (ok && (ret = function_type(&ok, d, p->arg_type, 0)) < 0)
			return ret;
		if (ok && p->defexpr && (ret = default_fits(&ok, d, p)) < 0)
			return ret;
	}
	/* The header is through: PL/pgSQL's compiler refuses a trigger
	 * function's arguments before it reads the body (do_compile). */
	if (ok && trigger_with_arguments(c)) {
		if ((ret = ddl_fail(d, "42P13", "pl_comp.c:602:do_compile", -1,
		    "trigger functions cannot have declared arguments")) < 0)
			return ret;
		return ddl_hint(d, "The arguments of the trigger can be accessed "
			"through TG_NARGS and TG_ARGV instead.");
	}
	if (ok && (ret = ddl_function_compiles(&ok, d, bare_return(c),
	    c->return_type && c->return_type->setof, outputs(c))) < 0)
		return ret;
	if (!ok)
		ddl_unknown(d, "function bodies are not checked");
	if (!exists &&
	    (ret = cat_func_add(NULL, d->s, schema, name, "", NULL, d->err)) < 0)
		return ret;
	if ((ret = record_signature(d, c, schema, name)) < 0 ||
	    (ret = body_writes(&writes, d, c, schema)) < 0 ||
	    (ret = function_deps(d, c)) < 0)
		return ret;
	/* Once one version or overload writes, the name counts as writing. */
	return writes ? cat_func_writes_set(d->s, schema, name, 1, d->err) :
		MS_OK;
}

/* The kind ALTER VIEW, MATERIALIZED VIEW or SEQUENCE names must be the
 * relation's (RangeVarCallbackForAlterRelation); ALTER TABLE takes any
 * but an index or a composite type. */
static int set_schema_kind(ddl *d, PgQuery__ObjectType type,
	const cat_rel *rel)
{
	static const struct { PgQuery__ObjectType type; char relkind;
		const char *site, *msg; } kinds[] = {
		{ PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE, 'S', "tablecmds.c:17455:"
		  "RangeVarCallbackForAlterRelation", "\"%s\" is not a sequence" },
		{ PG_QUERY__OBJECT_TYPE__OBJECT_VIEW, 'v', "tablecmds.c:17460:"
		  "RangeVarCallbackForAlterRelation", "\"%s\" is not a view" },
		{ PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW, 'm', "tablecmds.c:17465:"
		  "RangeVarCallbackForAlterRelation",
		  "\"%s\" is not a materialized view" },
	};
	int ret;

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (kinds[i].type == type && kinds[i].relkind != rel->relkind)
			return ddl_fail(d, "42809", kinds[i].site, -1, kinds[i].msg,
				rel->name);
	if (rel->relkind == 'c')
		return ddl_composite_refused(d, rel->name);
	if (rel->relkind != 'i')
		return MS_OK;
	if ((ret = ddl_fail(d, "42809", "tablecmds.c:17503:"
	    "RangeVarCallbackForAlterRelation", -1, "cannot change schema of "
	    "index \"%s\"", rel->name)) < 0)
		return ret;
	return ddl_hint(d, "Change the schema of the table instead.");
}

/* A relation moved with what moves with it: its row type, its indexes,
 * the sequences its columns own (AlterTableNamespaceInternal's order);
 * a name the schema has is 42P07 or, for the row type, 42710. */
static int set_schema_clash(ddl *d, const cat_rel *rel, const char *schema)
{
	char name[CAT_NAME];
	cat_rel other;
	int found, ret;

	if ((ret = cat_rel_find(&found, &other, d->s, schema, rel->name,
	    d->err)) < 0)
		return ret;
	snprintf(name, sizeof(name), "%s", rel->name);
	if (!found && rel->relkind != 'S') {
		if ((ret = ddl_type_taken(&found, d, schema, rel->name)) < 0)
			return ret;
		if (found)
			return ddl_fail(d, "42710", "typecmds.c:4007:"
				"AlterTypeNamespaceInternal", -1, "type \"%s\" already "
				"exists in schema \"%s\"", rel->name, schema);
	}
	for (int seqs = 0; !found && seqs < 2 && strchr("rpm", rel->relkind);
	     seqs++)
		if ((ret = cat_moved_clash(name, &found, d->s, rel->oid, schema,
		    seqs, d->err)) < 0)
			return ret;
	if (!found)
		return MS_OK;
	return ddl_fail(d, "42P07", "tablecmds.c:16900:"
		"AlterRelationNamespaceInternal", -1, "relation \"%s\" already "
		"exists in schema \"%s\"", name, schema);
}

/*
 * ALTER TABLE / VIEW / MATERIALIZED VIEW / SEQUENCE ... SET SCHEMA, in
 * AlterTableNamespace's order: the relation and its kind, an owned
 * sequence (0A000), the schema (3F000), then the names it takes there.
 * Other objects' SET SCHEMA is not modelled and leaves the catalog
 * incomplete.
 */
static int set_schema(ddl *d, const PgQuery__AlterObjectSchemaStmt *a)
{
	const PgQuery__RangeVar *rv = a->relation;
	char owner[CAT_NAME];
	cat_rel rel;
	int found, ok, ret;

	/* An extension's members move with it, out of the path's sight. */
	if (a->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION &&
	    a->object && ms_pg__node_string(a->object) &&
	    (ret = cat_ext_set_schema(d->s, ms_pg__node_string(a->object),
	    a->newschema, d->err)) < 0)
		return ret;
	if (rv == NULL || (a->object_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE &&
	    a->object_type != PG_QUERY__OBJECT_TYPE__OBJECT_VIEW &&
	    a->object_type != PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW &&
	    a->object_type != PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE)) {
		ddl_unknown(d, "this SET SCHEMA is not modelled");
		return unseen_objects(d);
	}
	if ((ret = ddl_open_rel(&found, &rel, d, rv, a->missing_ok)) < 0 ||
	    !found || (ret = set_schema_kind(d, a->object_type, &rel)) < 0 ||
	    DDL_FAILED(d))
		return ret;
	if (rel.relkind == 'S' && (ret = cat_seq_owner(owner, &found, d->s,
	    rel.oid, d->err)) < 0)
		return ret;
	if (rel.relkind == 'S' && found) {
		if ((ret = ddl_fail(d, "0A000", "tablecmds.c:16795:"
		    "AlterTableNamespace", -1, "cannot move an owned sequence into "
		    "another schema")) < 0)
			return ret;
		return ddl_detail(d, "Sequence \"%s\" is linked to table \"%s\".",
			rel.name, owner);
	}
	if ((ret = cat_schema_find(&ok, d->s, a->newschema, d->err)) < 0)
		return ret;
	if (!ok)
		return ddl_fail(d, "3F000", "namespace.c:3099:get_namespace_oid", -1,
			"schema \"%s\" does not exist", a->newschema);
	/* Into its own schema, or a temporary one: not followed. */
	if (strcmp(a->newschema, rel.schema) == 0 ||
	    strncmp(a->newschema, "pg_", 3) == 0) {
		ddl_unknown(d, "this SET SCHEMA is not modelled");
		return MS_OK;
	}
	if ((ret = set_schema_clash(d, &rel, a->newschema)) < 0 ||
	    DDL_FAILED(d))
		return ret;
	return cat_rel_set_schema(d->s, rel.oid, a->newschema, d->err);
}

/* CREATE RULE: not modelled, but a rule on a table acts on its rows as
 * an unknown trigger would (function -1), so it is kept as one. */
static int create_rule(ddl *d, const PgQuery__RuleStmt *r)
{
	char name[CAT_NAME + 8];
	cat_rel rel;
	int found, ret;

	ddl_unknown(d, "rules are not modelled");
	/* Its actions name tables and columns migsim does not record. */
	if ((ret = ddl_deps_gap(d)) < 0 ||
	    (ret = cat_rel_find(&found, &rel, d->s,
	    ddl_schema(r->relation->schemaname), r->relation->relname,
	    d->err)) < 0 || !found)
		return ret;
	snprintf(name, sizeof(name), "rule:%s", r->rulename);
	return cat_trigger_add(d->s, rel.oid, name, -1, 1, d->err);
}

/* A row trigger's WHEN: a boolean over OLD (not for INSERT) and NEW
 * (not for DELETE), without subqueries. */
/* A reference to the row ctx names ("old", "new"): whole or a field. */
static int visit_row_ref(const PgQuery__Node *n, void *ctx)
{
	const char *first;

	if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return 0;
	first = ms_pg__node_string(n->column_ref->fields[0]);
	return first && strcmp(first, ctx) == 0;
}

static int trigger_when(ddl *d, const cat_rel *rel,
	const PgQuery__CreateTrigStmt *t)
{
	enum { BEFORE = 1 << 1, INSERT = 1 << 2, DELETE = 1 << 3 };
	ex_scope sc;
	int ret = MS_OK;

	if (!t->row || !rel->known || (rel->relkind != 'r' && rel->relkind != 'p')) {
		ddl_unknown(d, "this trigger's condition is not checked");
		return MS_OK;
	}
	/* A BEFORE trigger's WHEN cannot read NEW's generated columns
	 * (42P17), which are computed after it. */
	if (t->timing & BEFORE) {
		int generated;

		if ((ret = cat_rel_generated(&generated, d->s, rel->oid,
		    d->err)) < 0)
			return ret;
		if (generated) {
			ddl_unknown(d, "this trigger's condition is not checked");
			return MS_OK;
		}
	}
	/* Both are in scope whatever the events (so a bare column is
	 * ambiguous, 42702); OLD in an INSERT trigger or NEW in a DELETE one
	 * is 42P17 once the condition is analysed, in the order its Vars
	 * come: not modelled. */
	if (((t->events & INSERT) && ddl_walk(&t->when_clause->base,
	    visit_row_ref, "old")) || ((t->events & DELETE) &&
	    ddl_walk(&t->when_clause->base, visit_row_ref, "new"))) {
		ddl_unknown(d, "this trigger's condition is not checked");
		return MS_OK;
	}
	memset(&sc, 0, sizeof(sc));
	sc.no_subqueries = 1;
	ret = ex_scope_add(&sc, d, rel->schema, rel->name, "old");
	if (ret == MS_OK)
		ret = ex_scope_add(&sc, d, rel->schema, rel->name, "new");
	if (ret == MS_OK)
		ex_boolean(&ret, d, &sc, t->when_clause);
	ex_scope_free(&sc);
	return ret;
}

/* An UPDATE OF trigger depends on its columns (DROP COLUMN refuses,
 * ALTER COLUMN TYPE is 0A000); a replaced trigger's list goes first. */
static int trigger_columns(ddl *d, const cat_rel *rel,
	const PgQuery__CreateTrigStmt *t)
{
	char kind[CAT_NAME + 8], desc[3 * CAT_NAME + 24], q[2 * CAT_NAME + 8];
	int ret;

	snprintf(kind, sizeof(kind), "trigger:%s", t->trigname);
	if ((ret = cat_dep_drop_dependent(d->s, kind, rel->oid, d->err)) < 0)
		return ret;
	cat_label(q, sizeof(q), rel->schema, rel->name);
	snprintf(desc, sizeof(desc), "trigger %s on table %s", t->trigname, q);
	for (size_t i = 0; i < t->n_columns && ret == MS_OK; i++)
		ret = cat_dep_add(d->s, kind, rel->oid, "rel", rel->oid,
			ms_pg__node_string(t->columns[i]), desc, d->err);
	/* Its WHEN depends on the types it casts to. */
	if (ret == MS_OK)
		ret = ddl_cast_dependencies(d, t->when_clause, kind, rel->oid, desc);
	return ret;
}

/* REFERENCING NEW TABLE / OLD TABLE on a plain table, checked as
 * CreateTriggerFiringOn does before WHEN and the function: an AFTER
 * trigger of one event among INSERT, UPDATE and DELETE, without a column
 * list, each transition table once, for an event that has it, under two
 * names.  *ok 0 when not modelled (ROW variables). */
static int transitions_check(int *ok, ddl *d,
	const PgQuery__CreateTrigStmt *t)
{
	enum { INSERT = 1 << 2, DELETE = 1 << 3, UPDATE = 1 << 4,
		TRUNCATE = 1 << 5 };
	const char *new_name = NULL, *old_name = NULL;
	int ev = t->events, n = !!(ev & INSERT) + !!(ev & DELETE) +
		!!(ev & UPDATE);

	*ok = 1;
	for (size_t i = 0; i < t->n_transition_rels; i++) {
		const PgQuery__TriggerTransition *tt;

		if (t->transition_rels[i]->node_case !=
		    PG_QUERY__NODE__NODE_TRIGGER_TRANSITION ||
		    !t->transition_rels[i]->trigger_transition->is_table) {
			*ok = 0;
			return MS_OK;
		}
		tt = t->transition_rels[i]->trigger_transition;
		if (t->timing != 0)
			return ddl_fail(d, "42P17", "trigger.c:482:CreateTriggerFiringOn",
				-1, "transition table name can only be specified for an "
				"AFTER trigger");
		if (ev & TRUNCATE)
			return ddl_fail(d, "0A000", "trigger.c:487:CreateTriggerFiringOn",
				-1, "TRUNCATE triggers with transition tables are not "
				"supported");
		if (n != 1)
			return ddl_fail(d, "0A000", "trigger.c:504:CreateTriggerFiringOn",
				-1, "transition tables cannot be specified for triggers with "
				"more than one event");
		if (t->n_columns)
			return ddl_fail(d, "0A000", "trigger.c:515:CreateTriggerFiringOn",
				-1, "transition tables cannot be specified for triggers with "
				"column lists");
		if (tt->is_new && !(ev & (INSERT | UPDATE)))
			return ddl_fail(d, "42P17", "trigger.c:532:CreateTriggerFiringOn",
				-1, "NEW TABLE can only be specified for an INSERT or UPDATE "
				"trigger");
		if (tt->is_new && new_name)
			return ddl_fail(d, "42P17", "trigger.c:537:CreateTriggerFiringOn",
				-1, "NEW TABLE cannot be specified multiple times");
		if (!tt->is_new && !(ev & (DELETE | UPDATE)))
			return ddl_fail(d, "42P17", "trigger.c:547:CreateTriggerFiringOn",
				-1, "OLD TABLE can only be specified for a DELETE or UPDATE "
				"trigger");
		if (!tt->is_new && old_name)
			return ddl_fail(d, "42P17", "trigger.c:552:CreateTriggerFiringOn",
				-1, "OLD TABLE cannot be specified multiple times");
		if (tt->is_new)
			new_name = tt->name;
		else
			old_name = tt->name;
	}
	if (new_name && old_name && strcmp(new_name, old_name) == 0)
		return ddl_fail(d, "42P17", "trigger.c:562:CreateTriggerFiringOn", -1,
			"OLD TABLE name and NEW TABLE name cannot be the same");
	return MS_OK;
}

/* The trigger kept, with its function and UPDATE OF columns (its
 * arguments are strings handed to the function as they are). */
static int trigger_record(ddl *d, const cat_rel *rel,
	const PgQuery__CreateTrigStmt *t, const char *schema, const char *fname)
{
	int64_t fn = 0;
	int exists, ret;

	if ((ret = cat_func_find(&exists, &fn, d->s, schema, fname,
	    d->err)) < 0 ||
	    (ret = cat_trigger_add(d->s, rel->oid, t->trigname, exists ? fn : 0,
	    !t->row, d->err)) < 0)
		return ret;
	return trigger_columns(d, rel, t);
}

/* A partitioned table's row triggers are cloned onto its partitions
 * under their names (42710 for another of the name, 2BP01 to drop the
 * clone), which migsim does not keep; *found (if asked) is set, so that
 * a DROP TRIGGER of one is not refused as missing. */
static int partition_triggers(int *found, ddl *d, const cat_rel *rel)
{
	int inherits, ret = cat_inherits_any(&inherits, d->s, rel->oid, d->err);

	if (ret == MS_OK && (inherits || rel->relkind == 'p')) {
		ddl_unknown(d, "triggers of partitions are not modelled");
		/* A trigger named here may be a clone: not refused. */
		if (found)
			*found = 1;
	}
	return ret;
}

/* CreateTriggerFiringOn's checks of the relation and of the trigger's
 * type, made before transition tables, WHEN and the function. */
static int trigger_type_checks(ddl *d, const cat_rel *rel,
	const PgQuery__CreateTrigStmt *t)
{
	enum { INSTEAD = 1 << 6, TRUNCATE = 1 << 5 };
	static const struct { char kind; const char *what; } none[] = {
		{ 'm', "materialized views" }, { 'S', "sequences" },
	};
	int instead = t->timing == INSTEAD, ret;

	if ((rel->relkind == 'r' || rel->relkind == 'p') && instead) {
		if ((ret = ddl_fail(d, "42809", rel->relkind == 'r' ?
		    "trigger.c:228:CreateTriggerFiringOn" :
		    "trigger.c:239:CreateTriggerFiringOn", -1, "\"%s\" is a table",
		    rel->name)) < 0)
			return ret;
		return ddl_detail(d, "Tables cannot have INSTEAD OF triggers.");
	}
	if (rel->relkind == 'v' && ((!instead && t->row) ||
	    (t->events & TRUNCATE))) {
		int row = !instead && t->row;

		if ((ret = ddl_fail(d, "42809", row ?
		    "trigger.c:276:CreateTriggerFiringOn" :
		    "trigger.c:283:CreateTriggerFiringOn", -1, "\"%s\" is a view",
		    rel->name)) < 0)
			return ret;
		return ddl_detail(d, row ? "Views cannot have row-level BEFORE or "
			"AFTER triggers." : "Views cannot have TRUNCATE triggers.");
	}
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++)
		if (rel->relkind == none[i].kind) {
			if ((ret = ddl_fail(d, "42809", "trigger.c:319:"
			    "CreateTriggerFiringOn", -1, "relation \"%s\" cannot have "
			    "triggers", rel->name)) < 0)
				return ret;
			return ddl_detail(d, "This operation is not supported for %s.",
				none[i].what);
		}
	if (t->row && (t->events & TRUNCATE))
		return ddl_fail(d, "0A000", "trigger.c:390:CreateTriggerFiringOn", -1,
			"TRUNCATE FOR EACH ROW triggers are not supported");
	if (instead && !t->row)
		return ddl_fail(d, "0A000", "trigger.c:398:CreateTriggerFiringOn", -1,
			"INSTEAD OF triggers must be FOR EACH ROW");
	if (instead && t->when_clause)
		return ddl_fail(d, "0A000", "trigger.c:402:CreateTriggerFiringOn", -1,
			"INSTEAD OF triggers cannot have WHEN conditions");
	if (instead && t->n_columns)
		return ddl_fail(d, "0A000", "trigger.c:406:CreateTriggerFiringOn", -1,
			"INSTEAD OF triggers cannot have column lists");
	return MS_OK;
}

/* LookupFuncName for EXECUTE FUNCTION: a missing schema (3F000), then a
 * missing function, named as written; one of another type than trigger
 * (42P17).  *ok 0 when it failed or is not decided. */
static int trigger_function(int *ok, ddl *d, const char *schema,
	const char *fname, const PgQuery__CreateTrigStmt *t)
{
	/* pg_proc's functions of no arguments that return trigger. */
	static const char *const builtin_triggers[] = {
		"suppress_redundant_updates_trigger", "tsvector_update_trigger",
		"tsvector_update_trigger_column", NULL };
	char written[2 * CAT_NAME + 2];
	cat_sig sig;
	int found, ret;

	*ok = 0;
	snprintf(written, sizeof(written), "%s%s%s", t->n_funcname == 2 ?
		schema : "", t->n_funcname == 2 ? "." : "", fname);
	if (t->n_funcname == 2 && ((ret = cat_schema_find(&found, d->s, schema,
	    d->err)) < 0 || !found))
		return ret < 0 ? ret : ddl_fail(d, "3F000",
			"namespace.c:3099:get_namespace_oid", -1,
			"schema \"%s\" does not exist", schema);
	/* pg_catalog is searched first, even when not on the path: a
	 * built-in's name finds the built-in, whose forms migsim does not
	 * list. */
	if ((t->n_funcname == 1 || strcmp(schema, "pg_catalog") == 0) &&
	    ddl_one_of(fname, builtin_triggers))
		return (*ok = 1, MS_OK);
	if ((t->n_funcname == 1 && ms_pg__builtin_function(fname)) ||
	    strcmp(schema, "pg_catalog") == 0) {
		ddl_unknown(d, "a trigger function named like a built-in is not "
			"checked");
		*ok = 1;
		return MS_OK;
	}
	if ((ret = cat_func_find(&found, NULL, d->s, schema, fname,
	    d->err)) < 0)
		return ret;
	if (!found)
		return ddl_fail(d, "42883", "parse_func.c:2171:LookupFuncName", -1,
			"function %s() does not exist", written);
	if ((ret = cat_func_sig(&found, &sig, d->s, schema, fname, d->err)) < 0)
		return ret;
	/* Looked up with no arguments: one that takes some is not it (args
	 * "*..." lists several signatures). */
	if (found && sig.args[0] != '\0' && sig.args[0] != '*')
		return ddl_fail(d, "42883", "parse_func.c:2171:LookupFuncName", -1,
			"function %s() does not exist", written);
	if (found && strcmp(sig.result, "trigger") != 0 &&
	    strcmp(sig.result, "*") != 0 && sig.args[0] == '\0')
		return ddl_fail(d, "42P17", "trigger.c:712:CreateTriggerFiringOn",
			-1, "function %s must return type trigger", written);
	if (found && (strcmp(sig.result, "trigger") != 0 ||
	    strcmp(sig.args, "") != 0))
		ddl_unknown(d, "this trigger's function is not checked");
	*ok = 1;
	return MS_OK;
}

/* After a trigger may have been renamed or dropped unseen, whether one
 * of a name exists is not certain. */
static int trigger_names_unsure(ddl *d)
{
	int unsure, ret = ddl_meta_has(&unsure, d, TRIGGER_NAMES_KEY);

	if (ret == MS_OK && unsure) {
		ddl_unknown(d, "triggers renamed or dropped by CASCADE are not "
			"followed");
		d->open_check = 1;
	}
	return ret;
}

static int create_trigger(ddl *d, const PgQuery__CreateTrigStmt *t)
{
	const char *schema, *fname;
	cat_rel rel;
	int found, exists, ret;

	if ((ret = cat_rel_find(&found, &rel, d->s,
	    ddl_schema(t->relation->schemaname), t->relation->relname,
	    d->err)) < 0)
		return ret;
	if (found && rel.relkind == 'c')
		return ddl_fail(d, "42809", "table.c:115:table_openrv", -1,
			"\"%s\" is a composite type", rel.name);
	if (!found || rel.relkind == 'i' || rel.relkind == 'I') {
		ddl_unknown(d, "a trigger on this relation is not modelled");
		return MS_OK;
	}
	if ((ret = trigger_type_checks(d, &rel, t)) < 0 || DDL_FAILED(d))
		return ret;
	if ((ret = partition_triggers(NULL, d, &rel)) < 0)
		return ret;
	if (!qualified_name(&schema, &fname, t->funcname, t->n_funcname)) {
		ddl_unknown(d, NULL);
		return MS_OK;
	}
	if (t->isconstraint || t->constrrel) {
		int64_t fn = 0;

		/* Kept all the same: rows now meet it, and it needs its
		 * function. */
		ddl_unknown(d, "constraint triggers are not modelled");
		/* It is a row of pg_constraint too, under its own name. */
		char name[CAT_NAME + 16];

		snprintf(name, sizeof(name), "constraint:%s", t->trigname);
		if ((ret = cat_trigger_add(d->s, rel.oid, name, -1, 0,
		    d->err)) < 0 || (ret = cat_func_find(&exists, &fn, d->s, schema,
		    fname, d->err)) < 0)
			return ret;
		return cat_trigger_add(d->s, rel.oid, t->trigname, exists ? fn : 0,
			!t->row, d->err);
	}
	/* Transition tables, then WHEN, then the function. */
	if (t->n_transition_rels) {
		int inherits, ok = 0;

		if ((ret = cat_inherits_any(&inherits, d->s, rel.oid, d->err)) < 0)
			return ret;
		if (rel.relkind == 'r' && !inherits &&
		    ((ret = transitions_check(&ok, d, t)) < 0 || DDL_FAILED(d)))
			return ret;
		if (!ok)
			ddl_unknown(d, "this trigger's options are not checked");
	}
	/* WHEN is analysed before the function is looked up. */
	if (t->when_clause && ((ret = trigger_when(d, &rel, t)) < 0 ||
	    DDL_FAILED(d)))
		return ret;
	/* What follows is not certain to be reached. */
	if (d->verdict == MS_VERDICT_UNKNOWN)
		return trigger_record(d, &rel, t, schema, fname);
	if ((ret = trigger_function(&exists, d, schema, fname, t)) < 0 ||
	    !exists)
		return ret;
	if ((ret = cat_trigger_find(&found, d->s, rel.oid, t->trigname,
	    d->err)) < 0 || (ret = trigger_names_unsure(d)) < 0)
		return ret;
	if (found && !t->replace)
		return ddl_fail(d, "42710", "trigger.c:773:CreateTriggerFiringOn",
			-1, "trigger \"%s\" for relation \"%s\" already exists",
			t->trigname, rel.name);
	if (found) {
		if ((ret = cat_con_unmodelled(&found, d->s, rel.oid, t->trigname,
		    d->err)) < 0)
			return ret;
		if (found == 2)
			return ddl_fail(d, "42710", "trigger.c:805:"
				"CreateTriggerFiringOn", -1, "trigger \"%s\" for relation "
				"\"%s\" is a constraint trigger", t->trigname, rel.name);
	}
	/* UPDATE OF columns must be the relation's. */
	for (size_t i = 0; i < t->n_columns; i++) {
		const char *col = ms_pg__node_string(t->columns[i]);
		cat_col c;

		if (col == NULL || !rel.known) {
			ddl_unknown(d, "this trigger's columns are not checked");
			break;
		}
		if ((ret = cat_col_find(&found, &c, d->s, rel.oid, col,
		    d->err)) < 0)
			return ret;
		if (!found)
			return ddl_fail(d, "42703", "trigger.c:952:"
				"CreateTriggerFiringOn", -1, "column \"%s\" of relation "
				"\"%s\" does not exist", col, rel.name);
		for (size_t j = 0; j < i; j++)
			if (strcmp(ms_pg__node_string(t->columns[j]), col) == 0)
				return ddl_fail(d, "42701", "trigger.c:961:"
					"CreateTriggerFiringOn", -1, "column \"%s\" specified "
					"more than once", col);
	}
	return trigger_record(d, &rel, t, schema, fname);
}

/* The table of a policy or trigger named as [schema.]table.name. */
static int object_table(int *found, cat_rel *rel, const char **name, ddl *d,
	const PgQuery__Node *obj)
{
	const PgQuery__List *l = obj->list;
	const char *table;

	*found = 0;
	if (obj->node_case != PG_QUERY__NODE__NODE_LIST || l->n_items < 2 ||
	    l->n_items > 3)
		return MS_OK;
	*name = ms_pg__node_string(l->items[l->n_items - 1]);
	table = ms_pg__node_string(l->items[l->n_items - 2]);
	if (*name == NULL || table == NULL)
		return MS_OK;
	return cat_rel_find(found, rel, d->s, l->n_items == 3 ?
		ddl_schema(ms_pg__node_string(l->items[0])) : "public", table,
		d->err);
}

int ddl_table_openable(ddl *d, const cat_rel *rel)
{
	if (rel->relkind == 'i' || rel->relkind == 'I')
		return ddl_fail(d, "42809", "table.c:143:table_openrv_extended", -1,
			"\"%s\" is an index", rel->name);
	if (rel->relkind == 'c')
		return ddl_fail(d, "42809", "table.c:148:table_openrv_extended", -1,
			"\"%s\" is a composite type", rel->name);
	return MS_OK;
}

static int drop_trigger(ddl *d, const PgQuery__DropStmt *ds)
{
	for (size_t i = 0; i < ds->n_objects && !DDL_FAILED(d); i++) {
		const char *name = NULL;
		cat_rel rel;
		int found, ret;

		if ((ret = object_table(&found, &rel, &name, d, ds->objects[i])) < 0)
			return ret;
		if (!found) {
			ddl_unknown(d, "DROP TRIGGER on a missing table is not "
				"modelled");
			continue;
		}
		/* get_object_address_relobject opens it, IF EXISTS or not. */
		if ((ret = ddl_table_openable(d, &rel)) < 0 || DDL_FAILED(d))
			return ret;
		if ((ret = cat_trigger_find(&found, d->s, rel.oid, name,
		    d->err)) < 0 || (ret = partition_triggers(&found, d, &rel)) < 0 ||
		    (ret = trigger_names_unsure(d)) < 0)
			return ret;
		if (!found && !ds->missing_ok)
			return ddl_fail(d, "42704", "trigger.c:1441:get_trigger_oid", -1,
				"trigger \"%s\" for table \"%s\" does not exist", name,
				rel.name);
		if (found && (ret = cat_trigger_drop(d->s, rel.oid, name,
		    d->err)) < 0)
			return ret;
		/* A constraint trigger's row of pg_constraint goes with it. */
		if (found) {
			char con[CAT_NAME + 16];

			snprintf(con, sizeof(con), "constraint:%s", name);
			if ((ret = cat_trigger_drop(d->s, rel.oid, con, d->err)) < 0)
				return ret;
		}
	}
	return MS_OK;
}

/*
 * Which function a DROP FUNCTION or COMMENT ON FUNCTION names: *match 1
 * when the argument list is a recorded one (or absent, with one), 0 when
 * it certainly names no function there is; -1 when migsim cannot tell.
 * Of an overloaded name (*overloaded), args receives the one named.
 */
static int function_target(int *match, int *overloaded, char *args,
	size_t n, ddl *d, const PgQuery__ObjectWithArgs *o, const char *schema,
	const char *name)
{
	char one[CAT_NAME], mine[sizeof(((cat_sig *)0)->args)];
	cat_sig sig;
	int found, ret, listed;

	*match = -1;
	*overloaded = 0;
	args[0] = '\0';
	if ((ret = cat_func_sig(&found, &sig, d->s, schema, name, d->err)) < 0 ||
	    !found)
		return ret;
	listed = *overloaded = strncmp(sig.args, "*|", 2) == 0;
	if ((!listed && strchr(sig.args, '*')) || (listed &&
	    o->args_unspecified))
		return MS_OK;
	if (o->args_unspecified) {
		*match = 1;
		return MS_OK;
	}
	for (size_t i = 0; i < o->n_objargs; i++) {
		size_t len = strlen(args);

		if (o->objargs[i]->node_case != PG_QUERY__NODE__NODE_TYPE_NAME)
			return MS_OK;
		if ((ret = signature_type(one, sizeof(one), d,
		    o->objargs[i]->type_name)) < 0)
			return ret;
		if (strcmp(one, "*") == 0)
			return MS_OK;
		snprintf(args + len, n - len, "%s%s", len ? "," : "", one);
	}
	strip_defaults(mine, sizeof(mine), listed ? sig.args + 2 : sig.args);
	*match = listed ? in_list(mine, args) : strcmp(args, mine) == 0;
	return MS_OK;
}

/* Drop one overload (args) of an overloaded name: its list loses it, and
 * the last one left stands alone (its result no longer known). */
static int drop_overload(ddl *d, const char *schema, const char *name,
	const char *args)
{
	cat_sig sig;
	char rest[sizeof(sig.args)] = "";
	size_t len = strlen(args), kept = 0;
	int found, ret;

	if ((ret = cat_func_sig(&found, &sig, d->s, schema, name, d->err)) < 0)
		return ret;
	for (char *p = sig.args + 2, *next; p; p = next) {
		size_t k = strlen(rest);

		next = strchr(p, '|');
		if (next)
			*next++ = '\0';
		if ((strncmp(p, args, len) == 0 && p[len] == '\0') ||
		    k + strlen(p) + 2 > sizeof(rest))
			continue;
		if (k)
			rest[k++] = '|';
		memcpy(rest + k, p, strlen(p) + 1);
		kept++;
	}
	if (kept == 1) {
		snprintf(sig.args, sizeof(sig.args), "%s", rest);
		snprintf(sig.result, sizeof(sig.result), "*");
	} else if (snprintf(sig.args, sizeof(sig.args), "*|%s", rest) >=
	    (int)sizeof(sig.args)) {
		snprintf(sig.args, sizeof(sig.args), "*");
	}
	return cat_func_sig_set(d->s, schema, name, &sig, d->err);
}

/* format_procedure: the name and argument types as format_type spells
 * them; 0 when migsim cannot spell one. */
static int procedure_text(char *out, size_t n, const char *schema,
	const char *name, const char *args)
{
	char q[2 * CAT_NAME + 8], one[CAT_NAME];
	size_t len;

	cat_label(q, sizeof(q), schema, name);
	snprintf(out, n, "%s(", q);
	for (const char *p = args; *p; p += strcspn(p, ",") + (p[strcspn(p,
	     ",")] == ',')) {
		const char *display;

		snprintf(one, sizeof(one), "%.*s", (int)strcspn(p, ","), p);
		if ((display = ms_pg__builtin_display(one)) == NULL)
			return 0;
		len = strlen(out);
		snprintf(out + len, n - len, "%s%s", out[len - 1] == '(' ? "" : ",",
			display);
	}
	len = strlen(out);
	return snprintf(out + len, n - len, ")") == 1;
}

/* 2BP01 when the one thing that needs the function is a trigger (with
 * several dependents, the DETAIL's order is PostgreSQL's scan's). */
static int refuse_for_trigger(int *refused, ddl *d, int64_t oid,
	const char *schema, const char *name, const char *args)
{
	char trigger[CAT_NAME], table[CAT_NAME], tschema[CAT_NAME], fn[600];
	char q[2 * CAT_NAME + 8];
	int ret, renamed;

	*refused = 0;
	if ((ret = cat_func_one_trigger(refused, trigger, tschema, table, d->s,
	    oid, d->err)) < 0 || !*refused ||
	    (ret = ddl_meta_has(&renamed, d, TRIGGER_NAMES_KEY)) < 0)
		return ret;
	/* A trigger renamed unseen is named as it is now. */
	if (renamed)
		d->open_check = 1;
	if (!procedure_text(fn, sizeof(fn), schema, name, args)) {
		*refused = 0;
		return MS_OK;
	}
	cat_label(q, sizeof(q), tschema, table);
	if ((ret = ddl_fail(d, "2BP01", "dependency.c:1196:"
	    "reportDependentObjects", -1, "cannot drop function %s because "
	    "other objects depend on it", fn)) < 0 ||
	    (ret = ddl_detail(d, "trigger %s on table %s depends on function %s",
	    trigger, q, fn)) < 0)
		return ret;
	return ddl_hint(d, "Use DROP ... CASCADE to drop the dependent objects "
		"too.");
}

/*
 * DROP FUNCTION of a function migsim recorded, with one signature, that
 * nothing needs (no trigger, no view, default, check or index calling
 * it: see record_calls) drops it.  IF EXISTS of one that does not exist
 * is skipped with a notice.  The rest is not modelled: overloads,
 * procedures, dependents (2BP01).
 */
/* Functions and procedures share pg_proc but not DROP / COMMENT ON
 * FUNCTION (42809 "f() is not a function"): once the history made a
 * procedure, which of a name's routines is which is not kept. */
static int procedures_made(int *made, ddl *d)
{
	int ret = ddl_meta_has(made, d, PROCEDURES_KEY);

	if (ret == MS_OK && *made)
		ddl_unknown(d, "functions and procedures of one name are not told "
			"apart");
	return ret;
}

/* One name of DROP FUNCTION / PROCEDURE, looked up. */
typedef struct dropped_fn {
	const PgQuery__ObjectWithArgs *o;
	const char *schema, *name;
	char args[sizeof(((cat_sig *)0)->args)];
	int64_t oid;
	int found, match, overloaded;
} dropped_fn;

/* Look up the i-th name: *modelled 0 for a name migsim does not follow
 * (not a plain name, a built-in's, or after unseen statements). */
static int dropped_fn_find(int *modelled, dropped_fn *f, ddl *d,
	const PgQuery__DropStmt *ds, size_t i)
{
	int ret;

	memset(f, 0, sizeof(*f));
	f->o = ds->objects[i]->node_case ==
		PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS ?
		ds->objects[i]->object_with_args : NULL;
	*modelled = f->o && !d->gap && qualified_name(&f->schema, &f->name,
		f->o->objname, f->o->n_objname) &&
		!ms_pg__builtin_function(f->name);
	if (!*modelled)
		return MS_OK;
	if ((ret = cat_func_find(&f->found, &f->oid, d->s, f->schema, f->name,
	    d->err)) < 0)
		return ret;
	if (f->found && ds->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION)
		ret = function_target(&f->match, &f->overloaded, f->args,
			sizeof(f->args), d, f->o, f->schema, f->name);
	return ret;
}

/*
 * DROP FUNCTION of several: RemoveObjects looks every name up before
 * anything is dropped (a missing one is 42883 first), and several objects
 * with dependents are refused with the vaguer "desired object(s)".  *plain
 * is 1 when neither happens, so the names can be taken one by one.
 */
static int several_functions_plain(int *plain, ddl *d,
	const PgQuery__DropStmt *ds)
{
	size_t left = 0;
	int any_needed = 0, ret;

	*plain = 0;
	if (ds->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION)
		return MS_OK;
	for (size_t i = 0; i < ds->n_objects; i++) {
		dropped_fn f;
		int modelled, needed = 1;

		if ((ret = dropped_fn_find(&modelled, &f, d, ds, i)) < 0 ||
		    !modelled)
			return ret;
		if ((!f.found || f.match == 0) && ds->missing_ok)
			continue;
		if (!f.found || f.match != 1 ||
		    (f.overloaded && f.o->args_unspecified))
			return MS_OK;
		if ((ret = cat_func_needed(&needed, d->s, f.oid, d->err)) < 0)
			return ret;
		any_needed |= needed | d->deps_gap;
		left++;
	}
	*plain = !(left > 1 && any_needed &&
		ds->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE);
	return MS_OK;
}

static int drop_function(ddl *d, const PgQuery__DropStmt *ds)
{
	int made, ret, plain;

	/* CASCADE takes the triggers that call it: followed only for one
	 * function that nothing else needs (below). */
	if (ds->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE &&
	    (ds->n_objects != 1 || d->deps_gap) &&
	    (ret = ms_store_meta_set(d->s, TRIGGER_NAMES_KEY, "1", d->err)) < 0)
		return ret;

	if ((ret = procedures_made(&made, d)) < 0 || made)
		return ret;
	if (ds->n_objects > 1) {
		if ((ret = several_functions_plain(&plain, d, ds)) < 0)
			return ret;
		if (!plain) {
			ddl_unknown(d, "DROP FUNCTION of several functions is not "
				"modelled");
			return MS_OK;
		}
	}
	for (size_t i = 0; i < ds->n_objects; i++) {
		dropped_fn f;
		const PgQuery__ObjectWithArgs *o;
		int modelled, needed = 1, refused = 0;

		if ((ret = dropped_fn_find(&modelled, &f, d, ds, i)) < 0)
			return ret;
		if (!modelled) {
			ddl_unknown(d, "DROP FUNCTION is not modelled");
			return MS_OK;
		}
		o = f.o;
		/* No procedure was made: the routine named is a function. */
		if (f.found && ds->remove_type ==
		    PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE) {
			if (o->args_unspecified || o->n_objargs != 0 ||
			    (ret = function_target(&f.match, &f.overloaded, f.args,
			    sizeof(f.args), d, o, f.schema, f.name)) < 0 ||
			    f.match != 1) {
				ddl_unknown(d, "DROP PROCEDURE is not modelled");
				return ret < 0 ? ret : MS_OK;
			}
			return ddl_fail(d, "42809", "parse_func.c:2367:"
				"LookupFuncWithArgs", -1, "%s%s%s() is not a procedure",
				o->n_objname == 2 ? f.schema : "",
				o->n_objname == 2 ? "." : "", f.name);
		}
		if (f.match == 1 && (ret = cat_func_needed(&needed, d->s, f.oid,
		    d->err)) < 0)
			return ret;
		needed |= d->deps_gap;
		/* CASCADE over triggers alone: they go with it. */
		if (needed && f.found && f.match == 1 && !f.overloaded &&
		    !d->deps_gap && ds->n_objects == 1 && ds->behavior ==
		    PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE) {
			int others;

			if ((ret = cat_func_needed_by_others(&others, d->s, f.oid,
			    d->err)) < 0)
				return ret;
			if (!others && (ret = cat_trigger_drop_calling(d->s, f.oid,
			    d->err)) < 0)
				return ret;
			needed = others;
		}
		if (needed && f.found && ds->n_objects == 1 && !d->deps_gap &&
		    ds->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE &&
		    (ret = ms_store_meta_set(d->s, TRIGGER_NAMES_KEY, "1",
		    d->err)) < 0)
			return ret;
		if ((f.found && f.match == 0 && ds->missing_ok) ||
		    (!f.found && ds->missing_ok))
			continue;
		if (f.found && f.overloaded && o->args_unspecified) {
			/* NameListToString: as the statement names it. */
			ret = ddl_fail(d, "42725", "parse_func.c:2457:"
				"LookupFuncWithArgs", -1, "function name \"%s%s%s\" is "
				"not unique", o->n_objname == 2 ? f.schema : "",
				o->n_objname == 2 ? "." : "", f.name);
			return ret < 0 ? ret : ddl_hint(d, "Specify the argument list "
				"to select the function unambiguously.");
		}
		if (f.found && f.match == 1 && needed && !f.overloaded &&
		    !o->args_unspecified &&
		    ds->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE &&
		    (ret = refuse_for_trigger(&refused, d, f.oid, f.schema, f.name,
		    f.args)) < 0)
			return ret;
		if (refused)
			return MS_OK;
		if (!f.found || f.match != 1 || needed) {
			ddl_unknown(d, "DROP FUNCTION is not modelled");
			/* CASCADE takes checks, indexes, defaults and policies
			 * that call it, which migsim keeps by table only. */
			return f.found && needed && ds->behavior ==
				PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE ?
				ddl_catalog_gap(d) : MS_OK;
		}
		ret = f.overloaded ? drop_overload(d, f.schema, f.name, f.args) :
			cat_func_drop(d->s, f.oid, d->err);
		if (ret < 0)
			return ret;
	}
	return MS_OK;
}

static int drop_stmt(ddl *d, const PgQuery__DropStmt *ds)
{
	switch (ds->remove_type) {
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
	case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
	case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
	case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
	case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
		return ddl_relation_drop(d, ds);
	case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
	case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
		return drop_type(d, ds);
	case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
		return drop_by_name(d, ds, DROP_SCHEMA);
	case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
		return drop_by_name(d, ds, DROP_EXTENSION);
	case PG_QUERY__OBJECT_TYPE__OBJECT_PUBLICATION:
		return drop_by_name(d, ds, DROP_PUBLICATION);
	case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
		return drop_trigger(d, ds);
	case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
		return ddl_policy_drop(d, ds);
	case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
	case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
		return drop_function(d, ds);
	default:
		ddl_unknown(d, "DROP of this kind of object is not modelled");
		return MS_OK;
	}
}

static int constraint_rename_clash(ddl *d, int64_t index,
	const char *newname)
{
	cat_con con, other;
	cat_rel table;
	int64_t table_oid;
	int found, ret;

	if ((ret = cat_con_by_index(&found, &con, d->s, index, d->err)) < 0 ||
	    !found || (con.contype != 'p' && con.contype != 'u'))
		return ret;
	if ((ret = cat_index_table(&table_oid, d->s, index, d->err)) < 0 ||
	    (ret = cat_rel_by_oid(&found, &table, d->s, table_oid, d->err)) < 0 ||
	    !found ||
	    (ret = cat_con_find(&found, &other, d->s, table_oid, newname,
	    d->err)) < 0 || !found)
		return ret;
	return ddl_fail(d, "42710", "pg_constraint.c:688:RenameConstraintById",
		-1, "constraint \"%s\" for relation \"%s\" already exists",
		newname, table.name);
}

/* --- RENAME --------------------------------------------------------------- */

static int rename_relation(ddl *d, const PgQuery__RenameStmt *r)
{
	const char *schema = ddl_schema(r->relation->schemaname);
	cat_rel rel, other;
	int found, taken, ok, ret;

	if ((ret = ddl_schema_ok(d, schema, &ok)) < 0 || !ok)
		return ret;
	if ((ret = cat_rel_find(&found, &rel, d->s, schema,
	    r->relation->relname, d->err)) < 0)
		return ret;
	/* An EXCLUDE constraint's index is kept by its name only. */
	if (!found && (ret = cat_kept_only_named(&found, d->s, schema,
	    r->relation->relname, d->err)) < 0)
		return ret;
	if (found && (ret = cat_rel_find(&taken, &rel, d->s, schema,
	    r->relation->relname, d->err)) == MS_OK && !taken) {
		ddl_unknown(d, "an EXCLUDE constraint's index is not modelled");
		return ddl_catalog_gap(d);
	}
	if (ret < 0)
		return ret;
	if (!found) {
		if (r->missing_ok)
			return MS_OK;
		return ddl_fail(d, "42P01", "namespace.c:433:"
			"RangeVarGetRelidExtended", -1, r->relation->schemaname &&
			r->relation->schemaname[0] ?
			"relation \"%s.%s\" does not exist" :
			"relation \"%s%s\" does not exist",
			r->relation->schemaname && r->relation->schemaname[0] ?
			r->relation->schemaname : "",
			r->relation->relname);
	}
	if (r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE &&
	    rel.relkind == 'c')
		return ddl_composite_refused(d, rel.name);
	/* ALTER VIEW, MATERIALIZED VIEW, SEQUENCE or INDEX names its own
	 * kind (42809 otherwise, from RangeVarCallbackForAlterRelation). */
	if ((r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW &&
	    rel.relkind != 'v') ||
	    (r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW &&
	    rel.relkind != 'm') ||
	    (r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE &&
	    rel.relkind != 'S') ||
	    (r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX &&
	    rel.relkind != 'i'))
		ddl_unknown(d, "ALTER of another kind of relation is not modelled");
	if ((ret = cat_rel_find(&taken, &other, d->s, schema, r->newname,
	    d->err)) < 0)
		return ret;
	if (taken)
		return ddl_fail(d, "42P07", "tablecmds.c:3919:"
			"RenameRelationInternal", -1,
			"relation \"%s\" already exists", r->newname);
	if ((ret = cat_kept_only_named(&taken, d->s, schema, r->newname,
	    d->err)) < 0)
		return ret;
	if (taken)
		ddl_unknown(d, "a name an EXCLUDE constraint's index may hold is "
			"not modelled");
	/* Indexes and sequences have no row type to rename
	 * (RenameRelationInternal). */
	if (!strchr("iSI", rel.relkind) && (ret = ddl_type_taken(&taken, d,
	    schema, r->newname)) < 0)
		return ret;
	if (!strchr("iSI", rel.relkind) && taken)
		return ddl_fail(d, "42710", "pg_type.c:782:RenameTypeInternal", -1,
			"type \"%s\" already exists", r->newname);
	if (rel.relkind == 'i') {
		/* An index that backs a constraint renames the constraint, which
		 * must not take another constraint's name on the table. */
		if ((ret = constraint_rename_clash(d, rel.oid, r->newname)) < 0 ||
		    DDL_FAILED(d))
			return ret;
		if ((ret = cat_con_rename_by_index(d->s, rel.oid,
		    r->newname, d->err)) < 0)
			return ret;
	}
	return cat_rel_rename(d->s, rel.oid, r->newname, d->err);
}

/* The type ALTER TYPE or ALTER DOMAIN ... RENAME names (RenameType):
 * a domain, or for ALTER TYPE an enum. */
static int find_renamed(int *found, cat_type *t, ddl *d,
	PgQuery__Node **names, size_t n, int domain)
{
	const char *schema, *name;
	int ret;

	*found = 0;
	if (domain)
		return ddl_domain_find(found, t, d, names, n,
			"typecmds.c:3638:RenameType");
	if (type_lookup_name(&schema, &name, names, n) &&
	    (ret = cat_type_find(found, t, d->s, schema, name, d->err)) < 0)
		return ret;
	if (*found && t->kind == 'd')
		return MS_OK;
	if (!*found && type_lookup_name(&schema, &name, names, n)) {
		cat_rel rel;
		char q[2 * CAT_NAME + 8];

		if ((ret = cat_rel_find(found, &rel, d->s, schema, name,
		    d->err)) < 0)
			return ret;
		if (*found && strchr("rpvm", rel.relkind)) {
			*found = 0;
			cat_type_label(q, sizeof(q), schema, name);
			if ((ret = ddl_fail(d, "42809", "typecmds.c:3650:RenameType", -1,
			    "%s is a table's row type", q)) < 0)
				return ret;
			return ddl_hint(d, "Use ALTER TABLE instead.");
		}
		*found = 0;
	}
	return find_enum(found, t, d, names, n);
}

/* ALTER TYPE t RENAME of a composite type renames its relation
 * (RenameRelationInternal: the relation's name, then the type's). */
static int rename_composite(int *done, ddl *d, const PgQuery__RenameStmt *r,
	PgQuery__Node **names, size_t n)
{
	const char *schema, *name;
	cat_rel rel;
	int taken, ret;

	*done = 0;
	if (r->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_TYPE ||
	    !type_lookup_name(&schema, &name, names, n) ||
	    (ret = cat_rel_find(done, &rel, d->s, schema, name, d->err)) < 0)
		return MS_OK;
	if (!*done || rel.relkind != 'c')
		return *done = 0, MS_OK;
	if ((ret = cat_rel_find(&taken, &rel, d->s, schema, r->newname,
	    d->err)) < 0 || (ret = cat_rel_find(done, &rel, d->s, schema, name,
	    d->err)) < 0)
		return ret;
	if (taken)
		return ddl_fail(d, "42P07", "tablecmds.c:3919:"
			"RenameRelationInternal", -1, "relation \"%s\" already exists",
			r->newname);
	if ((ret = ddl_type_taken(&taken, d, schema, r->newname)) < 0)
		return ret;
	if (taken)
		return ddl_fail(d, "42710", "pg_type.c:782:RenameTypeInternal", -1,
			"type \"%s\" already exists", r->newname);
	return cat_rel_rename(d->s, rel.oid, r->newname, d->err);
}

static int rename_type(ddl *d, const PgQuery__RenameStmt *r)
{
	const PgQuery__List *l = r->object && r->object->node_case ==
		PG_QUERY__NODE__NODE_LIST ? r->object->list : NULL;
	cat_type t;
	int found, taken, ret;

	if (l == NULL)
		return ddl_unknown(d, NULL), MS_OK;
	if ((ret = rename_composite(&found, d, r, l->items, l->n_items)) < 0 ||
	    found)
		return ret;
	if ((ret = find_renamed(&found, &t, d, l->items, l->n_items,
	    r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN)) < 0 ||
	    !found)
		return ret;
	if ((ret = ddl_type_taken(&taken, d, t.schema, r->newname)) < 0)
		return ret;
	if (taken)
		return ddl_fail(d, "42710", "pg_type.c:782:RenameTypeInternal", -1,
			"type \"%s\" already exists", r->newname);
	return cat_type_rename(d->s, t.oid, r->newname, d->err);
}

/* ALTER PUBLICATION p RENAME TO q (AlterObjectRename_internal). */
static int rename_publication(ddl *d, const PgQuery__RenameStmt *r)
{
	const char *name = r->object ? ms_pg__node_string(r->object) : NULL;
	int found, ret;

	if (name == NULL) {
		ddl_unknown(d, "this RENAME is not modelled");
		return MS_OK;
	}
	if ((ret = cat_pub_find(&found, d->s, name, d->err)) < 0)
		return ret;
	if (!found)
		return ddl_fail(d, "42704", "pg_publication.c:1043:"
			"get_publication_oid", -1, "publication \"%s\" does not exist",
			name);
	if ((ret = cat_pub_find(&found, d->s, r->newname, d->err)) < 0)
		return ret;
	if (found)
		return ddl_fail(d, "42710", "alter.c:107:report_name_conflict", -1,
			"publication \"%s\" already exists", r->newname);
	if ((ret = cat_pub_set(d->s, name, 0, d->err)) < 0)
		return ret;
	return cat_pub_set(d->s, r->newname, 1, d->err);
}

static int rename_stmt(ddl *d, const PgQuery__RenameStmt *r)
{
	switch (r->rename_type) {
	case PG_QUERY__OBJECT_TYPE__OBJECT_PUBLICATION:
		return rename_publication(d, r);
	case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
		ddl_unknown(d, "ALTER TRIGGER ... RENAME is not modelled");
		return ms_store_meta_set(d->s, TRIGGER_NAMES_KEY, "1", d->err);
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
	case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
	case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
	case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
	case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
		if (r->relation == NULL)
			break;
		return rename_relation(d, r);
	case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
	case PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE:
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
		return ddl_rename_in_table(d, r);
	case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
	case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
		return rename_type(d, r);
	case PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT:
		return ddl_domain_rename_check(d, r);
	case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
		return ddl_policy_rename(d, r);
	default:
		break;
	}
	/* A schema or function now answers to a name migsim does not know
	 * (ALTER SCHEMA billing RENAME TO pay). */
	ddl_unknown(d, "this RENAME is not modelled");
	return r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA ||
		r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION ||
		r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ?
		unseen_objects(d) : MS_OK;
}

/* --- statements that name tables: DML, views, COMMENT --------------------- */

/* The target of INSERT, UPDATE or DELETE, and (with not NULL) their
 * WITH clause, analysed before the target is opened
 * (transformWithClause, then setTargetTable). */
static const PgQuery__RangeVar *dml_parts(const PgQuery__Node *n,
	const PgQuery__WithClause **with)
{
	const PgQuery__WithClause *w = NULL;
	const PgQuery__RangeVar *rv = NULL;

	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_INSERT_STMT:
		rv = n->insert_stmt->relation;
		w = n->insert_stmt->with_clause;
		break;
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
		rv = n->update_stmt->relation;
		w = n->update_stmt->with_clause;
		break;
	case PG_QUERY__NODE__NODE_DELETE_STMT:
		rv = n->delete_stmt->relation;
		w = n->delete_stmt->with_clause;
		break;
	default:
		break;
	}
	if (with)
		*with = w;
	return rv;
}

static const PgQuery__RangeVar *dml_target(const PgQuery__Node *n)
{
	return dml_parts(n, NULL);
}

static const PgQuery__WithClause *dml_with(const PgQuery__Node *n)
{
	const PgQuery__WithClause *w;

	dml_parts(n, &w);
	return w;
}

/* Whether rv is reached in a FROM list before anything that could fail:
 * only tables come before it, depth first, left to right (join
 * conditions are analysed after both sides). */
static int first_in_from(PgQuery__Node **items, size_t n,
	const PgQuery__RangeVar *rv, int *stop)
{
	for (size_t i = 0; i < n && !*stop; i++) {
		const PgQuery__Node *it = items[i];

		if (it->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
			if (it->range_var == rv)
				return 1;
		} else if (it->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) {
			PgQuery__Node *sides[2] = { it->join_expr->larg,
				it->join_expr->rarg };

			if (first_in_from(sides, 2, rv, stop))
				return 1;
		} else {
			*stop = 1;
		}
	}
	return 0;
}

static int select_opens_first(const PgQuery__SelectStmt *s,
	const PgQuery__RangeVar *rv)
{
	int stop = 0;

	return s && !s->with_clause && !s->n_values_lists &&
		s->op == PG_QUERY__SET_OPERATION__SETOP_NONE &&
		first_in_from(s->from_clause, s->n_from_clause, rv, &stop);
}

/* An INSERT's column list passes checkInsertTargets: each a column of
 * the target, none twice. */
static int insert_targets_ok(ddl *d, const PgQuery__InsertStmt *x)
{
	cat_rel rel;
	int found;

	if (cat_rel_find(&found, &rel, d->s, ddl_schema(x->relation->schemaname),
	    x->relation->relname, d->err) < 0 || !found || !rel.known)
		return 0;
	for (size_t i = 0; i < x->n_cols; i++) {
		const PgQuery__ResTarget *t = x->cols[i]->res_target;
		cat_col col;

		if (t->n_indirection || cat_col_find(&found, &col, d->s, rel.oid,
		    t->name, d->err) < 0 || !found)
			return 0;
		for (size_t j = 0; j < i; j++)
			if (strcmp(x->cols[j]->res_target->name, t->name) == 0)
				return 0;
	}
	return 1;
}

/* Whether rv is the first table the first WITH query opens. */
static int with_opens_first(const PgQuery__WithClause *w,
	const PgQuery__RangeVar *rv)
{
	const PgQuery__Node *q = w && !w->recursive && w->n_ctes ?
		w->ctes[0]->common_table_expr->ctequery : NULL;

	return q && q->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
		select_opens_first(q->select_stmt, rv);
}

/* Whether the WITH queries certainly pass analysis: a probe, whose
 * findings are not the statement's outcome. */
static int with_passes(ddl *d, const PgQuery__WithClause *w)
{
	ms_pg_error scratch;
	ddl probe;
	ex_scope sc;
	int ret = MS_OK, r;

	memset(&sc, 0, sizeof(sc));
	ddl_probe(&probe, &scratch, d);
	r = ex_with(&ret, &probe, &sc, w);
	ex_scope_free(&sc);
	ms_pg_error_clear(&scratch);
	return ret == MS_OK && r == EX_OK && probe.verdict == MS_VERDICT_OK;
}

/* Whether the missing relation is the first thing parse analysis meets
 * that can fail: the target of INSERT, UPDATE or DELETE without WITH, or
 * a table of the first FROM list analysed (after a valid INSERT column
 * list), or of the first WITH query.  Else another error may come
 * first. */
static int opened_first(ddl *d, const PgQuery__Node *n,
	const PgQuery__RangeVar *rv)
{
	int stop = 0;

	if (dml_with(n))
		return with_opens_first(dml_with(n), rv) ||
			(rv == dml_target(n) && with_passes(d, dml_with(n)));
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_INSERT_STMT:
		if (n->insert_stmt->relation == rv)
			return 1;
		return !n->insert_stmt->with_clause && n->insert_stmt->select_stmt &&
			n->insert_stmt->select_stmt->node_case ==
			PG_QUERY__NODE__NODE_SELECT_STMT && select_opens_first(
			n->insert_stmt->select_stmt->select_stmt, rv) &&
			insert_targets_ok(d, n->insert_stmt);
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
		return n->update_stmt->relation == rv ||
			(!n->update_stmt->with_clause &&
			first_in_from(n->update_stmt->from_clause,
			n->update_stmt->n_from_clause, rv, &stop));
	case PG_QUERY__NODE__NODE_DELETE_STMT:
		return n->delete_stmt->relation == rv ||
			(!n->delete_stmt->with_clause &&
			first_in_from(n->delete_stmt->using_clause,
			n->delete_stmt->n_using_clause, rv, &stop));
	case PG_QUERY__NODE__NODE_SELECT_STMT:
		return select_opens_first(n->select_stmt, rv);
	default:
		return 0;
	}
}

/*
 * Every table a statement reads or writes must exist; the first one that
 * does not raises 42P01 with its position (parserOpenTable), when no
 * other error can come before it.  What the statement does to data is
 * not simulated.
 */
static int check_tables(ddl *d, const PgQuery__Node *n, int64_t **oids,
	size_t *count, int *unsure)
{
	rel_walk w;

	memset(&w, 0, sizeof(w));
	w.d = d;
	w.ret = MS_OK;
	ddl_walk(&n->base, visit_cte, &w);
	/* The target of INSERT, UPDATE and DELETE is opened after their WITH
	 * queries are analysed, before the rest (setTargetTable); it is not
	 * under a Node for the walk. */
	if (dml_with(n))
		ddl_walk(&dml_with(n)->base, visit_rangevar, &w);
	if (dml_target(n) && !w.missing && w.ret == MS_OK)
		check_rangevar(&w, dml_target(n));
	if (!w.missing && w.ret == MS_OK)
		ddl_walk(&n->base, visit_rangevar, &w);
	/* The rest of the analysis would not know what comes first either. */
	*unsure = w.ret == MS_OK && w.missing && !opened_first(d, n,
		w.missing_rv);
	if (*unsure)
		ddl_unknown(d, "whether another error comes before the missing "
			"relation is not modelled");
	else if (w.ret == MS_OK && w.missing)
		w.ret = ddl_fail(d, "42P01", w.qualified ? "parse_relation.c:1371:"
			"parserOpenTable" : "parse_relation.c:1392:parserOpenTable",
			w.location, "relation \"%s\" does not exist", w.name);
	if (oids) {
		*oids = w.oids;
		*count = w.n;
	} else {
		free(w.oids);
	}
	return w.ret;
}

int ddl_rows_changed(ddl *d, int64_t rel, int change)
{
	cat_rel r;
	const char *fact;
	int found, ret;

	if ((ret = cat_rel_by_oid(&found, &r, d->s, rel, d->err)) < 0 || !found)
		return ret;
	switch (change) {
	case ROWS_ADDED:
		fact = "rows";
		break;
	case ROWS_MAYBE_ADDED:
		fact = strcmp(r.rows, "rows") == 0 ? "rows" : "unknown";
		break;
	case ROWS_MAYBE_REMOVED:
		fact = strcmp(r.rows, "empty") == 0 ? "empty" : "unknown";
		break;
	default:
		fact = "empty";
	}
	if (change >= ROWS_MAYBE_REMOVED && strcmp(r.rows, "empty") != 0 &&
	    (ret = cat_rows_cascade(d->s, rel, d->err)) < 0)
		return ret;
	/* New rows may hold anything in any column, a key's too. */
	if ((change == ROWS_ADDED || change == ROWS_MAYBE_ADDED) &&
	    ((ret = cat_null_col_set(d->s, rel, NULL, 0, d->err)) < 0 ||
	    (ret = cat_distinct_forget(d->s, rel, NULL, d->err)) < 0))
		return ret;
	/* Rows added other than by a literal INSERT that kept their keys;
	 * rows gone leave the kept keys a superset, all gone none. */
	if (((change == ROWS_ADDED || change == ROWS_MAYBE_ADDED) &&
	    rel != d->kept_rel && (ret = cat_kept_forget(d->s, rel, KEPT_ADDED,
	    d->err)) < 0) || (change == ROWS_ALL_REMOVED &&
	    (ret = cat_kept_forget(d->s, rel, KEPT_ROWS_GONE, d->err)) < 0))
		return ret;
	d->kept_rel = 0;
	return strcmp(r.rows, fact) == 0 ? MS_OK :
		cat_rel_set_rows(d->s, rel, fact, d->err);
}

/* An UPDATE changes keys when it sets a column of a unique index (a
 * foreign key can only reference such columns, so ON UPDATE CASCADE
 * needs one too), or when a trigger or a generated column may change
 * any column. */
static int update_keys(ddl *d, const cat_rel *rel,
	const PgQuery__UpdateStmt *u)
{
	cat_guards g;
	cat_kept *k;
	size_t n;
	int generated, ret, hit = 0;

	if ((ret = cat_rel_guards(&g, d->s, rel->oid, d->err)) < 0 ||
	    (ret = cat_rel_generated(&generated, d->s, rel->oid, d->err)) < 0 ||
	    (ret = cat_kept_indexes(&k, &n, d->s, rel->oid, d->err)) < 0)
		return ret;
	hit = g.triggers || generated;
	for (size_t i = 0; i < n && !hit; i++)
		for (size_t t = 0; t < u->n_target_list && !hit; t++) {
			const char *col = u->target_list[t]->res_target->name;
			size_t len = col ? strlen(col) : 0;
			const char *p = k[i].columns;

			for (; col && *p; p += strcspn(p, ",") + (p[strcspn(p, ",")]
			     == ','))
				hit |= strcspn(p, ",") == len && strncmp(p, col, len) == 0;
		}
	free(k);
	return hit ? cat_kept_forget(d->s, rel->oid, KEPT_VALUES, d->err) :
		MS_OK;
}

/*
 * What an UPDATE, DELETE or INSERT may write besides its own rows' count:
 * the columns an UPDATE sets hold values now; and a table's triggers
 * whose functions write (body_writes), or a view's base tables, are
 * written where migsim does not follow, so once such a statement runs,
 * any table may hold rows unseen.
 */
static int written(ddl *d, const PgQuery__Node *n)
{
	cat_guards g;
	const PgQuery__RangeVar *rv = n->node_case ==
		PG_QUERY__NODE__NODE_UPDATE_STMT ? n->update_stmt->relation :
		n->node_case == PG_QUERY__NODE__NODE_DELETE_STMT ?
		n->delete_stmt->relation : n->node_case ==
		PG_QUERY__NODE__NODE_INSERT_STMT ? n->insert_stmt->relation : NULL;
	cat_rel rel;
	int found, ret;

	if (rv == NULL || (ret = cat_rel_find(&found, &rel, d->s,
	    ddl_schema(rv->schemaname), rv->relname, d->err)) < 0 || !found)
		return rv ? ret : MS_OK;
	/* An UPDATE may give rows keys no literal row had, or two rows one
	 * key. */
	if (n->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT &&
	    strcmp(rel.rows, "empty") != 0 &&
	    ((ret = update_keys(d, &rel, n->update_stmt)) < 0 ||
	    (ret = cat_distinct_forget(d->s, rel.oid, NULL, d->err)) < 0))
		return ret;
	for (size_t i = 0; n->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT &&
	     i < n->update_stmt->n_target_list; i++) {
		const PgQuery__ResTarget *t = n->update_stmt->target_list[i]->
			res_target;
		int filled = 0;

		/* A value into a filled column leaves it filled. */
		if (!t->n_indirection && t->val && ddl_never_null(t->val) &&
		    (ret = cat_filled_col(&filled, d->s, rel.oid, t->name, 0,
		    d->err)) < 0)
			return ret;
		if ((ret = cat_null_col_set(d->s, rel.oid, t->name, 0,
		    d->err)) < 0 || (filled && (ret = cat_filled_col(&filled,
		    d->s, rel.oid, t->name, 1, d->err)) < 0))
			return ret;
	}
	if (n->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT &&
	    (ret = cat_filled_forget_referencing(d->s, rel.oid, d->err)) < 0)
		return ret;
	/* A BEFORE trigger may set any column of the new row. */
	if (n->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT &&
	    (ret = cat_rel_guards(&g, d->s, rel.oid, d->err)) == MS_OK &&
	    g.triggers)
		ret = cat_null_col_set(d->s, rel.oid, NULL, 0, d->err);
	if (ret < 0)
		return ret;
	/* A view writes its base tables, which migsim does not follow.  Row
	 * triggers fire on rows there are (an INSERT may add some), a
	 * statement-level one whatever the rows. */
	if ((rel.relkind == 'r' || rel.relkind == 'p') &&
	    ((ret = cat_rel_writing_triggers(&found, d->s, rel.oid,
	    strcmp(rel.rows, "empty") == 0 && n->node_case !=
	    PG_QUERY__NODE__NODE_INSERT_STMT, d->err)) < 0 || !found))
		return ret;
	return cat_rows_forget_all(d->s, d->err);
}

/* Built-in calls whose result is never NULL: without arguments (the
 * time, random values), concat (it skips NULLs), or strict ones over
 * values never NULL. */
static int call_never_null(const PgQuery__FuncCall *f)
{
	static const char *const bare[] = { "now", "clock_timestamp",
		"statement_timestamp", "transaction_timestamp", "random",
		"gen_random_uuid", "uuid_generate_v4", NULL };
	static const char *const strict[] = { "md5", "lower", "upper", "btrim",
		"trim", NULL };
	const char *name = f->n_funcname == 1 ?
		ms_pg__node_string(f->funcname[0]) : NULL;

	if (name == NULL || f->agg_star || f->agg_distinct || f->over ||
	    f->func_variadic)
		return 0;
	if (f->n_args == 0)
		return ddl_one_of(name, bare);
	if (strcmp(name, "concat") == 0 || strcmp(name, "nextval") == 0 ||
	    strcmp(name, "jsonb_build_object") == 0 ||
	    strcmp(name, "json_build_object") == 0 ||
	    strcmp(name, "jsonb_build_array") == 0 ||
	    strcmp(name, "json_build_array") == 0)
		return 1;
	return f->n_args == 1 && ddl_one_of(name, strict) &&
		ddl_never_null(f->args[0]);
}

int ddl_never_null(const PgQuery__Node *v)
{
	static const char *const strict_ops[] = { "+", "-", "*", "/", "%", "^",
		"||", "=", "<>", "<", ">", "<=", ">=", NULL };
	const PgQuery__SubLink *l;

	while (v && v->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
		v = v->type_cast->arg;
	if (v == NULL)
		return 0;
	switch (v->node_case) {
	case PG_QUERY__NODE__NODE_A_CONST:
		return !v->a_const->isnull;
	case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
		return v->sqlvalue_function->op <=
			PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N;
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		return call_never_null(v->func_call);
	case PG_QUERY__NODE__NODE_COALESCE_EXPR:
		for (size_t i = 0; i < v->coalesce_expr->n_args; i++)
			if (ddl_never_null(v->coalesce_expr->args[i]))
				return 1;
		return 0;
	case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
		return 1;
	case PG_QUERY__NODE__NODE_A_EXPR:
		/* Arithmetic, || and comparisons are strict: NULL only from a
		 * NULL operand.  JSON's -> and ->> are NULL for a missing key. */
		return v->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP &&
			v->a_expr->n_name == 1 && ddl_one_of(ms_pg__node_string(
			v->a_expr->name[0]), strict_ops) &&
			(v->a_expr->lexpr == NULL || ddl_never_null(v->a_expr->lexpr)) &&
			ddl_never_null(v->a_expr->rexpr);
	case PG_QUERY__NODE__NODE_SUB_LINK:
		/* A scalar subquery's one column, over the row it certainly
		 * returns (none is NULL). */
		l = v->sub_link;
		return l->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK &&
			l->subselect->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
			ddl_one_row(l->subselect->select_stmt) && ddl_never_null(
			l->subselect->select_stmt->target_list[0]->res_target->val);
	default:
		return 0;
	}
}

/* Whether w is `col IS NULL` (col bare or under the table's name). */
static int null_test_of(const PgQuery__Node *w, const PgQuery__RangeVar *rv,
	const char *col)
{
	const PgQuery__ColumnRef *c;
	const char *table = rv->alias ? rv->alias->aliasname : rv->relname;

	if (w == NULL || w->node_case != PG_QUERY__NODE__NODE_NULL_TEST ||
	    w->null_test->nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NULL ||
	    w->null_test->arg == NULL ||
	    w->null_test->arg->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return 0;
	c = w->null_test->arg->column_ref;
	if (c->n_fields == 1)
		return strcmp(ms_pg__node_string(c->fields[0]), col) == 0;
	return c->n_fields == 2 && strcmp(ms_pg__node_string(c->fields[0]),
		table) == 0 && strcmp(ms_pg__node_string(c->fields[1]), col) == 0;
}

/*
 * The columns an UPDATE leaves holding a value in every row, if it goes
 * through: set to a value never NULL, in every row (no WHERE) or in
 * every row where the column is NULL, and no trigger or rule can change
 * the new row.  With FROM, rows without a partner are not updated.
 */
static int update_fills(ddl *d, const PgQuery__Node *n)
{
	const PgQuery__UpdateStmt *u = n->node_case ==
		PG_QUERY__NODE__NODE_UPDATE_STMT ? n->update_stmt : NULL;
	cat_guards g;
	cat_rel rel;
	int found, ret;

	if (u == NULL || u->with_clause || u->n_from_clause)
		return MS_OK;
	if ((ret = cat_rel_find(&found, &rel, d->s, ddl_schema(
	    u->relation->schemaname), u->relation->relname, d->err)) < 0 ||
	    !found || rel.relkind != 'r' ||
	    (ret = cat_rel_guards(&g, d->s, rel.oid, d->err)) < 0 || g.triggers)
		return ret;
	for (size_t i = 0; i < u->n_target_list; i++) {
		const PgQuery__ResTarget *t = u->target_list[i]->res_target;

		if (t->n_indirection || !ddl_never_null(t->val) ||
		    (u->where_clause && !null_test_of(u->where_clause, u->relation,
		    t->name)))
			continue;
		if ((ret = cat_filled_col(&found, d->s, rel.oid, t->name, 1,
		    d->err)) < 0)
			return ret;
	}
	return MS_OK;
}

/* A function of the history that writes (body_writes), called by a
 * query, may write anywhere. */
struct writer {
	ddl *d;
	int ret, found;
};

static int visit_writer(const PgQuery__Node *n, void *ctx)
{
	struct writer *w = ctx;
	const char *schema, *name;

	if (n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL ||
	    !qualified_name(&schema, &name, n->func_call->funcname,
	    n->func_call->n_funcname))
		return 0;
	if ((w->ret = cat_func_writes(&w->found, w->d->s, schema, name,
	    w->d->err)) < 0)
		return 1;
	return w->found;
}

static int calls_writer(ddl *d, const PgQuery__Node *n)
{
	struct writer w = { d, MS_OK, 0 };

	ddl_walk(&n->base, visit_writer, &w);
	if (w.ret < 0 || !w.found)
		return w.ret;
	return cat_rows_forget_all(d->s, d->err);
}

static const PgQuery__WithClause *with_of(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_INSERT_STMT:
		return n->insert_stmt->with_clause;
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
		return n->update_stmt->with_clause;
	case PG_QUERY__NODE__NODE_DELETE_STMT:
		return n->delete_stmt->with_clause;
	case PG_QUERY__NODE__NODE_SELECT_STMT:
		return n->select_stmt->with_clause;
	default:
		return NULL;
	}
}

/* The WITH queries before `upto` that certainly yield no row. */
typedef struct cte_facts {
	const PgQuery__WithClause *w;
	size_t upto;
	const int *empty;
} cte_facts;

static int yields_nothing(int *none, ddl *d, const cte_facts *c,
	const PgQuery__Node *q);

static int visit_agg(const PgQuery__Node *n, void *ctx)
{
	(void)ctx;
	return n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
		ex_is_aggregate(n->func_call);
}

/* A FROM item that certainly has no row: an empty table or WITH query,
 * or a join that keeps no row without one of its sides. */
static int from_empty(int *none, ddl *d, const cte_facts *c,
	const PgQuery__Node *n)
{
	int a = 0, b = 0, ret;

	*none = 0;
	if (n->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
		const PgQuery__RangeVar *rv = n->range_var;
		cat_rel rel;
		int found;

		for (size_t j = c->upto; !(rv->schemaname && rv->schemaname[0]) &&
		     j-- > 0;)
			if (strcmp(c->w->ctes[j]->common_table_expr->ctename,
			    rv->relname) == 0)
				return (*none = c->empty[j], MS_OK);
		if ((ret = cat_rel_find(&found, &rel, d->s,
		    ddl_schema(rv->schemaname), rv->relname, d->err)) < 0)
			return ret;
		*none = found && (rel.relkind == 'r' ||
			rel.relkind == 'p') && strcmp(rel.rows, "empty") == 0;
		return MS_OK;
	}
	if (n->node_case == PG_QUERY__NODE__NODE_RANGE_SUBSELECT)
		return n->range_subselect->lateral ? MS_OK : yields_nothing(none, d,
			c, n->range_subselect->subquery);
	if (n->node_case != PG_QUERY__NODE__NODE_JOIN_EXPR)
		return MS_OK;
	if ((ret = from_empty(&a, d, c, n->join_expr->larg)) < 0 ||
	    (ret = from_empty(&b, d, c, n->join_expr->rarg)) < 0)
		return ret;
	*none = ex_join_empty(n->join_expr->jointype, a, b);
	return MS_OK;
}

static int any_from_empty(int *none, ddl *d, const cte_facts *c,
	PgQuery__Node **from, size_t n)
{
	int ret = MS_OK;

	*none = 0;
	for (size_t i = 0; i < n && !*none && ret == MS_OK; i++)
		ret = from_empty(none, d, c, from[i]);
	return ret;
}

/* Whether a query certainly yields no row (what a WITH query hands on,
 * or what an INSERT ... SELECT writes): it reads from something empty
 * through inner joins, and no aggregate makes a row of nothing; an
 * UPDATE or DELETE returns the rows it changed. */
static int yields_nothing(int *none, ddl *d, const cte_facts *c,
	const PgQuery__Node *q)
{
	const PgQuery__SelectStmt *s;

	*none = 0;
	if (q == NULL)
		return MS_OK;
	switch (q->node_case) {
	case PG_QUERY__NODE__NODE_INSERT_STMT:
		return yields_nothing(none, d, c, q->insert_stmt->select_stmt);
	case PG_QUERY__NODE__NODE_UPDATE_STMT: {
		PgQuery__Node target = PG_QUERY__NODE__INIT;
		int ret;

		target.node_case = PG_QUERY__NODE__NODE_RANGE_VAR;
		target.range_var = q->update_stmt->relation;
		if ((ret = from_empty(none, d, c, &target)) < 0 || *none)
			return ret;
		return any_from_empty(none, d, c, q->update_stmt->from_clause,
			q->update_stmt->n_from_clause);
	}
	case PG_QUERY__NODE__NODE_DELETE_STMT: {
		PgQuery__Node target = PG_QUERY__NODE__INIT;
		int ret;

		target.node_case = PG_QUERY__NODE__NODE_RANGE_VAR;
		target.range_var = q->delete_stmt->relation;
		if ((ret = from_empty(none, d, c, &target)) < 0 || *none)
			return ret;
		return any_from_empty(none, d, c, q->delete_stmt->using_clause,
			q->delete_stmt->n_using_clause);
	}
	case PG_QUERY__NODE__NODE_SELECT_STMT:
		break;
	default:
		return MS_OK;
	}
	s = q->select_stmt;
	if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE || s->n_values_lists ||
	    s->with_clause)
		return MS_OK;
	if (!s->n_group_clause) {
		for (size_t i = 0; i < s->n_target_list; i++)
			if (ddl_walk(&s->target_list[i]->base, visit_agg, NULL))
				return MS_OK;
		if (s->having_clause)
			return MS_OK;
	}
	return any_from_empty(none, d, c, s->from_clause, s->n_from_clause);
}

/* WITH x AS (INSERT / UPDATE / DELETE ...) writes its table whether or
 * not the main query reads x: its rows may have come or gone, unless
 * what it reads is certainly empty. */
static int cte_writes(ddl *d, const PgQuery__Node *n)
{
	const PgQuery__WithClause *w = with_of(n);
	int *empty = w ? calloc(w->n_ctes + 1, sizeof(*empty)) : NULL;
	int ret = w && empty == NULL ? oom(d) : MS_OK;

	for (size_t i = 0; w && i < w->n_ctes && ret == MS_OK; i++) {
		const PgQuery__Node *q = w->ctes[i]->common_table_expr->ctequery;
		const PgQuery__RangeVar *rv = q ? dml_target(q) : NULL;
		cte_facts c = { w, i, empty };
		cat_rel rel;
		int found;

		if (q == NULL || (ret = yields_nothing(&empty[i], d, &c, q)) < 0 ||
		    (ret = cte_writes(d, q)) < 0 || rv == NULL || empty[i])
			continue;
		if ((ret = written(d, q)) < 0 || (ret = cat_rel_find(&found, &rel,
		    d->s, ddl_schema(rv->schemaname), rv->relname, d->err)) < 0 ||
		    !found)
			continue;
		if (q->node_case == PG_QUERY__NODE__NODE_INSERT_STMT &&
		    (ret = cat_null_col_set(d->s, rel.oid, NULL, 0, d->err)) < 0)
			continue;
		ret = q->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT ? MS_OK :
			ddl_rows_changed(d, rel.oid, q->node_case ==
			PG_QUERY__NODE__NODE_INSERT_STMT ? ROWS_MAYBE_ADDED :
			ROWS_MAYBE_REMOVED);
	}
	free(empty);
	return ret;
}

static int dml(ddl *d, const PgQuery__Node *n, const PgQuery__RangeVar *target)
{
	cat_rel rel;
	int64_t kept;
	int found, change, ret, r, unsure;

	if ((ret = check_tables(d, n, NULL, NULL, &unsure)) < 0 ||
	    DDL_FAILED(d) || unsure || (ret = calls_writer(d, n)) < 0)
		return ret;
	/* Rows routed to partitions, or a parent's rows in its inheritors,
	 * meet their own constraints and triggers: not followed. */
	if (dml_target(n) && (ret = cat_rel_find(&found, &rel, d->s,
	    ddl_schema(dml_target(n)->schemaname), dml_target(n)->relname,
	    d->err)) == MS_OK && found && (rel.relkind == 'p' ||
	    ((ret = cat_inherits_any(&found, d->s, rel.oid, d->err)) == MS_OK &&
	    found))) {
		ddl_unknown(d, "rows of partitions and inheritors are not "
			"modelled");
		return cat_rows_forget_all(d->s, d->err);
	}
	if (ret < 0)
		return ret;
	r = ddl_dml(&change, &ret, d, n);
	/* The INSERT's own table, whose new keys are kept: only for the
	 * rows change below. */
	kept = d->kept_rel;
	d->kept_rel = 0;
	if (ret < 0 || DDL_FAILED(d))
		return ret;
	if (r != EX_OK) {
		/* Where the analysis stopped short, enum labels still decide. */
		if ((ret = ddl_enum_casts(d, n)) < 0 || DDL_FAILED(d))
			return ret;
		if ((ret = ddl_dml_enum_literals(d, n)) < 0 || DDL_FAILED(d))
			return ret;
	}
	if ((ret = written(d, n)) < 0 || (ret = cte_writes(d, n)) < 0 ||
	    (ret = update_fills(d, n)) < 0 || target == NULL || !change)
		return ret;
	if ((ret = cat_rel_find(&found, &rel, d->s,
	    ddl_schema(target->schemaname), target->relname, d->err)) < 0 ||
	    !found)
		return ret;
	if (n->node_case == PG_QUERY__NODE__NODE_INSERT_STMT &&
	    (ret = cat_null_col_set(d->s, rel.oid, NULL, 0, d->err)) < 0)
		return ret;
	d->kept_rel = kept;
	return ddl_rows_changed(d, rel.oid, change);
}

/* Column names a view's query uses, for DROP COLUMN and ALTER COLUMN
 * TYPE (2BP01, 0A000), when its analysis did not say which table each
 * belongs to.  With one table every name is one of its columns; with
 * several, "*" stands for "some column" of each. */
static int visit_colref(const PgQuery__Node *n, void *ctx)
{
	ex_uses *u = ctx;
	const PgQuery__ColumnRef *cr;
	const char *name;

	if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return 0;
	cr = n->column_ref;
	name = cr->n_fields ? ms_pg__node_string(cr->fields[cr->n_fields - 1]) :
		NULL;
	ex_uses_add(u, 0, name ? name : "*");
	return u->oom;
}

static int view_columns(ddl *d, const PgQuery__Node *query, int64_t view,
	const int64_t *tables, size_t count, const char *desc)
{
	ex_uses u = { NULL, 0, 0, 0 };
	int ret = MS_OK;

	if (count > 1) {
		for (size_t i = 0; i < count && ret == MS_OK; i++)
			ret = cat_dep_add(d->s, "view", view, "rel", tables[i], "*", desc,
				d->err);
		return ret;
	}
	ddl_walk(&query->base, visit_colref, &u);
	for (size_t i = 0; i < u.n && ret == MS_OK && !u.oom; i++)
		ret = cat_dep_add(d->s, "view", view, "rel", tables[0],
			u.items[i].col, desc, d->err);
	if (ret == MS_OK && u.oom)
		ret = ms_error_set(d->err, MS_ENOMEM, "out of memory");
	free(u.items);
	return ret;
}

/*
 * A view's query analysed (query.c): its output columns, with their
 * types, and the columns of tables it reads; *cols is malloc'd, or NULL
 * when the analysis failed (the ddl has PostgreSQL's error) or is not
 * modelled.  Returns MS_OK or a state-file error.
 */
static int view_query(ex_col **cols, size_t *n, int *rows, ex_uses *uses,
	ddl *d, const PgQuery__Node *query, PgQuery__Node **aliases,
	size_t naliases)
{
	ex_uses *saved = d->uses;
	int ret = MS_OK, r;

	*cols = NULL;
	*n = 0;
	if (query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
		ddl_unknown(d, "view and query columns are not modelled");
		return MS_OK;
	}
	d->uses = uses;
	r = ex_select(rows, cols, n, &ret, d, NULL, query->select_stmt);
	d->uses = saved;
	if (ret < 0)
		return ret;
	if (r == EX_OK && (naliases > *n || uses->oom))
		r = EX_UNKNOWN;
	for (size_t i = 0; i < naliases && r == EX_OK; i++) {
		const char *a = ms_pg__node_string(aliases[i]);

		if (a == NULL)
			r = EX_UNKNOWN;
		else
			snprintf((*cols)[i].name, sizeof((*cols)[i].name), "%s", a);
	}
	/* Literals and NULL give text columns; a name given twice fails
	 * (42701), which migsim leaves unknown. */
	for (size_t i = 0; i < *n && r == EX_OK; i++) {
		ex_type *t = &(*cols)[i].type;

		if (t->cat == 'X' || t->cat == 'Z')
			ex_set_type(t, 'S', "text");
		if (t->display[0] == '\0')
			r = EX_UNKNOWN;
		for (size_t j = 0; j < i && r == EX_OK; j++)
			if (strcmp((*cols)[i].name, (*cols)[j].name) == 0)
				r = EX_UNKNOWN;
	}
	if (r != EX_OK) {
		if (r == EX_UNKNOWN)
			ddl_unknown(d, "view and query columns are not modelled");
		free(*cols);
		*cols = NULL;
		*n = 0;
	}
	return MS_OK;
}

/* CREATE OR REPLACE VIEW may add columns at the end, not change the
 * ones there (checkViewTupleDesc): 42P16 when it does.  *known is
 * cleared when the old columns are not known. */
static int check_replaced_columns(int *known, ddl *d, const cat_rel *rel,
	const ex_col *cols, size_t n)
{
	char (*old)[CAT_NAME];
	size_t count;
	int ret;

	/* checkViewTupleDesc compares with the old columns, whatever their
	 * types: not known, not decided. */
	if (!rel->known) {
		*known = 0;
		ddl_unknown(d, "the replaced view's columns are not known");
		return MS_OK;
	}
	if ((ret = cat_col_names(&old, &count, d->s, rel->oid, 0, d->err)) < 0)
		return ret;
	if (count > n)
		ret = ddl_fail(d, "42P16", "view.c:277:checkViewTupleDesc", -1,
			"cannot drop columns from view");
	for (size_t i = 0; i < count && ret == MS_OK && !DDL_FAILED(d); i++) {
		cat_col c;
		int found;

		if ((ret = cat_col_find(&found, &c, d->s, rel->oid, old[i],
		    d->err)) < 0)
			break;
		if (strcmp(old[i], cols[i].name) != 0) {
			if ((ret = ddl_fail(d, "42P16", "view.c:293:checkViewTupleDesc",
			    -1, "cannot change name of view column \"%s\" to \"%s\"",
			    old[i], cols[i].name)) == MS_OK)
				ret = ddl_hint(d, "Use ALTER VIEW ... RENAME COLUMN ... to "
					"change name of view column instead.");
		} else if (strcmp(c.type, cols[i].type.display) != 0) {
			ret = ddl_fail(d, "42P16", "view.c:307:checkViewTupleDesc", -1,
				"cannot change data type of view column \"%s\" from %s to "
				"%s", old[i], c.type, cols[i].type.display);
		}
	}
	free(old);
	return ret;
}

static int view_dependencies(ddl *d, int64_t oid, const char *desc,
	const int64_t *oids, size_t count, const ex_uses *uses)
{
	int ret = MS_OK;

	for (size_t i = 0; i < count && ret == MS_OK; i++)
		if (oids[i] != oid)
			ret = cat_dep_add(d->s, "view", oid, "rel", oids[i], NULL,
				desc, d->err);
	for (size_t i = 0; i < uses->n && ret == MS_OK; i++)
		ret = cat_dep_add(d->s, "view", oid, "rel", uses->items[i].rel,
			uses->items[i].col, desc, d->err);
	return ret;
}

/* A view or a policy depends on the types its expressions cast to
 * ('A'::"Role"). */
struct cast_deps {
	ddl *d;
	const char *kind;
	int64_t oid;
	const char *desc;
	int ret;
};

static int visit_cast_dep(const PgQuery__Node *n, void *ctx)
{
	struct cast_deps *c = ctx;
	ms_typeref t;

	if (n->node_case != PG_QUERY__NODE__NODE_TYPE_CAST)
		return 0;
	if ((c->ret = ms_pg__resolve_type(&t, c->d->s, n->type_cast->type_name,
	    c->d->err)) == MS_OK && t.known && t.exists && t.user_oid)
		c->ret = cat_dep_add(c->d->s, c->kind, c->oid, "type", t.user_oid,
			NULL, c->desc, c->d->err);
	return c->ret < 0;
}

int ddl_cast_dependencies(ddl *d, const PgQuery__Node *n,
	const char *kind, int64_t oid, const char *desc)
{
	struct cast_deps c = { d, kind, oid, desc, MS_OK };

	if (n != NULL)
		ddl_walk(&n->base, visit_cast_dep, &c);
	return c.ret;
}

static int visit_any_call(const PgQuery__Node *n, void *ctx)
{
	(void)ctx;
	return n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL;
}

/* view_query_is_auto_updatable, asked for WITH CHECK OPTION: why the
 * view's query is not automatically updatable (the HINT), or NULL when
 * it is.  *unsure when a function of its target list may be an
 * aggregate, a window or a set-returning function, or its FROM item is
 * not modelled. */
static const char *not_updatable(int *unsure, ddl *d, const PgQuery__Node *q)
{
	static const char *const aggregates[] = { "count", "sum", "avg", "min",
		"max", "array_agg", "string_agg", "bool_and", "bool_or", "every",
		"json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg",
		NULL };
	const PgQuery__SelectStmt *s = q->select_stmt;
	int aggs = 0, windows = 0, columns = 0;
	cat_rel rel;
	int found;

	*unsure = q->node_case != PG_QUERY__NODE__NODE_SELECT_STMT;
	if (*unsure)
		return NULL;
	if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
		return "Views containing UNION, INTERSECT, or EXCEPT are not "
			"automatically updatable.";
	if (s->n_distinct_clause)
		return "Views containing DISTINCT are not automatically updatable.";
	if (s->n_group_clause)
		return "Views containing GROUP BY are not automatically updatable.";
	if (s->having_clause)
		return "Views containing HAVING are not automatically updatable.";
	if (s->with_clause)
		return "Views containing WITH are not automatically updatable.";
	if (s->limit_offset || s->limit_count)
		return "Views containing LIMIT or OFFSET are not automatically "
			"updatable.";
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__ResTarget *t = s->target_list[i]->res_target;
		const PgQuery__Node *v = t ? t->val : NULL;

		if (v == NULL)
			continue;
		if (v->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
			columns++;
			continue;
		}
		/* A cast to the column's own type is dropped: still a column. */
		if (v->node_case == PG_QUERY__NODE__NODE_TYPE_CAST &&
		    v->type_cast->arg &&
		    v->type_cast->arg->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
			*unsure = 1;
			continue;
		}
		if (v->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
		    v->func_call->n_funcname == 1 && !v->func_call->over &&
		    ddl_one_of(ms_pg__node_string(v->func_call->funcname[0]),
		    aggregates))
			aggs = 1;
		else if (v->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
		    v->func_call->over)
			windows = 1;
		else if (ddl_walk(&v->base, visit_any_call, NULL))
			*unsure = 1;
	}
	/* ORDER BY's calls join the target list as hidden entries: an
	 * aggregate, window or set-returning function there counts too. */
	for (size_t i = 0; i < s->n_sort_clause; i++)
		if (ddl_walk(&s->sort_clause[i]->base, visit_any_call, NULL))
			*unsure = 1;
	if (aggs)
		return "Views that return aggregate functions are not automatically "
			"updatable.";
	if (*unsure)
		return NULL;
	if (windows)
		return "Views that return window functions are not automatically "
			"updatable.";
	if (s->n_from_clause != 1 ||
	    s->from_clause[0]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR)
		return "Views that do not select from a single table or view are "
			"not automatically updatable.";
	if (cat_rel_find(&found, &rel, d->s,
	    ddl_schema(s->from_clause[0]->range_var->schemaname),
	    s->from_clause[0]->range_var->relname, d->err) < 0 || !found ||
	    !strchr("rpvm", rel.relkind)) {
		*unsure = 1;
		return NULL;
	}
	if (rel.relkind == 'm')
		return "Views that do not select from a single table or view are "
			"not automatically updatable.";
	if (!columns)
		return "Views that have no updatable columns are not automatically "
			"updatable.";
	return NULL;
}

/* A word parse_bool reads (some of its spellings). */
static int bool_word(const char *v)
{
	static const char *const words[] = { "true", "false", "on", "off",
		"yes", "no", "1", "0", NULL };

	return ddl_one_of(v, words);
}

static int check_option(const PgQuery__ViewStmt *v)
{
	static const char *const view_options[] = { "security_barrier",
		"security_invoker", NULL };

	int clause = v->with_check_option ==
		PG_QUERY__VIEW_CHECK_OPTION__LOCAL_CHECK_OPTION ||
		v->with_check_option ==
		PG_QUERY__VIEW_CHECK_OPTION__CASCADED_CHECK_OPTION, result = clause;

	for (size_t i = 0; i < v->n_options; i++) {
		const PgQuery__DefElem *de = v->options[i]->node_case ==
			PG_QUERY__NODE__NODE_DEF_ELEM ? v->options[i]->def_elem : NULL;
		const char *val = de ? ddl_string_literal(de->arg, NULL) : NULL;

		/* An option given twice (the clause is one more check_option)
		 * is 22023 from parse_one_reloption, after checks not all
		 * modelled. */
		for (size_t j = 0; de && j < i; j++)
			if (v->options[j]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
			    strcmp(v->options[j]->def_elem->defname, de->defname) == 0)
				return -1;
		if (de && clause && strcmp(de->defname, "check_option") == 0)
			return -1;

		/* check_option = cascaded: a word (a type name to the grammar),
		 * not a string. */
		if (de && val == NULL && de->arg &&
		    de->arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME &&
		    de->arg->type_name->n_names == 1)
			val = ms_pg__node_string(de->arg->type_name->names[0]);
		else if (de && val == NULL)
			val = ms_pg__node_string(de->arg);

		if (de && strcmp(de->defname, "check_option") == 0) {
			/* Another value is 22023, not modelled. */
			if (!(val && (strcmp(val, "local") == 0 ||
			    strcmp(val, "cascaded") == 0)))
				return -1;
			result = 1;
			continue;
		}
		/* A view's other options are two booleans; any other name, or
		 * value, is 22023 (not modelled). */
		if (de == NULL || !ddl_one_of(de->defname, view_options) ||
		    (de->arg && !(val && bool_word(val))))
			return -1;
	}
	return result;
}

/* create_view's flags. */
#define VIEW_REPLACE        1   /* CREATE OR REPLACE VIEW */
#define VIEW_IF_NOT_EXISTS  2   /* CREATE TABLE / MATERIALIZED VIEW IF NOT
                                   EXISTS ... AS */
#define VIEW_NO_DATA        4   /* WITH NO DATA: the query is not run */
#define VIEW_CHECK_OPTION   8   /* WITH [LOCAL | CASCADED] CHECK OPTION */

/* FROM (VALUES (constant, ...), ...) AS t: analysis has converted
 * each constant already. */
static int constant_values(const PgQuery__Node *n)
{
	const PgQuery__SelectStmt *v;

	if (n->node_case != PG_QUERY__NODE__NODE_RANGE_SUBSELECT ||
	    n->range_subselect->subquery == NULL ||
	    n->range_subselect->subquery->node_case !=
	    PG_QUERY__NODE__NODE_SELECT_STMT)
		return 0;
	v = n->range_subselect->subquery->select_stmt;
	if (v->n_values_lists == 0)
		return 0;
	for (size_t i = 0; i < v->n_values_lists; i++) {
		const PgQuery__Node *row = v->values_lists[i];

		if (row->node_case != PG_QUERY__NODE__NODE_LIST)
			return 0;
		for (size_t j = 0; j < row->list->n_items; j++)
			if (row->list->items[j]->node_case != PG_QUERY__NODE__NODE_A_CONST)
				return 0;
	}
	return 1;
}

/* Whether running a query over any rows certainly raises nothing: it
 * copies columns of tables, or constants, as they are. */
static int inert_query(const PgQuery__SelectStmt *s)
{
	if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE || s->with_clause ||
	    s->where_clause || s->having_clause || s->n_group_clause ||
	    s->n_sort_clause || s->limit_count || s->limit_offset ||
	    s->n_distinct_clause || s->n_window_clause)
		return 0;
	for (size_t i = 0; i < s->n_from_clause; i++)
		if (s->from_clause[i]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR &&
		    !constant_values(s->from_clause[i]))
			return 0;
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__Node *t = s->target_list[i];

		if (t->node_case != PG_QUERY__NODE__NODE_RES_TARGET ||
		    t->res_target->val == NULL || t->res_target->val->node_case !=
		    PG_QUERY__NODE__NODE_COLUMN_REF)
			return 0;
	}
	return 1;
}

/* Whether a WITH query of the statement writes (INSERT, UPDATE, DELETE
 * ... RETURNING): CREATE TABLE AS runs it. */
static int with_writes(const PgQuery__SelectStmt *s)
{
	const PgQuery__WithClause *w = s->with_clause;

	for (size_t i = 0; w && i < w->n_ctes; i++) {
		const PgQuery__Node *c = w->ctes[i];

		if (c->node_case != PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR ||
		    c->common_table_expr->ctequery == NULL ||
		    c->common_table_expr->ctequery->node_case !=
		    PG_QUERY__NODE__NODE_SELECT_STMT)
			return 1;
	}
	return 0;
}

/* What transformCreateTableAsStmt refuses in a materialized view, and
 * DefineView in a view, once the query is analysed and before the name
 * is looked at: certain only when the analysis is known to pass. */
static int view_refused(ddl *d, const PgQuery__Node *n,
	const PgQuery__RangeVar *rv, char relkind, const int64_t *oids,
	size_t count, int known)
{
	int unlogged = rv->relpersistence && rv->relpersistence[0] == 'u';
	const char *site = NULL, *msg = NULL, *state = "0A000";
	int ret;

	if (relkind == 'v' && unlogged) {
		state = "42601";
		site = "view.c:556:DefineView";
		msg = "views cannot be unlogged because they do not have storage";
	} else if (relkind == 'm' && n->node_case ==
	    PG_QUERY__NODE__NODE_SELECT_STMT && with_writes(n->select_stmt)) {
		site = "analyze.c:2986:transformCreateTableAsStmt";
		msg = "materialized views must not use data-modifying statements "
			"in WITH";
	}
	for (size_t i = 0; relkind == 'm' && !site && i < count; i++) {
		int temp;

		if ((ret = cat_temp_is(&temp, d->s, oids[i], d->err)) < 0)
			return ret;
		if (temp) {
			site = "analyze.c:2996:transformCreateTableAsStmt";
			msg = "materialized views must not use temporary tables or "
				"views";
		}
	}
	if (relkind == 'm' && !site && unlogged) {
		site = "analyze.c:3018:transformCreateTableAsStmt";
		msg = "materialized views cannot be unlogged";
	}
	if (site == NULL)
		return MS_OK;
	if (!known || d->verdict != MS_VERDICT_OK) {
		ddl_unknown(d, "a query this statement runs is not modelled");
		return MS_OK;
	}
	return ddl_fail(d, state, site, -1, "%s", msg);
}

/* Whether an unqualified view reads a temporary relation: it is made
 * in pg_temp then, beside a permanent one of its name. */
static int reads_temporary(int *temp, ddl *d, const PgQuery__RangeVar *rv,
	const int64_t *oids, size_t count)
{
	int ret;

	*temp = 0;
	for (size_t i = 0; i < count && !*temp &&
	     !(rv->schemaname && rv->schemaname[0]); i++)
		if ((ret = cat_temp_is(temp, d->s, oids[i], d->err)) < 0)
			return ret;
	return MS_OK;
}

/* CREATE VIEW v (a, b) naming more columns than the query has (42601
 * in DefineView), or migsim cannot tell. */
static int aliases_more(const PgQuery__Node *n, size_t naliases)
{
	return naliases && (n->node_case != PG_QUERY__NODE__NODE_SELECT_STMT ||
		n->select_stmt->n_target_list < naliases ||
		n->select_stmt->op != PG_QUERY__SET_OPERATION__SETOP_NONE);
}

/* A view is temporary when asked, or when it reads a temporary
 * relation (DefineView, with a NOTICE). */
static int temporary_view(ddl *d, const PgQuery__RangeVar *rv, int64_t oid,
	const int64_t *oids, size_t count)
{
	int temp = rv->relpersistence && rv->relpersistence[0] == 't', ret;

	for (size_t i = 0; i < count && !temp; i++)
		if ((ret = cat_temp_is(&temp, d->s, oids[i], d->err)) < 0)
			return ret;
	return temp ? cat_temp_add(d->s, oid, 0, d->err) : MS_OK;
}

static int create_view(ddl *d, const PgQuery__Node *n,
	const PgQuery__RangeVar *rv, char relkind, int flags,
	PgQuery__Node **aliases, size_t naliases)
{
	int replace = flags & VIEW_REPLACE;
	const char *schema = ddl_schema(rv->schemaname);
	int64_t *oids = NULL, oid;
	size_t count = 0, ncols = 0;
	ex_col *cols = NULL;
	ex_uses uses = { NULL, 0, 0, 0 };
	cat_rel rel;
	char desc[3 * CAT_NAME + 32], q[2 * CAT_NAME + 8];
	int found, ok, ret, rows = -1, known, schema_ok, temp = 0;

	/* A missing schema is found after the query is analysed. */
	if ((ret = cat_schema_find(&schema_ok, d->s, schema, d->err)) < 0)
		return ret;
	if (!schema_ok && strncmp(schema, "pg_", 3) == 0)
		return ddl_schema_ok(d, schema, &ok);
	if ((ret = check_tables(d, n, &oids, &count, &ok)) < 0 ||
	    DDL_FAILED(d) || ok) {
		free(oids);
		return ret;
	}
	/* A view over a temporary table is temporary: with a schema named,
	 * 42P16. */
	for (size_t i = 0; i < count && rv->schemaname && rv->schemaname[0];
	     i++) {
		int temp;

		if ((ret = cat_temp_is(&temp, d->s, oids[i], d->err)) < 0)
			goto out;
		if (temp) {
			ddl_unknown(d, "a view over a temporary table in a named schema "
				"is not modelled");
			goto out;
		}
	}
	if ((ret = view_query(&cols, &ncols, &rows, &uses, d, n, aliases,
	    naliases)) < 0 || DDL_FAILED(d))
		goto out;
	known = cols != NULL;
	/* DefineView, before the view's schema and name are looked at. */
	if (known && d->verdict == MS_VERDICT_OK && (flags & VIEW_CHECK_OPTION)) {
		int unsure;
		const char *why = not_updatable(&unsure, d, n);

		if (unsure)
			ddl_unknown(d, "whether this view is automatically updatable is "
				"not modelled");
		if (why) {
			if ((ret = ddl_fail(d, "0A000", "view.c:519:DefineView", -1,
			    "WITH CHECK OPTION is supported only on automatically "
			    "updatable views")) == MS_OK)
				ret = ddl_hint(d, why);
			goto out;
		}
	}
	if ((ret = view_refused(d, n, rv, relkind, oids, count, known)) < 0 ||
	    DDL_FAILED(d))
		goto out;
	if (!schema_ok) {
		/* Certain only when the query is known to pass analysis. */
		if (known && d->verdict == MS_VERDICT_OK)
			ret = ddl_fail(d, "3F000", "namespace.c:3099:get_namespace_oid",
				-1, "schema \"%s\" does not exist", schema);
		else
			ddl_unknown(d, "a query this statement runs is not modelled");
		goto out;
	}
	/* A table's column named as a system column is 42701. */
	for (size_t i = 0; relkind != 'v' && i < ncols; i++)
		if (names_system_column_name(cols[i].name)) {
			ddl_unknown(d, "a column named as a system column is not "
				"modelled");
			goto out;
		}
	if ((ret = cat_rel_find(&found, &rel, d->s, schema, rv->relname,
	    d->err)) < 0)
		goto out;
	/* A temporary relation lives in pg_temp, first on the search_path:
	 * it takes the name from a permanent one (or a permanent one takes
	 * it from the temporary one), which migsim does not keep apart. */
	if (found && !(rv->schemaname && rv->schemaname[0])) {
		int temp;

		if ((ret = cat_temp_is(&temp, d->s, rel.oid, d->err)) < 0)
			goto out;
		if (temp != (rv->relpersistence && rv->relpersistence[0] == 't')) {
			ddl_unknown(d, "a temporary relation with a permanent one's "
				"name is not modelled");
			ret = ddl_catalog_gap(d);
			goto out;
		}
	}
	/* IF NOT EXISTS: a notice, and nothing made (the query was
	 * analysed all the same). */
	if (found && (flags & VIEW_IF_NOT_EXISTS))
		goto out;
	/* CREATE TABLE AS and its SELECT INTO look before creating
	 * (CreateTableAsRelExists); a view fails in the catalog insert,
	 * after everything DefineView checks, which migsim decides only when
	 * the query is known to pass. */
	if (found && !replace && relkind == 'v' &&
	    (!known || d->verdict != MS_VERDICT_OK || aliases_more(n, naliases) ||
	    (ret = reads_temporary(&temp, d, rv, oids, count)) < 0 || temp)) {
		if (ret < 0)
			goto out;
		ddl_unknown(d, "what DefineView checks before the name is not "
			"modelled");
		goto out;
	}
	if (found && !replace) {
		ret = ddl_fail(d, "42P07", relkind == 'v' ?
			"heap.c:1164:heap_create_with_catalog" :
			"createas.c:406:CreateTableAsRelExists",
			-1, "relation \"%s\" already exists", rv->relname);
		goto out;
	}
	if (!found) {
		cat_type t;
		int taken;

		/* The relation's row type takes the name (heap_create_with_
		 * catalog), after the query is planned, before it runs. */
		if ((ret = cat_type_find(&taken, &t, d->s, schema, rv->relname,
		    d->err)) < 0)
			goto out;
		/* Planning folds constants first, and may fail (1/0). */
		if (taken && relkind != 'v' &&
		    (n->node_case != PG_QUERY__NODE__NODE_SELECT_STMT ||
		    !inert_query(n->select_stmt))) {
			ddl_unknown(d, "whether planning the query fails first is not "
				"modelled");
			goto out;
		}
		if (taken) {
			if ((ret = ddl_fail(d, "42710", "heap.c:1180:"
			    "heap_create_with_catalog", -1, "type \"%s\" already exists",
			    rv->relname)) == MS_OK)
				ret = ddl_hint(d, "A relation has an associated type of the "
					"same name, so you must use a name that doesn't conflict "
					"with any existing type.");
			goto out;
		}
	}
	/* CREATE TABLE AS runs its query: over rows, what it computes may
	 * fail, and WITH queries that write change tables. */
	if (relkind != 'v' && !(flags & VIEW_NO_DATA) &&
	    n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) {
		if (with_writes(n->select_stmt)) {
			ddl_unknown(d, "a WITH query that writes is not modelled");
			if ((ret = cte_writes(d, n)) < 0)
				goto out;
		} else if (rows != 0 && !inert_query(n->select_stmt)) {
			ddl_unknown(d, "the rows this query reads are not simulated");
		}
	}
	if (found) {
		/* OR REPLACE keeps the view (its oid, what depends on it) and
		 * replaces what it depends on. */
		oid = rel.oid;
		if (rel.relkind != relkind)
			ddl_unknown(d, "replacing a relation of another kind is not "
				"modelled");
		if (known && rel.relkind == relkind &&
		    ((ret = check_replaced_columns(&known, d, &rel, cols, ncols)) < 0 ||
		    DDL_FAILED(d)))
			goto out;
		if ((ret = cat_dep_drop_dependent(d->s, "view", oid, d->err)) < 0 ||
		    (ret = cat_rel_drop_columns(d->s, oid, known, d->err)) < 0 ||
		    (ret = ms_store_meta_set(d->s, DEPS_REORDERED_KEY, "1",
		    d->err)) < 0)
			goto out;
	} else if ((ret = cat_rel_add(&oid, d->s, schema, rv->relname, relkind,
	    known, d->err)) < 0) {
		goto out;
	}
	for (size_t i = 0; known && i < ncols && ret == MS_OK; i++)
		ret = cat_col_add(d->s, oid, cols[i].name, cols[i].type.display,
			cols[i].type.name, cols[i].type.type_oid, 0, 0, d->err);
	if (ret == MS_OK && relkind != 'v')
		ret = cat_rel_set_rows(d->s, oid, rows == 0 ? "empty" : rows > 0 ?
			"rows" : "unknown", d->err);
	/* A view's query that reads no row now reads none while what it
	 * reads stays empty (emptier inputs keep it so). */
	else if (ret == MS_OK)
		ret = cat_rel_set_rows(d->s, oid, rows == 0 && known &&
			!d->deps_gap ? "follows" : "unknown", d->err);
	if (ret == MS_OK && relkind == 'v' && !found)
		ret = temporary_view(d, rv, oid, oids, count);
	/* CREATE TABLE AS copies rows: the table depends on nothing. */
	if (ret < 0 || relkind == 'r')
		goto out;
	cat_label(q, sizeof(q), schema, rv->relname);
	snprintf(desc, sizeof(desc), "%s %s", relkind == 'm' ?
		"materialized view" : "view", q);
	if (known)
		ret = view_dependencies(d, oid, desc, oids, count, &uses);
	else
		for (size_t i = 0; i < count && ret == MS_OK; i++)
			if (oids[i] != oid)
				ret = cat_dep_add(d->s, "view", oid, "rel", oids[i], NULL,
					desc, d->err);
	if (ret == MS_OK && !known && count > 0)
		ret = view_columns(d, n, oid, oids, count, desc);
	if (ret == MS_OK)
		ret = ddl_cast_dependencies(d, n, "view", oid, desc);
out:
	free(cols);
	free(uses.items);
	free(oids);
	return ret;
}

/* COMMENT ON FUNCTION of a function with one recorded signature. */
static int comment_function(ddl *d, const PgQuery__CommentStmt *c)
{
	const PgQuery__ObjectWithArgs *o = c->object->object_with_args;
	const char *schema, *name;
	char args[sizeof(((cat_sig *)0)->args)];
	int found, match = -1, overloaded, made, ret;

	if ((ret = procedures_made(&made, d)) < 0 || made)
		return ret;
	if (!qualified_name(&schema, &name, o->objname, o->n_objname) ||
	    ms_pg__builtin_function(name))
		return ddl_unknown(d, "COMMENT on this object is not modelled"),
			MS_OK;
	if ((ret = cat_func_find(&found, NULL, d->s, schema, name, d->err)) < 0 ||
	    (found && (ret = function_target(&match, &overloaded, args,
	    sizeof(args), d, o, schema, name)) < 0))
		return ret;
	if (match != 1)
		ddl_unknown(d, "COMMENT on this function is not modelled");
	return MS_OK;
}

/* An ALTER FUNCTION action that changes nothing migsim keeps and that
 * no value can make fail: SET or RESET search_path (any list of names
 * is taken), SECURITY DEFINER / INVOKER.  COST, ROWS, PARALLEL and
 * other settings check their values; volatility and strictness matter. */
static int inert_action(const PgQuery__Node *n)
{
	const PgQuery__DefElem *de = n->node_case ==
		PG_QUERY__NODE__NODE_DEF_ELEM ? n->def_elem : NULL;
	const PgQuery__Node *a = de ? de->arg : NULL;

	if (de == NULL)
		return 0;
	if (strcmp(de->defname, "security") == 0)
		return 1;
	return strcmp(de->defname, "set") == 0 && a &&
		a->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT &&
		a->variable_set_stmt->name &&
		strcmp(a->variable_set_stmt->name, "search_path") == 0;
}

/* ALTER FUNCTION with inert actions only, of a function with one
 * recorded signature (Supabase's search_path hardening).  Anything else,
 * or a function migsim cannot find for certain, is not followed. */
static int alter_function(ddl *d, const PgQuery__AlterFunctionStmt *a)
{
	const PgQuery__ObjectWithArgs *o = a->func;
	const char *schema, *name;
	char args[sizeof(((cat_sig *)0)->args)];
	int found = 0, match = -1, overloaded, made, ret, plain = 1;

	for (size_t i = 0; i < a->n_actions; i++)
		plain &= inert_action(a->actions[i]);
	if (a->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION || !plain ||
	    o == NULL || !qualified_name(&schema, &name, o->objname,
	    o->n_objname) || ms_pg__builtin_function(name)) {
		ddl_unknown(d, "this statement's effect is not modelled");
		return unseen_objects(d);
	}
	if ((ret = procedures_made(&made, d)) < 0 || made)
		return ret < 0 ? ret : unseen_objects(d);
	if ((ret = cat_func_find(&found, NULL, d->s, schema, name, d->err)) < 0 ||
	    (found && (ret = function_target(&match, &overloaded, args,
	    sizeof(args), d, o, schema, name)) < 0))
		return ret;
	if (match != 1) {
		ddl_unknown(d, "this statement's effect is not modelled");
		return unseen_objects(d);
	}
	/* compute_common_attribute takes each kind once (SET items are
	 * gathered): a second SECURITY is refused where it is written. */
	for (size_t i = 0, security = 0; i < a->n_actions; i++) {
		const PgQuery__DefElem *de = a->actions[i]->def_elem;

		if (strcmp(de->defname, "security") == 0 && security++)
			return ddl_fail(d, "42601", "define.c:387:"
				"errorConflictingDefElem", de->location,
				"conflicting or redundant options");
	}
	return MS_OK;
}

/* The relkind COMMENT ON TABLE, INDEX, VIEW, ... expects, or 0. */
static char relation_kind(PgQuery__ObjectType t)
{
	switch (t) {
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:    return 'r';
	case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:    return 'i';
	case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:     return 'v';
	case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:  return 'm';
	case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return 'S';
	default:                                     return 0;
	}
}

/* COMMENT ON TABLE of a view, or of an index, ...: 42809 from
 * get_relation_by_qualified_name. */
static int wrong_relation(ddl *d, char kind, const char *name)
{
	static const struct { char kind; const char *site, *what; } k[] = {
		{ 'i', "objectaddress.c:1374:get_relation_by_qualified_name",
		  "an index" },
		{ 'S', "objectaddress.c:1381:get_relation_by_qualified_name",
		  "a sequence" },
		{ 'r', "objectaddress.c:1389:get_relation_by_qualified_name",
		  "a table" },
		{ 'v', "objectaddress.c:1396:get_relation_by_qualified_name",
		  "a view" },
		{ 'm', "objectaddress.c:1403:get_relation_by_qualified_name",
		  "a materialized view" } };

	for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++)
		if (k[i].kind == kind)
			return ddl_fail(d, "42809", k[i].site, -1, "\"%s\" is not %s",
				name, k[i].what);
	ddl_unknown(d, "COMMENT on this kind of relation is not modelled");
	return MS_OK;
}

/* COMMENT ON TYPE / DOMAIN: the type must exist (get_object_address_type);
 * built-in types are not modelled. */
static int comment_type(ddl *d, const PgQuery__TypeName *tn, int domain)
{
	const char *schema, *name;
	cat_type t;
	cat_rel r;
	int found, ok, ret;

	if (tn->n_array_bounds ||
	    !type_lookup_name(&schema, &name, tn->names, tn->n_names)) {
		ddl_unknown(d, "COMMENT on this type is not modelled");
		return MS_OK;
	}
	if ((ret = ddl_schema_ok(d, schema, &ok)) < 0 || !ok)
		return ret;
	if ((ret = cat_type_find(&found, &t, d->s, schema, name, d->err)) < 0)
		return ret;
	if (found && (!domain || t.kind == 'd'))
		return MS_OK;
	if (found)
		return not_a_domain(d, tn);
	if ((ret = cat_rel_find(&found, &r, d->s, schema, name, d->err)) < 0)
		return ret;
	/* "_t" may be a type's array type, which migsim does not keep. */
	if (found || name[0] == '_' ||
	    (tn->n_names == 1 && ms_pg__builtin_display(name))) {
		ddl_unknown(d, "COMMENT on this type is not modelled");
		return MS_OK;
	}
	return ddl_fail(d, "42704", "objectaddress.c:1636:"
		"get_object_address_type", -1, "type \"%s\" does not exist", name);
}

static int comment_stmt(ddl *d, const PgQuery__CommentStmt *c)
{
	const PgQuery__List *l = c->object && c->object->node_case ==
		PG_QUERY__NODE__NODE_LIST ? c->object->list : NULL;
	int column = c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN;
	const char *schema = "public", *rel_name, *col = NULL;
	size_t parts = column ? 2 : 1;
	cat_rel rel;
	cat_col cc;
	int found, ok, ret;

	char kind = relation_kind(c->objtype);

	if (c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION && c->object &&
	    c->object->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS)
		return comment_function(d, c);
	if ((c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE ||
	    c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN) && c->object &&
	    c->object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME)
		return comment_type(d, c->object->type_name,
			c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN);
	/* [schema.]relation or [schema.]table.column */
	if (l == NULL || (!kind && !column) ||
	    (l->n_items != parts && l->n_items != parts + 1)) {
		ddl_unknown(d, "COMMENT on this object is not modelled");
		return MS_OK;
	}
	if (l->n_items == parts + 1)
		schema = ms_pg__node_string(l->items[0]);
	rel_name = ms_pg__node_string(l->items[l->n_items - parts]);
	if (column)
		col = ms_pg__node_string(l->items[l->n_items - 1]);
	if (schema == NULL || rel_name == NULL || (column && col == NULL))
		return ddl_unknown(d, NULL), MS_OK;
	if ((ret = ddl_schema_ok(d, schema, &ok)) < 0 || !ok)
		return ret;
	if ((ret = cat_rel_find(&found, &rel, d->s, schema, rel_name,
	    d->err)) < 0)
		return ret;
	if (!found && l->n_items == parts + 1)
		return ddl_fail(d, "42P01", "namespace.c:428:"
			"RangeVarGetRelidExtended", -1,
			"relation \"%s.%s\" does not exist", schema, rel_name);
	if (!found)
		return ddl_fail(d, "42P01", "namespace.c:433:"
			"RangeVarGetRelidExtended", -1,
			"relation \"%s\" does not exist", rel_name);
	if (col == NULL && rel.relkind != kind &&
	    !(kind == 'r' && rel.relkind == 'p'))
		return wrong_relation(d, kind, rel_name);
	if (col == NULL)
		return MS_OK;
	/* An index's or a sequence's columns are not recorded, and COMMENT
	 * ON COLUMN of either is 42809 once the column is found. */
	if (!rel.known || rel.relkind == 'i' || rel.relkind == 'S')
		return ddl_unknown(d, "the table's columns are not known"), MS_OK;
	if ((ret = cat_col_find(&found, &cc, d->s, rel.oid, col, d->err)) < 0)
		return ret;
	/* NameListToString: the relation as written, schema and all. */
	if (!found && l->n_items == parts + 1)
		return ddl_fail(d, "42703", "objectaddress.c:1541:"
			"get_object_address_attribute", -1,
			"column \"%s\" of relation \"%s.%s\" does not exist", col,
			ms_pg__node_string(l->items[0]), rel_name);
	if (!found)
		return ddl_fail(d, "42703", "objectaddress.c:1541:"
			"get_object_address_attribute", -1,
			"column \"%s\" of relation \"%s\" does not exist", col,
			rel_name);
	return MS_OK;
}

/* Sequence options that may bring its maximum near: all but OWNED BY
 * and CACHE. */
static int bounding(PgQuery__Node **options, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *name = options[i]->node_case ==
			PG_QUERY__NODE__NODE_DEF_ELEM ? options[i]->def_elem->defname :
			NULL;

		if (name == NULL || (strcmp(name, "owned_by") != 0 &&
		    strcmp(name, "cache") != 0))
			return 1;
	}
	return 0;
}

int ddl_bounds_given(PgQuery__Node **options, size_t n)
{
	static const char *const bounds[] = { "minvalue", "maxvalue", "as",
		"increment", NULL };

	for (size_t i = 0; i < n; i++)
		if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM ||
		    ddl_one_of(options[i]->def_elem->defname, bounds))
			return 1;
	return 0;
}

static int owned_by(int64_t *rel_oid, ddl *d, const cat_rel *seq,
	const PgQuery__List *l);

/* CREATE SEQUENCE ... OWNED BY t.c: process_owned_by once the sequence
 * is made, as ALTER SEQUENCE does; DROP TABLE or DROP COLUMN then takes
 * it.  An owner not decided opens the catalog gap. */
static int sequence_owner(ddl *d, int64_t oid, const PgQuery__CreateSeqStmt *c)
{
	for (size_t i = 0; i < c->n_options; i++) {
		const PgQuery__DefElem *de = c->options[i]->node_case ==
			PG_QUERY__NODE__NODE_DEF_ELEM ? c->options[i]->def_elem : NULL;
		const PgQuery__List *l = de && de->arg &&
			de->arg->node_case == PG_QUERY__NODE__NODE_LIST ?
			de->arg->list : NULL;
		cat_rel seq;
		int64_t rel = 0;
		int found, ret;

		if (de == NULL || strcmp(de->defname, "owned_by") != 0)
			continue;
		if (l == NULL || l->n_items < 2 || l->n_items > 3)
			return l && l->n_items == 1 ? MS_OK : ddl_catalog_gap(d);
		if ((ret = cat_rel_by_oid(&found, &seq, d->s, oid, d->err)) < 0 ||
		    (ret = owned_by(&rel, d, &seq, l)) < 0 || DDL_FAILED(d))
			return ret;
		if (rel == 0)
			return ddl_catalog_gap(d);
		return cat_dep_add(d->s, "owned", oid, "rel", rel,
			ms_pg__node_string(l->items[l->n_items - 1]), "", d->err);
	}
	return MS_OK;
}

static int create_sequence(ddl *d, const PgQuery__CreateSeqStmt *c)
{
	const char *schema = ddl_schema(c->sequence->schemaname);
	int temp = c->sequence->relpersistence &&
		c->sequence->relpersistence[0] == 't';
	cat_rel rel;
	int64_t oid;
	int found, ok, ret;

	if ((ret = ddl_schema_ok(d, schema, &ok)) < 0 || !ok)
		return ret;
	if ((ret = cat_rel_find(&found, &rel, d->s, schema,
	    c->sequence->relname, d->err)) < 0)
		return ret;
	/* A temporary one lives in pg_temp, first on the search_path: a
	 * name shared with a permanent relation is not followed. */
	if (found && (ret = cat_temp_is(&ok, d->s, rel.oid, d->err)) < 0)
		return ret;
	if (found && !(c->sequence->schemaname && c->sequence->schemaname[0]) &&
	    (temp || ok)) {
		ddl_unknown(d, "a temporary relation with a permanent one's name is "
			"not modelled");
		return ddl_catalog_gap(d);
	}
	if (found && c->if_not_exists)
		return MS_OK;
	/* init_params checks the options (22023, 42601) before
	 * DefineRelation meets the name; OWNED BY comes after both. */
	for (size_t i = 0; i < c->n_options; i++)
		if (c->options[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
		    strcmp(c->options[i]->def_elem->defname, "owned_by") != 0)
			d->open_check = 1;
	if (found)
		return ddl_fail(d, "42P07", "heap.c:1164:heap_create_with_catalog",
			-1, "relation \"%s\" already exists", c->sequence->relname);
	{
		cat_type t;

		/* heap_create_with_catalog checks the type names for every
		 * relation it makes. */
		if ((ret = cat_type_find(&found, &t, d->s, schema,
		    c->sequence->relname, d->err)) < 0)
			return ret;
		if (found) {
			if ((ret = ddl_fail(d, "42710", "heap.c:1180:"
			    "heap_create_with_catalog", -1, "type \"%s\" already exists",
			    c->sequence->relname)) < 0)
				return ret;
			return ddl_hint(d, "A relation has an associated type of the "
				"same name, so you must use a name that doesn't conflict "
				"with any existing type.");
		}
	}
	if (c->n_options)
		ddl_unknown(d, "sequence options are not checked");
	if (bounding(c->options, c->n_options) && (ret = ms_store_meta_set(d->s,
	    "sequence_options", "1", d->err)) < 0)
		return ret;
	if (ddl_bounds_given(c->options, c->n_options) &&
	    (ret = ms_store_meta_set(d->s, SEQUENCE_BOUNDS_KEY, "1", d->err)) < 0)
		return ret;
	if ((ret = cat_rel_add(&oid, d->s, schema, c->sequence->relname, 'S', 1,
	    d->err)) < 0 || (ret = sequence_owner(d, oid, c)) < 0 ||
	    DDL_FAILED(d))
		return ret;
	if (c->sequence->relpersistence && c->sequence->relpersistence[0] == 'u')
		return cat_unlogged_set(d->s, oid, 1, d->err);
	if (!temp)
		return ret;
	return cat_temp_add(d->s, oid, 0, d->err);
}

/* The tables of a TRUNCATE, found (42P01 if not); *plain is 0 when one
 * is not a plain table without inheritance (not modelled further). */
/* RangeVarGetRelidExtended's 42P01. */
static int missing_relation(ddl *d, const PgQuery__RangeVar *rv)
{
	if (rv->schemaname && *rv->schemaname)
		return ddl_fail(d, "42P01", "namespace.c:428:"
			"RangeVarGetRelidExtended", -1, "relation \"%s.%s\" does not "
			"exist", rv->schemaname, rv->relname);
	return ddl_fail(d, "42P01", "namespace.c:433:RangeVarGetRelidExtended",
		-1, "relation \"%s\" does not exist", rv->relname);
}

static int truncate_targets(int64_t *oids, int *plain, ddl *d,
	const PgQuery__TruncateStmt *t)
{
	int ret = MS_OK;

	*plain = 1;
	for (size_t i = 0; i < t->n_relations && ret == MS_OK; i++) {
		const PgQuery__RangeVar *rv = t->relations[i]->range_var;
		cat_rel rel;
		int found, inherits, ok;

		if ((ret = ddl_schema_ok(d, ddl_schema(rv->schemaname), &ok)) < 0 ||
		    !ok)
			return ret;
		/* pg_catalog's relations come first (42501 for them). */
		if (!(rv->schemaname && rv->schemaname[0]) &&
		    strncmp(rv->relname, "pg_", 3) == 0) {
			ddl_unknown(d, "system catalogs are not modelled");
			return MS_OK;
		}
		if ((ret = cat_rel_find(&found, &rel, d->s, ddl_schema(rv->schemaname),
		    rv->relname, d->err)) < 0)
			break;
		if (!found)
			return missing_relation(d, rv);
		/* ExecuteTruncate checks each relation as it finds it
		 * (truncate_check_rel), before the next name. */
		if (!strchr("rpf", rel.relkind))
			return ddl_fail(d, "42809", "tablecmds.c:2196:truncate_check_rel",
				-1, "\"%s\" is not a table", rel.name);
		if (rel.relkind == 'p' && !rv->inh) {
			ddl_unknown(d, "TRUNCATE ONLY of a partitioned table is not "
				"modelled");
			return MS_OK;
		}
		oids[i] = rel.oid;
		if ((ret = cat_inherits_any(&inherits, d->s, rel.oid, d->err)) < 0)
			break;
		if (rel.relkind != 'r' || inherits)
			*plain = 0;
	}
	return ret;
}

static int apply(ddl *d, const PgQuery__Node *n);

/* EXPLAIN ANALYZE runs its statement: its effects are kept, and so is
 * an error it is certain to raise; EXPLAIN alone runs nothing. */
static int explain(ddl *d, const PgQuery__ExplainStmt *e)
{
	int analyze = 0, ret;

	for (size_t i = 0; i < e->n_options; i++) {
		const PgQuery__DefElem *o = e->options[i]->def_elem;
		const char *v = o->arg ? ms_pg__node_string(o->arg) : NULL;

		if (strcmp(o->defname, "analyze") != 0)
			continue;
		/* ANALYZE, ANALYZE true / on / 1; anything else is unsure. */
		analyze = o->arg == NULL ? 1 : o->arg->node_case ==
			PG_QUERY__NODE__NODE_BOOLEAN ? o->arg->boolean->boolval :
			v == NULL ? -1 :
			strcmp(v, "true") == 0 || strcmp(v, "on") == 0 ||
			strcmp(v, "1") == 0 ? 1 : strcmp(v, "false") == 0 ||
			strcmp(v, "off") == 0 || strcmp(v, "0") == 0 ? 0 : -1;
	}
	if (analyze < 0) {
		ddl_unknown(d, "EXPLAIN with these options is not modelled");
		ret = ddl_catalog_gap(d);
		return ret < 0 ? ret : cat_rows_forget_all(d->s, d->err);
	}
	/* Unknown whatever it runs, unless what it runs certainly fails. */
	ddl_unknown(d, "EXPLAIN is not modelled");
	return analyze && e->query ? apply(d, e->query) : MS_OK;
}

/* errdetail_relkind_not_supported (pg_class.c). */
static const char *relkind_plural(char relkind)
{
	switch (relkind) {
	case 'r': return "tables";
	case 'p': return "partitioned tables";
	case 'v': return "views";
	case 'm': return "materialized views";
	case 'i': return "indexes";
	case 'S': return "sequences";
	default: return NULL;
	}
}

/* LOCK TABLE (LockTableCommand): each relation opened in turn, and only
 * tables, partitioned tables and views may be locked.  A lock changes
 * nothing migsim keeps. */
static int lock_tables(ddl *d, const PgQuery__LockStmt *l)
{
	for (size_t i = 0; i < l->n_relations; i++) {
		const PgQuery__RangeVar *rv = l->relations[i]->range_var;
		const char *kinds;
		cat_rel rel;
		int found, ok, ret;

		if ((ret = ddl_schema_ok(d, ddl_schema(rv->schemaname), &ok)) < 0 ||
		    !ok)
			return ret;
		if ((ret = cat_rel_find(&found, &rel, d->s,
		    ddl_schema(rv->schemaname), rv->relname, d->err)) < 0)
			return ret;
		if (!found)
			return missing_relation(d, rv);
		if (rel.relkind == 'r' || rel.relkind == 'p' || rel.relkind == 'v')
			continue;
		if ((kinds = relkind_plural(rel.relkind)) == NULL) {
			ddl_unknown(d, "locking this kind of relation is not modelled");
			return MS_OK;
		}
		if ((ret = ddl_fail(d, "42809", "lockcmds.c:90:"
		    "RangeVarCallbackForLockTable", -1, "cannot lock relation \"%s\"",
		    rv->relname)) < 0)
			return ret;
		return ddl_detail(d, "This operation is not supported for %s.",
			kinds);
	}
	return MS_OK;
}

static int listed(const int64_t *oids, size_t n, int64_t oid)
{
	for (size_t i = 0; i < n; i++)
		if (oids[i] == oid)
			return 1;
	return 0;
}

/* Without CASCADE, a table a foreign key of an unlisted table references
 * refuses, whatever the rows (heap_truncate_check_FKs: the first listed
 * table, its lowest-oid referencing table). */
static int truncate_refused(ddl *d, const int64_t *oids, size_t n)
{
	int ret = MS_OK;

	for (size_t i = 0; i < n && ret == MS_OK && !DDL_FAILED(d); i++) {
		int64_t *refs = NULL;
		size_t nrefs = 0;

		if ((ret = cat_fk_referencing(&refs, &nrefs, d->s, oids[i],
		    d->err)) < 0)
			break;
		for (size_t k = 0; k < nrefs; k++) {
			cat_rel mine, theirs;
			int found, other, inherits;

			if (listed(oids, n, refs[k]))
				continue;
			/* A partitioned table's key is cloned onto its partitions,
			 * each a referencing table of its own oid. */
			if ((ret = cat_inherits_any(&inherits, d->s, refs[k],
			    d->err)) < 0)
				break;
			if (inherits) {
				ddl_unknown(d, "which table a TRUNCATE names when a "
					"partition references it is not modelled");
				free(refs);
				return MS_OK;
			}
			if ((ret = cat_rel_by_oid(&found, &mine, d->s, oids[i],
			    d->err)) < 0 || (ret = cat_rel_by_oid(&other, &theirs,
			    d->s, refs[k], d->err)) < 0 || !found || !other)
				break;
			if ((ret = ddl_fail(d, "0A000", "heap.c:3230:"
			    "heap_truncate_check_FKs", -1, "cannot truncate a table "
			    "referenced in a foreign key constraint")) == MS_OK &&
			    (ret = ddl_detail(d, "Table \"%s\" references \"%s\".",
			    theirs.name, mine.name)) == MS_OK) {
				char hint[2 * CAT_NAME];

				snprintf(hint, sizeof(hint), "Truncate table \"%s\" at the "
					"same time, or use TRUNCATE ... CASCADE.", theirs.name);
				ret = ddl_hint(d, hint);
			}
			break;
		}
		free(refs);
	}
	return ret;
}

/* TRUNCATE of plain tables: refused when an unlisted table's foreign key
 * references one (without CASCADE); otherwise they are empty, and with
 * CASCADE so are the tables referencing them, whose facts become
 * unknown here. */
static int truncate(ddl *d, const PgQuery__TruncateStmt *t)
{
	int64_t *oids = calloc(t->n_relations + 1, sizeof(*oids));
	int plain, ret;

	if (oids == NULL)
		return oom(d);
	if ((ret = truncate_targets(oids, &plain, d, t)) < 0 || DDL_FAILED(d))
		goto out;
	if (!plain)
		ddl_unknown(d, "TRUNCATE of this relation is not modelled");
	else if (t->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE &&
	    ((ret = truncate_refused(d, oids, t->n_relations)) < 0 ||
	    DDL_FAILED(d)))
		goto out;
	for (size_t i = 0; i < t->n_relations && ret == MS_OK; i++) {
		int found;

		if ((ret = ddl_rows_changed(d, oids[i], plain ? ROWS_ALL_REMOVED :
		    ROWS_MAYBE_REMOVED)) < 0 ||
		    (ret = cat_rel_writing_triggers(&found, d->s, oids[i], 1,
		    d->err)) < 0)
			break;
		/* ON TRUNCATE triggers fire once per statement, on the tables
		 * CASCADE reaches too. */
		if (ret == MS_OK && !found &&
		    t->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
			ret = cat_referencing_triggers(&found, d->s, oids[i], d->err);
		if (ret == MS_OK && found)
			ret = cat_rows_forget_all(d->s, d->err);
		/* Their functions run whatever the rows, before and after
		 * (ExecBSTruncateTriggers): one may raise. */
		if (ret == MS_OK && (ret = cat_rel_statement_triggers(&found, d->s,
		    oids[i], d->err)) == MS_OK && !found &&
		    t->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
			ret = cat_referencing_triggers(&found, d->s, oids[i], d->err);
		if (ret == MS_OK && found)
			ddl_unknown(d, "a statement trigger's function is not run");
	}
out:
	free(oids);
	return ret;
}

static int no_data(ddl *d, const PgQuery__RangeVar *rv)
{
	cat_rel rel;
	int found, ret;

	if ((ret = cat_rel_find(&found, &rel, d->s, ddl_schema(rv->schemaname),
	    rv->relname, d->err)) < 0 || !found)
		return ret;
	/* A materialized view is then unpopulated: reading it fails until
	 * REFRESH. */
	return cat_rel_set_rows(d->s, rel.oid, rel.relkind == 'm' ?
		"nodata" : "empty", d->err);
}

/* CREATE TEMP TABLE ... AS, SELECT ... INTO TEMP: a temporary table. */
static int temporary(ddl *d, const PgQuery__IntoClause *into)
{
	cat_rel rel;
	int found, ret;

	if (DDL_FAILED(d) || into->rel->relpersistence[0] != 't')
		return MS_OK;
	if ((ret = cat_rel_find(&found, &rel, d->s,
	    ddl_schema(into->rel->schemaname), into->rel->relname, d->err)) < 0 ||
	    !found)
		return ret;
	return cat_temp_add(d->s, rel.oid, into->on_commit ==
		PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_DROP ? 1 : into->on_commit ==
		PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_DELETE_ROWS ? 2 : 0, d->err);
}

/* OWNED BY [schema.]table.column (process_owned_by): the table is found
 * on the search path and must be a table or view in the sequence's
 * schema.  *rel 0 when not decided or failed. */
static int owned_by(int64_t *rel_oid, ddl *d, const cat_rel *seq,
	const PgQuery__List *l)
{
	PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
	static const struct { char kind; const char *what; } not_owner[] = {
		{ 'm', "materialized views" }, { 'i', "indexes" },
		{ 'S', "sequences" }, { 'I', "partitioned indexes" },
		{ 'c', "composite types" },
	};
	const char *c = ms_pg__node_string(l->items[l->n_items - 1]);
	cat_rel rel;
	cat_col col;
	int found, temp_seq, temp_rel, ret;

	*rel_oid = 0;
	rv.relname = (char *)ms_pg__node_string(l->items[l->n_items - 2]);
	if (l->n_items == 3)
		rv.schemaname = (char *)ms_pg__node_string(l->items[0]);
	if (c == NULL || rv.relname == NULL || (l->n_items == 3 &&
	    rv.schemaname == NULL)) {
		ddl_unknown(d, "this ALTER SEQUENCE is not modelled");
		return MS_OK;
	}
	if ((ret = ddl_open_rel(&found, &rel, d, &rv, 0)) < 0 || !found)
		return ret;
	for (size_t i = 0; i < sizeof(not_owner) / sizeof(not_owner[0]); i++)
		if (rel.relkind == not_owner[i].kind) {
			if ((ret = ddl_fail(d, "42809", "sequence.c:1652:process_owned_by",
			    -1, "sequence cannot be owned by relation \"%s\"",
			    rel.name)) < 0)
				return ret;
			return ddl_detail(d, "This operation is not supported for %s.",
				not_owner[i].what);
		}
	if (!strchr("rfvp", rel.relkind)) {
		ddl_unknown(d, "OWNED BY this kind of relation is not modelled");
		return MS_OK;
	}
	/* A temporary relation's schema is pg_temp. */
	if ((ret = cat_temp_is(&temp_seq, d->s, seq->oid, d->err)) < 0 ||
	    (ret = cat_temp_is(&temp_rel, d->s, rel.oid, d->err)) < 0)
		return ret;
	if (temp_seq != temp_rel || (!temp_seq && strcmp(rel.schema,
	    seq->schema) != 0))
		return ddl_fail(d, "55000", "sequence.c:1664:process_owned_by", -1,
			"sequence must be in same schema as table it is linked to");
	/* The column is named all the same: the sequence goes with it. */
	if (!rel.known) {
		ddl_unknown(d, "this relation's columns are not known");
		*rel_oid = rel.oid;
		return MS_OK;
	}
	if ((ret = cat_col_find(&found, &col, d->s, rel.oid, c, d->err)) < 0)
		return ret;
	if (!found)
		return ddl_fail(d, "42703", "sequence.c:1671:process_owned_by", -1,
			"column \"%s\" of relation \"%s\" does not exist", c, rel.name);
	*rel_oid = rel.oid;
	return MS_OK;
}

/* An identity column's sequence keeps its owner (0A000). */
static int identity_owned(ddl *d, const cat_rel *seq)
{
	cat_dep *deps = NULL;
	size_t n = 0;
	int ret = cat_dep_rows(&deps, &n, d->s, "rel", seq->oid, NULL, 0, d->err);

	for (size_t i = 0; ret == MS_OK && i < n; i++) {
		cat_rel table;
		int found;

		if (strncmp(deps[i].kind, "identity:", 9) != 0 ||
		    (ret = cat_rel_by_oid(&found, &table, d->s, deps[i].oid,
		    d->err)) < 0 || !found)
			continue;
		if ((ret = ddl_fail(d, "0A000", "sequence.c:1686:process_owned_by",
		    -1, "cannot change ownership of identity sequence")) == MS_OK)
			ret = ddl_detail(d, "Sequence \"%s\" is linked to table \"%s\".",
				seq->name, table.name);
		break;
	}
	free(deps);
	return ret;
}

/* ALTER SEQUENCE ... OWNED BY t.c (or NONE), RESTART: the sequence goes
 * with the column it is owned by. */
static int alter_sequence(ddl *d, const PgQuery__AlterSeqStmt *a)
{
	static const char *const sequence_options[] = { "as", "increment",
		"minvalue", "maxvalue", "start", "restart", "cache", "cycle",
		"owned_by", NULL };
	cat_rel seq;
	int found, given_bounds, ret;

	if ((ret = cat_rel_find(&found, &seq, d->s,
	    ddl_schema(a->sequence->schemaname), a->sequence->relname,
	    d->err)) < 0 ||
	    (ret = ddl_meta_has(&given_bounds, d, SEQUENCE_BOUNDS_KEY)) < 0)
		return ret;
	if (!found || seq.relkind != 'S' || a->for_identity) {
		ddl_unknown(d, "this ALTER SEQUENCE is not modelled");
		return MS_OK;
	}
	/* init_params reads every option (a repeated one is 42601) and
	 * checks them before process_owned_by looks at OWNED BY. */
	for (size_t i = 0; i < a->n_options; i++) {
		const PgQuery__DefElem *de = a->options[i]->def_elem;

		if (!ddl_one_of(de->defname, sequence_options)) {
			ddl_unknown(d, "this ALTER SEQUENCE is not modelled");
			return MS_OK;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(a->options[j]->def_elem->defname, de->defname) == 0)
				return ddl_fail(d, "42601",
					"define.c:387:errorConflictingDefElem", de->location,
					"conflicting or redundant options");
	}
	for (size_t i = 0; i < a->n_options; i++) {
		const PgQuery__DefElem *de = a->options[i]->def_elem;

		/* RESTART WITH n must lie within MINVALUE and MAXVALUE (22023):
		 * with no sequence given bounds, at least 1 and smallint's
		 * maximum (a smallserial's). */
		if (strcmp(de->defname, "owned_by") == 0 ||
		    (strcmp(de->defname, "restart") == 0 && (de->arg == NULL ||
		    (!given_bounds &&
		    de->arg->node_case == PG_QUERY__NODE__NODE_INTEGER &&
		    de->arg->integer->ival >= 1 && de->arg->integer->ival <= 32767))))
			continue;
		ddl_unknown(d, "this ALTER SEQUENCE is not modelled");
		return MS_OK;
	}
	for (size_t i = 0; i < a->n_options && !DDL_FAILED(d); i++) {
		const PgQuery__DefElem *de = a->options[i]->def_elem;
		const PgQuery__List *l = de->arg &&
			de->arg->node_case == PG_QUERY__NODE__NODE_LIST ?
			de->arg->list : NULL;
		const char *none;
		int64_t rel = 0;

		if (strcmp(de->defname, "owned_by") != 0)
			continue;
		if (l == NULL || l->n_items < 1 || l->n_items > 3) {
			ddl_unknown(d, "this ALTER SEQUENCE is not modelled");
			return MS_OK;
		}
		if (l->n_items == 1 && ((none = ms_pg__node_string(l->items[0])) ==
		    NULL || strcmp(none, "none") != 0)) {
			ddl_unknown(d, "this ALTER SEQUENCE is not modelled");
			return MS_OK;
		}
		/* An owner not found leaves what drops the sequence unknown. */
		if (l->n_items > 1 && (ret = owned_by(&rel, d, &seq, l)) == MS_OK &&
		    rel == 0 && !DDL_FAILED(d))
			return ddl_catalog_gap(d);
		if ((l->n_items > 1 && (ret < 0 || rel == 0)) ||
		    (ret = identity_owned(d, &seq)) < 0 ||
		    DDL_FAILED(d) ||
		    (ret = cat_dep_drop_dependent(d->s, "owned", seq.oid,
		    d->err)) < 0)
			return ret;
		if (rel && (ret = cat_dep_add(d->s, "owned", seq.oid, "rel", rel,
		    ms_pg__node_string(l->items[l->n_items - 1]), "", d->err)) < 0)
			return ret;
	}
	return MS_OK;
}

/* Whether SET search_path names PostgreSQL's default, public alone or
 * after "$user" (no schema is named after a role in these histories). */
static int default_path(const PgQuery__VariableSetStmt *v)
{
	const char *a, *b;

	if (v->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT ||
	    v->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET)
		return 1;
	if (v->kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE ||
	    v->n_args < 1 || v->n_args > 2)
		return 0;
	a = ddl_string_literal(v->args[0], NULL);
	b = v->n_args == 2 ? ddl_string_literal(v->args[1], NULL) : NULL;
	if (v->n_args == 1)
		return a && strcmp(a, "public") == 0;
	return a && b && strcmp(a, "$user") == 0 && strcmp(b, "public") == 0;
}

/* SET search_path: away from public, later unqualified names may create
 * and find objects in other schemas, so the catalog is no longer sure and
 * every statement is unknown until the path is public again. */
static int search_path(ddl *d, const PgQuery__VariableSetStmt *v)
{
	int postgres, ret;

	/* FROM CURRENT sets it to what it is (ExtractSetVariableArgs). */
	if (v->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_CURRENT)
		return MS_OK;
	/* "$user" is the schema named postgres once there is one. */
	if ((ret = cat_schema_find(&postgres, d->s, "postgres", d->err)) < 0)
		return ret;
	if (default_path(v) && !(postgres && v->n_args == 2))
		return ms_store_meta_set(d->s, SEARCH_PATH_KEY, "0", d->err);
	if ((ret = ms_store_meta_set(d->s, SEARCH_PATH_KEY, "1", d->err)) < 0)
		return ret;
	return ddl_catalog_gap(d);
}

static int is_role_set(const PgQuery__VariableSetStmt *v)
{
	return v->name && (strcmp(v->name, "role") == 0 ||
		strcmp(v->name, "session_authorization") == 0);
}

/* RESET ROLE, SET ROLE NONE, SET SESSION AUTHORIZATION DEFAULT: back to
 * the connection's own role. */
static int own_role(const PgQuery__VariableSetStmt *v)
{
	const char *a;

	if (v->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT ||
	    v->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET)
		return 1;
	a = v->n_args == 1 ? ddl_string_literal(v->args[0], NULL) : NULL;
	return a && strcmp(v->name, "role") == 0 && strcmp(a, "none") == 0;
}

/* ROLE_KEY: "0" the connection's own role, "1" SET ROLE, "2" SET SESSION
 * AUTHORIZATION (RESET ROLE goes back to that user, not the connection's;
 * SET SESSION AUTHORIZATION resets the role). */
static int role_set(ddl *d, const PgQuery__VariableSetStmt *v)
{
	char *now = NULL;
	const char *to;
	int ret, session = strcmp(v->name, "session_authorization") == 0;

	/* Which roles the server has is not known (22023 for a missing
	 * one). */
	if (!own_role(v))
		ddl_unknown(d, "whether this role exists is not modelled");
	if ((ret = ms_store_meta_get(&now, d->s, ROLE_KEY, d->err)) < 0)
		return ret;
	if (session)
		to = own_role(v) ? "0" : "2";
	else if (now && strcmp(now, "2") == 0)
		to = "2";
	else
		to = own_role(v) ? "0" : "1";
	free(now);
	return ms_store_meta_set(d->s, ROLE_KEY, to, d->err);
}

/* A timeout's text as parse_int reads it: decimal digits (a leading 0
 * would make it octal), one unit of ms, s, min, h, d or none, nothing
 * after, and at most INT_MAX milliseconds. */
static int timeout_fits(const char *val)
{
	static const struct { const char *unit; double ms; } units[] = {
		{ "", 1 }, { "ms", 1 }, { "s", 1000 }, { "min", 60000 },
		{ "h", 3600000 }, { "d", 86400000 },
	};
	size_t digits = strspn(val, "0123456789");

	if (digits == 0 || digits > 9 || (val[0] == '0' && digits > 1))
		return 0;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(val + digits, units[i].unit) == 0)
			return atof(val) * units[i].ms <= 2147483647.0;
	return 0;
}

/* SET of a timeout: a number with an optional unit, no effect on the
 * schema; SET search_path; SET ROLE. */
/* SET of a timeout to a value it takes: 0 .. 2147483647 ms, else 22023. */
static int timeout_set_fits(const PgQuery__VariableSetStmt *v)
{
	static const char *const timeouts[] = { "lock_timeout",
		"statement_timeout", "idle_in_transaction_session_timeout", NULL };
	const char *val;

	if (v->kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE ||
	    !v->name || !ddl_one_of(v->name, timeouts) || v->n_args != 1)
		return 0;
	if (v->args[0]->node_case == PG_QUERY__NODE__NODE_A_CONST &&
	    v->args[0]->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL)
		return v->args[0]->a_const->ival->ival >= 0;
	val = ddl_string_literal(v->args[0], NULL);
	return val && timeout_fits(val);
}

static int variable_set(ddl *d, const PgQuery__VariableSetStmt *v)
{
	if (v->name && strcmp(v->name, "search_path") == 0)
		return search_path(d, v);
	if (is_role_set(v))
		return role_set(d, v);
	if (!timeout_set_fits(v))
		ddl_unknown(d, "this SET is not modelled");
	return MS_OK;
}

/* Statements migsim does not model that create, rename or move nothing
 * a later statement could name: privileges, roles, locks, maintenance,
 * settings.  Any other unmodelled statement (CREATE TYPE AS, ALTER ...
 * SET SCHEMA, CREATE AGGREGATE ...) leaves the catalog incomplete, as an
 * unmodelled DO block does. */
static int leaves_catalog(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_GRANT_STMT:
	case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
	case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
	case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT:
	case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
	case PG_QUERY__NODE__NODE_ALTER_ROLE_STMT:
	case PG_QUERY__NODE__NODE_ALTER_ROLE_SET_STMT:
	case PG_QUERY__NODE__NODE_DROP_ROLE_STMT:
	case PG_QUERY__NODE__NODE_VACUUM_STMT:
	case PG_QUERY__NODE__NODE_CLUSTER_STMT:
	case PG_QUERY__NODE__NODE_REINDEX_STMT:
	case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT:
	case PG_QUERY__NODE__NODE_CHECK_POINT_STMT:
	case PG_QUERY__NODE__NODE_NOTIFY_STMT:
	case PG_QUERY__NODE__NODE_LISTEN_STMT:
	case PG_QUERY__NODE__NODE_UNLISTEN_STMT:
	case PG_QUERY__NODE__NODE_DISCARD_STMT:
	case PG_QUERY__NODE__NODE_CONSTRAINTS_SET_STMT:
	case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
	case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
	case PG_QUERY__NODE__NODE_PREPARE_STMT:
	case PG_QUERY__NODE__NODE_DEALLOCATE_STMT:
	case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT:
	case PG_QUERY__NODE__NODE_SEC_LABEL_STMT:
		return 1;
	default:
		return 0;
	}
}


/*
 * GRANT / REVOKE on tables, in ExecuteGrantStmt's order: the relations
 * (42P01), the grantees (a role migsim does not know leaves what follows
 * uncertain), then each column of a column privilege (42703 from
 * expand_col_privileges).  Privileges are not kept.
 */
static int grant_stmt(ddl *d, const PgQuery__GrantStmt *g)
{
	static const char *const privs[] = { "select", "insert", "update",
		"delete", "truncate", "references", "trigger", NULL };
	static const char *const col_privs[] = { "select", "insert", "update",
		"references", NULL };
	cat_rel *rels;
	int found, ret = MS_OK;

	if (g->targtype != PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_OBJECT ||
	    g->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
		ddl_unknown(d, "this GRANT or REVOKE is not modelled");
		return MS_OK;
	}
	/* ExecuteGrantStmt resolves GRANTED BY before any object: another
	 * role than the one migrating fails (42704, or 0A000 "grantor must
	 * be current user") on roles migsim does not know. */
	if (g->grantor && !(g->grantor->roletype ==
	    PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_USER ||
	    g->grantor->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_ROLE ||
	    g->grantor->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_SESSION_USER ||
	    (g->grantor->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING &&
	    g->grantor->rolename && strcmp(g->grantor->rolename, "postgres") == 0))) {
		ddl_unknown(d, "a GRANTED BY role is not modelled");
		return MS_OK;
	}
	if ((rels = calloc(g->n_objects + 1, sizeof(*rels))) == NULL)
		return oom(d);
	for (size_t i = 0; i < g->n_objects && ret == MS_OK && !DDL_FAILED(d);
	     i++) {
		if (g->objects[i]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) {
			ddl_unknown(d, "this GRANT or REVOKE is not modelled");
			goto out;
		}
		if ((ret = ddl_open_rel(&found, &rels[i], d,
		    g->objects[i]->range_var, 0)) < 0 || !found)
			goto out;
		if (!strchr("rpvm", rels[i].relkind) || !rels[i].known) {
			ddl_unknown(d, "privileges on this relation are not modelled");
			goto out;
		}
	}
	for (size_t i = 0; i < g->n_grantees; i++)
		if (g->grantees[i]->node_case != PG_QUERY__NODE__NODE_ROLE_SPEC ||
		    !role_known(g->grantees[i]->role_spec) || (g->grant_option &&
		    g->grantees[i]->role_spec->roletype ==
		    PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC)) {
			ddl_unknown(d, "whether this role exists is not modelled");
			d->open_check = 1;
		}
	for (size_t i = 0; i < g->n_privileges && !DDL_FAILED(d); i++) {
		const PgQuery__AccessPriv *p = g->privileges[i]->node_case ==
			PG_QUERY__NODE__NODE_ACCESS_PRIV ?
			g->privileges[i]->access_priv : NULL;

		if (p == NULL || (p->priv_name && !ddl_one_of(p->priv_name,
		    p->n_cols ? col_privs : privs))) {
			ddl_unknown(d, "this privilege is not modelled");
			goto out;
		}
	}
	/* ExecGrant_Relation, relation by relation. */
	for (size_t i = 0; i < g->n_objects && ret == MS_OK && !DDL_FAILED(d);
	     i++)
		for (size_t j = 0; j < g->n_privileges && ret == MS_OK &&
		     !DDL_FAILED(d); j++) {
			const PgQuery__AccessPriv *p = g->privileges[j]->access_priv;

			for (size_t k = 0; k < p->n_cols && ret == MS_OK &&
			     !DDL_FAILED(d); k++) {
				const char *col = ms_pg__node_string(p->cols[k]);
				cat_col c;

				if (col == NULL || names_system_column_name(col)) {
					ddl_unknown(d, "this column privilege is not modelled");
					continue;
				}
				if ((ret = cat_col_find(&found, &c, d->s, rels[i].oid, col,
				    d->err)) == MS_OK && !found)
					ret = ddl_fail(d, "42703", "aclchk.c:1586:"
						"expand_col_privileges", -1, "column \"%s\" of "
						"relation \"%s\" does not exist", col, rels[i].name);
			}
		}
out:
	free(rels);
	return ret;
}

static int apply(ddl *d, const PgQuery__Node *n)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_GRANT_STMT:
		return grant_stmt(d, n->grant_stmt);
	case PG_QUERY__NODE__NODE_CREATE_STMT:
		return ddl_table_create(d, n->create_stmt);
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
		return ddl_table_alter(d, n->alter_table_stmt);
	case PG_QUERY__NODE__NODE_INDEX_STMT:
		return ddl_index_create(d, n->index_stmt);
	case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
		return create_enum(d, n->create_enum_stmt);
	case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
		return ddl_composite_create(d, n->composite_type_stmt);
	case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
		return alter_enum(d, n->alter_enum_stmt);
	case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
		return ddl_domain_create(d, n->create_domain_stmt);
	case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT:
		return ddl_domain_alter(d, n->alter_domain_stmt);
	case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
		return create_extension(d, n->create_extension_stmt);
	case PG_QUERY__NODE__NODE_ALTER_EXTENSION_STMT:
		return alter_extension(d, n->alter_extension_stmt);
	case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
		return create_schema(d, n->create_schema_stmt);
	case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
		return create_sequence(d, n->create_seq_stmt);
	case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
		return alter_sequence(d, n->alter_seq_stmt);
	case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
		return variable_set(d, n->variable_set_stmt);
	case PG_QUERY__NODE__NODE_DROP_STMT:
		return drop_stmt(d, n->drop_stmt);
	case PG_QUERY__NODE__NODE_RENAME_STMT:
		return rename_stmt(d, n->rename_stmt);
	case PG_QUERY__NODE__NODE_COMMENT_STMT:
		return comment_stmt(d, n->comment_stmt);
	case PG_QUERY__NODE__NODE_VIEW_STMT:
		if (check_option(n->view_stmt) < 0)
			ddl_unknown(d, "this view's options are not checked");
		return create_view(d, n->view_stmt->query, n->view_stmt->view, 'v',
			(n->view_stmt->replace ? VIEW_REPLACE : 0) |
			(check_option(n->view_stmt) > 0 ? VIEW_CHECK_OPTION : 0),
			n->view_stmt->aliases, n->view_stmt->n_aliases);
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
		const PgQuery__IntoClause *into = n->create_table_as_stmt->into;
		cat_rel old;
		int existed = 0, ret;

		/* Storage parameters are checked (22023): not modelled. */
		if (into->n_options)
			ddl_unknown(d, "storage parameters are not modelled");

		/* IF NOT EXISTS over a relation leaves it as it is. */
		if (n->create_table_as_stmt->if_not_exists &&
		    (ret = cat_rel_find(&existed, &old, d->s,
		    ddl_schema(into->rel->schemaname), into->rel->relname,
		    d->err)) < 0)
			return ret;
		ret = create_view(d, n->create_table_as_stmt->query, into->rel,
			n->create_table_as_stmt->objtype ==
			PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? 'm' : 'r',
			(n->create_table_as_stmt->if_not_exists ? VIEW_IF_NOT_EXISTS : 0) |
			(into->skip_data ? VIEW_NO_DATA : 0), into->col_names,
			into->n_col_names);

		if (ret < 0 || existed)
			return ret;
		/* WITH NO DATA: the query is not run. */
		if (ret == MS_OK && !DDL_FAILED(d) && into->skip_data)
			ret = no_data(d, into->rel);
		return ret < 0 ? ret : temporary(d, into);
	}
	case PG_QUERY__NODE__NODE_INSERT_STMT:
		return dml(d, n, n->insert_stmt->relation);
	case PG_QUERY__NODE__NODE_SELECT_STMT:
		if (n->select_stmt->into_clause) {
			PgQuery__SelectStmt query = *n->select_stmt;
			PgQuery__Node q = *n;
			int ret;

			/* SELECT ... INTO t: CREATE TABLE t AS, as parse analysis
			 * turns it (transformOptionalSelectInto); the query is the
			 * SELECT without its INTO. */
			query.into_clause = NULL;
			q.select_stmt = &query;
			d->creating = n->select_stmt->into_clause->rel;
			ret = create_view(d, &q, d->creating, 'r', 0, NULL, 0);
			return ret < 0 ? ret : temporary(d, n->select_stmt->into_clause);
		}
		return dml(d, n, NULL);
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
		return dml(d, n, NULL);
	case PG_QUERY__NODE__NODE_DELETE_STMT:
		return dml(d, n, n->delete_stmt->relation);
	case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
		return truncate(d, n->truncate_stmt);
	case PG_QUERY__NODE__NODE_LOCK_STMT:
		return lock_tables(d, n->lock_stmt);
	case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
		return explain(d, n->explain_stmt);
	case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
		return create_function(d, n->create_function_stmt);
	case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
		return create_trigger(d, n->create_trig_stmt);
	case PG_QUERY__NODE__NODE_CREATE_PUBLICATION_STMT:
		return create_publication(d, n->create_publication_stmt);
	case PG_QUERY__NODE__NODE_ALTER_PUBLICATION_STMT:
		return alter_publication(d, n->alter_publication_stmt);
	case PG_QUERY__NODE__NODE_DO_STMT: {
		int gap = 1, rows_gap = 1, ret = ddl_do(d, n->do_stmt, &gap,
			&rows_gap);

		if (ret < 0 || DDL_FAILED(d))
			return ret;
		if (rows_gap &&
		    (ret = cat_rows_forget_all(d->s, d->err)) < 0)
			return ret;
		/* What it did not model may have written any column. */
		if (d->verdict != MS_VERDICT_OK &&
		    ((ret = cat_null_col_set(d->s, 0, NULL, 0, d->err)) < 0 ||
		    (ret = cat_kept_forget(d->s, 0, KEPT_VALUES, d->err)) < 0))
			return ret;
		/* Objects it may have made unseen may depend on any other. */
		return gap ? unseen_objects(d) : MS_OK;
	}
	case PG_QUERY__NODE__NODE_RULE_STMT:
		return create_rule(d, n->rule_stmt);
	case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
		return ddl_policy_create(d, n->create_policy_stmt);
	case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT:
		return ddl_policy_alter(d, n->alter_policy_stmt);
	case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
		return set_schema(d, n->alter_object_schema_stmt);
	case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT:
		return alter_function(d, n->alter_function_stmt);
	case PG_QUERY__NODE__NODE_COPY_STMT:
	case PG_QUERY__NODE__NODE_MERGE_STMT:
	case PG_QUERY__NODE__NODE_CALL_STMT:
	case PG_QUERY__NODE__NODE_EXECUTE_STMT:
		ddl_unknown(d, "the rows this statement writes are not simulated");
		return cat_rows_forget_all(d->s, d->err);
	case PG_QUERY__NODE__NODE_CREATE_EVENT_TRIG_STMT: {
		int ret = ms_store_meta_set(d->s, EVENT_TRIGGER_KEY, "1", d->err);

		if (ret < 0)
			return ret;
		ddl_unknown(d, "this statement's effect is not modelled");
		return leaves_catalog(n) ? MS_OK : unseen_objects(d);
	}
	case PG_QUERY__NODE__NODE_DEFINE_STMT:
		/* A nondeterministic collation makes different texts equal. */
		if (n->define_stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION) {
			int ret = ms_store_meta_set(d->s, "collation", "1", d->err);

			if (ret < 0)
				return ret;
		}
		ddl_unknown(d, "this statement's effect is not modelled");
		return leaves_catalog(n) ? MS_OK : unseen_objects(d);
	default:
		ddl_unknown(d, "this statement's effect is not modelled");
		return leaves_catalog(n) ? MS_OK : unseen_objects(d);
	}
}

/*
 * Calls of migrations' functions in what a statement leaves behind
 * (views, defaults, checks, index expressions, trigger conditions,
 * policies, domains, rules), recorded as the relation's (or, with none,
 * forever), so that DROP FUNCTION knows it is needed.  Recorded from the
 * parse tree whatever the analysis made of the statement: a superset is
 * safe.
 */
struct calls {
	ddl *d;
	int64_t owner;
	int record;            /* 0: only look whether there is one */
	int found, ret;
};

static int visit_call(const PgQuery__Node *n, void *ctx)
{
	struct calls *c = ctx;
	const PgQuery__FuncCall *f = n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL ?
		n->func_call : NULL;
	const char *schema, *name;
	int64_t oid;
	int found;

	if (f == NULL || !qualified_name(&schema, &name, f->funcname,
	    f->n_funcname) || ms_pg__builtin_function(name))
		return 0;
	if ((c->ret = cat_func_find(&found, &oid, c->d->s, schema, name,
	    c->d->err)) < 0 || !found)
		return c->ret < 0;
	c->found = 1;
	if (!c->record)
		return 1;
	c->ret = cat_dep_add(c->d->s, "rel", c->owner, "function", oid, NULL, "",
		c->d->err);
	return c->ret < 0;
}

static const PgQuery__RangeVar *owner_of(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_CREATE_STMT:
		return n->create_stmt->relation;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
		return n->alter_table_stmt->relation;
	case PG_QUERY__NODE__NODE_INDEX_STMT:
		return n->index_stmt->relation;
	case PG_QUERY__NODE__NODE_VIEW_STMT:
		return n->view_stmt->view;
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
		return n->create_table_as_stmt->into->rel;
	case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
		return n->create_trig_stmt->relation;
	case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
		return n->create_policy_stmt->table;
	case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT:
		return n->alter_policy_stmt->table;
	default:
		return NULL;
	}
}

/* Whether the statement's text names `word` (any case). */
static int mentions(const ddl *d, const char *word)
{
	const ms_pg_stmt *st = &d->script->stmts[d->stmt_no];
	const char *sql = d->script->sql + st->offset;
	size_t n = strlen(word);
	int first = tolower((unsigned char)word[0]);

	/* The first letter before the whole word: most bytes differ. */
	for (size_t i = 0; i + n <= st->len; i++)
		if (tolower((unsigned char)sql[i]) == first &&
		    strncasecmp(sql + i, word, n) == 0)
			return 1;
	return 0;
}

/* The sequence nextval('name') names, folded as regclass input does:
 * 1, or 0 when it is not one literal name, or -1 for 'name'::text,
 * cast to regclass only when the call runs (no dependency). */
static int nextval_name(char *out, size_t size, const PgQuery__Node *e)
{
	const PgQuery__FuncCall *f;
	const char *lit;
	size_t n = 0;

	if (e == NULL || e->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return 0;
	f = e->func_call;
	if (f->n_funcname != 1 || f->n_args != 1 || strcmp(ms_pg__node_string(
	    f->funcname[0]), "nextval") != 0 ||
	    (lit = ddl_string_literal(f->args[0], NULL)) == NULL)
		return 0;
	if (f->args[0]->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) {
		const PgQuery__TypeName *t = f->args[0]->type_cast->type_name;
		const char *type = t && t->n_names ? ms_pg__node_string(
			t->names[t->n_names - 1]) : NULL;

		if (type && strcmp(type, "text") == 0)
			return -1;
		if (type == NULL || strcmp(type, "regclass") != 0)
			return 0;
	}
	if (lit[0] == '"') {
		size_t len = strlen(lit);

		if (len < 3 || lit[len - 1] != '"' || memchr(lit + 1, '"', len - 2) ||
		    len - 2 >= size)
			return 0;
		snprintf(out, size, "%.*s", (int)(len - 2), lit + 1);
		return 1;
	}
	for (; *lit; lit++) {
		if (!isalnum((unsigned char)*lit) && *lit != '_' && *lit != '$')
			return 0;
		if (n + 1 < size)
			out[n++] = (char)tolower((unsigned char)*lit);
	}
	out[n] = '\0';
	return n > 0;
}

/* A column default of nextval('seq') depends on the sequence, as a
 * serial's does. */
static int default_sequence(ddl *d, const cat_rel *rel, const char *column,
	const PgQuery__Node *e)
{
	char name[CAT_NAME], kind[CAT_NAME + 8], desc[4 * CAT_NAME];
	char q[2 * CAT_NAME + 8];
	cat_rel seq;
	int found, ret, named = nextval_name(name, sizeof(name), e);

	/* nextval('seq'::text) records nothing: the sequence is looked up
	 * by name when a row takes the default, and may be gone by then. */
	if (named < 0)
		return cat_col_set(d->s, rel->oid, column, "default", 3, d->err);
	if (named == 0)
		return ddl_deps_gap(d);
	/* ALTER TABLE sets the default on inheritors and partitions too. */
	if ((ret = cat_inherits_any(&found, d->s, rel->oid, d->err)) < 0 ||
	    (found && (ret = ddl_deps_gap(d)) < 0))
		return ret;
	/* regclassin finds the name on the search path, not in the table's
	 * schema: outside public, not followed. */
	if (strcmp(rel->schema, "public") != 0)
		return ddl_deps_gap(d);
	if ((ret = cat_rel_find(&found, &seq, d->s, rel->schema, name,
	    d->err)) < 0 || !found || seq.relkind != 'S')
		return ret < 0 ? ret : ddl_deps_gap(d);
	cat_label(q, sizeof(q), rel->schema, rel->name);
	snprintf(kind, sizeof(kind), "default:%s", column);
	snprintf(desc, sizeof(desc), "default value for column %s of %s %s",
		column, rel->relkind == 'v' ? "view" : "table", q);
	return cat_dep_add(d->s, kind, rel->oid, "rel", seq.oid, NULL, desc,
		d->err);
}

static const PgQuery__Node *column_default_expr(const PgQuery__ColumnDef *c)
{
	for (size_t i = 0; c && i < c->n_constraints; i++)
		if (c->constraints[i]->constraint->contype ==
		    PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT)
			return c->constraints[i]->constraint->raw_expr;
	return NULL;
}

/* The elements of CREATE TABLE or the commands of ALTER TABLE: 0 for
 * any other statement. */
static int table_elements(const PgQuery__Node *n, PgQuery__Node ***elts,
	size_t *count)
{
	if (n->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) {
		*elts = n->create_stmt->table_elts;
		*count = n->create_stmt->n_table_elts;
		return 1;
	}
	if (n->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) {
		*elts = n->alter_table_stmt->cmds;
		*count = n->alter_table_stmt->n_cmds;
		return 1;
	}
	return 0;
}

/* The default expression a CREATE TABLE element or an ALTER TABLE
 * command sets, if any. */
static const PgQuery__Node *element_default(const PgQuery__Node *e)
{
	if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
		return column_default_expr(e->column_def);
	if (e->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
		return NULL;
	if (e->alter_table_cmd->subtype ==
	    PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault)
		return e->alter_table_cmd->def;
	if (e->alter_table_cmd->def && e->alter_table_cmd->def->node_case ==
	    PG_QUERY__NODE__NODE_COLUMN_DEF)
		return column_default_expr(e->alter_table_cmd->def->column_def);
	return NULL;
}

/* Whether fn finds something in an element outside its default. */
static int outside_default(const PgQuery__Node *e, ddl_visit_fn fn)
{
	const PgQuery__ColumnDef *c = NULL;

	if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
		c = e->column_def;
	else if (e->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD &&
	    e->alter_table_cmd->def && e->alter_table_cmd->def->node_case ==
	    PG_QUERY__NODE__NODE_COLUMN_DEF)
		c = e->alter_table_cmd->def->column_def;
	else if (e->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD &&
	    e->alter_table_cmd->subtype ==
	    PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault)
		return 0;
	if (c == NULL)
		return ddl_walk(&e->base, fn, NULL);
	for (size_t i = 0; i < c->n_constraints; i++)
		if (c->constraints[i]->constraint->contype !=
		    PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT &&
		    ddl_walk(&c->constraints[i]->base, fn, NULL))
			return 1;
	return 0;
}

static int visit_nextval(const PgQuery__Node *n, void *ctx)
{
	(void)ctx;
	return n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
		n->func_call->n_funcname >= 1 && strcmp(ms_pg__node_string(
		n->func_call->funcname[n->func_call->n_funcname - 1]),
		"nextval") == 0;
}

/* A function's body, unless SQL-standard (function_deps), is kept as
 * text with no dependencies; its parameters' defaults are expressions
 * PostgreSQL does record. */
static int function_sequence_uses(ddl *d, const PgQuery__CreateFunctionStmt *c)
{
	for (size_t i = 0; i < c->n_parameters; i++) {
		const PgQuery__FunctionParameter *p =
			c->parameters[i]->function_parameter;

		if (ddl_walk(p->defexpr ? &p->defexpr->base : NULL, visit_nextval,
		    NULL))
			return ddl_deps_gap(d);
	}
	return MS_OK;
}

/* Where the statement calls nextval: column defaults (linked to their
 * sequence) or anything else (not linked: the dependency gap). */
static int sequence_uses(ddl *d, const PgQuery__Node *n,
	const PgQuery__RangeVar *rv)
{
	PgQuery__Node **elts = NULL;
	size_t count = 0;
	cat_rel rel;
	int found, ret;

	if (n->node_case == PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT)
		return function_sequence_uses(d, n->create_function_stmt);
	if (!table_elements(n, &elts, &count))
		return ddl_deps_gap(d);
	if (rv == NULL || (ret = cat_rel_find(&found, &rel, d->s,
	    ddl_schema(rv->schemaname), rv->relname, d->err)) < 0 || !found)
		return rv ? ret : ddl_deps_gap(d);
	for (size_t i = 0; i < count; i++) {
		const PgQuery__Node *e = elts[i];
		const PgQuery__ColumnDef *c = NULL;
		const PgQuery__Node *def;
		const char *column;

		if (e->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) {
			const PgQuery__AlterTableCmd *cmd = e->alter_table_cmd;

			if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault) {
				column = cmd->name;
				def = cmd->def;
			} else {
				c = cmd->def && cmd->def->node_case ==
					PG_QUERY__NODE__NODE_COLUMN_DEF ? cmd->def->column_def :
					NULL;
				column = c ? c->colname : NULL;
				def = column_default_expr(c);
			}
		} else {
			c = e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF ?
				e->column_def : NULL;
			column = c ? c->colname : NULL;
			def = column_default_expr(c);
		}
		if (def && column && (ret = default_sequence(d, &rel, column,
		    def)) < 0)
			return ret;
		/* nextval anywhere else (a CHECK, an index, a generated
		 * column) is not linked. */
		if (outside_default(e, visit_nextval))
			return ddl_deps_gap(d);
	}
	return MS_OK;
}

/* A regclass constant other than in nextval('seq'::regclass) as a
 * column's default (which sequence_uses links) is not linked. */
static int visit_regclass(const PgQuery__Node *n, void *ctx)
{
	const PgQuery__TypeCast *c;
	const char *type;

	(void)ctx;
	if (n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
	    n->func_call->n_funcname >= 1) {
		const char *f = ms_pg__node_string(
			n->func_call->funcname[n->func_call->n_funcname - 1]);

		return f && (strcmp(f, "currval") == 0 || strcmp(f, "setval") == 0);
	}
	if (n->node_case != PG_QUERY__NODE__NODE_TYPE_CAST)
		return 0;
	c = n->type_cast;
	type = c->type_name && c->type_name->n_names ? ms_pg__node_string(
		c->type_name->names[c->type_name->n_names - 1]) : NULL;
	return type && strcmp(type, "regclass") == 0;
}

static int regclass_uses(ddl *d, const PgQuery__Node *n)
{
	PgQuery__Node **elts = NULL;
	size_t count = 0;

	if (!table_elements(n, &elts, &count))
		return ddl_walk(&n->base, visit_regclass, NULL) ? ddl_deps_gap(d) :
			MS_OK;
	for (size_t i = 0; i < count; i++) {
		const PgQuery__Node *def = element_default(elts[i]);
		char name[CAT_NAME];

		if (outside_default(elts[i], visit_regclass) || (def &&
		    nextval_name(name, sizeof(name), def) <= 0 &&
		    ddl_walk(&def->base, visit_regclass, NULL)))
			return ddl_deps_gap(d);
	}
	return MS_OK;
}

/* A default casting to a type other than its column's depends on it
 * (the column's own type, or its array's, is the column's dependency). */
struct default_casts {
	ddl *d;
	int64_t rel, column_type;
	const char *kind, *desc;
	int ret;
};

static int visit_default_cast(const PgQuery__Node *n, void *ctx)
{
	struct default_casts *c = ctx;
	ms_typeref t;

	if (n->node_case != PG_QUERY__NODE__NODE_TYPE_CAST)
		return 0;
	if ((c->ret = ms_pg__resolve_type(&t, c->d->s, n->type_cast->type_name,
	    c->d->err)) == MS_OK && t.known && t.exists && t.user_oid &&
	    t.user_oid != c->column_type)
		c->ret = cat_dep_add(c->d->s, c->kind, c->rel, "type", t.user_oid,
			NULL, c->desc, c->d->err);
	return c->ret < 0;
}

static const PgQuery__Node *check_expr(const PgQuery__Node *n)
{
	const PgQuery__Constraint *c;

	if (n == NULL || n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
		return NULL;
	c = n->constraint;
	return c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK ? c->raw_expr :
		NULL;
}

/* The CHECKs of an element: a column's, a table's, ADD CONSTRAINT's. */
static int element_check_casts(ddl *d, const PgQuery__Node *e, int64_t rel)
{
	const PgQuery__ColumnDef *c = NULL;
	int ret = MS_OK;

	if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
		c = e->column_def;
	else if (e->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD &&
	    e->alter_table_cmd->def)
		e = e->alter_table_cmd->def;
	if (c == NULL && e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
		c = e->column_def;
	if (c == NULL)
		return ddl_cast_dependencies(d, check_expr(e), "cast", rel, "");
	for (size_t i = 0; i < c->n_constraints && ret == MS_OK; i++)
		ret = ddl_cast_dependencies(d, check_expr(c->constraints[i]), "cast",
			rel, "");
	return ret;
}

/* Defaults and checks of CREATE / ALTER TABLE depend on the types they
 * cast to (find_expr_references_walker); USING does not last. */
static int expression_casts(ddl *d, const PgQuery__Node *n,
	const PgQuery__RangeVar *rv)
{
	PgQuery__Node **elts = NULL;
	size_t count = 0;
	cat_rel rel;
	int found, ret;

	if (rv == NULL || !table_elements(n, &elts, &count) ||
	    (ret = cat_rel_find(&found, &rel, d->s, ddl_schema(rv->schemaname),
	    rv->relname, d->err)) < 0 || !found)
		return MS_OK;
	for (size_t i = 0; i < count && ret == MS_OK; i++) {
		const PgQuery__Node *def = element_default(elts[i]);
		const char *column = elts[i]->node_case ==
			PG_QUERY__NODE__NODE_COLUMN_DEF ? elts[i]->column_def->colname :
			elts[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD ?
			(elts[i]->alter_table_cmd->def && elts[i]->alter_table_cmd->def->
			node_case == PG_QUERY__NODE__NODE_COLUMN_DEF ?
			elts[i]->alter_table_cmd->def->column_def->colname :
			elts[i]->alter_table_cmd->name) : NULL;
		char kind[CAT_NAME + 8], desc[4 * CAT_NAME + 40];
		char q[2 * CAT_NAME + 8];
		cat_col col;

		if ((ret = element_check_casts(d, elts[i], rel.oid)) < 0 || !def ||
		    !column)
			continue;
		if ((ret = cat_col_find(&found, &col, d->s, rel.oid, column,
		    d->err)) < 0 || !found)
			continue;
		cat_label(q, sizeof(q), rel.schema, rel.name);
		snprintf(kind, sizeof(kind), "default:%s", column);
		snprintf(desc, sizeof(desc), "default value for column %s of %s %s",
			column, rel.relkind == 'v' ? "view" : "table", q);
		{
			struct default_casts c = { d, rel.oid, col.type_oid, kind, desc,
				MS_OK };

			ddl_walk(&def->base, visit_default_cast, &c);
			ret = c.ret;
		}
	}
	return ret;
}

/*
 * Objects that read a table's columns without migsim recording which:
 * a trigger's WHEN, a policy (a generated column records its own, or
 * this, in ddl_table.c).
 * "Some column" of the table is recorded for them, so DROP COLUMN and
 * ALTER COLUMN TYPE there are not decided (the table itself drops with
 * them).  nextval('seq') in a kept expression depends on a sequence
 * migsim does not link.
 */
static int column_uses(ddl *d, const PgQuery__Node *n,
	const PgQuery__RangeVar *rv)
{
	cat_rel rel;
	int found, ret;

	if (mentions(d, "nextval") && (ret = sequence_uses(d, n, rv)) < 0)
		return ret;
	if ((mentions(d, "::") || mentions(d, "cast")) &&
	    (ret = expression_casts(d, n, rv)) < 0)
		return ret;
	/* Any regclass constant is a dependency PostgreSQL records. */
	if ((mentions(d, "regclass") || mentions(d, "currval") ||
	    mentions(d, "setval")) && (ret = regclass_uses(d, n)) < 0)
		return ret;
	if (!(n->node_case == PG_QUERY__NODE__NODE_CREATE_TRIG_STMT &&
	    n->create_trig_stmt->when_clause) &&
	    n->node_case != PG_QUERY__NODE__NODE_CREATE_POLICY_STMT &&
	    n->node_case != PG_QUERY__NODE__NODE_ALTER_POLICY_STMT)
		return MS_OK;
	if (rv == NULL || (ret = cat_rel_find(&found, &rel, d->s,
	    ddl_schema(rv->schemaname), rv->relname, d->err)) < 0 || !found)
		return rv ? ret : ddl_deps_gap(d);
	if (n->node_case != PG_QUERY__NODE__NODE_CREATE_TRIG_STMT)
		return ddl_policy_record(d, n, &rel);
	return cat_dep_add(d->s, "rel", rel.oid, "rel", rel.oid, "*",
		"an object of the table", d->err);
}

static int record_calls(ddl *d, const PgQuery__Node *n)
{
	const PgQuery__RangeVar *rv = owner_of(n);
	struct calls c = { d, 0, 0, 0, MS_OK };
	cat_rel rel;
	int found;

	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_CREATE_STMT:
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
	case PG_QUERY__NODE__NODE_INDEX_STMT:
	case PG_QUERY__NODE__NODE_VIEW_STMT:
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
	case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
	case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
	case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT:
	case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
	case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT:
	case PG_QUERY__NODE__NODE_RULE_STMT:
	case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
	case PG_QUERY__NODE__NODE_CREATE_STATS_STMT:
	case PG_QUERY__NODE__NODE_CREATE_PUBLICATION_STMT:
	case PG_QUERY__NODE__NODE_ALTER_PUBLICATION_STMT:
		break;
	case PG_QUERY__NODE__NODE_DEFINE_STMT:
	case PG_QUERY__NODE__NODE_CREATE_CAST_STMT:
	case PG_QUERY__NODE__NODE_CREATE_OP_CLASS_STMT:
	case PG_QUERY__NODE__NODE_ALTER_OPERATOR_STMT:
	case PG_QUERY__NODE__NODE_CREATE_EVENT_TRIG_STMT:
	case PG_QUERY__NODE__NODE_CREATE_TRANSFORM_STMT:
	case PG_QUERY__NODE__NODE_CREATE_CONVERSION_STMT:
	case PG_QUERY__NODE__NODE_CREATE_PLANG_STMT:
	case PG_QUERY__NODE__NODE_CREATE_FDW_STMT:
	case PG_QUERY__NODE__NODE_ALTER_FDW_STMT:
		/* Functions named, not called (an aggregate's sfunc, a cast's
		 * function): every function may now be needed. */
		return cat_dep_add(d->s, "rel", 0, "function", -1, NULL, "",
			d->err);
	default:
		/* Run and not kept, or keeps no expression. */
		return MS_OK;
	}
	if ((c.ret = column_uses(d, n, rv)) < 0)
		return c.ret;
	/* Most statements call none: look before finding the owner. */
	if ((c.ret = cat_func_any(&found, d->s, d->err)) < 0 || !found)
		return c.ret;
	/* CREATE TABLE (LIKE t INCLUDING ...) copies expressions unseen. */
	for (size_t i = 0; n->node_case == PG_QUERY__NODE__NODE_CREATE_STMT &&
	     i < n->create_stmt->n_table_elts; i++)
		if (n->create_stmt->table_elts[i]->node_case ==
		    PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE)
			return cat_dep_add(d->s, "rel", 0, "function", -1, NULL, "",
				d->err);
	ddl_walk(&n->base, visit_call, &c);
	if (c.ret < 0 || !c.found)
		return c.ret;
	if (rv && (c.ret = cat_rel_find(&found, &rel, d->s,
	    ddl_schema(rv->schemaname), rv->relname, d->err)) < 0)
		return c.ret;
	if (rv && found)
		c.owner = rel.oid;
	c.record = 1;
	ddl_walk(&n->base, visit_call, &c);
	return c.ret;
}

/*
 * What may set a sequence back, so that its next values meet keys it gave
 * (cat_sequence_touched): setval anywhere in the statement (a function
 * that calls it may run at any later time: then no sequence is fresh
 * again), ALTER SEQUENCE, identity options, TRUNCATE ... RESTART IDENTITY.
 */
static int sequences_touched(ddl *d, const PgQuery__Node *n)
{
	int ret, touched = mentions(d, "setval");

	if (touched && n->node_case == PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT &&
	    (ret = ms_store_meta_set(d->s, "sequence_setter", "1", d->err)) < 0)
		return ret;
	if (n->node_case == PG_QUERY__NODE__NODE_ALTER_SEQ_STMT ||
	    (n->node_case == PG_QUERY__NODE__NODE_TRUNCATE_STMT &&
	    n->truncate_stmt->restart_seqs))
		touched = 1;
	/* A sequence with a bound may run out (2200H). */
	if (n->node_case == PG_QUERY__NODE__NODE_ALTER_SEQ_STMT &&
	    bounding(n->alter_seq_stmt->options, n->alter_seq_stmt->n_options) &&
	    (ret = ms_store_meta_set(d->s, "sequence_options", "1", d->err)) < 0)
		return ret;
	if (n->node_case == PG_QUERY__NODE__NODE_ALTER_SEQ_STMT &&
	    ddl_bounds_given(n->alter_seq_stmt->options,
	    n->alter_seq_stmt->n_options) &&
	    (ret = ms_store_meta_set(d->s, SEQUENCE_BOUNDS_KEY, "1", d->err)) < 0)
		return ret;
	for (size_t i = 0; n->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT &&
	     i < n->alter_table_stmt->n_cmds; i++) {
		PgQuery__AlterTableType t =
			n->alter_table_stmt->cmds[i]->alter_table_cmd->subtype;

		touched |= t == PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity ||
			t == PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity ||
			t == PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity;
		/* Its options are read nowhere else. */
		if ((t == PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity ||
		    t == PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity) &&
		    (ret = ms_store_meta_set(d->s, SEQUENCE_BOUNDS_KEY, "1",
		    d->err)) < 0)
			return ret;
	}
	return touched ? cat_sequence_touched(d->s, 0, d->err) : MS_OK;
}

static int visit_comma_name(const PgQuery__Node *n, void *ctx)
{
	const char *name = n->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF ?
		n->column_def->colname : n->node_case ==
		PG_QUERY__NODE__NODE_RENAME_STMT ? n->rename_stmt->newname : NULL;

	(void)ctx;
	return name && strchr(name, ',') != NULL;
}

/* migsim keeps column lists as comma-separated text: a table given a
 * column whose name has a comma has its columns forgotten. */
static int comma_column(ddl *d, const PgQuery__Node *n)
{
	const PgQuery__RangeVar *rv = n->node_case ==
		PG_QUERY__NODE__NODE_CREATE_STMT ? n->create_stmt->relation :
		n->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT ?
		n->alter_table_stmt->relation : n->node_case ==
		PG_QUERY__NODE__NODE_RENAME_STMT ? n->rename_stmt->relation : NULL;
	cat_rel rel;
	int found, ret;

	if (rv == NULL || !ddl_walk(&n->base, visit_comma_name, NULL))
		return MS_OK;
	ddl_unknown(d, "a column name with a comma is not modelled");
	if ((ret = cat_rel_find(&found, &rel, d->s, ddl_schema(rv->schemaname),
	    rv->relname, d->err)) < 0 || !found)
		return ret;
	return cat_rel_drop_columns(d->s, rel.oid, 0, d->err);
}

/* A composite type named anywhere in what a statement keeps (a column,
 * a domain, a typed table, a cast in a view or a default) makes it
 * needed: DROP TYPE of it is then unknown. */
struct composite_uses {
	ddl *d;
	int ret;
};

static int visit_type_name(const ProtobufCMessage *m, void *ctx)
{
	const PgQuery__TypeName *tn = (const PgQuery__TypeName *)m;
	struct composite_uses *u = ctx;
	const char *schema, *name;
	cat_rel rel;
	int found;

	if (!qualified_name(&schema, &name, tn->names, tn->n_names))
		return 0;
	if ((u->ret = cat_rel_find(&found, &rel, u->d->s, schema, name,
	    u->d->err)) < 0)
		return 1;
	if (found && rel.relkind == 'c' && (u->ret = cat_dep_add(u->d->s,
	    "rowtype", 0, "rel", rel.oid, NULL, "", u->d->err)) < 0)
		return 1;
	return 0;
}

static int composite_uses(ddl *d, const PgQuery__Node *n)
{
	struct composite_uses u = { d, MS_OK };
	walker w = { NULL, &pg_query__type_name__descriptor, visit_type_name,
		&u };
	int any, ret;

	if (n->node_case == PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT ||
	    n->node_case == PG_QUERY__NODE__NODE_DROP_STMT ||
	    n->node_case == PG_QUERY__NODE__NODE_COMMENT_STMT)
		return MS_OK;
	if ((ret = ddl_meta_has(&any, d, COMPOSITES_KEY)) < 0 || !any)
		return ret;
	walk(&n->base, &w);
	return u.ret;
}

/* A view or materialized view that read columns through a grouped
 * primary key depends on the key (check_functional_grouping): DROP
 * CONSTRAINT of it is then unknown. */
static int keyed_view(ddl *d, const PgQuery__Node *n)
{
	const PgQuery__RangeVar *rv = n->node_case ==
		PG_QUERY__NODE__NODE_VIEW_STMT ? n->view_stmt->view :
		n->node_case == PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT ?
		n->create_table_as_stmt->into->rel : NULL;
	cat_rel view;
	int found, ret = MS_OK;

	if (rv == NULL || (d->keys->n == 0 && !d->keys->more))
		return MS_OK;
	if (d->keys->more && (ret = ddl_deps_gap(d)) < 0)
		return ret;
	if ((ret = cat_rel_find(&found, &view, d->s, ddl_schema(rv->schemaname),
	    rv->relname, d->err)) < 0 || !found)
		return ret;
	for (size_t i = 0; i < d->keys->n && ret == MS_OK; i++)
		ret = cat_dep_add(d->s, "keyed", view.oid, "pkey", d->keys->oids[i],
			NULL, "", d->err);
	return ret;
}

int ddl_apply(ddl *d, const PgQuery__Node *n)
{
	int ret = sequences_touched(d, n);

	if (ret == MS_OK)
		ret = apply(d, n);
	if (ret < 0 || DDL_FAILED(d))
		return ret;
	if ((ret = comma_column(d, n)) < 0 || (ret = composite_uses(d, n)) < 0)
		return ret;
	if ((ret = keyed_view(d, n)) < 0)
		return ret;
	/* A check, default or USING over rows runs the functions it calls,
	 * and one of the history's may write. */
	if (n->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT &&
	    (ret = calls_writer(d, n)) < 0)
		return ret;
	return record_calls(d, n);
}

/* set_config('search_path', ...) in a query or a DO block (a word
 * match, a superset) moves the path where migsim does not follow. */
static int sets_path(const ms_pg_script *script, size_t i)
{
	const ms_pg_stmt *st = &script->stmts[i];
	char *text = malloc(st->len + 1);
	int yes;

	if (text == NULL)
		return 1;
	for (size_t k = 0; k < st->len; k++)
		text[k] = (char)tolower((unsigned char)script->sql[st->offset + k]);
	text[st->len] = '\0';
	yes = strstr(text, "set_config") && strstr(text, "search_path");
	free(text);
	return yes;
}

static int is_dml(const PgQuery__Node *n)
{
	return n->node_case == PG_QUERY__NODE__NODE_INSERT_STMT ||
		n->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT ||
		n->node_case == PG_QUERY__NODE__NODE_DELETE_STMT ||
		n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT;
}

/* A call other than these built-ins may run a function that writes (a
 * column's default over existing rows, an index expression). */
static int visit_unquiet_call(const PgQuery__Node *n, void *ctx)
{
	static const char *const quiet[] = { "nextval", "now", "gen_random_uuid",
		"uuid_generate_v4", "clock_timestamp", "random", "lower", "upper",
		"coalesce", NULL };
	const PgQuery__FuncCall *f;
	const char *name;

	(void)ctx;
	if (n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return 0;
	f = n->func_call;
	name = f->n_funcname == 1 ? ms_pg__node_string(f->funcname[0]) : NULL;
	return name == NULL || !ddl_one_of(name, quiet);
}

/* Statements that write no row (nor make a function write one): after
 * any other, rows once distinct on a dropped index's columns may not be. */
static int keeps_rows(const PgQuery__Node *n)
{
	const PgQuery__AlterTableStmt *a;

	if (ddl_walk(&n->base, visit_unquiet_call, NULL))
		return 0;

	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_INDEX_STMT:
	case PG_QUERY__NODE__NODE_COMMENT_STMT:
	case PG_QUERY__NODE__NODE_LOCK_STMT:
	case PG_QUERY__NODE__NODE_CREATE_STMT:
	case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
	case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
	case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
		return 1;
	case PG_QUERY__NODE__NODE_DROP_STMT:
		return n->drop_stmt->remove_type ==
			PG_QUERY__OBJECT_TYPE__OBJECT_INDEX;
	case PG_QUERY__NODE__NODE_RENAME_STMT:
		return n->rename_stmt->rename_type ==
			PG_QUERY__OBJECT_TYPE__OBJECT_INDEX ||
			n->rename_stmt->rename_type ==
			PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT ||
			n->rename_stmt->rename_type ==
			PG_QUERY__OBJECT_TYPE__OBJECT_TABLE;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
		a = n->alter_table_stmt;
		for (size_t i = 0; i < a->n_cmds; i++)
			switch (a->cmds[i]->alter_table_cmd->subtype) {
			case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
			case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
			case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
			case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
			case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
			case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
			case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
			case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
				break;
			default:
				return 0;
			}
		return 1;
	default:
		return 0;
	}
}

/* Settings that change what statements do in ways migsim does not
 * follow: session_replication_role (replica: no foreign key or trigger
 * fires), read-only transactions, standard_conforming_strings (backslash
 * escapes in strings), and DISABLE TRIGGER. */
static const char *const unfollowed[] = { "session_replication_role",
	"default_transaction_read_only", "transaction_read_only",
	"standard_conforming_strings", "backslash_quote", NULL };

static int visit_setting(const PgQuery__Node *n, void *ctx)
{
	const char *name;

	(void)ctx;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
		/* SET TRANSACTION READ ONLY: its DefElem, below. */
		return n->variable_set_stmt->name && ddl_one_of(
			n->variable_set_stmt->name, unfollowed);
	case PG_QUERY__NODE__NODE_DEF_ELEM:
		return n->def_elem->defname && ddl_one_of(n->def_elem->defname,
			unfollowed);
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		name = n->func_call->n_funcname ? ms_pg__node_string(
			n->func_call->funcname[n->func_call->n_funcname - 1]) : NULL;
		if (name == NULL || strcmp(name, "set_config") != 0 ||
		    n->func_call->n_args < 1)
			return 0;
		name = ddl_string_literal(n->func_call->args[0], NULL);
		return name == NULL || ddl_one_of(name, unfollowed);
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
		/* pg_settings' rule calls set_config. */
		return n->update_stmt->relation &&
			strcmp(n->update_stmt->relation->relname, "pg_settings") == 0;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_CMD:
		switch (n->alter_table_cmd->subtype) {
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
		case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
			return 1;
		default:
			return 0;
		}
	default:
		return 0;
	}
}

/* From a statement that sets one on, every statement is unknown and the
 * rows facts are forgotten; session_replication_role set back to origin
 * or DEFAULT ends it. */
static int settings_check(ddl *d, const PgQuery__Node *n)
{
	char *value = NULL;
	int named, on, ret;

	named = n != NULL && ddl_walk(&n->base, visit_setting, NULL);
	if ((ret = ms_store_meta_get(&value, d->s, SETTINGS_KEY, d->err)) < 0)
		return ret;
	on = value != NULL && strcmp(value, "1") == 0;
	free(value);
	if (!named && !on)
		return MS_OK;
	ddl_unknown(d, "a session setting migsim does not model is in effect");
	/* Errors too: under replica no foreign key fails. */
	d->gap = 1;
	if (named && on && n->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT &&
	    n->variable_set_stmt->name && strcmp(n->variable_set_stmt->name,
	    "session_replication_role") == 0 && (n->variable_set_stmt->kind !=
	    PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE || (n->variable_set_stmt->
	    n_args == 1 && ddl_string_literal(n->variable_set_stmt->args[0],
	    NULL) && strcmp(ddl_string_literal(n->variable_set_stmt->args[0],
	    NULL), "origin") == 0)))
		return ms_store_meta_set(d->s, SETTINGS_KEY, "0", d->err);
	if ((ret = cat_rows_forget_all(d->s, d->err)) < 0)
		return ret;
	if (named && (ret = ms_store_meta_set(d->s, "fk_untrusted", "1",
	    d->err)) < 0)
		return ret;
	return named ? ms_store_meta_set(d->s, SETTINGS_KEY, "1", d->err) :
		MS_OK;
}

static int path_moved(ms_store *store, ms_error *err)
{
	int ret = ms_store_meta_set(store, SEARCH_PATH_KEY, "1", err);

	return ret < 0 ? ret : ms_store_meta_set(store, GAP_KEY, "1", err);
}

/* Whether a DROP or an ALTER TABLE says CASCADE. */
static int cascades(const PgQuery__Node *n)
{
	if (n->node_case == PG_QUERY__NODE__NODE_DROP_STMT)
		return n->drop_stmt->behavior ==
			PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
	for (size_t i = 0; n->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT &&
	     i < n->alter_table_stmt->n_cmds; i++)
		if (n->alter_table_stmt->cmds[i]->alter_table_cmd->behavior ==
		    PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
			return 1;
	return 0;
}

static int qualified_with_database(const ProtobufCMessage *m, void *ctx)
{
	const PgQuery__RangeVar *rv = (const PgQuery__RangeVar *)m;

	(void)ctx;
	return rv->catalogname && rv->catalogname[0];
}

/* Whether a relation named anywhere in n (held bare or in a Node) is
 * qualified with a database. */
static int other_database(const PgQuery__Node *n)
{
	walker w = { NULL, &pg_query__range_var__descriptor,
		qualified_with_database, NULL };

	return walk(&n->base, &w);
}

static int shadows_catalog(const ProtobufCMessage *m, void *ctx)
{
	const PgQuery__RangeVar *rv = (const PgQuery__RangeVar *)m;
	ddl *d = ctx;
	cat_rel rel;
	int found = 0;

	if ((rv->schemaname && rv->schemaname[0]) || rv->relname == NULL ||
	    strncmp(rv->relname, "pg_", 3) != 0)
		return 0;
	return cat_rel_find(&found, &rel, d->s, "public", rv->relname,
		d->err) < 0 || found;
}

/* Whether n names, unqualified, a pg_ relation the history made in
 * public: pg_catalog comes first in the search path, and may hold one
 * of that name (pg_class), which migsim does not know. */
static int shadowed_catalog(ddl *d, const PgQuery__Node *n)
{
	walker w = { NULL, &pg_query__range_var__descriptor, shadows_catalog,
		d };

	/* DROP names its relations as lists of names. */
	for (size_t i = 0; n->node_case == PG_QUERY__NODE__NODE_DROP_STMT &&
	     i < n->drop_stmt->n_objects; i++) {
		const PgQuery__Node *o = n->drop_stmt->objects[i];
		PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;

		if (o->node_case != PG_QUERY__NODE__NODE_LIST ||
		    o->list->n_items != 1)
			continue;
		rv.relname = (char *)ms_pg__node_string(o->list->items[0]);
		if (shadows_catalog(&rv.base, d))
			return 1;
	}
	return walk(&n->base, &w);
}

int ms_pg__catalog_apply(ms_verdict *verdict, const char **note,
	ms_pg_error *e, ms_store *store, const ms_pg_script *script, size_t i,
	size_t base, ms_error *err)
{
	const PgQuery__Node *n = ms_pg__stmt_node(script, i);
	ddl d;
	ex_keys keys = { { 0 }, 0, 0 };
	int ret, moved, role, events;

	memset(&d, 0, sizeof(d));
	d.keys = &keys;
	d.s = store;
	d.script = script;
	d.base = base;
	d.e = e;
	d.err = err;
	d.stmt_no = i;
	d.verdict = MS_VERDICT_OK;
	{
		char *gap = NULL;

		if ((ret = ms_store_meta_get(&gap, store, GAP_KEY, err)) < 0)
			return ret;
		d.gap = gap != NULL;
		free(gap);
		gap = NULL;
		if ((ret = ms_store_meta_get(&gap, store, DEPS_GAP_KEY, err)) < 0)
			return ret;
		d.deps_gap = gap != NULL;
		free(gap);
		gap = NULL;
		if ((ret = ext_uses(store, n, err)) < 0)
			return ret;
		if (!d.deps_gap && (ret = ms_store_meta_get(&gap, store,
		    DEPS_GAP_NAMES_KEY, err)) < 0)
			return ret;
		if (gap)
			d.deps_gap = ddl_walk(&n->base, visit_gap_name, gap);
		free(gap);
		gap = NULL;
		/* A listed object renamed is listed under its new name too. */
		if (d.deps_gap && n->node_case == PG_QUERY__NODE__NODE_RENAME_STMT &&
		    n->rename_stmt->newname[0] &&
		    (ret = ddl_deps_gap_name(&d, n->rename_stmt->newname)) < 0)
			return ret;
		if ((ret = ms_store_meta_get(&gap, store, SEARCH_PATH_KEY, err)) < 0)
			return ret;
		moved = gap != NULL && strcmp(gap, "1") == 0;
		free(gap);
		gap = NULL;
		if ((ret = ms_store_meta_get(&gap, store, ROLE_KEY, err)) < 0)
			return ret;
		role = gap != NULL && strcmp(gap, "0") != 0;
		free(gap);
		gap = NULL;
		if ((ret = ms_store_meta_get(&gap, store, EVENT_TRIGGER_KEY,
		    err)) < 0)
			return ret;
		events = gap != NULL;
		free(gap);
		/* Errors found by name are no longer certain. */
		d.gap |= moved;
	}
	if ((ret = settings_check(&d, n)) < 0)
		return ret;
	if (n == NULL) {
		ddl_unknown(&d, "this statement's effect is not modelled");
		if ((ret = cat_distinct_forget(store, 0, NULL, err)) < 0)
			return ret;
	} else if (shadowed_catalog(&d, n)) {
		ddl_unknown(&d, "a pg_ name pg_catalog may hold is not modelled");
	} else if (other_database(n)) {
		/* db.schema.name is 0A000 unless db is the current database,
		 * whose name migsim does not know. */
		ddl_unknown(&d, "a name qualified with a database is not modelled");
		if ((ret = ddl_catalog_gap(&d)) < 0)
			return ret;
	} else if ((ret = ms_store_savepoint(store, "ms_pg_stmt", err)) < 0) {
		return ret;
	} else {
		/* A failing statement leaves nothing behind. */
		ret = ddl_apply(&d, n);
		if (ret == MS_OK && !DDL_FAILED(&d) && sets_path(script, i))
			ret = path_moved(store, err);
		/* CASCADE drops what depends on it, recorded or not: after a
		 * dependency migsim did not record, names may be free that it
		 * still holds. */
		if (ret == MS_OK && !DDL_FAILED(&d) && d.deps_gap && cascades(n))
			ret = ddl_catalog_gap(&d);
		if (moved && !(n->node_case ==
		    PG_QUERY__NODE__NODE_VARIABLE_SET_STMT &&
		    n->variable_set_stmt->name &&
		    strcmp(n->variable_set_stmt->name, "search_path") == 0))
			ddl_unknown(&d, "a search_path other than public is not "
				"modelled");
		/* Any statement may lack a privilege; the first error is then
		 * 42501 rather than the one migsim finds. */
		if (role && !(n->node_case ==
		    PG_QUERY__NODE__NODE_VARIABLE_SET_STMT &&
		    is_role_set(n->variable_set_stmt))) {
			ddl_unknown(&d, "the privileges of another role are not "
				"modelled");
			d.abstained |= DDL_FAILED(&d);
		}
		/* An event trigger's function ran on this DDL. */
		if (ret == MS_OK && events && !DDL_FAILED(&d) && !is_dml(n))
			ret = cat_rows_forget_all(store, err);
		/* What migsim did not follow may have written too. */
		if (ret == MS_OK && !DDL_FAILED(&d) && (!keeps_rows(n) ||
		    d.verdict != MS_VERDICT_OK))
			ret = cat_distinct_forget(store, 0, NULL, err);
		/* Not decided: it may fail, or succeed and leave what migsim
		 * rolled back, so later errors are not certain either. */
		if (ret == MS_OK && d.abstained) {
			ret = ms_store_rollback_to(store, "ms_pg_stmt", err);
			d.verdict = MS_VERDICT_UNKNOWN;
			ms_pg_error_clear(e);
			if (ret == MS_OK)
				ret = ddl_catalog_gap(&d);
		}
		else if (ret == MS_OK)
			ret = DDL_FAILED(&d) ?
				ms_store_rollback_to(store, "ms_pg_stmt", err) :
				ms_store_release(store, "ms_pg_stmt", err);
		if (ret < 0)
			return ret;
	}
	*verdict = d.verdict;
	*note = d.verdict == MS_VERDICT_UNKNOWN ? (d.note ? d.note :
		"this statement's effect is not fully modelled") : NULL;
	return MS_OK;
}

int ms_pg_tables(ms_pg_relation **out, size_t *count, ms_store *store,
	const char *schema, ms_error *err)
{
	sqlite3_stmt *st;
	ms_pg_relation *rels = NULL;
	size_t n = 0, cap = 0;
	int rc, ret;

	*out = NULL;
	*count = 0;
	if ((ret = ms_store_prepare(&st, store, "SELECT schema_name, name, "
	    "relkind, rows FROM migsim_relation WHERE schema_name = ?1 AND"
	    " relkind = 'r' ORDER BY name", err)) < 0)
		return ret;
	sqlite3_bind_text(st, 1, schema, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			size_t c = cap ? 2 * cap : 8;
			ms_pg_relation *p = realloc(rels, c * sizeof(*p));

			if (p == NULL) {
				sqlite3_reset(st);
				ms_pg_relations_free(rels, n);
				return ms_error_set(err, MS_ENOMEM, "out of memory");
			}
			rels = p;
			cap = c;
		}
		memset(&rels[n], 0, sizeof(rels[n]));
		rels[n].schema = ms_strdup((const char *)sqlite3_column_text(st, 0));
		rels[n].name = ms_strdup((const char *)sqlite3_column_text(st, 1));
		rels[n].relkind = ((const char *)sqlite3_column_text(st, 2))[0];
		snprintf(rels[n].rows, sizeof(rels[n].rows), "%s",
			(const char *)sqlite3_column_text(st, 3));
		n++;
		if (rels[n - 1].schema == NULL || rels[n - 1].name == NULL) {
			sqlite3_reset(st);
			ms_pg_relations_free(rels, n);
			return ms_error_set(err, MS_ENOMEM, "out of memory");
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		ms_pg_relations_free(rels, n);
		return ms_error_set(err, MS_EIO, "%s: %s", ms_store_path(store),
			sqlite3_errmsg(ms_store_db(store)));
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

/* Drop temporary tables: those ON COMMIT DROP, or all of them. */
static int drop_temporary(ms_store *store, int on_commit_only, ms_error *err)
{
	ms_pg_error scratch;
	int64_t *oids;
	size_t n;
	ddl d;
	ex_keys keys = { { 0 }, 0, 0 };
	int ret;

	if ((ret = cat_temp_list(&oids, &n, store, on_commit_only, err)) < 0)
		return ret;
	memset(&d, 0, sizeof(d));
	d.keys = &keys;
	memset(&scratch, 0, sizeof(scratch));
	d.s = store;
	d.e = &scratch;
	d.err = err;
	d.verdict = MS_VERDICT_OK;
	for (size_t i = 0; i < n && ret == MS_OK; i++)
		ret = ddl_relation_remove(&d, oids[i]);
	free(oids);
	ms_pg_error_clear(&scratch);
	return ret;
}

int ms_pg__settings_named(const PgQuery__Node *n)
{
	return n != NULL && ddl_walk(&n->base, visit_setting, NULL);
}

int ms_pg__settings_unfollowed(ms_store *store, ms_error *err)
{
	int ret;

	if ((ret = cat_rows_forget_all(store, err)) < 0 ||
	    (ret = ms_store_meta_set(store, "fk_untrusted", "1", err)) < 0)
		return ret;
	return ms_store_meta_set(store, SETTINGS_KEY, "1", err);
}

int ms_pg__state_unsure(ms_store *store, ms_error *err)
{
	int ret;

	if ((ret = cat_rows_forget_all(store, err)) < 0 ||
	    (ret = ms_store_meta_set(store, GAP_KEY, "1", err)) < 0)
		return ret;
	return ms_store_meta_set(store, DEPS_GAP_KEY, "1", err);
}

int ms_pg__on_commit(ms_store *store, ms_error *err)
{
	int ret = cat_labels_commit(store, err);

	if (ret == MS_OK)
		ret = cat_temp_commit(store, err);
	return ret < 0 ? ret : drop_temporary(store, 1, err);
}

int ms_pg__session_end(ms_store *store, ms_error *err)
{
	return drop_temporary(store, 0, err);
}

int ms_pg_set_rows(ms_store *store, const char *table, const char *fact,
	ms_error *err)
{
	const char *dot = strchr(table, '.');
	char schema[CAT_NAME];
	cat_rel rel;
	int found, ret;

	if (strcmp(fact, "empty") != 0 && strcmp(fact, "rows") != 0 &&
	    strcmp(fact, "unknown") != 0)
		return ms_error_set(err, MS_EINPUT, "rows of %s: '%s' is not empty, "
			"rows or unknown", table, fact);
	snprintf(schema, sizeof(schema), "%.*s", dot ? (int)(dot - table) : 6,
		dot ? table : "public");
	if ((ret = cat_rel_find(&found, &rel, store, schema, dot ? dot + 1 :
	    table, err)) < 0)
		return ret;
	if (!found || (rel.relkind != 'r' && rel.relkind != 'p'))
		return ms_error_set(err, MS_EINPUT, "rows of %s: the simulated "
			"database has no such table", table);
	/* Declared rows may hold anything: no column is known to be NULL,
	 * no key is known, values may be as wide as any. */
	if ((ret = cat_null_col_set(store, rel.oid, NULL, 0, err)) < 0 ||
	    (ret = cat_kept_forget(store, rel.oid, KEPT_VALUES, err)) < 0 ||
	    (strcmp(fact, "empty") != 0 && (ret = ms_store_meta_set(store,
	    "declared_rows", "1", err)) < 0))
		return ret;
	return cat_rel_set_rows(store, rel.oid, fact, err);
}
