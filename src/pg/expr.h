/*
 * expr.h - parse analysis of expressions (expr.c) and queries (query.c):
 * whether PostgreSQL 15's transformExpr and transformSelectStmt accept
 * them against the relations in scope, and the types they yield.  Used
 * wherever a statement carries an expression or a query: UPDATE, DELETE,
 * INSERT, views, column defaults, checks, index expressions and
 * predicates, USING.
 *
 * The answer is three-valued like a statement's: the analysis certainly
 * passes (the type is then known), certainly fails (the ddl fails with
 * PostgreSQL's error), or is not modelled.
 */
#ifndef MIGSIM_PG_EXPR_H
#define MIGSIM_PG_EXPR_H

#include "ddl.h"

/* A value's type, coarse where PostgreSQL's operator and cast rules do
 * not care.  cat is pg_type.typcategory (B bool, D date/time, E enum,
 * I network, N numeric, S string, T interval, U uuid/json/bytea, A array
 * of `name`), 'X' a literal of still unknown type, 'Z' the NULL
 * constant; 0 means not modelled. */
typedef struct ex_type {
	char cat;
	char name[CAT_NAME];   /* int4, text, ...; an enum's own name */
	int64_t user;          /* the enum's migsim_type oid, or 0 */
	int typmod;            /* varchar(n)/char(n) length, or -1 */
	const char *literal;   /* an 'X' literal's text, or a string
	                          constant's (borrowed) */
	int location;          /* where the literal is, -1 if nowhere */
	int constant;          /* computed from constants only: evaluating
	                          it can fail whatever the rows */
	int has_value;         /* a numeric constant whose value is known */
	double value;
	char display[CAT_TYPE];/* format_type's spelling, "" if not known */
	int64_t type_oid;      /* a migsim_type (enum, extension type), or 0 */
	int64_t domain;        /* a domain's migsim_type: the rest describes
	                          its base type, display the domain */
} ex_type;

/* An output column of a query, or a column of a derived relation. */
typedef struct ex_col {
	char name[CAT_NAME];
	ex_type type;
} ex_col;

/* A relation visible to column references: its alias (or name), and
 * either a catalog relation whose columns are known (oid), or the
 * columns of a subquery or WITH query (cols); neither: columns unknown. */
typedef struct ex_rel {
	const char *alias;
	int64_t oid;
	ex_col *cols;
	size_t ncols;
	int owns_cols;         /* cols is freed with the scope */
	int empty;             /* it certainly holds no rows */
	int unpopulated;       /* a materialized view made WITH NO DATA */
	int item;              /* the FROM item it is part of (a join's
	                          tables share one), 0 for a target */
	int scalar;            /* a function returning a scalar: its whole
	                          row is its one column */
	int64_t relid;         /* a catalog relation's oid, known columns or
	                          not; 0 for other items */
	int unaliased;         /* a catalog relation named without alias */
	char relkind;          /* a catalog relation's kind */
} ex_rel;

/* WITH queries visible as relation names. */
typedef struct ex_cte {
	const char *name;
	ex_col *cols;
	size_t ncols;
	int empty;
} ex_cte;

/* The grouping of a query: the columns (relation, name) it groups by,
 * and the relations whose primary key it groups by (their other columns
 * are functionally dependent on it). */
typedef struct ex_group {
	struct { const ex_rel *rel; char col[CAT_NAME]; } *items;
	size_t n;
	const ex_rel **keyed;
	size_t nkeyed;
	struct ex_keys *key_used; /* the tables whose key allowed a column:
	                          the query then depends on the key */
} ex_group;

/* The tables whose primary key a grouped query relied on. */
typedef struct ex_keys {
	int64_t oids[8];
	size_t n;
	int more;              /* more than fit */
} ex_keys;

/* Columns of catalog relations a query reads, for a view's dependencies. */
typedef struct ex_uses {
	struct { int64_t rel; char col[CAT_NAME]; } *items;
	size_t n, cap;
	int oom;
} ex_uses;

typedef struct ex_scope {
	ex_rel *rels;
	size_t n, cap;
	ex_cte *ctes;          /* owned */
	size_t nctes;
	const struct ex_scope *outer;
	int no_columns;        /* DEFAULT, VALUES: no column may be named */
	int immutable;         /* index expressions: immutable only */
	int no_subqueries;     /* checks, index expressions, USING */
	int aggregates;        /* aggregates and window functions allowed */
	int in_aggregate;      /* inside an aggregate's arguments */
	int no_srf;            /* set-returning functions refused (HAVING,
	                          CASE, COALESCE, boolean operands) */
	int no_window;         /* window functions refused (HAVING, window
	                          definitions) */
	const ex_group *group; /* grouped: other columns need aggregates */
	int from_item;         /* the FROM item being added, from 1 */
	int folded;            /* evaluated once on its own (ADD COLUMN's
	                          default), as a planned statement's are */
	int qual;              /* a planned statement's condition, whose
	                          stable calls the planner estimates */
	const struct ex_scope *hidden; /* relations in the range table but
	                          not visible (an INSERT's target, earlier
	                          FROM items): PostgreSQL's hints name them */
} ex_scope;

/* Analysis outcomes. */
enum { EX_UNKNOWN = 0, EX_OK = 1, EX_STOP = -1 };

/* Add a catalog relation by name to a scope (its columns are known when
 * the catalog knows them). */
int ex_scope_add(ex_scope *sc, ddl *d, const char *schema, const char *name,
	const char *alias);
void ex_scope_free(ex_scope *sc);

/*
 * Analyse expression n in scope sc.  EX_OK: PostgreSQL accepts it and
 * *t is its type; EX_UNKNOWN: not modelled (ddl_unknown has been told
 * why); EX_STOP: the ddl failed with PostgreSQL's error, or *ret holds a
 * state-file error.
 */
int ex_analyse(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__Node *n);
/* Whether n is a column reference; *qualifier its table ("t" of t.c),
 * NULL when it has none. */
int ex_column_ref(const PgQuery__Node *n, const char **qualifier);
/* Whether values of type t sort and group (an equality and an ordering
 * operator: json, xml and geometric types have none, 42883); 0 and
 * unknown when not, or not known. */
int ex_sortable(ddl *d, const ex_type *t);
/* The common type of several values (CASE, COALESCE, VALUES columns):
 * one known type, literals and NULL taking it; text for literals only. */
int ex_common(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	PgQuery__Node **items, size_t n);
/* The common type of two known types (UNION columns): t becomes it;
 * 0 when migsim does not know it. */
int ex_unify(ex_type *t, const ex_type *one);
/* An expression whose value must be boolean (WHERE, ON, HAVING). */
int ex_boolean(int *ret, ddl *d, const ex_scope *sc, const PgQuery__Node *n);

/* Analyse a query as a subquery of outer (NULL: a top-level query).
 * *rows is 0 when it certainly returns no row, 1 when it certainly
 * returns some (one, without FROM), -1 when that depends on data; *out (when out is not NULL) receives its output
 * columns, malloc'd, and *nout their count. */
int ex_select(int *rows, ex_col **out, size_t *nout, int *ret, ddl *d,
	const ex_scope *outer, const PgQuery__SelectStmt *s);

/* WITH queries and FROM items of a statement, added to its scope (the
 * target of UPDATE or DELETE is added first).  *empty: some FROM item
 * certainly yields no rows. */
int ex_with(int *ret, ddl *d, ex_scope *sc, const PgQuery__WithClause *w);
/* Whether a join certainly yields no row, given which sides certainly
 * yield none (0 for join types not listed: INNER, LEFT, RIGHT, FULL). */
int ex_join_empty(PgQuery__JoinType type, int left, int right);
int ex_from(int *empty, int *ret, ddl *d, ex_scope *sc,
	PgQuery__Node **items, size_t n);

/* A set-returning function call in FROM (always LATERAL): its output
 * columns, malloc'd.  alias names a column that has no OUT parameter
 * (NULL: the function's name). */
int ex_set_function(ex_col **cols, size_t *ncols, int *ret, ddl *d,
	const ex_scope *sc, const PgQuery__FuncCall *f, const char *alias);

/* Whether a value of type t may be stored in a column (assignment
 * coercion, a literal's input function, an enum label): EX_OK,
 * EX_UNKNOWN or EX_STOP as above. */
int ex_assignable(int *ret, ddl *d, const ex_type *t, const cat_col *col);
/* A literal (an 'X' type) read by the input function of type to. */
int ex_literal_to(int *ret, ddl *d, const ex_type *lit, const ex_type *to);
/* A value an INSERT computes for its row, whatever it is (now()::text),
 * into col: EX_OK when any value of its type fits (no typmod to pass,
 * no narrower number). */
int ex_evaluated_fits(int *ret, ddl *d, const ex_type *t,
	const cat_col *col);

/* Whether a value of type t certainly has no implicit or assignment
 * cast to `to` (42804 where it is assigned). */
int ex_no_assignment_cast(const ex_type *t, const ex_type *to);

/* The type of a column. */
int ex_column_type(ex_type *t, ddl *d, const cat_col *col);
/* Keys of literal rows (catalog.h, cat_kept): a constant v (casts
 * aside) of column col in a canonical spelling, where equal spellings
 * are equal values and different ones different: integers, text and
 * varchar (no collation other than the default, which is deterministic,
 * was ever created), enum labels, lowercase UUIDs.  0 when the value is
 * not one of those. */
int ex_key_value(char *out, size_t n, ddl *d, const cat_col *col,
	const PgQuery__Node *v);
/* Set t to a built-in type by name (int4) or a category's literal. */
void ex_set_type(ex_type *t, char cat, const char *name);
/* Whether a condition is certainly true (1) or false (0) without reading
 * a row; -1 when not known.  It has been analysed already. */
int ex_truth(int *ret, ddl *d, const ex_scope *sc, const PgQuery__Node *n);
/* Whether a call is an aggregate of the query (not a window function). */
int ex_is_aggregate(const PgQuery__FuncCall *f);
/* The name an index expression's column gets (FigureIndexColname), or
 * NULL when migsim does not know it. */
const char *ex_index_colname(const PgQuery__Node *n);
/* Record that a query read column col of catalog relation rel. */
void ex_uses_add(ex_uses *u, int64_t rel, const char *col);

#endif
