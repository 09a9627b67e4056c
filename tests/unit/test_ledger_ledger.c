/* test_ledger_ledger.c - the _prisma_migrations writes and row states
 * (prisma-migrate.md 1.4). */
#include "helpers.h"

#include <sqlite3.h>

#include "migsim/ledger.h"

typedef struct fixture {
	char *dir;
	ms_store *store;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	char *path;
	ms_time t;

	f->dir = tmpdir_new();
	path = path_in(f->dir, "s.db");
	ms_time_parse(&t, "2025-12-25T10:00:00Z", NULL);
	if (ms_store_open(&f->store, path, MS_STORE_CREATE, NULL) < 0 ||
	    ms_store_begin(f->store, NULL) < 0 ||
	    ms_store_set_clock(f->store, t, 1000000, NULL) < 0)
		return -1;
	free(path);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	ms_store_free(f->store);
	tmpdir_free(f->dir);
	free(f);
	return 0;
}

static void table_created_on_demand(void **state)
{
	fixture *f = *state;
	ms_ledger l;
	int exists;

	assert_int_equal(ms_ledger_exists(&exists, f->store, NULL), MS_OK);
	assert_false(exists);
	assert_int_equal(ms_ledger_load(&l, f->store, NULL), MS_OK);
	assert_false(l.exists);
	assert_int_equal(l.count, 0);
	assert_int_equal(ms_ledger_create(f->store, NULL), MS_OK);
	assert_int_equal(ms_ledger_exists(&exists, f->store, NULL), MS_OK);
	assert_true(exists);
}

static void apply_fail_resolve(void **state)
{
	fixture *f = *state;
	char ok_id[37], bad_id[37];
	ms_ledger l;
	ms_ledger_summary sum;

	ms_ledger_create(f->store, NULL);
	assert_int_equal(ms_ledger_insert_started(ok_id, f->store, "a", "c1",
		NULL), MS_OK);
	assert_int_equal(ms_ledger_record_success(f->store, ok_id, NULL), MS_OK);
	assert_int_equal(ms_ledger_insert_started(bad_id, f->store, "b", "c2",
		NULL), MS_OK);
	assert_int_equal(ms_ledger_record_failure(f->store, bad_id, "boom",
		NULL), MS_OK);
	assert_int_equal(ms_ledger_mark_rolled_back(f->store, bad_id, NULL),
		MS_OK);
	assert_int_equal(ms_ledger_insert_applied(f->store, "b", "c3", NULL),
		MS_OK);
	assert_int_equal(ms_ledger_load(&l, f->store, NULL), MS_OK);
	assert_int_equal(l.count, 3);
	/* success: steps 1, finished one tick after started, logs NULL */
	assert_string_equal(l.rows[0].migration_name, "a");
	assert_int_equal(ms_ledger_row_state(&l.rows[0]), MS_ROW_APPLIED);
	assert_int_equal(l.rows[0].applied_steps_count, 1);
	assert_true(l.rows[0].finished_at == l.rows[0].started_at + 1000000);
	assert_null(l.rows[0].logs);
	/* failure then rolled back: steps 0, logs kept */
	assert_int_equal(ms_ledger_row_state(&l.rows[1]), MS_ROW_ROLLED_BACK);
	assert_int_equal(l.rows[1].applied_steps_count, 0);
	assert_string_equal(l.rows[1].logs, "boom");
	assert_true(l.rows[1].finished_at == MS_TIME_NULL);
	/* resolve --applied: steps 0, logs '', started_at = finished_at */
	assert_int_equal(ms_ledger_row_state(&l.rows[2]), MS_ROW_APPLIED);
	assert_int_equal(l.rows[2].applied_steps_count, 0);
	assert_string_equal(l.rows[2].logs, "");
	assert_true(l.rows[2].started_at == l.rows[2].finished_at);
	assert_string_equal(l.rows[2].checksum, "c3");
	ms_ledger_clear(&l);
	assert_int_equal(ms_ledger_summarize(&sum, f->store, NULL), MS_OK);
	assert_int_equal(sum.total, 3);
	assert_int_equal(sum.applied, 2);
	assert_int_equal(sum.failed, 1);
	assert_int_equal(sum.rolled_back, 1);
}

/* The engine refuses rows with NULL in a NOT NULL column it reads. */
static void null_required_column(void **state)
{
	fixture *f = *state;
	ms_ledger l;
	ms_error err = MS_ERROR_INIT;

	assert_int_equal(ms_store_exec(f->store,
		"CREATE TABLE _prisma_migrations (id TEXT, checksum TEXT, "
		"finished_at TEXT, migration_name TEXT, logs TEXT, rolled_back_at "
		"TEXT, started_at TEXT, applied_steps_count INTEGER);"
		"INSERT INTO _prisma_migrations VALUES ('x', NULL, NULL, 'm', NULL,"
		" NULL, '2025-12-25 10:00:00+00', 0);", NULL), MS_OK);
	assert_int_equal(ms_ledger_load(&l, f->store, &err), MS_ECORRUPT);
	assert_string_equal(err.msg,
		"Failed to extract `checksum` from `_prisma_migrations` row.");
}

static void state_names(void **state)
{
	(void)state;
	assert_string_equal(ms_row_state_name(MS_ROW_APPLIED), "finished");
	assert_string_equal(ms_row_state_name(MS_ROW_FAILED), "failed");
	assert_string_equal(ms_row_state_name(MS_ROW_ROLLED_BACK), "rolled-back");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(table_created_on_demand, setup,
			teardown),
		cmocka_unit_test_setup_teardown(apply_fail_resolve, setup, teardown),
		cmocka_unit_test_setup_teardown(null_required_column, setup,
			teardown),
		cmocka_unit_test(state_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
