/* test_migdir_checksum.c - SHA-256 as Prisma stores it, and the engine's
 * comparison (vectors from prisma-engines checksum.rs and
 * migration_persistence_tests.rs, quoted in prisma-migrate.md 2.4). */
#include "helpers.h"

#include "migsim/migdir.h"

static void vectors(void **state)
{
	char out[65];

	(void)state;
	ms_checksum("hello", 5, out);
	assert_string_equal(out,
		"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
	ms_checksum("CREATE ENUM MyBoolean ( \"TRUE\", \"FALSE\" )", 41, out);
	assert_string_equal(out,
		"e0c9674d3b332d71b8bc304aae5b7b8a8bb8ec720e07072429fb20d8cc69a864");
	ms_checksum("DROP ENUM MyBoolean", 19, out);
	assert_string_equal(out,
		"822db1ee793d76eaa1319eb2c453a7ec92ab6ec235268b4d27ac395c6c5a6e0f");
}

static int matches(const char *script, const char *stored_of)
{
	char sum[65];

	ms_checksum(stored_of, strlen(stored_of), sum);
	return ms_checksum_matches(script, strlen(script), sum);
}

/* script_matches_checksum_is_line_ending_agnostic */
static void line_endings(void **state)
{
	(void)state;
	assert_true(matches("ab\ncd\nef\ngh\rab", "ab\r\ncd\r\nef\r\ngh\rab"));
	assert_true(matches("ab\r\ncd\r\nef\r\ngh\rab", "ab\ncd\nef\ngh\rab"));
	assert_true(matches("ab\ncd\nef\ngh\rab\n", "ab\r\ncd\r\nef\r\ngh\rab\r\n"));
	assert_true(matches("ab\r\ncd\r\nef\r\ngh\rab\r\n", "ab\ncd\nef\ngh\rab\n"));
}

/* script_matches_checksum_negative */
static void negative(void **state)
{
	(void)state;
	assert_false(matches("abc", "abcd"));
	assert_false(matches("abc\n", "abc"));
	assert_int_equal(ms_checksum_matches("abc", 3, ""), 0);
}

/* Checksums written by old engines: hex digits without zero padding. */
static void legacy_unpadded(void **state)
{
	static const char hex[] = "0123456789abcdef";
	char full[65], legacy[65], *p = legacy;

	(void)state;
	ms_checksum("hello", 5, full);
	for (int i = 0; i < 64; i += 2) {
		if (full[i] != '0')
			*p++ = full[i];
		*p++ = full[i + 1];
	}
	*p = '\0';
	(void)hex;
	assert_true(strlen(legacy) < 64);
	assert_int_equal(ms_checksum_matches("hello", 5, legacy), 1);
	assert_int_equal(ms_checksum_matches("hellp", 5, legacy), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vectors),
		cmocka_unit_test(line_endings),
		cmocka_unit_test(negative),
		cmocka_unit_test(legacy_unpadded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
