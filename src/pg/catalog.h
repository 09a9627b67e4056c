/*
 * catalog.h - the simulated catalog's storage, shared by the files of
 * src/pg/ (design.md "The state file": catalog tables).  Objects live in
 * SQLite tables of the state file, so that the savepoints that model
 * PostgreSQL transactions undo catalog changes too.  Names are as the
 * parser gives them: already case-folded and truncated to 63 bytes.
 */
#ifndef MIGSIM_PG_CATALOG_H
#define MIGSIM_PG_CATALOG_H

#include <stdint.h>

#include "migsim/store.h"

#define CAT_NAME 64
#define CAT_TYPE 160

typedef struct cat_rel {
	int64_t oid;
	char schema[CAT_NAME];
	char name[CAT_NAME];
	char relkind;        /* r p v m i S */
	char rows[8];        /* empty, rows, unknown */
	int known;           /* its columns are all known */
} cat_rel;

typedef struct cat_col {
	int attnum;
	char name[CAT_NAME];
	char type[CAT_TYPE]; /* as format_type prints it */
	char base[CAT_NAME]; /* the type's own name, e.g. int4 */
	int64_t type_oid;    /* a type of migsim_type, or 0 */
	int not_null;
	int has_default;      /* 1, or 2: one that may be NULL, or 3: one
	                         cast to a later type when used */
	char identity;       /* a (ALWAYS), d (BY DEFAULT), g (generated), 0 */
} cat_col;

typedef struct cat_type {
	int64_t oid;
	char schema[CAT_NAME];
	char name[CAT_NAME];
	char kind;           /* e enum, d domain, c composite, b base */
} cat_type;

typedef struct cat_con {
	int64_t oid;
	char name[CAT_NAME];
	char contype;        /* p u f c */
	char columns[512];
	int64_t ref_rel;
	int64_t index_rel;
	int validated;
} cat_con;

/* Relations. *found is 0 or 1; out is filled when found. */
int cat_rel_find(int *found, cat_rel *out, ms_store *s, const char *schema,
	const char *name, ms_error *err);
int cat_rel_by_oid(int *found, cat_rel *out, ms_store *s, int64_t oid,
	ms_error *err);
int cat_rel_add(int64_t *oid, ms_store *s, const char *schema,
	const char *name, char relkind, int known, ms_error *err);
/* Remove a relation and everything hanging off it (columns, indexes,
 * constraints, triggers, its dependency rows). */
int cat_rel_drop(ms_store *s, int64_t oid, ms_error *err);
int cat_rel_rename(ms_store *s, int64_t oid, const char *name,
	ms_error *err);
/* An index: its table, kind, columns ('' for expressions), method, the
 * column list as migsim schema prints it, and whether a constraint owns
 * it. */
typedef struct cat_index {
	int64_t table_rel;
	int is_unique, is_partial, owned;
	char columns[512];
	char method[16];
	char definition[1024];
} cat_index;
int cat_index_get(int *found, cat_index *out, ms_store *s, int64_t index,
	ms_error *err);
/* ALTER ... SET SCHEMA of a table, view or sequence. */
/* The first of a table's indexes (or, with sequences, of the sequences
 * its columns own) whose name schema already has, into name[CAT_NAME]. */
int cat_moved_clash(char *name, int *found, ms_store *s, int64_t oid,
	const char *schema, int sequences, ms_error *err);
/* The table whose column owns sequence seq, into table[CAT_NAME]. */
int cat_seq_owner(char *table, int *found, ms_store *s, int64_t seq,
	ms_error *err);
int cat_rel_set_schema(ms_store *s, int64_t oid, const char *schema,
	ms_error *err);
int cat_rel_set_rows(ms_store *s, int64_t oid, const char *rows,
	ms_error *err);
/* Mark rel unlogged (on 1) or logged, with the sequences it owns, as
 * CREATE UNLOGGED TABLE and ALTER TABLE SET [UN]LOGGED do. */
int cat_unlogged_set(ms_store *s, int64_t rel, int on, ms_error *err);
/* A serial's or identity's sequence seq of rel takes rel's persistence
 * (generateSerialSequence). */
int cat_unlogged_follow(ms_store *s, int64_t seq, int64_t rel, ms_error *err);
/* Temporary tables (on_commit_drop: 1 ON COMMIT DROP, 2 ON COMMIT DELETE
 * ROWS), and the ones that go at COMMIT (on_commit_only). */
int cat_temp_add(ms_store *s, int64_t oid, int on_commit_drop, ms_error *err);
/* COMMIT: the rows of ON COMMIT DELETE ROWS tables go. */
int cat_temp_commit(ms_store *s, ms_error *err);
/* Whether a relation is temporary.  It is kept under public, where
 * unqualified names find it (pg_temp comes first in the search path);
 * a name qualified with public does not, in PostgreSQL. */
int cat_temp_is(int *yes, ms_store *s, int64_t oid, ms_error *err);
/* Whether a constraint kept only by name (EXCLUDE, a constraint
 * trigger) in the schema has this name: an EXCLUDE's index has it too;
 * or a partition's index, named after the partition, may. */
int cat_kept_only_named(int *found, ms_store *s, const char *schema,
	const char *name, ms_error *err);
/* child inherits from (or is a partition of) parent. */
/* Whether any partitioned table has a partition. */
int cat_partitions_any(int *yes, ms_store *s, ms_error *err);
/* Whether rel is a parent or a child of inheritance (or partitions). */
int cat_inherits_any(int *yes, ms_store *s, int64_t rel, ms_error *err);
/* Whether a foreign key references a table rel inherits from, or is a
 * partition of: it depends on rel too. */
int cat_fk_to_ancestor(int *yes, ms_store *s, int64_t rel, ms_error *err);
/* The tables whose foreign keys reference rel, in oid (creation) order;
 * *out is malloc'd. */
int cat_fk_referencing(int64_t **out, size_t *n, ms_store *s, int64_t rel,
	ms_error *err);
int cat_inherits_add(ms_store *s, int64_t parent, int64_t child,
	ms_error *err);
/* The tables inheriting from (or partitions of) parent; *out malloc'd. */
int cat_children(int64_t **out, size_t *n, ms_store *s, int64_t parent,
	ms_error *err);
int cat_temp_list(int64_t **out, size_t *n, ms_store *s, int on_commit_only,
	ms_error *err);
/* An index's column list as pg_get_indexdef prints it. */
int cat_rel_set_definition(ms_store *s, int64_t oid, const char *def,
	ms_error *err);
/* Forget a relation's columns (a view being replaced); known says
 * whether the columns added next are all of them. */
int cat_rel_drop_columns(ms_store *s, int64_t oid, int known, ms_error *err);

/* Columns. */
/* Kept keys: for a unique index made over an empty table, the key of
 * every literal row inserted since (a superset of its rows' keys while
 * kept), so that a new literal row is known not to collide.  A key is
 * its columns' canonical values joined (dml.c). */
typedef struct cat_kept {
	int64_t index;
	char columns[512];
	int kept;            /* its keys are all known */
	int nulls_meet;      /* NULLS NOT DISTINCT */
} cat_kept;
/* A serial's or identity's own sequence as created (NO CYCLE, never
 * set back), marked on its "owned" dependency: the rows that take its
 * next value have keys no row had, kept as CAT_KEY_SEQUENCE. */
#define CAT_SEQUENCE_FRESH "fresh"
#define CAT_KEY_SEQUENCE "\x1f"
/* Whether column col of rel takes its values from a fresh sequence. */
/* Whether column col of rel takes a sequence's next value by default
 * (serial, identity, nextval of a sequence migsim links). */
int cat_col_sequence_default(int *yes, ms_store *s, int64_t rel,
	const char *col, ms_error *err);
int cat_col_sequence_fed(int *yes, ms_store *s, int64_t rel, const char *col,
	ms_error *err);
/* Sequence seq (0: every one) may have been set back or changed: it is
 * fresh no longer, and no index's keys rely on sequences. */
int cat_sequence_touched(ms_store *s, int64_t seq, ms_error *err);
/* The sequence an identity column of rel uses, or 0. */
int cat_col_identity_sequence(int64_t *seq, ms_store *s, int64_t rel,
	const char *col, ms_error *err);
/* A unique index made NULLS NOT DISTINCT (it keeps no keys). */
int cat_index_nulls_not_distinct(ms_store *s, int64_t index, ms_error *err);
/* Whether the index keeps a key other than CAT_KEY_SEQUENCE. */
int cat_kept_literal_keys(int *found, ms_store *s, int64_t index,
	ms_error *err);
/* rel's unique indexes in oid order; *out is malloc'd. */
int cat_kept_indexes(cat_kept **out, size_t *n, ms_store *s, int64_t rel,
	ms_error *err);
/* add 1: record key; add 0: *found whether it is recorded. */
int cat_kept_key(int *found, ms_store *s, int64_t index, const char *key,
	int add, ms_error *err);
/* No row has this key any more (a DELETE by key). */
int cat_kept_key_drop(ms_store *s, int64_t index, const char *key,
	ms_error *err);
/* The index's keys are no longer all known. */
int cat_kept_drop(ms_store *s, int64_t index, ms_error *err);
/* Whether rel's rows are certainly distinct on the comma list cols (with
 * NULLs equal when nulls_equal): a unique index over some of them holds
 * (not partial, not deferrable), or held until it was dropped and no row
 * has been written since (migsim_distinct). */
int cat_distinct_covered(int *yes, ms_store *s, int64_t rel, const char *cols,
	int nulls_equal, ms_error *err);
/* A unique index is dropped: its table's rows stay distinct on its
 * columns until a row is written. */
int cat_distinct_note(ms_store *s, int64_t index, ms_error *err);
/* Whether rel's rows met a foreign key from cols to ref_rel's ref_cols
 * that was dropped (validated, not deferrable), no row of either table
 * having been written since (migsim_fk_held). */
int cat_fk_held(int *yes, ms_store *s, int64_t rel, const char *cols,
	int64_t ref_rel, const char *ref_cols, ms_error *err);
/* A foreign key is dropped: its rows still meet it until one is
 * written. */
int cat_fk_note(ms_store *s, int64_t con, ms_error *err);
/* Those facts (distinct rows, held foreign keys) no longer hold: rel's,
 * as either table of a key (0: every table's), those naming column
 * (NULL: all). */
int cat_distinct_forget(ms_store *s, int64_t rel, const char *column,
	ms_error *err);
/* What happened to rel's rows (rel 0: every table's): KEPT_ADDED, rows
 * came that migsim cannot key; KEPT_VALUES, values changed (those of
 * the tables whose foreign keys reach rel too, ON UPDATE CASCADE);
 * KEPT_ROWS_GONE, all rows went, so the keys start again. */
enum { KEPT_ADDED, KEPT_VALUES, KEPT_ROWS_GONE };
int cat_kept_forget(ms_store *s, int64_t rel, int what, ms_error *err);
/* ALTER TABLE ... ENABLE / DISABLE (forced 0) or FORCE / NO FORCE
 * (forced 1) ROW LEVEL SECURITY. */
int cat_row_security_set(ms_store *s, int64_t rel, int forced, int on,
	ms_error *err);
/* Rows may have been written unseen (a DO block, a trigger, COPY): no
 * table that exists now is known empty or known to have rows, and no
 * column is known NULL.  Tables created later start empty again. */
int cat_rows_forget_all(ms_store *s, ms_error *err);
/* Rows of rel go (DELETE, TRUNCATE ... CASCADE): the rows of the tables
 * whose foreign keys reach it may go too (ON DELETE CASCADE) or change
 * (SET NULL, SET DEFAULT), so their facts become unknown. */
int cat_rows_cascade(ms_store *s, int64_t rel, ms_error *err);
int cat_col_find(int *found, cat_col *out, ms_store *s, int64_t rel,
	const char *name, ms_error *err);
int cat_col_add(ms_store *s, int64_t rel, const char *name,
	const char *type, const char *base, int64_t type_oid, int not_null,
	int has_default, ms_error *err);
int cat_col_drop(ms_store *s, int64_t rel, const char *name, ms_error *err);
/* Columns every existing row holds NULL in: set (on 1); on 0 forgets
 * what is known of the values (NULL everywhere, or filled: below) of
 * the column (name NULL: every column of rel, or of every table when
 * rel is 0). */
int cat_null_col_set(ms_store *s, int64_t rel, const char *name, int on,
	ms_error *err);
int cat_null_col_find(int *found, ms_store *s, int64_t rel, const char *name,
	ms_error *err);
/* Columns every existing row holds a value in (set 1 records one, set 0
 * asks); forgotten with cat_null_col_set(..., 0). */
int cat_filled_col(int *yes, ms_store *s, int64_t rel, const char *name,
	int set, ms_error *err);
/* An UPDATE of rel may set NULL in the tables whose keys reach it (ON
 * UPDATE SET NULL): their filled columns are forgotten. */
/* Whether every row of rel is seen by a query (no row security). */
int cat_rel_unfiltered(int *yes, ms_store *s, int64_t rel, ms_error *err);
int cat_filled_forget_referencing(ms_store *s, int64_t rel, ms_error *err);
/* The names of rel's columns in attnum order (required: only the NOT
 * NULL ones without a default or identity); *out is malloc'd. */
int cat_col_names(char (**out)[CAT_NAME], size_t *n, ms_store *s,
	int64_t rel, int required, ms_error *err);
/* What can object to a new row of rel besides NOT NULL and foreign keys
 * (triggers, checks, unique indexes), or to a row going (triggers,
 * foreign keys of other tables that reference rel). */
typedef struct cat_guards {
	int triggers, checks, uniques, referenced;
	int unvalidated;     /* NOT VALID checks: old rows may break them */
} cat_guards;
int cat_rel_guards(cat_guards *g, ms_store *s, int64_t rel, ms_error *err);
/* Mark (set 1) or look up (set 0: *yes) the unique index of a
 * DEFERRABLE key. */
/* Record that foreign key con is MATCH FULL. */
int cat_fk_match_full(ms_store *s, int64_t con, ms_error *err);
/* A DEFERRABLE foreign key (set 1 records one, set 0 asks). */
int cat_con_deferrable(int *yes, ms_store *s, int64_t con, int set,
	ms_error *err);
int cat_index_deferrable(int *yes, ms_store *s, int64_t index, int set,
	ms_error *err);
/* Whether a table whose foreign keys reach rel (at any depth) has a
 * trigger. */
int cat_referencing_triggers(int *yes, ms_store *s, int64_t rel,
	ms_error *err);
/* Whether a unique index of rel backs a DEFERRABLE key. */
int cat_rel_deferrable_unique(int *yes, ms_store *s, int64_t rel,
	ms_error *err);
/* Whether rel has a generated column (its expression runs on every
 * written row). */
int cat_rel_generated(int *found, ms_store *s, int64_t rel, ms_error *err);
/* Whether a new value in column col of rel could be refused: the column
 * is in a constraint or a unique index, is referenced by a foreign key,
 * or an index reads it through an expression or a predicate (the
 * column lists of constraints are matched loosely, never too little).
 * For a NULL (null 1), only what NULL can break: a check, a key that
 * references col, NULLS NOT DISTINCT, MATCH FULL over several columns,
 * an index expression or predicate. */
int cat_col_guarded(int *guarded, ms_store *s, int64_t rel, const char *col,
	int null, ms_error *err);
/* Whether rel has an index with expressions, a predicate or INCLUDE
 * columns whose columns are not recorded (as "index" dependencies). */
/* Whether CREATE RULE gave rel a rule (kept as a trigger "rule:NAME"). */
int cat_rel_has_rule(int *found, ms_store *s, int64_t rel, ms_error *err);
/* Whether rel has a unique index ON CONFLICT's inference may take or
 * not in ways migsim does not model (an expression, a predicate that
 * may fold to true). */
int cat_arbiters_unsure(int *found, ms_store *s, int64_t rel,
	ms_error *err);
int cat_rel_odd_indexes(int *found, ms_store *s, int64_t rel, ms_error *err);
/* Whether a foreign key has rel's col among its columns or the columns
 * it references. */
int cat_col_in_fk(int *found, ms_store *s, int64_t rel, const char *col,
	ms_error *err);
/* Whether an index of rel has col among its columns. */
int cat_col_indexed(int *found, ms_store *s, int64_t rel, const char *col,
	ms_error *err);
/* Whether changing col's type makes PostgreSQL re-parse something that
 * may not fit the new type: a check on it, an expression or partial
 * index of the table, an index on it with an operator class or another
 * method than btree. */
int cat_col_reparsed(int *found, ms_store *s, int64_t rel, const char *col,
	ms_error *err);
/* The constraints of rel of one type, in creation order; *out is
 * malloc'd. */
int cat_con_list(cat_con **out, size_t *n, ms_store *s, int64_t rel,
	char contype, ms_error *err);
/* Rename a column and its mentions in keys, indexes and dependencies. */
int cat_col_rename_everywhere(ms_store *s, int64_t rel, const char *from,
	const char *to, ms_error *err);
int cat_col_set(ms_store *s, int64_t rel, const char *name,
	const char *field, int value, ms_error *err);
int cat_col_set_type(ms_store *s, int64_t rel, const char *name,
	const char *type, const char *base, int64_t type_oid, ms_error *err);


/* Schemas, types, enum labels, extensions, functions, triggers. */
int cat_schema_find(int *found, ms_store *s, const char *name, ms_error *err);
int cat_schema_add(ms_store *s, const char *name, ms_error *err);
/* DROP SCHEMA ... CASCADE: its relations and types, and the foreign
 * keys that reference its tables. */
int cat_schema_objects_drop(ms_store *s, const char *name, ms_error *err);
/* Whether a schema other than public was created. */
int cat_schema_others(int *any, ms_store *s, ms_error *err);
int cat_schema_drop(ms_store *s, const char *name, ms_error *err);
int cat_type_find(int *found, cat_type *out, ms_store *s, const char *schema,
	const char *name, ms_error *err);
int cat_type_by_oid(int *found, cat_type *out, ms_store *s, int64_t oid,
	ms_error *err);
int cat_type_add(int64_t *oid, ms_store *s, const char *schema,
	const char *name, char kind, const char *extension, ms_error *err);
int cat_type_drop(ms_store *s, int64_t oid, ms_error *err);

/* A domain (CREATE DOMAIN): a migsim_type of kind 'd' and its base. */
typedef struct cat_domain {
	int64_t type;
	char base_type[CAT_TYPE]; /* format_type's spelling of the base */
	char base[CAT_NAME];      /* the base's own name */
	int64_t base_oid;         /* the base's migsim_type, or 0 */
	int not_null;
	int has_default;
} cat_domain;

int cat_domain_add(ms_store *s, const cat_domain *dom, ms_error *err);
int cat_domain_get(int *found, cat_domain *out, ms_store *s, int64_t type,
	ms_error *err);
/* not_null, has_default: 0 or 1, or -1 to leave as is. */
int cat_domain_set(ms_store *s, int64_t type, int not_null, int has_default,
	ms_error *err);
int cat_domain_check_find(int *found, int *validated, ms_store *s,
	int64_t type, const char *name, ms_error *err);
/* Add a check, or mark one validated. */
int cat_domain_check_set(ms_store *s, int64_t type, const char *name,
	int validated, ms_error *err);
int cat_domain_check_drop(ms_store *s, int64_t type, const char *name,
	ms_error *err);
int cat_domain_check_rename(ms_store *s, int64_t type, const char *from,
	const char *to, ms_error *err);
/* How many checks a value of the domain meets: its own and its base
 * domains'. */
int cat_domain_checks(int *n, ms_store *s, int64_t type, ms_error *err);
/* What the tables with a column of the domain (or of a domain over it)
 * hold, together: "empty" (none has rows, or there are none), "rows" (one
 * certainly has), else "unknown". */
int cat_domain_rows(char *rows, size_t size, ms_store *s, int64_t type,
	ms_error *err);
/* How many columns of tables and materialized views are arrays of the
 * domain (or of a domain over it); rel and column (CAT_NAME each) name
 * one of them. */
int cat_domain_array_columns(int *n, char *rel, char *column, ms_store *s,
	int64_t type, ms_error *err);
int cat_type_rename(ms_store *s, int64_t oid, const char *name,
	ms_error *err);
/* *state: 0 absent, 1 committed, 2 added in the open transaction. */
int cat_label_find(int *state, ms_store *s, int64_t type, const char *label,
	ms_error *err);
int cat_label_add(ms_store *s, int64_t type, const char *label,
	const char *neighbor, int after, int uncommitted, ms_error *err);
int cat_label_rename(ms_store *s, int64_t type, const char *from,
	const char *to, ms_error *err);
/* A COMMIT makes new labels usable. */
int cat_labels_commit(ms_store *s, ms_error *err);
int cat_ext_find(int *found, ms_store *s, const char *name, ms_error *err);
int cat_ext_set_schema(ms_store *s, const char *name, const char *schema,
	ms_error *err);
/* Whether the extension is installed in schema. */
int cat_ext_in(int *found, ms_store *s, const char *name, const char *schema,
	ms_error *err);
/* The types an extension brought, malloc'd. */
int cat_ext_types(int64_t **oids, size_t *n, ms_store *s, const char *name,
	ms_error *err);
/* An extension goes, with the types and functions it brought. */
int cat_ext_drop(ms_store *s, const char *name, ms_error *err);
int cat_ext_add(ms_store *s, const char *name, const char *schema,
	ms_error *err);
int cat_func_find(int *found, int64_t *oid, ms_store *s, const char *schema,
	const char *name, ms_error *err);
/* Whether the history made a function of that name (not an extension). */
int cat_func_own(int *found, ms_store *s, const char *schema,
	const char *name, ms_error *err);
int cat_func_add(int64_t *oid, ms_store *s, const char *schema,
	const char *name, const char *args, const char *extension,
	ms_error *err);
/* Publications. */
int cat_pub_find(int *found, ms_store *s, const char *name, ms_error *err);
/* Create (exists 1) or drop a publication. */
int cat_pub_set(ms_store *s, const char *name, int exists, ms_error *err);
/* The signature of a function migsim read the CREATE FUNCTION of: its
 * argument types and result by their own names (int4, anyelement, an
 * enum's name), "*" where it could not read one. */
typedef struct cat_sig {
	char args[512];
	char result[CAT_NAME];
	char volatility;     /* i s v */
} cat_sig;
int cat_func_sig(int *found, cat_sig *out, ms_store *s, const char *schema,
	const char *name, ms_error *err);
int cat_func_sig_set(ms_store *s, const char *schema, const char *name,
	const cat_sig *sig, ms_error *err);
/* Whether anything migsim knows of needs function oid: a trigger, an
 * object whose expressions call it (ref_oid -1: any function), or the
 * extension that brought it. */
int cat_func_needed(int *needed, ms_store *s, int64_t oid, ms_error *err);
/* Whether a view certainly has no row: its query returned none when it
 * was made ("follows" in its rows fact) and every relation it reads is
 * a table known empty or such a view. */
int cat_view_empty(int *empty, ms_store *s, int64_t view, ms_error *err);
/* The same, triggers left out. */
int cat_func_needed_by_others(int *needed, ms_store *s, int64_t oid,
	ms_error *err);
/* Whether a function of the history may write rows (its body names a
 * statement that writes, dynamic SQL, or another such function). */
int cat_func_writes(int *writes, ms_store *s, const char *schema,
	const char *name, ms_error *err);
int cat_func_writes_set(ms_store *s, const char *schema, const char *name,
	int writes, ms_error *err);
/* Whether rel has a trigger whose function may write (or is unknown),
 * or an expression (a default) calling a function that may write;
 * statement_only: a trigger that fires once per statement. */
/* Whether rel has a FOR EACH STATEMENT trigger, which fires even when
 * the statement writes no row (fireBSTriggers). */
int cat_rel_statement_triggers(int *found, ms_store *s, int64_t rel,
	ms_error *err);
int cat_rel_writing_triggers(int *found, ms_store *s, int64_t rel,
	int statement_only, ms_error *err);
/* The input parameters' names of a function of one signature,
 * comma-separated (set NULL: forget them). */
int cat_func_names(int *found, char *names, size_t n, ms_store *s,
	const char *schema, const char *name, ms_error *err);
int cat_func_names_set(ms_store *s, const char *schema, const char *name,
	const char *names, ms_error *err);
/* Whether exactly one trigger (on a table) and nothing else needs
 * function oid; then its name and its table's schema and name. */
int cat_func_one_trigger(int *one, char *trigger, char *schema, char *table,
	ms_store *s, int64_t oid, ms_error *err);
/* Whether the history has created any function. */
int cat_func_any(int *found, ms_store *s, ms_error *err);
/* Drop function oid with its signature. */
int cat_func_drop(ms_store *s, int64_t oid, ms_error *err);
int cat_trigger_find(int *found, ms_store *s, int64_t rel, const char *name,
	ms_error *err);
/* Whether any table has a trigger of this name. */
int cat_trigger_named(int *found, ms_store *s, const char *name,
	ms_error *err);
int cat_trigger_add(ms_store *s, int64_t rel, const char *name,
	int64_t function, int per_statement, ms_error *err);
int cat_trigger_drop(ms_store *s, int64_t rel, const char *name,
	ms_error *err);
/* DROP FUNCTION ... CASCADE: the triggers that call function go. */
int cat_trigger_drop_calling(ms_store *s, int64_t function, ms_error *err);

/* Constraints and indexes. */
int cat_con_find(int *found, cat_con *out, ms_store *s, int64_t rel,
	const char *name, ms_error *err);
int cat_con_add(int64_t *oid, ms_store *s, int64_t rel, const char *name,
	char contype, const char *columns, int64_t ref_rel,
	const char *ref_columns, int64_t index_rel, int validated,
	ms_error *err);
int cat_con_drop(ms_store *s, int64_t oid, ms_error *err);
/* Whether a constraint of this name exists in the schema, as
 * ChooseConstraintName sees them (domains' checks, EXCLUDE constraints
 * and constraint triggers too), or with tables_only as
 * information_schema.table_constraints lists them. */
int cat_con_name_used(int *used, ms_store *s, const char *schema,
	const char *name, int tables_only, ms_error *err);
/* Whether a relation of one of kinds ("rpv") is called name in any
 * schema (with a column of that name, unless column is NULL): 1, 0, or
 * -1 when one whose columns are not known might be. */
int cat_rel_named(int *found, ms_store *s, const char *name,
	const char *kinds, const char *column, ms_error *err);
/* Whether a table (named table, or any: NULL) of any schema has a
 * constraint of this name: 1, 0, or -1 when a table whose columns are
 * not known might.  pg_constraint also holds domains' checks, EXCLUDE
 * constraints and constraint triggers, which table_constraints does not
 * list. */
int cat_con_named(int *found, ms_store *s, const char *table,
	const char *name, int pg_constraint, ms_error *err);
/* A constraint migsim keeps only by name (EXCLUDE, a constraint
 * trigger: a trigger "constraint:NAME"): 2 one is so named, 1 an unnamed
 * one may be, 0 none. */
int cat_con_unmodelled(int *found, ms_store *s, int64_t rel,
	const char *name, ms_error *err);
/* Whether rel has any constraint kept only by name (EXCLUDE, constraint
 * triggers), whose columns are not recorded. */
int cat_con_unmodelled_any(int *found, ms_store *s, int64_t rel,
	ms_error *err);
int cat_con_rename(ms_store *s, int64_t oid, const char *name,
	ms_error *err);
/* Renaming an index renames the constraint it backs. */
int cat_con_rename_by_index(ms_store *s, int64_t index, const char *name,
	ms_error *err);
/* The constraint an index backs, if any. */
int cat_con_by_index(int *found, cat_con *out, ms_store *s, int64_t index,
	ms_error *err);
/* Constraints of rel that use a column (columns list contains it). */
int cat_con_drop_on_column(ms_store *s, int64_t rel, const char *column,
	ms_error *err);

int cat_con_validate(ms_store *s, int64_t oid, ms_error *err);
/* The table an index is on, or 0. */
int cat_index_table(int64_t *table, ms_store *s, int64_t index,
	ms_error *err);
/* Drop the indexes on a table. */
int cat_index_drop_of(ms_store *s, int64_t table, ms_error *err);
int cat_index_add(ms_store *s, int64_t index, int64_t table, int unique,
	const char *columns, int partial, const char *method, ms_error *err);
/* The unique, non-partial index of rel (primary key, unique constraint
 * or plain unique index) on exactly these columns (comma-separated, in
 * any order) into *index, or 0. */
int cat_unique_on(int64_t *index, ms_store *s, int64_t rel,
	const char *columns, ms_error *err);
/* The column lists of rel's unique indexes ("" for an expression
 * index); *partial says one has a predicate.  *out is malloc'd. */
int cat_unique_indexes(char (**out)[512], size_t *n, int *partial,
	ms_store *s, int64_t rel, ms_error *err);
/* The primary key of rel, if any (*found 0 or 1). */
/* The index a foreign key to rel's columns relies on
 * (transformFkeyCheckAttrs): the first, in oid order, unique, not
 * partial, not deferrable, with as many key columns (repeats counted)
 * and the same set; *deferrable when only deferrable ones matched. */
int cat_fk_index(int64_t *index, int *deferrable, ms_store *s, int64_t rel,
	const char *columns, ms_error *err);
int cat_pkey(int *found, cat_con *out, ms_store *s, int64_t rel,
	ms_error *err);

/* Dependencies: (kind, oid) depends on (ref_kind, ref_oid[, column]);
 * describe is PostgreSQL's getObjectDescription of the dependent. */
int cat_dep_add(ms_store *s, const char *kind, int64_t oid,
	const char *ref_kind, int64_t ref_oid, const char *ref_column,
	const char *describe, ms_error *err);
/* The descriptions of what depends on ref (column NULL: on the whole
 * object), one per line in creation order, into out; *n how many. */
/* Whether something whose kind starts with prefix depends on the
 * object (ref_kind, ref_oid). */
/* Whether object oid depends on something under a kind starting with
 * prefix ("default:"). */
int cat_dep_has(int *found, ms_store *s, int64_t oid, const char *prefix,
	ms_error *err);
int cat_dep_kind(int *found, ms_store *s, const char *prefix,
	const char *ref_kind, int64_t ref_oid, ms_error *err);
int cat_dep_list(char **out, int *n, ms_store *s, const char *ref_kind,
	int64_t ref_oid, const char *ref_column, int64_t except, ms_error *err);
int cat_dep_drop_dependent(ms_store *s, const char *kind, int64_t oid,
	ms_error *err);
/* Whether (kind, oid) has a row on itself (a policy of table oid). */
int cat_dep_self(int *found, ms_store *s, const char *kind, int64_t oid,
	ms_error *err);
/* The rows of one dependent (kind, oid) under a new kind and
 * description (a renamed policy). */
int cat_dep_rename(ms_store *s, const char *kind, int64_t oid,
	const char *new_kind, const char *describe, ms_error *err);
int cat_dep_drop_referenced(ms_store *s, const char *ref_kind,
	int64_t ref_oid, const char *ref_column, ms_error *err);

typedef struct cat_dep {
	char kind[CAT_NAME + 8];
	int64_t oid;
} cat_dep;

/* A dependent as a 2BP01 DETAIL line names it. */
typedef struct cat_dep_line {
	char kind[CAT_NAME + 8];
	int64_t oid;
	char describe[4 * CAT_NAME + 32];
} cat_dep_line;

/* cat_dep_list's dependents with their kind and oid (*out malloc'd). */
int cat_dep_lines(cat_dep_line **out, size_t *n, ms_store *s,
	const char *ref_kind, int64_t ref_oid, const char *ref_column,
	int64_t except, ms_error *err);
/* The dependents of ref, in creation order, excluding those that belong
 * to relation `except` (0: none) - but for a column, its table's UPDATE
 * OF triggers count.  *out is malloc'd. */
int cat_dep_rows(cat_dep **out, size_t *n, ms_store *s, const char *ref_kind,
	int64_t ref_oid, const char *ref_column, int64_t except,
	ms_error *err);

/* quote_identifier: double quotes only where PostgreSQL needs them. */
void cat_quote_ident(char *out, size_t n, const char *name);
/* A name as format_type and getObjectDescription print it: quoted, and
 * schema-qualified outside the search path (public). */
void cat_label(char *out, size_t n, const char *schema, const char *name);
/* A type's label: also qualified in public when pg_catalog has a type of
 * its name, which the search path finds first. */
void cat_type_label(char *out, size_t n, const char *schema,
	const char *name);

#endif
