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
	size_t i, size_t base, ms_error *err);
/* The transaction commits: labels added by ALTER TYPE ... ADD VALUE in it
 * become usable, temporary tables ON COMMIT DROP go. */
int ms_pg__on_commit(ms_store *store, ms_error *err);
/* What the session did can no longer be followed (a ROLLBACK TO that
 * migsim could not match): rows and catalog facts become unsure. */
int ms_pg__state_unsure(ms_store *store, ms_error *err);
/* A transaction or setting migsim does not follow begins (BEGIN READ
 * ONLY): later statements are unknown (ddl.c settings_check). */
int ms_pg__settings_unfollowed(ms_store *store, ms_error *err);
/* Whether a statement sets one of those settings (READ ONLY among a
 * transaction's modes). */
int ms_pg__settings_named(const PgQuery__Node *n);
/* The connection ends: temporary tables go. */
int ms_pg__session_end(ms_store *store, ms_error *err);
/* Add the types and functions an extension brings (types.c). */
/* Whether a type or function the extension brings already exists in
 * public (its CREATE EXTENSION then fails: 42710, 42723). */
int ms_pg__extension_clash(int *clash, ms_store *s, const char *extension,
	ms_error *err);
int ms_pg__extension_install(ms_store *store, const char *extension,
	ms_error *err);

/* Fill e with PostgreSQL's error for an injected SQLSTATE at statement i:
 * `message` when given, else PostgreSQL's text for the code with the
 * statement's names; *note explains when only the condition name fits. */
int ms_pg__injected_error(ms_pg_error *e, const char *sqlstate,
	const char *message, const ms_pg_script *script, size_t i,
	const char **note);

/* The SQLSTATE of a condition name (errcodes.txt), or NULL. */
const char *ms_pg__sqlstate_of(const char *name);

/* A type name as resolved for a column (types.c). */
typedef struct ms_typeref {
	int known;            /* migsim could decide whether it exists */
	int exists;
	int serial;           /* serial, bigserial, smallserial */
	char display[160];    /* format_type's spelling */
	char base[64];        /* the type's own name, for comparisons */
	char written[200];    /* TypeNameToString, for "does not exist" */
	int64_t user_oid;     /* a type created by a migration, or 0 */
	char user_kind;
	int typmod_refused;   /* a modifier on a type without typmodin */
	const char *typmod_site; /* its typmodin refuses the modifier (22023) */
	char typmod_error[64];
	int location;         /* byte offset in the script, -1 if none */
} ms_typeref;

int ms_pg__resolve_type(ms_typeref *t, ms_store *s,
	const PgQuery__TypeName *tn, ms_error *err);
int ms_pg__types_comparable(const ms_typeref *a, const ms_typeref *b);
int ms_pg__builtin_function(const char *name);
/* format_type's spelling of a built-in type (int4: "integer"), or NULL. */
const char *ms_pg__builtin_display(const char *name);
int ms_pg__system_type(const char *name);
/* A built-in operator class: 1 for the method, -1 for another method
 * only, 0 none. */
int ms_pg__builtin_opclass(const char *name, const char *method);
/* The extension that brings an object ("type", "function", "opclass"),
 * or NULL. */
const char *ms_pg__extension_of(const char *kind, const char *name);
/* The extension with an object (of any kind) of this name, or NULL. */
const char *ms_pg__extension_named(const char *name);
/* The version CREATE EXTENSION installs (contrib's newest), or NULL. */
const char *ms_pg__extension_version(const char *extension);
int ms_pg__extension_known(const char *extension);
const char *ms_pg__node_string(const PgQuery__Node *n);

#endif
