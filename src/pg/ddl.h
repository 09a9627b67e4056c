/*
 * ddl.h - what the files that apply statements to the simulated catalog
 * share (ddl.c: dispatch, schemas, types, extensions, DROP, RENAME;
 * ddl_table.c: tables, columns, constraints, indexes; ddl_domain.c:
 * domains; ddl_policy.c: policies).
 *
 * A statement's outcome is three-valued: ok when every check PostgreSQL
 * would make was decided, fails with PostgreSQL's error when one of them
 * is certain to fail, unknown otherwise.  Its effect on the catalog is
 * applied in every case but failure, so that later statements see it.
 */
#ifndef MIGSIM_PG_DDL_H
/* PostgreSQL 15's pg_config_manual.h: a name is shorter. */
#define NAMEDATALEN 64

#define MIGSIM_PG_DDL_H

#include "catalog.h"
#include "pg_int.h"

typedef struct ddl {
	ms_store *s;
	const ms_pg_script *script;
	size_t base;         /* byte offset of the text sent in this message */
	ms_pg_error *e;
	ms_verdict verdict;
	const char *note;    /* why unknown */
	ms_error *err;
	int gap;             /* the catalog may miss what a DO block did */
	int deps_gap;        /* dependencies may exist that are not recorded */
	int no_position;     /* inside a DO block: errors carry no position */
	const PgQuery__RangeVar *creating; /* SELECT INTO's new table */
	size_t stmt_no;      /* the statement's index in script */
	struct ex_uses *uses;/* columns a view's query reads (expr.h) */
	const char *null_column; /* ADD COLUMN NOT NULL without a default on a
	                            table with rows: 23502 once ALTER TABLE's
	                            other commands are through */
	int null_attnum;     /* null_column's attnum; rows are checked in
	                        attnum order, so the lowest is reported */
	char null_domain[CAT_TYPE]; /* ADD COLUMN of a NOT NULL domain with
	                        no default on a table with rows: 23502 from
	                        the domain, before any column's */
	int abstained;       /* an error was likely but not certain */
	struct ex_keys *keys; /* tables whose primary key a grouped query
	                        relied on: a view depends on the key */
	int open_check;      /* a check PostgreSQL makes before the next ones
	                        was not decided: their errors are not certain */
	int64_t kept_rel;    /* the table whose keys this INSERT recorded */
} ddl;

/* A probe: a copy of d whose findings go to scratch, not to the
 * statement's outcome (clear scratch after). */
void ddl_probe(ddl *probe, ms_pg_error *scratch, const ddl *d);

/* The statement already failed: stop checking. */
#define DDL_FAILED(d) ((d)->verdict == MS_VERDICT_FAILS)

/* The outcome is not decided; the first reason is kept. */
void ddl_unknown(ddl *d, const char *why);

/*
 * Fail with PostgreSQL's error.  site is "file.c:line:routine" on
 * PostgreSQL 15.18, or NULL when migsim does not know it; location is a
 * byte offset in the script for the error's position, or -1 for none.
 * Returns MS_OK, or MS_ENOMEM with err set.
 */
int ddl_fail(ddl *d, const char *sqlstate, const char *site, int location,
	const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Add DETAIL or HINT to the error just set. */
int ddl_detail(ddl *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int ddl_hint(ddl *d, const char *text);

/* The schema of a possibly qualified name: unqualified names resolve to
 * public, the only schema of the default search_path that exists. */
const char *ddl_schema(const char *schemaname);
/* A relation found by a name qualified with its schema is a temporary
 * table migsim keeps under public: PostgreSQL would not find it there
 * (pg_temp), and whether a table of public has the name is not known.
 * *hidden 1 then, with the outcome unknown. */
int ddl_temp_hidden(int *hidden, ddl *d, const PgQuery__RangeVar *rv,
	const cat_rel *rel);
/* Whether a schema is modelled (exists in the simulated catalog); when
 * it is not, the statement's outcome becomes unknown. */
int ddl_schema_ok(ddl *d, const char *schema, int *ok);

/* Apply one statement (ddl.c); DO blocks run through it (plpgsql.c).
 * ddl_do sets *gap when a part it did not run may have changed the
 * catalog, *rows_gap when one may have written rows. */
int ddl_apply(ddl *d, const PgQuery__Node *n);
/* Remember that an object's dependencies were not all recorded: from
 * then on, dropping anything may be refused (2BP01) for reasons migsim
 * does not know. */
int ddl_deps_gap(ddl *d);
/* The same for what only statements naming `name` can meet (a
 * partitioned table, under each name it is given): they alone run as if
 * dependencies were not all recorded. */
int ddl_deps_gap_name(ddl *d, const char *name);
/* Whether the state's meta key is set (to anything but "0"). */
int ddl_meta_has(int *yes, ddl *d, const char *key);
/* Remember that objects may exist, or be gone, without migsim's record:
 * from then on a predicted error is only a possibility. */
int ddl_catalog_gap(ddl *d);
int ddl_do(ddl *d, const PgQuery__DoStmt *ds, int *gap, int *rows_gap);
/* Whether the PL/pgSQL function that statement d->stmt_no creates
 * compiles as plpgsql_validator compiles it: its body parses and every
 * variable's type exists.  *ok 1 yes, 0 not known. */
int ddl_function_compiles(int *ok, ddl *d, int bare_return, int setof,
	int outputs);

/* Relations, for statements on them. */
/* Whether a type name that is no type names a table's, view's or
 * materialized view's row type (tn not an array, not SETOF). */
int ddl_row_type(int *ok, ddl *d, const PgQuery__TypeName *tn,
	const ms_typeref *t);
/* Whether two comma-separated column lists hold the same names, in
 * any order. */
int ddl_same_columns(const char *a, const char *b);
/* Whether a comma-separated column list holds name. */
int ddl_in_columns(const char *list, const char *name);
int ddl_table_create(ddl *d, const PgQuery__CreateStmt *c);
int ddl_composite_create(ddl *d, const PgQuery__CompositeTypeStmt *c);
int ddl_composite_refused(ddl *d, const char *name);
int ddl_table_alter(ddl *d, const PgQuery__AlterTableStmt *a);
int ddl_index_create(ddl *d, const PgQuery__IndexStmt *ix);
/* DROP TABLE/INDEX/VIEW/MATERIALIZED VIEW/SEQUENCE. */
int ddl_relation_drop(ddl *d, const PgQuery__DropStmt *ds);
/* Dependents of ref (column NULL: the whole object), described the way
 * getObjectDescription does, joined with newlines; *n how many. */
int ddl_dependents(char **out, int *n, ddl *d, const char *ref_kind,
	int64_t ref_oid, const char *ref_column);
/* Raise 2BP01 for dropping `what` (its description) if anything outside
 * relation `except` depends on ref; *refused says whether it did. */
int ddl_refuse_dependents(int *refused, ddl *d, const char *what,
	const char *ref_kind, int64_t ref_oid, const char *ref_column,
	int64_t except, const char *ref_desc);
/* The columns of a type go, as DROP ... CASCADE of the type takes them
 * (with their indexes, constraints and dependents). */
int ddl_type_columns_drop(ddl *d, int64_t type);
/* Remove a relation, its indexes and what depends on it. */
int ddl_relation_remove(ddl *d, int64_t oid);
/* Remove what depends on ref, as CASCADE does. */
int ddl_drop_dependents(ddl *d, const char *ref_kind, int64_t ref_oid,
	const char *ref_column);

/* The type a name list names: *found 1 with *t filled; else *row_type 1
 * when a relation of the name has a row type (t->name set), or 42704
 * failed, or the name is not modelled (unknown). */
int ddl_type_named(int *found, cat_type *t, ddl *d, PgQuery__Node **names,
	size_t n, int *row_type);
/* A type name is taken by a type or by a relation's row type. */
int ddl_type_taken(int *taken, ddl *d, const char *schema, const char *name);
/* A constraint name free in the schema, as ChooseConstraintName picks it:
 * name1_label, then name1_label1, ... */
int ddl_constraint_name(char *out, ddl *d, const char *schema,
	const char *name1, const char *label);

/* CREATE DOMAIN, ALTER DOMAIN and ALTER DOMAIN ... RENAME CONSTRAINT
 * (ddl_domain.c). */
int ddl_domain_create(ddl *d, const PgQuery__CreateDomainStmt *c);
int ddl_domain_alter(ddl *d, const PgQuery__AlterDomainStmt *a);
int ddl_domain_rename_check(ddl *d, const PgQuery__RenameStmt *r);
/* The domain a name list names: 42704 when missing, 42809 (at site) when
 * it is another type; *found 0 then. */
int ddl_domain_find(int *found, cat_type *type, ddl *d,
	PgQuery__Node **names, size_t n, const char *site);
/* What a value of domain `type` meets, its base domains' included: NOT
 * NULL, a default, how many checks. */
int ddl_domain_facts(int *not_null, int *has_default, int *checks, ddl *d,
	int64_t type);

/* The meta key set once a sequence was given bounds, a type or an
 * increment (CREATE / ALTER SEQUENCE, identity options): RESTART WITH n
 * is then not decided. */
#define SEQUENCE_BOUNDS_KEY "sequence_bounds"
/* The meta key set once an index was made a table's replica identity. */
#define REPLICA_IDENTITY_KEY "replica_identity"
/* Meta keys for publications: one FOR ALL TABLES publishing updates
 * and deletes; one that may publish some table's (a table list,
 * options, an ALTER or a DROP since). */
#define PUB_ALL_KEY "publication_all"
#define PUB_SOME_KEY "publication_some"
/* The meta key set once the history made a composite type (CREATE
 * TYPE AS): statements are then searched for its name. */
#define COMPOSITES_KEY "composites"
/* The meta key set once a trigger may have been renamed or dropped
 * unseen (ALTER TRIGGER RENAME, a CASCADE through a function or a
 * column): triggers' names are then unsure. */
#define TRIGGER_NAMES_KEY "trigger_names"
/* The meta key set once a table was made unlogged (CREATE UNLOGGED
 * TABLE, SET UNLOGGED): foreign keys between kinds are then unsure. */
#define UNLOGGED_KEY "unlogged"
/* The meta key set once a column was given a COLLATE clause. */
/* migsim_meta: an index whose type's operator class migsim does not
 * vouch for exists; rows written may meet in it (42883). */
#define UNCOMPARED_INDEX_KEY "uncompared_index"
#define COLLATIONS_KEY "collations"
/* The meta key set once a table was given storage parameters (CREATE
 * TABLE ... WITH, ALTER TABLE ... SET): user_catalog_table among them. */
#define RELOPTIONS_KEY "reloptions"
/* The meta key set once an object's dependencies were stored anew
 * while PostgreSQL keeps its place, or the other way round (CREATE OR
 * REPLACE VIEW, ALTER COLUMN TYPE re-storing a default): the order of
 * a DETAIL's lines is then unsure. */
#define DEPS_REORDERED_KEY "deps_reordered"
/* The meta key set once the history made a SQL-language function. */
#define SQL_FUNCTIONS_KEY "sql_functions"
/* The meta key set once the history made a procedure. */
#define PROCEDURES_KEY "procedures"
int ddl_bounds_given(PgQuery__Node **options, size_t n);

/* The relation an ALTER, CREATE INDEX or CREATE POLICY names
 * (RangeVarGetRelidExtended): *found 0 with the error set (3F000,
 * 42P01), or with nothing set when missing_ok. */
int ddl_open_rel(int *found, cat_rel *rel, ddl *d,
	const PgQuery__RangeVar *rv, int missing_ok);
/* The types the casts in n name, as dependencies of (kind, oid) described
 * as desc. */
int ddl_cast_dependencies(ddl *d, const PgQuery__Node *n, const char *kind,
	int64_t oid, const char *desc);

/* Row level security policies (ddl_policy.c): CREATE, ALTER, DROP and
 * RENAME, and after a CREATE or ALTER that did not fail, what its
 * expressions read, recorded as the policy's dependencies. */
int ddl_policy_create(ddl *d, const PgQuery__CreatePolicyStmt *c);
int ddl_policy_alter(ddl *d, const PgQuery__AlterPolicyStmt *a);
int ddl_policy_drop(ddl *d, const PgQuery__DropStmt *ds);
int ddl_policy_rename(ddl *d, const PgQuery__RenameStmt *r);
int ddl_policy_record(ddl *d, const PgQuery__Node *n, const cat_rel *rel);

/* RENAME COLUMN and RENAME CONSTRAINT. */
int ddl_rename_in_table(ddl *d, const PgQuery__RenameStmt *r);
/* In UPDATE ... SET col = 'x' and WHERE col = 'x', the labels of enum
 * columns. */
int ddl_dml_enum_literals(ddl *d, const PgQuery__Node *n);

/* UPDATE, DELETE, INSERT (dml.c): analysed, and decided where no row
 * can be involved.  Returns EX_OK, EX_UNKNOWN or EX_STOP (expr.h) with
 * *ret a state-file error or MS_OK; *change says what happened to the
 * target's rows (a ROWS_ change below, or 0). */
int ddl_dml(int *change, int *ret, ddl *d, const PgQuery__Node *n);

/* Whether evaluating n on any row certainly succeeds once analysis has
 * passed: columns, constants, now(), comparisons, IN lists, IS [NOT]
 * NULL, AND, OR, NOT (dml.c). */
int ddl_cannot_fail(const PgQuery__Node *n);
/* ddl_cannot_fail, and more that migsim knows cannot raise: a constant
 * analysis folded (t, or NULL), uuid-ossp's generators, the clock as a
 * date or with an interval added. */
struct ex_type;
int ddl_value_cannot_fail(ddl *d, const PgQuery__Node *n,
	const struct ex_type *t);

/* What a table holds after a statement that may change its rows:
 * ROWS_ADDED (it certainly has rows now), ROWS_MAYBE_ADDED, ROWS_MAYBE_
 * REMOVED, ROWS_ALL_REMOVED.  The fact follows: empty, rows, unknown. */
enum { ROWS_ADDED = 1, ROWS_MAYBE_ADDED, ROWS_MAYBE_REMOVED, ROWS_ALL_REMOVED };
int ddl_rows_changed(ddl *d, int64_t rel, int change);

/* Visit every Node under a message, through protobuf-c's descriptors, so
 * that no statement form is missed; a visit returning non-zero stops the
 * walk with that value, but DDL_WALK_SKIP only passes over what is under
 * the node. */
#define DDL_WALK_SKIP (-7777)
typedef int (*ddl_visit_fn)(const PgQuery__Node *n, void *ctx);
int ddl_walk(const ProtobufCMessage *m, ddl_visit_fn fn, void *ctx);

/* Whether s (NULL: no) is one of a NULL-terminated list. */
int ddl_one_of(const char *s, const char *const *set);
/* pg_catalog, pg_toast, information_schema: initdb made them. */
int ddl_system_schema(const char *name);
/* table_openrv_extended's refusals of an index or a composite type
 * (42809), which come before a trigger or policy is looked up. */
int ddl_table_openable(ddl *d, const cat_rel *rel);
/* Whether expression v is certainly not NULL on any row: a constant
 * other than NULL (cast or not), the clock, functions and strict
 * operators over such values, COALESCE with one, a scalar subquery's
 * such column over its one row. */
int ddl_never_null(const PgQuery__Node *v);
/* Whether a one-column query returns exactly one row whatever the tables
 * hold: no FROM and no WHERE, or an aggregate without GROUP BY, HAVING,
 * LIMIT or OFFSET (parseCheckAggregates' one group) (dml.c). */
int ddl_one_row(const PgQuery__SelectStmt *s);
/* The string of an A_Const / TypeCast('...') literal, or NULL. */
const char *ddl_string_literal(const PgQuery__Node *n, int *location);
/* Check an enum label used in a statement: 22P02 when missing, 55P04 when
 * added in the open transaction.  location < 0: no position. */
int ddl_enum_label_use(ddl *d, int64_t type, const char *typname,
	const char *label, int location);
/* Walk a statement for 'label'::"Enum" casts and check each label. */
int ddl_enum_casts(ddl *d, const PgQuery__Node *n);

#endif
