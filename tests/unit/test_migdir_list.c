/* test_migdir_list.c - what counts as a migration, the lock file, and the
 * errors for bad input. */
#include "helpers.h"

#include "migsim/migdir.h"

static int setup(void **state)
{
	*state = tmpdir_new();
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	tmpdir_free(*state);
	return 0;
}

/* Every directory is a migration, with or without migration.sql; files
 * and symlinks at the top are not (prisma-migrate.md 2.1). */
static void what_is_listed(void **state)
{
	const char *dir = *state;
	ms_migdir *d = NULL;
	char *target = path_in(dir, "b_second"), *link = path_in(dir, "c_link");

	put_text(dir, "a_first/migration.sql", "SELECT 1;\n");
	put_text(dir, "b_second/other.txt", "x");
	put_text(dir, ".hidden/migration.sql", "SELECT 2;\n");
	put_text(dir, "migration_lock.toml", "provider = \"postgresql\"\n");
	put_text(dir, "README.md", "notes");
	assert_int_equal(symlink(target, link), 0);
	assert_int_equal(ms_migdir_open(&d, dir, MS_ORDER_ICU, NULL), MS_OK);
	assert_int_equal(ms_migdir_count(d), 3);
	assert_string_equal(ms_migdir_at(d, 0)->name, ".hidden");
	assert_string_equal(ms_migdir_at(d, 1)->name, "a_first");
	assert_string_equal(ms_migdir_at(d, 2)->name, "b_second");
	assert_non_null(ms_migdir_at(d, 1)->script);
	assert_null(ms_migdir_at(d, 2)->script);
	assert_string_equal(ms_migdir_at(d, 2)->read_error, "no such file");
	assert_string_equal(ms_migdir_at(d, 2)->checksum, "");
	assert_string_equal(ms_migdir_lock(d), "provider = \"postgresql\"\n");
	assert_int_equal(ms_migdir_index(d, "b_second"), 2);
	assert_null(ms_migdir_find(d, "B_SECOND"));
	ms_migdir_free(d);
	free(target);
	free(link);
}

static void missing_folder(void **state)
{
	char *path = path_in(*state, "nope");
	ms_migdir *d = NULL;
	ms_error err = MS_ERROR_INIT;

	assert_int_equal(ms_migdir_open(&d, path, MS_ORDER_ICU, &err),
		MS_ENOTFOUND);
	assert_non_null(strstr(err.msg, "nope"));
	free(path);
}

static void not_utf8(void **state)
{
	const char *dir = *state;
	ms_migdir *d = NULL;
	ms_error err = MS_ERROR_INIT;

	put_text(dir, "x/migration.sql", "SELECT 1;\n-- caf\xe9 au lait\n");
	assert_int_equal(ms_migdir_open(&d, dir, MS_ORDER_ICU, &err), MS_EINPUT);
	assert_non_null(strstr(err.msg, "x/migration.sql:2:7: not UTF-8 "
		"(byte 0xe9)"));
}

static void checksum_of_raw_bytes(void **state)
{
	const char *dir = *state;
	ms_migdir *d = NULL;
	char want[65];
	static const char sql[] = "\xef\xbb\xbfSELECT 1;\r\n";

	put_text(dir, "x/migration.sql", sql);
	ms_checksum(sql, strlen(sql), want);
	assert_int_equal(ms_migdir_open(&d, dir, MS_ORDER_ICU, NULL), MS_OK);
	assert_string_equal(ms_migdir_at(d, 0)->checksum, want);
	assert_int_equal(ms_migdir_at(d, 0)->script_len, strlen(sql));
	ms_migdir_free(d);
}

/* read_provider_from_lock_file (prisma-migrate.md 2.5). */
static void lock_provider(void **state)
{
	char *p;

	(void)state;
	assert_null(ms_migdir_lock_provider(NULL));
	p = ms_migdir_lock_provider("# comment\nprovider = \"postgresql\"\n");
	assert_string_equal(p, "postgresql");
	free(p);
	p = ms_migdir_lock_provider("provider = \"mysql\"\r\n");
	assert_string_equal(p, "mysql");
	free(p);
	p = ms_migdir_lock_provider("provider=\"postgresql\"\n");
	assert_string_equal(p, "provider=\"postgresql");
	free(p);
	p = ms_migdir_lock_provider("  provider = \"postgresql\"\n");
	assert_string_equal(p, "<PROVIDER NOT FOUND>");
	free(p);
	p = ms_migdir_lock_provider("");
	assert_string_equal(p, "<PROVIDER NOT FOUND>");
	free(p);
	p = ms_migdir_lock_provider("provider = \"postgresql\"");
	assert_string_equal(p, "postgresql");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(what_is_listed, setup, teardown),
		cmocka_unit_test_setup_teardown(missing_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(not_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(checksum_of_raw_bytes, setup,
			teardown),
		cmocka_unit_test(lock_provider),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
