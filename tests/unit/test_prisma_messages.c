/* test_prisma_messages.c - Prisma's renderings: the P3018 database error
 * with its Position block (upstream expectations quoted in
 * execution-modes.md 2.2 and prisma-migrate.md 3), Rust's Debug of a
 * string, the logs span trace. */
#include "helpers.h"

#include "migsim/pg.h"
#include "prisma/prisma_int.h"

static void position_block_example_b(void **state)
{
	static const char script[] = "CREATE TABLE \"a\" (\"id\" INT);\n"
		"CREATE TABLE \"b\" (\"id\" INT);\nCREATE TABLE \"c\" (\"id\" INT,);\n"
		"CREATE TABLE \"d\" (\"id\" INT);\n";
	ms_pg_error e = { 0 };
	ms_buf b = MS_BUF_INIT;

	(void)state;
	ms_pg_error_set(&e, "42601", "syntax error at or near \")\"");
	e.position = 86;
	e.file = "scan.l";
	e.line = 1188;
	e.routine = "scanner_yyerror";
	ms_prisma__database_error(&b, &e, script, strlen(script));
	assert_string_equal(ms_buf_cstr(&b),
		"ERROR: syntax error at or near \")\"\n\nPosition:\n"
		"\x1b[1m  0\x1b[0m\n"
		"\x1b[1m  1\x1b[0m CREATE TABLE \"a\" (\"id\" INT);\n"
		"\x1b[1m  2\x1b[0m CREATE TABLE \"b\" (\"id\" INT);\n"
		"\x1b[1m  3\x1b[1;31m CREATE TABLE \"c\" (\"id\" INT,);\x1b[0m\n\n"
		"DbError { severity: \"ERROR\", parsed_severity: Some(Error), code: "
		"SqlState(E42601), message: \"syntax error at or near \\\")\\\"\", "
		"detail: None, hint: None, position: Some(Original(86)), where_: "
		"None, schema: None, table: None, column: None, datatype: None, "
		"constraint: None, file: Some(\"scan.l\"), line: Some(1188), "
		"routine: Some(\"scanner_yyerror\") }");
	ms_buf_free(&b);
	ms_pg_error_clear(&e);
}

/* postgres_apply_migrations_errors_give_precise_location: the error on
 * line 7 shows lines 2..6, blank ones without a trailing space. */
static void position_block_deep_line(void **state)
{
	static const char script[] = "\n        CREATE TABLE \"Cat\" (\n"
		"            id INTEGER PRIMARY KEY,\n            name TEXT NOT NULL\n"
		"        );\n\n        SELECT id FROM \"Dog\";\n";
	ms_pg_error e = { 0 };
	ms_buf b = MS_BUF_INIT;
	const char *pos;

	(void)state;
	ms_pg_error_set(&e, "42P01", "relation \"Dog\" does not exist");
	e.position = (int)(strstr(script, "\"Dog\"") - script) + 1;
	ms_prisma__database_error(&b, &e, script, strlen(script));
	pos = strstr(ms_buf_cstr(&b), "Position:\n");
	assert_non_null(pos);
	assert_true(strncmp(pos, "Position:\n"
		"\x1b[1m  2\x1b[0m         CREATE TABLE \"Cat\" (\n"
		"\x1b[1m  3\x1b[0m             id INTEGER PRIMARY KEY,\n"
		"\x1b[1m  4\x1b[0m             name TEXT NOT NULL\n"
		"\x1b[1m  5\x1b[0m         );\n"
		"\x1b[1m  6\x1b[0m\n"
		"\x1b[1m  7\x1b[1;31m         SELECT id FROM \"Dog\";\x1b[0m\n\nDbError",
		strlen("Position:\n") + 40) == 0);
	assert_non_null(strstr(pos, "\x1b[1m  6\x1b[0m\n\x1b[1m  7\x1b[1;31m"));
	ms_buf_free(&b);
	ms_pg_error_clear(&e);
}

static void detail_and_hint(void **state)
{
	ms_pg_error e = { 0 };
	ms_buf b = MS_BUF_INIT;

	(void)state;
	ms_pg_error_set(&e, "55P04", "unsafe use of new value \"SAD\" of enum "
		"type \"Mood\"");
	e.hint = ms_strdup("New enum values must be committed before they can "
		"be used.");
	ms_prisma__database_error(&b, &e, NULL, 0);
	assert_true(strncmp(ms_buf_cstr(&b), "ERROR: unsafe use of new value "
		"\"SAD\" of enum type \"Mood\"\nHINT: New enum values must be "
		"committed before they can be used.\n\nDbError { ", 132) == 0);
	assert_non_null(strstr(ms_buf_cstr(&b), "hint: Some(\"New enum values "
		"must be committed before they can be used.\")"));
	ms_buf_free(&b);
	ms_pg_error_clear(&e);
}

static void rust_debug(void **state)
{
	ms_buf b = MS_BUF_INIT;

	(void)state;
	ms_prisma__rust_debug_str(&b, "a\"b\\c\nd\te\x01");
	assert_string_equal(ms_buf_cstr(&b), "\"a\\\"b\\\\c\\nd\\te\\u{1}\"");
	ms_buf_free(&b);
}

static void p3018_and_logs(void **state)
{
	ms_prisma_profile p;
	ms_prisma_version v = { 6, 19, 3 };
	ms_buf msg = MS_BUF_INIT, logs = MS_BUF_INIT;

	(void)state;
	ms_prisma_profile_for(&p, &v, "test", NULL);
	ms_prisma__p3018(&msg, "20251225_x", "25001", "ERROR: e\n\nDbError {}");
	assert_string_equal(ms_buf_cstr(&msg), "A migration failed to apply. "
		"New migrations cannot be applied before the error is recovered "
		"from. Read more about how to resolve migration issues in a "
		"production database: https://pris.ly/d/migrate-resolve\n\n"
		"Migration name: 20251225_x\n\nDatabase error code: 25001\n\n"
		"Database error:\nERROR: e\n\nDbError {}\n");
	ms_prisma__logs(&logs, ms_buf_cstr(&msg), "20251225_x", &p);
	assert_non_null(strstr(ms_buf_cstr(&logs), "DbError {}\n\n"
		"   0: sql_schema_connector::apply_migration::apply_script\n"
		"           with migration_name=\"20251225_x\"\n"
		"             at schema-engine/connectors/sql-schema-connector/src/"
		"apply_migration.rs:113\n"
		"   1: schema_commands::commands::apply_migrations::Applying migration\n"
		"           with migration_name=\"20251225_x\"\n"
		"             at schema-engine/commands/src/commands/"
		"apply_migrations.rs:95\n"
		"   2: schema_core::state::ApplyMigrations\n"
		"             at schema-engine/core/src/state.rs:260"));
	ms_buf_free(&msg);
	ms_buf_free(&logs);
}

static void count_line(void **state)
{
	ms_buf b = MS_BUF_INIT;

	(void)state;
	ms_prisma__count_line(&b, 0);
	ms_prisma__count_line(&b, 1);
	ms_prisma__count_line(&b, 64);
	assert_string_equal(ms_buf_cstr(&b),
		"\nNo migration found in prisma/migrations\n"
		"\n1 migration found in prisma/migrations\n"
		"\n64 migrations found in prisma/migrations\n");
	ms_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(position_block_example_b),
		cmocka_unit_test(position_block_deep_line),
		cmocka_unit_test(detail_and_hint),
		cmocka_unit_test(rust_debug),
		cmocka_unit_test(p3018_and_logs),
		cmocka_unit_test(count_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
