/* test_store_store.c - creating, reopening and refusing state files; the
 * simulated clock and ids. */
#include "helpers.h"

#include <sqlite3.h>

#include "migsim/store.h"

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

static void create_and_reopen(void **state)
{
	char *path = path_in(*state, "s.db");
	ms_error err = MS_ERROR_INIT;
	ms_store *s = NULL;

	assert_int_equal(ms_store_open(&s, path, 0, &err), MS_ENOTFOUND);
	assert_non_null(strstr(err.msg, "s.db"));
	assert_int_equal(ms_store_open(&s, path, MS_STORE_CREATE, &err), MS_OK);
	assert_int_equal(ms_store_begin(s, &err), MS_OK);
	assert_int_equal(ms_store_meta_set(s, "k", "v", &err), MS_OK);
	assert_int_equal(ms_store_commit(s, &err), MS_OK);
	ms_store_free(s);
	assert_int_equal(ms_store_open(&s, path, 0, &err), MS_OK);
	{
		char *v = NULL;

		assert_int_equal(ms_store_meta_get(&v, s, "k", &err), MS_OK);
		assert_string_equal(v, "v");
		free(v);
	}
	ms_store_free(s);
	free(path);
}

/* A command that fails on a file it created leaves no file behind. */
static void uncommitted_create_leaves_nothing(void **state)
{
	char *path = path_in(*state, "gone.db");
	ms_store *s = NULL;

	assert_int_equal(ms_store_open(&s, path, MS_STORE_CREATE, NULL), MS_OK);
	assert_int_equal(ms_store_begin(s, NULL), MS_OK);
	ms_store_free(s);
	assert_int_not_equal(access(path, F_OK), 0);
	free(path);
}

static void refuses_non_sqlite(void **state)
{
	char *path = path_in(*state, "text.db");
	ms_error err = MS_ERROR_INIT;
	ms_store *s = NULL;

	put_text(*state, "text.db", "this is not a database at all, really\n");
	assert_int_equal(ms_store_open(&s, path, MS_STORE_CREATE, &err),
		MS_ECORRUPT);
	assert_non_null(strstr(err.msg, "not a migsim state file"));
	free(path);
}

static void exec_raw(const char *path, const char *sql)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void refuses_foreign_sqlite(void **state)
{
	char *path = path_in(*state, "other.db");
	ms_error err = MS_ERROR_INIT;
	ms_store *s = NULL;

	exec_raw(path, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
	assert_int_equal(ms_store_open(&s, path, MS_STORE_CREATE, &err),
		MS_ECORRUPT);
	assert_non_null(strstr(err.msg, "another program"));
	free(path);
}

static void refuses_newer_format(void **state)
{
	char *path = path_in(*state, "new.db");
	ms_error err = MS_ERROR_INIT;
	ms_store *s = NULL;

	assert_int_equal(ms_store_open(&s, path, MS_STORE_CREATE, NULL), MS_OK);
	assert_int_equal(ms_store_begin(s, NULL), MS_OK);
	assert_int_equal(ms_store_commit(s, NULL), MS_OK);
	ms_store_free(s);
	exec_raw(path, "PRAGMA user_version = 99");
	assert_int_equal(ms_store_open(&s, path, 0, &err), MS_ECORRUPT);
	assert_non_null(strstr(err.msg, "newer migsim"));
	free(path);
}

static void refuses_damaged(void **state)
{
	char *path = path_in(*state, "bad.db");
	ms_error err = MS_ERROR_INIT;
	ms_store *s = NULL;
	FILE *f;
	char junk[4096];

	assert_int_equal(ms_store_open(&s, path, MS_STORE_CREATE, NULL), MS_OK);
	assert_int_equal(ms_store_begin(s, NULL), MS_OK);
	assert_int_equal(ms_store_exec(s, "CREATE TABLE big(x); "
		"WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c "
		"WHERE i < 2000) INSERT INTO big SELECT randomblob(100) FROM c;",
		NULL), MS_OK);
	assert_int_equal(ms_store_commit(s, NULL), MS_OK);
	ms_store_free(s);
	/* Overwrite pages after the header with garbage. */
	memset(junk, 0xa5, sizeof(junk));
	f = fopen(path, "r+b");
	assert_non_null(f);
	fseek(f, 4096 * 3, SEEK_SET);
	fwrite(junk, 1, sizeof(junk), f);
	fseek(f, 4096 * 6, SEEK_SET);
	fwrite(junk, 1, sizeof(junk), f);
	fclose(f);
	assert_int_equal(ms_store_open(&s, path, 0, &err), MS_ECORRUPT);
	assert_non_null(strstr(err.msg, "bad.db"));
	free(path);
}

static void fixed_clock_persists(void **state)
{
	char *path = path_in(*state, "clock.db");
	ms_store *s = NULL;
	ms_time start, t1, t2;

	ms_time_parse(&start, "2025-12-25T10:00:00Z", NULL);
	assert_int_equal(ms_store_open(&s, path, MS_STORE_CREATE, NULL), MS_OK);
	assert_int_equal(ms_store_begin(s, NULL), MS_OK);
	assert_int_equal(ms_store_set_clock(s, start, 1000000, NULL), MS_OK);
	assert_int_equal(ms_store_now(&t1, s, NULL), MS_OK);
	assert_int_equal(ms_store_commit(s, NULL), MS_OK);
	ms_store_free(s);
	assert_int_equal(ms_store_open(&s, path, 0, NULL), MS_OK);
	assert_int_equal(ms_store_begin(s, NULL), MS_OK);
	assert_int_equal(ms_store_now(&t2, s, NULL), MS_OK);
	ms_store_free(s);
	assert_true(t1 == start);
	assert_true(t2 == start + 1000000);
	free(path);
}

static void wall_clock_increases(void **state)
{
	char *path = path_in(*state, "wall.db");
	ms_store *s = NULL;
	ms_time a, b;

	assert_int_equal(ms_store_open(&s, path, MS_STORE_CREATE, NULL), MS_OK);
	assert_int_equal(ms_store_begin(s, NULL), MS_OK);
	assert_int_equal(ms_store_now(&a, s, NULL), MS_OK);
	assert_int_equal(ms_store_now(&b, s, NULL), MS_OK);
	assert_true(b > a);
	assert_true(a > INT64_C(1700000000) * 1000000);
	ms_store_free(s);
	free(path);
}

static int is_uuid_v4(const char *u)
{
	if (strlen(u) != 36 || u[8] != '-' || u[13] != '-' || u[18] != '-' ||
	    u[23] != '-' || u[14] != '4')
		return 0;
	if (strchr("89ab", u[19]) == NULL)
		return 0;
	for (int i = 0; i < 36; i++)
		if (i != 8 && i != 13 && i != 18 && i != 23 &&
		    strchr("0123456789abcdef", u[i]) == NULL)
			return 0;
	return 1;
}

static void ids(void **state)
{
	char *p1 = path_in(*state, "a.db"), *p2 = path_in(*state, "b.db");
	ms_store *a = NULL, *b = NULL;
	char ua[37], ub[37], ua2[37], r1[37], r2[37];

	assert_int_equal(ms_store_open(&a, p1, MS_STORE_CREATE, NULL), MS_OK);
	assert_int_equal(ms_store_open(&b, p2, MS_STORE_CREATE, NULL), MS_OK);
	assert_int_equal(ms_store_begin(a, NULL), MS_OK);
	assert_int_equal(ms_store_begin(b, NULL), MS_OK);
	/* random by default */
	assert_int_equal(ms_store_uuid(r1, a, NULL), MS_OK);
	assert_int_equal(ms_store_uuid(r2, a, NULL), MS_OK);
	assert_true(is_uuid_v4(r1));
	assert_string_not_equal(r1, r2);
	/* seeded: the same in two files, different one after the other */
	assert_int_equal(ms_store_set_seed(a, 7, NULL), MS_OK);
	assert_int_equal(ms_store_set_seed(b, 7, NULL), MS_OK);
	assert_int_equal(ms_store_uuid(ua, a, NULL), MS_OK);
	assert_int_equal(ms_store_uuid(ub, b, NULL), MS_OK);
	assert_int_equal(ms_store_uuid(ua2, a, NULL), MS_OK);
	assert_true(is_uuid_v4(ua));
	assert_string_equal(ua, ub);
	assert_string_not_equal(ua, ua2);
	/* setting the seed again does not repeat ids */
	assert_int_equal(ms_store_set_seed(a, 7, NULL), MS_OK);
	assert_int_equal(ms_store_uuid(ub, a, NULL), MS_OK);
	assert_string_not_equal(ub, ua);
	assert_string_not_equal(ub, ua2);
	ms_store_free(a);
	ms_store_free(b);
	free(p1);
	free(p2);
}

static void savepoints(void **state)
{
	char *path = path_in(*state, "sp.db");
	ms_store *s = NULL;
	char *v = NULL;

	assert_int_equal(ms_store_open(&s, path, MS_STORE_CREATE, NULL), MS_OK);
	assert_int_equal(ms_store_begin(s, NULL), MS_OK);
	assert_int_equal(ms_store_meta_set(s, "k", "before", NULL), MS_OK);
	assert_int_equal(ms_store_savepoint(s, "x", NULL), MS_OK);
	assert_int_equal(ms_store_meta_set(s, "k", "inside", NULL), MS_OK);
	assert_int_equal(ms_store_rollback_to(s, "x", NULL), MS_OK);
	assert_int_equal(ms_store_meta_get(&v, s, "k", NULL), MS_OK);
	assert_string_equal(v, "before");
	free(v);
	assert_int_equal(ms_store_savepoint(s, "y", NULL), MS_OK);
	assert_int_equal(ms_store_meta_set(s, "k", "kept", NULL), MS_OK);
	assert_int_equal(ms_store_release(s, "y", NULL), MS_OK);
	assert_int_equal(ms_store_meta_get(&v, s, "k", NULL), MS_OK);
	assert_string_equal(v, "kept");
	free(v);
	ms_store_free(s);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_and_reopen, setup, teardown),
		cmocka_unit_test_setup_teardown(uncommitted_create_leaves_nothing,
			setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_non_sqlite, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_foreign_sqlite, setup,
			teardown),
		cmocka_unit_test_setup_teardown(refuses_newer_format, setup,
			teardown),
		cmocka_unit_test_setup_teardown(refuses_damaged, setup, teardown),
		cmocka_unit_test_setup_teardown(fixed_clock_persists, setup,
			teardown),
		cmocka_unit_test_setup_teardown(wall_clock_increases, setup,
			teardown),
		cmocka_unit_test_setup_teardown(ids, setup, teardown),
		cmocka_unit_test_setup_teardown(savepoints, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
