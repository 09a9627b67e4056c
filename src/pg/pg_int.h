/* pg_int.h - what the files of src/pg/ share: the libpg_query tree. */
#ifndef MIGSIM_PG_INT_H
#define MIGSIM_PG_INT_H

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "migsim/pg.h"

/* What sqlparser 0.61 (Prisma >= 7.4 split mode) makes of a statement;
 * ordered from best to worst. */
typedef enum ms_split_parse {
	MS_SPLIT_PARSES,
	MS_SPLIT_UNSURE,
	MS_SPLIT_REJECTS
} ms_split_parse;

ms_split_parse ms_pg__sqlparser_accepts(const ms_pg_script *s, size_t i);

/* The statement node of statement i of a parsed script. */
PgQuery__Node *ms_pg__stmt_node(const ms_pg_script *script, size_t i);

/* PostgreSQL's keyword for an object type in DROP/ALTER/COMMENT tags,
 * e.g. "TABLE", "MATERIALIZED VIEW"; NULL when migsim has no name. */
const char *ms_pg__object_type_name(PgQuery__ObjectType t);

/* Apply a plain statement's effect to the simulated catalog.  Sets
 * *verdict (ok, unknown, or fails with e filled) and *note (why unknown).
 * Returns MS_OK or a state-file error. */
int ms_pg__catalog_apply(ms_verdict *verdict, const char **note,
	ms_pg_error *e, ms_store *store, const ms_pg_script *script,
	size_t i, ms_error *err);

/* Fill e with PostgreSQL's error for an injected SQLSTATE at statement i:
 * `message` when given, else PostgreSQL's text for the code with the
 * statement's names; *note explains when only the condition name fits. */
int ms_pg__injected_error(ms_pg_error *e, const char *sqlstate,
	const char *message, const ms_pg_script *script, size_t i,
	const char **note);

#endif
