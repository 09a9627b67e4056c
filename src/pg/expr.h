/*
 * expr.h - parse analysis of expressions and simple queries (expr.c):
 * whether PostgreSQL 15's transformExpr accepts an expression against the
 * relations in scope, and the type it yields.  Used wherever a statement
 * carries an expression: UPDATE and DELETE, INSERT values and queries,
 * column defaults, checks, index expressions and predicates.
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
	int constant;          /* computed from constants only: evaluating
	                          it can fail whatever the rows */
	int location;          /* where the literal is, -1 if nowhere */
} ex_type;

/* A relation visible to column references: its alias (or name) and oid;
 * oid 0 stands for a relation whose columns migsim does not know. */
typedef struct ex_rel {
	const char *alias;
	int64_t oid;
	int empty;             /* it certainly holds no rows */
} ex_rel;

typedef struct ex_scope {
	ex_rel *rels;
	size_t n, cap;
	const struct ex_scope *outer;
	int no_columns;        /* DEFAULT, VALUES: no column may be named */
	int immutable;         /* index expressions: immutable only */
	int no_subqueries;     /* checks, index expressions, USING */
} ex_scope;

/* Analysis outcomes. */
enum { EX_UNKNOWN = 0, EX_OK = 1, EX_STOP = -1 };

/* Add a relation by name to a scope (it must exist and be a table, view
 * or similar; its columns are known when the catalog knows them). */
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

/* Analyse a SELECT (FROM, WHERE, target list) as a subquery of outer.
 * *rows is how many rows it certainly returns, 0 or 1, or -1 when that
 * depends on data; types (when not NULL, with room for *ntypes entries)
 * receives its output columns' types and *ntypes their count. */
int ex_select(int *rows, ex_type *types, size_t *ntypes, int *ret, ddl *d,
	const ex_scope *outer, const PgQuery__SelectStmt *s);

/* Whether a value of type t may be stored in a column (assignment
 * coercion, a literal's input function, an enum label): EX_OK,
 * EX_UNKNOWN or EX_STOP as above. */
int ex_assignable(int *ret, ddl *d, const ex_type *t, const cat_col *col);

/* The type of a column. */
int ex_column_type(ex_type *t, ddl *d, const cat_col *col);

#endif
