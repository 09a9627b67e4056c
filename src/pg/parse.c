/*
 * parse.c - one migration script as PostgreSQL 15 parses a simple-query
 * message: the whole string at once (a syntax error anywhere means nothing
 * runs), split into raw statements with their byte locations, each
 * classified for the transaction model (spec execution-modes.md 1.1).
 * libpg_query is PostgreSQL 15's own grammar, so the statement boundaries
 * and the syntax error texts are the server's.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ddl.h"
#include "pg_int.h"

void ms_pg_init(void)
{
	pg_query_init();
}

void ms_pg_shutdown(void)
{
	pg_query_exit();
}

PgQuery__Node *ms_pg__stmt_node(const ms_pg_script *s, size_t i)
{
	const PgQuery__ParseResult *pr = s->tree;

	return pr && i < pr->n_stmts ? pr->stmts[i]->stmt : NULL;
}

const char *ms_pg__object_type_name(PgQuery__ObjectType t)
{
	switch (t) {
	case PG_QUERY__OBJECT_TYPE__OBJECT_ACCESS_METHOD: return "ACCESS METHOD";
	case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:    return "AGGREGATE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_CAST:         return "CAST";
	case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:       return "COLUMN";
	case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION:    return "COLLATION";
	case PG_QUERY__OBJECT_TYPE__OBJECT_CONVERSION:   return "CONVERSION";
	case PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE:     return "DATABASE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:       return "DOMAIN";
	case PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT: return "DOMAIN";
	case PG_QUERY__OBJECT_TYPE__OBJECT_EVENT_TRIGGER: return "EVENT TRIGGER";
	case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:    return "EXTENSION";
	case PG_QUERY__OBJECT_TYPE__OBJECT_FDW:          return "FOREIGN DATA WRAPPER";
	case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_SERVER: return "SERVER";
	case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: return "FOREIGN TABLE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:     return "FUNCTION";
	case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:        return "INDEX";
	case PG_QUERY__OBJECT_TYPE__OBJECT_LANGUAGE:     return "LANGUAGE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:      return "MATERIALIZED VIEW";
	case PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS:      return "OPERATOR CLASS";
	case PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR:     return "OPERATOR";
	case PG_QUERY__OBJECT_TYPE__OBJECT_OPFAMILY:     return "OPERATOR FAMILY";
	case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:       return "POLICY";
	case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:    return "PROCEDURE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_PUBLICATION:  return "PUBLICATION";
	case PG_QUERY__OBJECT_TYPE__OBJECT_ROLE:         return "ROLE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:      return "ROUTINE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:         return "RULE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:       return "SCHEMA";
	case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:     return "SEQUENCE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_SUBSCRIPTION: return "SUBSCRIPTION";
	case PG_QUERY__OBJECT_TYPE__OBJECT_STATISTIC_EXT: return "STATISTICS";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: return "TABLE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:        return "TABLE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TABLESPACE:   return "TABLESPACE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TRANSFORM:    return "TRANSFORM";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:      return "TRIGGER";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TSCONFIGURATION: return "TEXT SEARCH CONFIGURATION";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TSDICTIONARY: return "TEXT SEARCH DICTIONARY";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TSPARSER:     return "TEXT SEARCH PARSER";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TSTEMPLATE:   return "TEXT SEARCH TEMPLATE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:         return "TYPE";
	case PG_QUERY__OBJECT_TYPE__OBJECT_USER_MAPPING: return "USER MAPPING";
	case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:         return "VIEW";
	default:                                         return NULL;
	}
}

static void tag_with(char *tag, const char *verb, PgQuery__ObjectType t)
{
	const char *name = ms_pg__object_type_name(t);

	snprintf(tag, 48, "%s %s", verb, name ? name : "OBJECT");
}

/* PostgreSQL's command tag (CreateCommandTag in tcop/utility.c) for the
 * statements migrations use; others get a generic tag. */
static void set_tag(char *tag, const PgQuery__Node *n)
{
	const char *t = NULL;

	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_CREATE_STMT:       t = "CREATE TABLE"; break;
	case PG_QUERY__NODE__NODE_INDEX_STMT:        t = "CREATE INDEX"; break;
	case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
	case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
	case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT: t = "CREATE TYPE"; break;
	case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:   t = "ALTER TYPE"; break;
	case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: t = "CREATE SCHEMA"; break;
	case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:   t = "CREATE SEQUENCE"; break;
	case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:    t = "ALTER SEQUENCE"; break;
	case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: t = "CREATE DOMAIN"; break;
	case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT: t = "ALTER DOMAIN"; break;
	case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT: t = "CREATE EXTENSION"; break;
	case PG_QUERY__NODE__NODE_ALTER_EXTENSION_STMT: t = "ALTER EXTENSION"; break;
	case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
		t = n->create_function_stmt->is_procedure ?
			"CREATE PROCEDURE" : "CREATE FUNCTION";
		break;
	case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT: t = "ALTER FUNCTION"; break;
	case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:  t = "CREATE TRIGGER"; break;
	case PG_QUERY__NODE__NODE_VIEW_STMT:         t = "CREATE VIEW"; break;
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
		t = n->create_table_as_stmt->objtype ==
			PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ?
			"CREATE MATERIALIZED VIEW" : "CREATE TABLE AS";
		break;
	case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT: t = "REFRESH MATERIALIZED VIEW"; break;
	case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT: t = "CREATE POLICY"; break;
	case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT: t = "ALTER POLICY"; break;
	case PG_QUERY__NODE__NODE_CREATE_STATS_STMT: t = "CREATE STATISTICS"; break;
	case PG_QUERY__NODE__NODE_DO_STMT:           t = "DO"; break;
	case PG_QUERY__NODE__NODE_INSERT_STMT:       t = "INSERT"; break;
	case PG_QUERY__NODE__NODE_UPDATE_STMT:       t = "UPDATE"; break;
	case PG_QUERY__NODE__NODE_DELETE_STMT:       t = "DELETE"; break;
	case PG_QUERY__NODE__NODE_MERGE_STMT:        t = "MERGE"; break;
	case PG_QUERY__NODE__NODE_SELECT_STMT:       t = "SELECT"; break;
	case PG_QUERY__NODE__NODE_TRUNCATE_STMT:     t = "TRUNCATE TABLE"; break;
	case PG_QUERY__NODE__NODE_COMMENT_STMT:      t = "COMMENT"; break;
	case PG_QUERY__NODE__NODE_GRANT_STMT:
		t = n->grant_stmt->is_grant ? "GRANT" : "REVOKE";
		break;
	case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
		t = n->grant_role_stmt->is_grant ? "GRANT ROLE" : "REVOKE ROLE";
		break;
	case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT: t = "ALTER DEFAULT PRIVILEGES"; break;
	case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT: t = "SET"; break;
	case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT: t = "SHOW"; break;
	case PG_QUERY__NODE__NODE_LOCK_STMT:         t = "LOCK TABLE"; break;
	case PG_QUERY__NODE__NODE_VACUUM_STMT:
		t = n->vacuum_stmt->is_vacuumcmd ? "VACUUM" : "ANALYZE";
		break;
	case PG_QUERY__NODE__NODE_REINDEX_STMT:      t = "REINDEX"; break;
	case PG_QUERY__NODE__NODE_CLUSTER_STMT:      t = "CLUSTER"; break;
	case PG_QUERY__NODE__NODE_CREATEDB_STMT:     t = "CREATE DATABASE"; break;
	case PG_QUERY__NODE__NODE_DROPDB_STMT:       t = "DROP DATABASE"; break;
	case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:  t = "CREATE ROLE"; break;
	case PG_QUERY__NODE__NODE_ALTER_ROLE_STMT:   t = "ALTER ROLE"; break;
	case PG_QUERY__NODE__NODE_DROP_ROLE_STMT:    t = "DROP ROLE"; break;
	case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT: t = "ALTER SYSTEM"; break;
	case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT: t = "CREATE TABLESPACE"; break;
	case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT: t = "DROP TABLESPACE"; break;
	case PG_QUERY__NODE__NODE_DISCARD_STMT:      t = "DISCARD"; break;
	case PG_QUERY__NODE__NODE_CALL_STMT:         t = "CALL"; break;
	case PG_QUERY__NODE__NODE_EXPLAIN_STMT:      t = "EXPLAIN"; break;
	case PG_QUERY__NODE__NODE_COPY_STMT:         t = "COPY"; break;
	case PG_QUERY__NODE__NODE_CREATE_PUBLICATION_STMT: t = "CREATE PUBLICATION"; break;
	case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT: t = "CREATE SUBSCRIPTION"; break;
	case PG_QUERY__NODE__NODE_ALTER_SUBSCRIPTION_STMT: t = "ALTER SUBSCRIPTION"; break;
	case PG_QUERY__NODE__NODE_DROP_SUBSCRIPTION_STMT: t = "DROP SUBSCRIPTION"; break;
	case PG_QUERY__NODE__NODE_RULE_STMT:         t = "CREATE RULE"; break;
	case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
		switch (n->transaction_stmt->kind) {
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN: t = "BEGIN"; break;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START: t = "START TRANSACTION"; break;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT: t = "COMMIT"; break;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK: t = "ROLLBACK"; break;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_SAVEPOINT: t = "SAVEPOINT"; break;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE: t = "RELEASE"; break;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO: t = "ROLLBACK"; break;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE: t = "PREPARE TRANSACTION"; break;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT_PREPARED: t = "COMMIT PREPARED"; break;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_PREPARED: t = "ROLLBACK PREPARED"; break;
		default: t = "TRANSACTION"; break;
		}
		break;
	case PG_QUERY__NODE__NODE_DROP_STMT:
		tag_with(tag, "DROP", n->drop_stmt->remove_type);
		return;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
		tag_with(tag, "ALTER", n->alter_table_stmt->objtype);
		return;
	case PG_QUERY__NODE__NODE_RENAME_STMT:
		/* RENAME COLUMN names its relation's kind; RENAME CONSTRAINT
		 * leaves relationType unset in gram.y, and is on a table. */
		tag_with(tag, "ALTER", n->rename_stmt->rename_type ==
			PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN ?
			n->rename_stmt->relation_type : n->rename_stmt->rename_type);
		return;
	case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
		tag_with(tag, "ALTER", n->alter_object_schema_stmt->object_type);
		return;
	case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT:
		tag_with(tag, "ALTER", n->alter_owner_stmt->object_type);
		return;
	case PG_QUERY__NODE__NODE_DEFINE_STMT:
		tag_with(tag, "CREATE", n->define_stmt->kind);
		return;
	default:
		t = "UTILITY";
		break;
	}
	snprintf(tag, 48, "%s", t);
}

static int has_defelem(PgQuery__Node **opts, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (opts[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
		    strcmp(opts[i]->def_elem->defname, name) == 0)
			return 1;
	return 0;
}

static int detaches_concurrently(const PgQuery__AlterTableStmt *a)
{
	for (size_t i = 0; i < a->n_cmds; i++) {
		const PgQuery__AlterTableCmd *c = a->cmds[i]->alter_table_cmd;

		if (c && c->subtype ==
		    PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition &&
		    c->def && c->def->node_case ==
		    PG_QUERY__NODE__NODE_PARTITION_CMD &&
		    c->def->partition_cmd->concurrent)
			return 1;
	}
	return 0;
}

static const char *reindex_no_block(const PgQuery__ReindexStmt *r)
{
	/* ExecReindex asks about CONCURRENTLY before the kind. */
	if (has_defelem(r->params, r->n_params, "concurrently"))
		return "REINDEX CONCURRENTLY";
	switch (r->kind) {
	case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA:
		return "REINDEX SCHEMA";
	case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM:
		return "REINDEX SYSTEM";
	case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE:
		return "REINDEX DATABASE";
	default:
		return NULL;
	}
}

/*
 * The statements PostgreSQL 15 refuses inside a transaction block: the
 * callers of PreventInTransactionBlock (access/transam/xact.c), with the
 * name each passes.  See docs/postgresql.md for the list and sources.
 */
static const char *no_block_name(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_INDEX_STMT:
		return n->index_stmt->concurrent ? "CREATE INDEX CONCURRENTLY" : NULL;
	case PG_QUERY__NODE__NODE_DROP_STMT:
		return n->drop_stmt->concurrent &&
			n->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX ?
			"DROP INDEX CONCURRENTLY" : NULL;
	case PG_QUERY__NODE__NODE_REINDEX_STMT:
		return reindex_no_block(n->reindex_stmt);
	case PG_QUERY__NODE__NODE_VACUUM_STMT:
		return n->vacuum_stmt->is_vacuumcmd ? "VACUUM" : NULL;
	case PG_QUERY__NODE__NODE_CREATEDB_STMT:
		return "CREATE DATABASE";
	case PG_QUERY__NODE__NODE_DROPDB_STMT:
		return "DROP DATABASE";
	case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT:
		return "CREATE TABLESPACE";
	case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT:
		return "DROP TABLESPACE";
	case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT:
		return "ALTER SYSTEM";
	case PG_QUERY__NODE__NODE_CLUSTER_STMT:
		return n->cluster_stmt->relation ? NULL : "CLUSTER";
	case PG_QUERY__NODE__NODE_DISCARD_STMT:
		return n->discard_stmt->target == PG_QUERY__DISCARD_MODE__DISCARD_ALL ?
			"DISCARD ALL" : NULL;
	case PG_QUERY__NODE__NODE_ALTER_DATABASE_STMT:
		return has_defelem(n->alter_database_stmt->options,
			n->alter_database_stmt->n_options, "tablespace") ?
			"ALTER DATABASE SET TABLESPACE" : NULL;
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
		return detaches_concurrently(n->alter_table_stmt) ?
			"ALTER TABLE ... DETACH CONCURRENTLY" : NULL;
	default:
		return NULL;
	}
}

static ms_stmt_class classify(const PgQuery__Node *n, const char **no_block)
{
	*no_block = NULL;
	if (n->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT) {
		/* For MS_STMT_TXN_OTHER, no_block names what PostgreSQL says
		 * "can only be used in transaction blocks" (25P01). */
		switch (n->transaction_stmt->kind) {
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
			return MS_STMT_BEGIN;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
			if (!n->transaction_stmt->chain)
				return MS_STMT_COMMIT;
			*no_block = "COMMIT AND CHAIN";
			return MS_STMT_TXN_OTHER;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
			if (!n->transaction_stmt->chain)
				return MS_STMT_ROLLBACK;
			*no_block = "ROLLBACK AND CHAIN";
			return MS_STMT_TXN_OTHER;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_SAVEPOINT:
			*no_block = "SAVEPOINT";
			return MS_STMT_TXN_OTHER;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE:
			*no_block = "RELEASE SAVEPOINT";
			return MS_STMT_TXN_OTHER;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO:
			*no_block = "ROLLBACK TO SAVEPOINT";
			return MS_STMT_TXN_OTHER;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT_PREPARED:
			*no_block = "COMMIT PREPARED";
			return MS_STMT_NO_BLOCK;
		case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_PREPARED:
			*no_block = "ROLLBACK PREPARED";
			return MS_STMT_NO_BLOCK;
		default:
			return MS_STMT_TXN_OTHER;
		}
	}
	*no_block = no_block_name(n);
	return *no_block ? MS_STMT_NO_BLOCK : MS_STMT_PLAIN;
}

/* Skip whitespace and comments (-- to end of line, nested block comments)
 * from p; returns the first byte of a token. */
static size_t skip_space(const char *s, size_t p, size_t end)
{
	while (p < end) {
		if (isspace((unsigned char)s[p])) {
			p++;
		} else if (s[p] == '-' && p + 1 < end && s[p + 1] == '-') {
			while (p < end && s[p] != '\n')
				p++;
		} else if (s[p] == '/' && p + 1 < end && s[p + 1] == '*') {
			int depth = 0;

			do {
				if (s[p] == '/' && p + 1 < end && s[p + 1] == '*') {
					depth++;
					p += 2;
				} else if (s[p] == '*' && p + 1 < end && s[p + 1] == '/') {
					depth--;
					p += 2;
				} else {
					p++;
				}
			} while (p < end && depth > 0);
		} else {
			break;
		}
	}
	return p;
}

static int ident_cont(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

/* Byte offset of a 1-based character position. */
static size_t char_to_byte(const char *s, size_t len, int pos)
{
	size_t i = 0;

	for (int chars = 1; i < len && chars < pos; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 &&
		    ((unsigned char)s[i + 1] & 0xc0) != 0x80)
			chars++;
		else if (((unsigned char)s[i] & 0xc0) != 0x80)
			;
		else if (i + 1 >= len || ((unsigned char)s[i + 1] & 0xc0) != 0x80)
			chars++;
	return i;
}

/*
 * libpg_query reports no SQLSTATE.  Nearly every raw-parse error is 42601;
 * these are the grammar's and scanner's other codes (PostgreSQL 15.18
 * gram.y, scan.l, parser.c; docs/postgresql.md "Parser errors"), keyed by
 * the start of the message.
 */
static const struct {
	const char *prefix;
	const char *sqlstate;
	const char *hint;
} parse_codes[] = {
	{ "invalid byte sequence for encoding", "22021", NULL },
	{ "unsafe use of \\' in a string literal", "22P06",
	  "Use '' to write quotes in strings. \\' is insecure in "
	  "client-only encodings." },
	{ "unsafe use of string constant with Unicode escapes", "0A000", NULL },
	{ "UNENCRYPTED PASSWORD is no longer supported", "0A000",
	  "Remove UNENCRYPTED to store the password in encrypted form instead." },
	{ "CREATE SCHEMA IF NOT EXISTS cannot include schema elements", "0A000",
	  NULL },
	{ "current database cannot be changed", "0A000", NULL },
	{ "MATCH PARTIAL not yet implemented", "0A000", NULL },
	{ "a column list with ", "0A000", NULL },
	{ "CREATE EXTENSION ... FROM is no longer supported", "0A000", NULL },
	{ "CREATE OR REPLACE CONSTRAINT TRIGGER is not supported", "0A000",
	  NULL },
	{ "CREATE ASSERTION is not yet implemented", "0A000", NULL },
	{ "aggregates cannot have output arguments", "0A000", NULL },
	{ "WITH CHECK OPTION not supported on recursive views", "0A000", NULL },
	{ "UNIQUE predicate is not yet implemented", "0A000", NULL },
	{ "an ordered-set aggregate with a VARIADIC", "0A000", NULL },
	{ "column number must be in range", "22023", NULL },
	{ "precision for type float must be", "22023", NULL },
	{ "modulus for hash partition provided more than once", "42710", NULL },
	{ "remainder for hash partition provided more than once", "42710",
	  NULL },
	{ "frame ", "42P20", NULL },
	{ "role name \"", "42939", NULL },
	{ "LIMIT #,# syntax is not supported", "42601",
	  "Use separate LIMIT and OFFSET clauses." },
	{ "VALUES in FROM must have an alias", "42601",
	  "For example, FROM (VALUES ...) [AS] foo." },
	{ "subquery in FROM must have an alias", "42601",
	  "For example, FROM (SELECT ...) [AS] foo." },
	{ "missing argument", "42601",
	  "Use NONE to denote the missing argument of a unary operator." },
	{ "unrecognized row security option", "42601",
	  "Only PERMISSIVE or RESTRICTIVE policies are supported currently." },
};

/* The parser's own ereports (grammar, scanner, Unicode escapes,
 * encoding checks): their site in PostgreSQL 15.18, by the routine
 * libpg_query names (its copies have other lines; the encoding check
 * moved into report_invalid_encoding_int after 15.1). */
static const struct {
	const char *from;    /* libpg_query's routine */
	const char *text;    /* found anywhere in the message */
	const char *file;
	int line;
	const char *routine;
} parse_sites[] = {
	{ "base_yyparse", "a column list with ", "gram.y", 4262,
	  "base_yyparse" },
	{ "base_yyparse", "CREATE SCHEMA IF NOT EXISTS cannot include schema "
	  "elements", "gram.y", 1488, "base_yyparse" },
	{ "processCASbits", " constraints cannot be marked NOT VALID", "gram.y",
	  18407, "processCASbits" },
	{ "processCASbits", " constraints cannot be marked DEFERRABLE", "gram.y",
	  18381, "processCASbits" },
	{ "mergeTableFuncParameters", "OUT and INOUT arguments aren't allowed "
	  "in TABLE functions", "gram.y", 18211, "mergeTableFuncParameters" },
	{ "base_yyparse", "CREATE OR REPLACE CONSTRAINT TRIGGER is not "
	  "supported", "gram.y", 5763, "base_yyparse" },
	{ "base_yyparse", "role name \"public\" is reserved", "gram.y", 16449,
	  "base_yyparse" },
	{ "base_yyparse", "SESSION_USER cannot be used as a role name here",
	  "gram.y", 16456, "base_yyparse" },
	{ "base_yyparse", "CURRENT_USER cannot be used as a role name here",
	  "gram.y", 16463, "base_yyparse" },
	{ "base_yyparse", "CURRENT_ROLE cannot be used as a role name here",
	  "gram.y", 16470, "base_yyparse" },
	{ "base_yyparse", "role name \"none\" is reserved", "gram.y", 16495,
	  "base_yyparse" },
	{ "base_yyparse", "UNENCRYPTED PASSWORD is no longer supported", "gram.y", 1144,
	  "base_yyparse" },
	{ "base_yyparse", "unrecognized role option \"", "gram.y", 1207,
	  "base_yyparse" },
	{ "base_yyparse", "current database cannot be changed", "gram.y", 1645,
	  "base_yyparse" },
	{ "base_yyparse", "time zone interval must be HOUR or HOUR TO MINUTE", "gram.y", 1778,
	  "base_yyparse" },
	{ "base_yyparse", "column number must be in range from 1 to ", "gram.y", 2395,
	  "base_yyparse" },
	{ "base_yyparse", "\" not supported here", "gram.y", 2997,
	  "base_yyparse" },
	{ "base_yyparse", "modulus for hash partition provided more than once", "gram.y", 3026,
	  "base_yyparse" },
	{ "base_yyparse", "remainder for hash partition provided more than once", "gram.y", 3035,
	  "base_yyparse" },
	{ "base_yyparse", "unrecognized hash partition bound specification \"", "gram.y", 3042,
	  "base_yyparse" },
	{ "base_yyparse", "modulus for hash partition must be specified", "gram.y", 3050,
	  "base_yyparse" },
	{ "base_yyparse", "remainder for hash partition must be specified", "gram.y", 3054,
	  "base_yyparse" },
	{ "base_yyparse", "WHERE clause not allowed with COPY TO", "gram.y", 3268,
	  "base_yyparse" },
	{ "base_yyparse", "for a generated column, GENERATED ALWAYS must be specified", "gram.y", 3879,
	  "base_yyparse" },
	{ "base_yyparse", "MATCH PARTIAL not yet implemented", "gram.y", 4170,
	  "base_yyparse" },
	{ "base_yyparse", "CREATE EXTENSION ... FROM is no longer supported", "gram.y", 4979,
	  "base_yyparse" },
	{ "base_yyparse", "unrecognized row security option \"", "gram.y", 5677,
	  "base_yyparse" },
	{ "base_yyparse", "constraint declared INITIALLY DEFERRED must be DEFERRABLE", "gram.y", 5942,
	  "base_yyparse" },
	{ "base_yyparse", "conflicting constraint properties", "gram.y", 5949,
	  "base_yyparse" },
	{ "base_yyparse", "CREATE ASSERTION is not yet implemented", "gram.y", 6048,
	  "base_yyparse" },
	{ "base_yyparse", "aggregates cannot have output arguments", "gram.y", 8313,
	  "base_yyparse" },
	{ "base_yyparse", "missing argument", "gram.y", 8776,
	  "base_yyparse" },
	{ "base_yyparse", "LIMIT #,# syntax is not supported", "gram.y", 12903,
	  "base_yyparse" },
	{ "base_yyparse", "only one DEFAULT value is allowed", "gram.y", 13808,
	  "base_yyparse" },
	{ "base_yyparse", "only one PATH value per column is allowed", "gram.y", 13817,
	  "base_yyparse" },
	{ "base_yyparse", "conflicting or redundant NULL / NOT NULL declarations for column \"", "gram.y", 13826,
	  "base_yyparse" },
	{ "base_yyparse", "unrecognized column option \"", "gram.y", 13835,
	  "base_yyparse" },
	{ "base_yyparse", "\" cannot be used in XMLTABLE", "gram.y", 13868,
	  "base_yyparse" },
	{ "base_yyparse", "precision for type float must be at least 1 bit", "gram.y", 14096,
	  "base_yyparse" },
	{ "base_yyparse", "precision for type float must be less than 54 bits", "gram.y", 14105,
	  "base_yyparse" },
	{ "base_yyparse", "wrong number of parameters on left side of OVERLAPS expression", "gram.y", 14608,
	  "base_yyparse" },
	{ "base_yyparse", "wrong number of parameters on right side of OVERLAPS expression", "gram.y", 14613,
	  "base_yyparse" },
	{ "base_yyparse", "UNIQUE predicate is not yet implemented", "gram.y", 14790,
	  "base_yyparse" },
	{ "base_yyparse", "cannot use multiple ORDER BY clauses with WITHIN GROUP", "gram.y", 15168,
	  "base_yyparse" },
	{ "base_yyparse", "cannot use DISTINCT with WITHIN GROUP", "gram.y", 15173,
	  "base_yyparse" },
	{ "base_yyparse", "cannot use VARIADIC with WITHIN GROUP", "gram.y", 15178,
	  "base_yyparse" },
	{ "base_yyparse", "frame starting from following row cannot end with current row", "gram.y", 15720,
	  "base_yyparse" },
	{ "base_yyparse", "frame end cannot be UNBOUNDED PRECEDING", "gram.y", 15744,
	  "base_yyparse" },
	{ "base_yyparse", "frame starting from current row cannot have preceding rows", "gram.y", 15750,
	  "base_yyparse" },
	{ "base_yyparse", "frame starting from following row cannot have preceding rows", "gram.y", 15757,
	  "base_yyparse" },
	{ "base_yyparse", "type modifier cannot have parameter name", "gram.y", 16382,
	  "base_yyparse" },
	{ "base_yyparse", "type modifier cannot have ORDER BY", "gram.y", 16388,
	  "base_yyparse" },
	{ "base_yyparse", "WITH TIES cannot be specified without ORDER BY clause", "gram.y", 16560,
	  "base_yyparse" },
	{ "makeOrderedSetArgs", "an ordered-set aggregate with a VARIADIC direct argument must have one VARIADIC aggregated argument of the same data type", "gram.y", 17925,
	  "makeOrderedSetArgs" },
	{ "insertSelectOptions", "multiple ORDER BY clauses not allowed", "gram.y", 17962,
	  "insertSelectOptions" },
	{ "insertSelectOptions", "multiple OFFSET clauses not allowed", "gram.y", 17973,
	  "insertSelectOptions" },
	{ "insertSelectOptions", "multiple LIMIT clauses not allowed", "gram.y", 17982,
	  "insertSelectOptions" },
	{ "insertSelectOptions", "multiple limit options not allowed", "gram.y", 17991,
	  "insertSelectOptions" },
	{ "insertSelectOptions", "WITH TIES cannot be specified without ORDER BY clause", "gram.y", 17995,
	  "insertSelectOptions" },
	{ "insertSelectOptions", " options cannot be used together", "gram.y", 18007,
	  "insertSelectOptions" },
	{ "insertSelectOptions", "multiple WITH clauses not allowed", "gram.y", 18018,
	  "insertSelectOptions" },
	{ "makeRangeVarFromAnyName", "improper qualified name (too many dotted names): ", "gram.y", 18270,
	  "makeRangeVarFromAnyName" },
	{ "makeRangeVarFromQualifiedName", "improper qualified name (too many dotted names): ", "gram.y", 18310,
	  "makeRangeVarFromQualifiedName" },
	{ "SplitColQualList", "multiple COLLATE clauses not allowed", "gram.y", 18344,
	  "SplitColQualList" },
	{ "processCASbits", " constraints cannot be marked NO INHERIT", "gram.y", 18420,
	  "processCASbits" },
	{ "preprocess_pubobj_list", "invalid publication object list", "gram.y", 18445,
	  "preprocess_pubobj_list" },
	{ "preprocess_pubobj_list", "invalid table name", "gram.y", 18462,
	  "preprocess_pubobj_list" },
	{ "preprocess_pubobj_list", "WHERE clause not allowed for schema", "gram.y", 18483,
	  "preprocess_pubobj_list" },
	{ "preprocess_pubobj_list", "column specification not allowed for schema", "gram.y", 18490,
	  "preprocess_pubobj_list" },
	{ "preprocess_pubobj_list", "invalid schema name", "gram.y", 18504,
	  "preprocess_pubobj_list" },
	{ "check_unicode_value", "invalid Unicode escape value", "parser.c", 319,
	  "check_unicode_value" },
	{ "str_udeescape", "invalid Unicode escape", "parser.c", 466,
	  "str_udeescape" },
	{ "str_udeescape", "invalid Unicode surrogate pair", "parser.c", 495,
	  "str_udeescape" },
	{ "core_yylex", "unsafe use of string constant with Unicode escapes",
	  "scan.l", 547, "core_yylex" },
	{ "core_yylex", "invalid Unicode escape", "scan.l", 682, "core_yylex" },
	{ "core_yylex", "unsafe use of \\' in a string literal", "scan.l", 694,
	  "core_yylex" },
	{ "report_invalid_encoding", "invalid byte sequence for encoding",
	  "mbutils.c", 1798, "report_invalid_encoding_int" },
};

/* Whether the word before the 1-based character position pos is word:
 * one message from two rules of the grammar (a subquery without an
 * alias after LATERAL, a frame after BETWEEN). */
static int word_before(const char *sql, size_t len, int pos,
	const char *word)
{
	size_t i = pos > 0 ? char_to_byte(sql, len, pos) : 0, n = strlen(word);

	while (i > 0 && isspace((unsigned char)sql[i - 1]))
		i--;
	return i >= n && strncasecmp(sql + i - n, word, n) == 0 &&
		(i == n || !ident_cont((unsigned char)sql[i - n - 1]));
}

static void parse_site(ms_pg_error *pe, const char *funcname,
	const char *sql, size_t len)
{
	int values = strcmp(pe->message, "VALUES in FROM must have an alias") == 0;

	if (values || strcmp(pe->message, "subquery in FROM must have an "
	    "alias") == 0) {
		pe->file = "gram.y";
		pe->line = (values ? 13257 : 13263) +
			(word_before(sql, len, pe->position, "lateral") ? 26 : 0);
		pe->routine = "base_yyparse";
		return;
	}
	if (strcmp(pe->message, "frame start cannot be UNBOUNDED FOLLOWING") ==
	    0) {
		pe->file = "gram.y";
		pe->line = word_before(sql, len, pe->position, "between") ? 15739 :
			15715;
		pe->routine = "base_yyparse";
		return;
	}
	for (size_t i = 0; funcname && i < sizeof(parse_sites) /
	     sizeof(parse_sites[0]); i++)
		if (strstr(pe->message, parse_sites[i].text) &&
		    strcmp(funcname, parse_sites[i].from) == 0) {
			pe->file = parse_sites[i].file;
			pe->line = parse_sites[i].line;
			pe->routine = parse_sites[i].routine;
			return;
		}
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void classify_parse_error(ms_pg_error *pe, const char *funcname)
{
	const char *m = pe->message;

	/* The same text from two places: E'\u...' in the scanner, U&'\...'
	 * in parser.c. */
	if (strcmp(m, "invalid Unicode escape") == 0 && funcname) {
		int scanner = strcmp(funcname, "core_yylex") == 0;

		memcpy(pe->sqlstate, scanner ? "22025" : "42601", 6);
		pe->hint = ms_strdup(scanner ?
			"Unicode escapes must be \\uXXXX or \\UXXXXXXXX." :
			"Unicode escapes must be \\XXXX or \\+XXXXXX.");
		return;
	}

	for (size_t i = 0; i < sizeof(parse_codes) / sizeof(parse_codes[0]); i++)
		if (strncmp(m, parse_codes[i].prefix,
		    strlen(parse_codes[i].prefix)) == 0) {
			/* "... cannot be used as a role name here" is also 42939 */
			memcpy(pe->sqlstate, parse_codes[i].sqlstate, 6);
			if (parse_codes[i].hint)
				pe->hint = ms_strdup(parse_codes[i].hint);
			return;
		}
	if (ends_with(m, "cannot be used as a role name here"))
		memcpy(pe->sqlstate, "42939", 6);
	else if (strstr(m, "constraints cannot be marked "))
		memcpy(pe->sqlstate, "0A000", 6);
}

/*
 * PostgreSQL 15.9 widened the scanner's "trailing junk" token to the whole
 * identifier after the number ("123abc"); libpg_query's 15.1 grammar stops
 * one character in ("123a").  Rebuild the 15.18 text from the script.
 */
static int widen_junk_token(ms_pg_error *pe, const char *sql, size_t len)
{
	static const char *const kinds[] = {
		"trailing junk after numeric literal at or near \"",
		"trailing junk after parameter at or near \"",
	};

	for (size_t k = 0; k < 2; k++) {
		size_t pl = strlen(kinds[k]), start, end;
		ms_buf b = MS_BUF_INIT;

		size_t ml = strlen(pe->message);

		/* "1.5e+" is the scanner's realfail token, whole already. */
		if (strncmp(pe->message, kinds[k], pl) != 0 || pe->position < 1 ||
		    (ml >= 2 && (pe->message[ml - 2] == '+' ||
		    pe->message[ml - 2] == '-')))
			continue;
		start = char_to_byte(sql, len, pe->position);
		end = start + strlen(pe->message) - pl - 1;
		if (end > len)
			return MS_OK;
		while (end < len && ident_cont((unsigned char)sql[end]))
			end++;
		ms_buf_put(&b, pe->message, pl);
		ms_buf_put(&b, sql + start, end - start);
		ms_buf_putc(&b, '"');
		if (ms_buf_status(&b) < 0) {
			ms_buf_free(&b);
			return MS_ENOMEM;
		}
		free(pe->message);
		pe->message = ms_buf_detach(&b);
	}
	return MS_OK;
}

static int take_parse_error(ms_pg_script *out, const PgQueryError *e)
{
	ms_pg_error *pe = &out->parse_error;

	out->parse_failed = 1;
	if (ms_pg_error_set(pe, "42601", "%s", e->message) < 0)
		return MS_ENOMEM;
	pe->position = e->cursorpos;
	/* 15.1's "invalid table name at or near" lost its last words in
	 * 15.2 (gram.y, preprocess_pubobj_list). */
	if (e->funcname && strcmp(e->funcname, "preprocess_pubobj_list") == 0 &&
	    ends_with(pe->message, " at or near"))
		pe->message[strlen(pe->message) - strlen(" at or near")] = '\0';
	classify_parse_error(pe, e->funcname);
	parse_site(pe, e->funcname, out->sql, out->sql_len);
	if (widen_junk_token(pe, out->sql, out->sql_len) < 0)
		return MS_ENOMEM;
	if (e->funcname && strcmp(e->funcname, "scanner_yyerror") == 0) {
		/* PostgreSQL 15.18's reporting site, not libpg_query's copy:
		 * "at end of input" is line 1180, "at or near" line 1188. */
		pe->file = "scan.l";
		pe->line = strstr(pe->message, " at end of input") ? 1180 : 1188;
		pe->routine = "scanner_yyerror";
	}
	return MS_OK;
}

static int take_statements(ms_pg_script *out, PgQuery__ParseResult *pr)
{
	size_t line_pos = 0;
	int line = 1;

	out->stmts = calloc(pr->n_stmts ? pr->n_stmts : 1, sizeof(*out->stmts));
	if (out->stmts == NULL)
		return MS_ENOMEM;
	out->count = pr->n_stmts;
	for (size_t i = 0; i < pr->n_stmts; i++) {
		const PgQuery__RawStmt *raw = pr->stmts[i];
		ms_pg_stmt *st = &out->stmts[i];
		size_t end;

		st->offset = (size_t)raw->stmt_location;
		st->len = raw->stmt_len ? (size_t)raw->stmt_len :
			out->sql_len - st->offset;
		end = st->offset + st->len;
		st->start = skip_space(out->sql, st->offset, end);
		for (; line_pos < st->start; line_pos++)
			if (out->sql[line_pos] == '\n')
				line++;
		st->line = line;
		set_tag(st->tag, raw->stmt);
		st->cls = classify(raw->stmt, &st->no_block);
	}
	return MS_OK;
}

/*
 * PostgreSQL's scanner takes a comment as white space, so it never stands
 * between NOT and IN, WITH and TIME, NULLS and LAST, U&'...' and UESCAPE,
 * or two string constants that continue each other over a newline.
 * libpg_query's scanner returns comments as tokens, and its grammar then
 * refuses those scripts.  A copy of sql with every comment turned into
 * spaces (newlines kept, so every offset stays) is what PostgreSQL
 * parses; NULL when there is no comment, the scan fails, or memory runs
 * out (*oom).
 */
static int is_comment(const PgQuery__ScanToken *t)
{
	return t->token == PG_QUERY__TOKEN__SQL_COMMENT ||
		t->token == PG_QUERY__TOKEN__C_COMMENT;
}

static int is_string(const PgQuery__ScanToken *t)
{
	return t->token == PG_QUERY__TOKEN__SCONST ||
		t->token == PG_QUERY__TOKEN__USCONST ||
		t->token == PG_QUERY__TOKEN__BCONST ||
		t->token == PG_QUERY__TOKEN__XCONST;
}

/* Whether the C comment at i parts two string constants: a string goes
 * on across a newline only over spaces and -- comments (scan.l's
 * quotecontinue), so there PostgreSQL sees two strings, a syntax error
 * the blanked copy must keep. */
static int parts_strings(const PgQuery__ScanResult *sr, size_t i)
{
	size_t before = i, after = i + 1;

	while (before > 0 && is_comment(sr->tokens[before - 1]))
		before--;
	while (after < sr->n_tokens && is_comment(sr->tokens[after]))
		after++;
	return before > 0 && after < sr->n_tokens &&
		is_string(sr->tokens[before - 1]) && is_string(sr->tokens[after]);
}

static char *blank_comments(const char *sql, size_t len, int *oom)
{
	PgQueryScanResult r = pg_query_scan(sql);
	PgQuery__ScanResult *sr = r.error ? NULL :
		pg_query__scan_result__unpack(NULL, r.pbuf.len,
		(const uint8_t *)r.pbuf.data);
	char *copy = NULL;

	*oom = 0;
	for (size_t i = 0; sr && i < sr->n_tokens; i++) {
		const PgQuery__ScanToken *t = sr->tokens[i];

		if (!is_comment(t) || t->start < 0 || (size_t)t->end > len ||
		    t->start > t->end || (t->token == PG_QUERY__TOKEN__C_COMMENT &&
		    parts_strings(sr, i)))
			continue;
		if (copy == NULL && (copy = ms_strdup(sql)) == NULL) {
			*oom = 1;
			break;
		}
		for (int32_t p = t->start; p < t->end; p++)
			if (copy[p] != '\n')
				copy[p] = ' ';
	}
	if (sr)
		pg_query__scan_result__free_unpacked(sr, NULL);
	pg_query_free_scan_result(r);
	return copy;
}

/* Parse sql again with its comments blanked (blank_comments); the
 * error's position, a character count in the copy, is made one in sql. */
static int reparse_blank(PgQueryProtobufParseResult *res, const char *sql,
	size_t len)
{
	int oom, pos;
	char *blank = blank_comments(sql, len, &oom);
	size_t byte;

	if (blank == NULL)
		return oom ? MS_ENOMEM : MS_OK;
	pg_query_free_protobuf_parse_result(*res);
	*res = pg_query_parse_protobuf(blank);
	if (res->error && res->error->cursorpos > 0) {
		byte = char_to_byte(blank, len, res->error->cursorpos);
		pos = 1;
		for (size_t i = 0; i < byte && i < len; i++)
			if (((unsigned char)sql[i] & 0xc0) != 0x80)
				pos++;
		res->error->cursorpos = pos;
	}
	free(blank);
	return MS_OK;
}

/*
 * libpg_query's grammar takes $n where PostgreSQL 15.18's does not: a SET
 * value, a typed literal (text $1, whose cast has no location), a
 * PASSWORD.  PostgreSQL refuses the whole script there; the earliest such
 * byte location is kept in ctx.
 */
static int param_where_not_allowed(const PgQuery__Node *n, void *ctx)
{
	int *at = ctx, loc = -1;
	const PgQuery__Node *arg = NULL;

	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
		for (size_t i = 0; i < n->variable_set_stmt->n_args; i++)
			if (n->variable_set_stmt->args[i]->node_case ==
			    PG_QUERY__NODE__NODE_PARAM_REF) {
				arg = n->variable_set_stmt->args[i];
				break;
			}
		break;
	case PG_QUERY__NODE__NODE_TYPE_CAST:
		if (n->type_cast->location < 0)
			arg = n->type_cast->arg;
		break;
	case PG_QUERY__NODE__NODE_DEF_ELEM:
		if (n->def_elem->defname &&
		    strcmp(n->def_elem->defname, "password") == 0)
			arg = n->def_elem->arg;
		break;
	default:
		break;
	}
	if (arg && arg->node_case == PG_QUERY__NODE__NODE_PARAM_REF)
		loc = arg->param_ref->location;
	if (loc >= 0 && (*at < 0 || loc < *at))
		*at = loc;
	return 0;
}

static int refuse_params(ms_pg_script *out)
{
	ms_pg_error *pe = &out->parse_error;
	int at = -1, pos = 1;
	size_t end;

	if (memchr(out->sql, '$', out->sql_len) == NULL)
		return MS_OK;
	ddl_walk(out->tree, param_where_not_allowed, &at);
	if (at < 0 || (size_t)at >= out->sql_len)
		return MS_OK;
	for (end = (size_t)at + 1; end < out->sql_len &&
	     isdigit((unsigned char)out->sql[end]); end++)
		;
	for (int i = 0; i < at; i++)
		if (((unsigned char)out->sql[i] & 0xc0) != 0x80)
			pos++;
	out->parse_failed = 1;
	if (ms_pg_error_set(pe, "42601", "syntax error at or near \"%.*s\"",
	    (int)(end - (size_t)at), out->sql + at) < 0)
		return MS_ENOMEM;
	pe->position = pos;
	pe->file = "scan.l";
	pe->line = 1188;
	pe->routine = "scanner_yyerror";
	return MS_OK;
}

int ms_pg_parse(ms_pg_script *out, const char *sql, size_t len,
	ms_error *err)
{
	PgQueryProtobufParseResult res;
	PgQuery__ParseResult *pr = NULL;
	int ret = MS_OK;

	memset(out, 0, sizeof(*out));
	out->sql = sql;
	out->sql_len = len;
	res = pg_query_parse_protobuf(sql);
	if (res.error)
		ret = reparse_blank(&res, sql, len);
	if (ret == MS_OK && res.error) {
		ret = take_parse_error(out, res.error);
	} else if (ret == MS_OK) {
		pr = pg_query__parse_result__unpack(NULL, res.parse_tree.len,
			(const uint8_t *)res.parse_tree.data);
		if (pr == NULL)
			ret = MS_ENOMEM;
		else
			out->tree = pr;
		if (ret == MS_OK)
			ret = take_statements(out, pr);
		if (ret == MS_OK)
			ret = refuse_params(out);
	}
	pg_query_free_protobuf_parse_result(res);
	if (ret < 0) {
		ms_pg_script_clear(out);
		return ms_error_set(err, MS_ENOMEM, "out of memory parsing SQL");
	}
	return MS_OK;
}

void ms_pg_script_clear(ms_pg_script *s)
{
	if (s->tree)
		pg_query__parse_result__free_unpacked(s->tree, NULL);
	free(s->stmts);
	ms_pg_error_clear(&s->parse_error);
	memset(s, 0, sizeof(*s));
}
