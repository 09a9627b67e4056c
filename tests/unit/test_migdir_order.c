/* test_migdir_order.c - Prisma's folder order: ICU (>= 6.6) and bytes
 * (<= 6.5).  Expected orders are the spec's (prisma-migrate.md 2.2),
 * checked there with Node 20's localeCompare. */
#include "helpers.h"

#include "migsim/migdir.h"

static const char *const sample[] = {
	"B_x", "20251225061321_x", "a_init", "20251225_step6_x", "9_a", "_x",
	"20251225061321-x", "0_init", "20251225061321_x_2", "10_b", "A_init",
	"2025-01-01_x", "20251225061321.x", "20251224_a", "20251225061321_X",
	"20251225061321_x2",
};

static const char *const icu_order[] = {
	"_x", "0_init", "10_b", "2025-01-01_x", "20251224_a", "20251225_step6_x",
	"20251225061321_x", "20251225061321_X", "20251225061321_x_2",
	"20251225061321_x2", "20251225061321-x", "20251225061321.x", "9_a",
	"a_init", "A_init", "B_x",
};

static const char *const byte_order[] = {
	"0_init", "10_b", "2025-01-01_x", "20251224_a", "20251225061321-x",
	"20251225061321.x", "20251225061321_X", "20251225061321_x",
	"20251225061321_x2", "20251225061321_x_2", "20251225_step6_x", "9_a",
	"A_init", "B_x", "_x", "a_init",
};

#define N (sizeof(sample) / sizeof(sample[0]))

static void check_order(const char *const *want, ms_order order)
{
	char *dir = tmpdir_new();
	ms_migdir *d = NULL;
	ms_error err = MS_ERROR_INIT;

	for (size_t i = 0; i < N; i++) {
		char name[128];

		snprintf(name, sizeof(name), "%s/migration.sql", sample[i]);
		put_text(dir, name, "SELECT 1;\n");
	}
	assert_int_equal(ms_migdir_open(&d, dir, order, &err), MS_OK);
	assert_int_equal(ms_migdir_count(d), N);
	for (size_t i = 0; i < N; i++)
		assert_string_equal(ms_migdir_at(d, i)->name, want[i]);
	ms_migdir_free(d);
	tmpdir_free(dir);
}

static void icu(void **state)
{
	(void)state;
	check_order(icu_order, MS_ORDER_ICU);
}

static void bytes(void **state)
{
	(void)state;
	check_order(byte_order, MS_ORDER_BYTES);
}

/* The seed: the date-only name runs before the timestamped one in 6.6+. */
static void seed_pair(void **state)
{
	int cmp;

	(void)state;
	assert_int_equal(ms_migdir_compare("20251225_step6_waitlist_party_only",
		"20251225061321_party_step5_offspring_waitlist_party",
		MS_ORDER_ICU, NULL, &cmp), MS_OK);
	assert_true(cmp < 0);
	assert_int_equal(ms_migdir_compare("20251225_step6_waitlist_party_only",
		"20251225061321_party_step5_offspring_waitlist_party",
		MS_ORDER_BYTES, NULL, &cmp), MS_OK);
	assert_true(cmp > 0);
}

/* Space < '_' < '-' < '.' among punctuation; a prefix sorts first. */
static void punctuation_and_spaces(void **state)
{
	int cmp;

	(void)state;
	ms_migdir_compare("20241130164335_added_api_keys_to_user copy",
		"20241130164335_added_api_keys_to_user", MS_ORDER_ICU, NULL, &cmp);
	assert_true(cmp > 0);
	ms_migdir_compare("a b", "a_b", MS_ORDER_ICU, NULL, &cmp);
	assert_true(cmp < 0);
	ms_migdir_compare("a_b", "a-b", MS_ORDER_ICU, NULL, &cmp);
	assert_true(cmp < 0);
	ms_migdir_compare("a-b", "a.b", MS_ORDER_ICU, NULL, &cmp);
	assert_true(cmp < 0);
	ms_migdir_compare("202310122339_NewColumnInLinkTable",
		"20231012233900_a", MS_ORDER_ICU, NULL, &cmp);
	assert_true(cmp < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(icu),
		cmocka_unit_test(bytes),
		cmocka_unit_test(seed_pair),
		cmocka_unit_test(punctuation_and_spaces),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
