/* test_pg_parse.c - statements, locations, tags and classes of a script,
 * and PostgreSQL 15's syntax errors (texts and positions checked on a
 * 15.18 server: docs/postgresql.md "Parser errors"). */
#include "helpers.h"

#include "migsim/pg.h"

static void parse(ms_pg_script *s, const char *sql)
{
	assert_int_equal(ms_pg_parse(s, sql, strlen(sql), NULL), MS_OK);
}

static void statements_and_lines(void **state)
{
	static const char sql[] = "-- CreateTable\nCREATE TABLE \"a\" (id INT);\n"
		"\n/* two */ CREATE INDEX \"i\" ON \"a\"(id);;\nALTER TABLE a ADD b INT";
	ms_pg_script s;

	(void)state;
	parse(&s, sql);
	assert_false(s.parse_failed);
	assert_int_equal(s.count, 3);
	assert_int_equal(s.stmts[0].line, 2);
	assert_string_equal(s.stmts[0].tag, "CREATE TABLE");
	assert_int_equal(s.stmts[0].offset, 0);
	assert_true(strncmp(sql + s.stmts[0].start, "CREATE TABLE", 12) == 0);
	assert_int_equal(s.stmts[1].line, 4);
	assert_string_equal(s.stmts[1].tag, "CREATE INDEX");
	assert_true(strncmp(sql + s.stmts[1].start, "CREATE INDEX", 12) == 0);
	assert_int_equal(s.stmts[2].line, 5);
	assert_string_equal(s.stmts[2].tag, "ALTER TABLE");
	ms_pg_script_clear(&s);
}

static void empty_and_comments(void **state)
{
	ms_pg_script s;

	(void)state;
	parse(&s, "");
	assert_int_equal(s.count, 0);
	ms_pg_script_clear(&s);
	parse(&s, "-- only\n/* comments */;;\n");
	assert_int_equal(s.count, 0);
	assert_false(s.parse_failed);
	ms_pg_script_clear(&s);
}

static void tags(void **state)
{
	static const struct { const char *sql, *tag; } cases[] = {
		{ "DROP TABLE t", "DROP TABLE" },
		{ "DROP INDEX CONCURRENTLY i", "DROP INDEX" },
		{ "DROP TYPE \"E\"", "DROP TYPE" },
		{ "ALTER TYPE \"E\" ADD VALUE 'x'", "ALTER TYPE" },
		{ "ALTER TABLE t RENAME COLUMN a TO b", "ALTER TABLE" },
		{ "ALTER TABLE t RENAME CONSTRAINT a TO b", "ALTER TABLE" },
		{ "ALTER INDEX i RENAME TO j", "ALTER INDEX" },
		{ "CREATE TYPE \"E\" AS ENUM ('a')", "CREATE TYPE" },
		{ "CREATE MATERIALIZED VIEW m AS SELECT 1", "CREATE MATERIALIZED VIEW" },
		{ "DO $$ BEGIN NULL; END $$", "DO" },
		{ "END", "COMMIT" },
		{ "START TRANSACTION", "START TRANSACTION" },
		{ "COMMENT ON TABLE t IS 'x'", "COMMENT" },
		{ "CREATE EXTENSION IF NOT EXISTS citext", "CREATE EXTENSION" },
	};
	ms_pg_script s;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		parse(&s, cases[i].sql);
		assert_int_equal(s.count, 1);
		assert_string_equal(s.stmts[0].tag, cases[i].tag);
		ms_pg_script_clear(&s);
	}
}

/* Every PreventInTransactionBlock caller that a statement alone decides
 * (PostgreSQL 15.18, docs/postgresql.md table). */
static void no_block_statements(void **state)
{
	static const struct { const char *sql, *name; } cases[] = {
		{ "CREATE INDEX CONCURRENTLY i ON t(c)", "CREATE INDEX CONCURRENTLY" },
		{ "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t(c)",
		  "CREATE INDEX CONCURRENTLY" },
		{ "DROP INDEX CONCURRENTLY IF EXISTS i", "DROP INDEX CONCURRENTLY" },
		{ "REINDEX TABLE CONCURRENTLY t", "REINDEX CONCURRENTLY" },
		{ "REINDEX (CONCURRENTLY) TABLE t", "REINDEX CONCURRENTLY" },
		{ "REINDEX SCHEMA public", "REINDEX SCHEMA" },
		{ "REINDEX DATABASE d", "REINDEX DATABASE" },
		{ "REINDEX SYSTEM d", "REINDEX SYSTEM" },
		{ "VACUUM", "VACUUM" },
		{ "VACUUM (ANALYZE) t", "VACUUM" },
		{ "CLUSTER", "CLUSTER" },
		{ "DISCARD ALL", "DISCARD ALL" },
		{ "ALTER SYSTEM SET work_mem = '4MB'", "ALTER SYSTEM" },
		{ "CREATE DATABASE zz", "CREATE DATABASE" },
		{ "DROP DATABASE IF EXISTS zz", "DROP DATABASE" },
		{ "CREATE TABLESPACE ts LOCATION '/x'", "CREATE TABLESPACE" },
		{ "DROP TABLESPACE IF EXISTS ts", "DROP TABLESPACE" },
		{ "ALTER DATABASE d SET TABLESPACE pg_default",
		  "ALTER DATABASE SET TABLESPACE" },
		{ "ALTER TABLE pt DETACH PARTITION pt1 CONCURRENTLY",
		  "ALTER TABLE ... DETACH CONCURRENTLY" },
		{ "COMMIT PREPARED 'x'", "COMMIT PREPARED" },
		{ "ROLLBACK PREPARED 'x'", "ROLLBACK PREPARED" },
	};
	static const char *const allowed[] = {
		"CREATE INDEX i ON t(c)", "DROP INDEX IF EXISTS i", "ANALYZE",
		"ANALYZE t", "REINDEX TABLE t", "CLUSTER t USING i", "DISCARD PLANS",
		"ALTER TABLE pt DETACH PARTITION pt1",
		"REFRESH MATERIALIZED VIEW CONCURRENTLY m",
		"ALTER TYPE \"E\" ADD VALUE 'x'",
	};
	ms_pg_script s;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		parse(&s, cases[i].sql);
		assert_int_equal(s.stmts[0].cls, MS_STMT_NO_BLOCK);
		assert_string_equal(s.stmts[0].no_block, cases[i].name);
		ms_pg_script_clear(&s);
	}
	for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++) {
		parse(&s, allowed[i]);
		assert_int_equal(s.stmts[0].cls, MS_STMT_PLAIN);
		ms_pg_script_clear(&s);
	}
}

static void transaction_classes(void **state)
{
	ms_pg_script s;

	(void)state;
	parse(&s, "BEGIN; START TRANSACTION; COMMIT; END; ROLLBACK; ABORT; "
		"SAVEPOINT a; RELEASE a; ROLLBACK TO a; COMMIT AND CHAIN");
	assert_int_equal(s.count, 10);
	assert_int_equal(s.stmts[0].cls, MS_STMT_BEGIN);
	assert_int_equal(s.stmts[1].cls, MS_STMT_BEGIN);
	assert_int_equal(s.stmts[2].cls, MS_STMT_COMMIT);
	assert_int_equal(s.stmts[3].cls, MS_STMT_COMMIT);
	assert_int_equal(s.stmts[4].cls, MS_STMT_ROLLBACK);
	assert_int_equal(s.stmts[5].cls, MS_STMT_ROLLBACK);
	assert_int_equal(s.stmts[6].cls, MS_STMT_TXN_OTHER);
	assert_string_equal(s.stmts[6].no_block, "SAVEPOINT");
	assert_string_equal(s.stmts[7].no_block, "RELEASE SAVEPOINT");
	assert_string_equal(s.stmts[8].no_block, "ROLLBACK TO SAVEPOINT");
	assert_string_equal(s.stmts[9].no_block, "COMMIT AND CHAIN");
	ms_pg_script_clear(&s);
}

static void syntax(const char *sql, const char *sqlstate, const char *msg,
	int position)
{
	ms_pg_script s;

	parse(&s, sql);
	assert_true(s.parse_failed);
	assert_string_equal(s.parse_error.sqlstate, sqlstate);
	assert_string_equal(s.parse_error.message, msg);
	assert_int_equal(s.parse_error.position, position);
	ms_pg_script_clear(&s);
}

/* Server 15.18 texts and positions (docs/postgresql.md 2.4). */
static void syntax_errors(void **state)
{
	(void)state;
	syntax("CREATE TABLE t1(id int); SELEC 2;", "42601",
		"syntax error at or near \"SELEC\"", 26);
	syntax("CREATE TABLE a (id int);\nCREATE TABLE b (\n  id int\n  name text\n);\n",
		"42601", "syntax error at or near \"name\"", 54);
	syntax("SELECT 'h\xc3\xa9llo w\xc3\xb6rld', '\xc3\xbc' FRM x;\n", "42601",
		"syntax error at or near \"x\"", 31);
	syntax("SELECT 1;\nSELECT 'abc;\nSELECT 2;\n", "42601",
		"unterminated quoted string at or near \"'abc;\nSELECT 2;\n\"", 18);
	syntax("CREATE TABLE \"c\" (\"id\" INT,);", "42601",
		"syntax error at or near \")\"", 28);
	syntax("SELECT \"\" FROM t;", "42601",
		"zero-length delimited identifier at or near \"\"\"\"", 8);
	syntax("SELECT 1 FROM", "42601", "syntax error at end of input", 14);
	/* PostgreSQL 15.9+ shows the whole junk token; libpg_query (15.1)
	 * stops one character in. */
	syntax("SELECT 123abc;", "42601",
		"trailing junk after numeric literal at or near \"123abc\"", 8);
	syntax("SELECT 1 LIMIT 1, 2;", "42601",
		"LIMIT #,# syntax is not supported", 10);
}

static void syntax_error_extras(void **state)
{
	ms_pg_script s;

	(void)state;
	parse(&s, "SELECT 1 LIMIT 1, 2;");
	assert_string_equal(s.parse_error.hint,
		"Use separate LIMIT and OFFSET clauses.");
	ms_pg_script_clear(&s);
	parse(&s, "SELECT E'\\u00zz';\n");
	assert_string_equal(s.parse_error.sqlstate, "22025");
	assert_string_equal(s.parse_error.message, "invalid Unicode escape");
	assert_string_equal(s.parse_error.hint,
		"Unicode escapes must be \\uXXXX or \\UXXXXXXXX.");
	assert_int_equal(s.parse_error.position, 10);
	ms_pg_script_clear(&s);
	parse(&s, "SELECT U&'\\00zz';\n");
	assert_string_equal(s.parse_error.sqlstate, "42601");
	assert_string_equal(s.parse_error.hint,
		"Unicode escapes must be \\XXXX or \\+XXXXXX.");
	ms_pg_script_clear(&s);
	parse(&s, "SELECT 0x1F;\n");
	assert_string_equal(s.parse_error.message,
		"trailing junk after numeric literal at or near \"0x1F\"");
	ms_pg_script_clear(&s);
	parse(&s, "CREATE TABL x (id int);");
	assert_string_equal(s.parse_error.file, "scan.l");
	assert_int_equal(s.parse_error.line, 1188);
	assert_string_equal(s.parse_error.routine, "scanner_yyerror");
	ms_pg_script_clear(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(statements_and_lines),
		cmocka_unit_test(empty_and_comments),
		cmocka_unit_test(tags),
		cmocka_unit_test(no_block_statements),
		cmocka_unit_test(transaction_classes),
		cmocka_unit_test(syntax_errors),
		cmocka_unit_test(syntax_error_extras),
	};
	int ret;

	ms_pg_init();
	ret = cmocka_run_group_tests(tests, NULL, NULL);
	ms_pg_shutdown();
	return ret;
}
