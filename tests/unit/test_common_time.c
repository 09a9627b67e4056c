/* test_common_time.c - ms_time parsing and its three renderings. */
#include "helpers.h"

#include "migsim/common.h"

static void parse_forms(void **state)
{
	ms_time a, b;

	(void)state;
	assert_int_equal(ms_time_parse(&a, "2025-12-25T10:00:00Z", NULL), MS_OK);
	assert_int_equal(ms_time_parse(&b, "2025-12-25 10:00:00+00", NULL), MS_OK);
	assert_true(a == b);
	assert_int_equal(ms_time_parse(&b, "2025-12-25T11:00:00+01:00", NULL),
		MS_OK);
	assert_true(a == b);
	assert_int_equal(ms_time_parse(&b, "2025-12-25 10:00:00.5+00", NULL),
		MS_OK);
	assert_true(b - a == 500000);
	assert_int_equal(ms_time_parse(&b, "2025-12-25", NULL), MS_OK);
	assert_true(a - b == INT64_C(36000) * 1000000);
}

static void parse_rejects(void **state)
{
	ms_error err = MS_ERROR_INIT;
	ms_time t;

	(void)state;
	assert_int_equal(ms_time_parse(&t, "yesterday", &err), MS_EINPUT);
	assert_non_null(strstr(err.msg, "yesterday"));
	assert_int_equal(ms_time_parse(&t, "2025-13-01T00:00:00Z", NULL),
		MS_EINPUT);
	assert_int_equal(ms_time_parse(&t, "2025-12-25T10:00:00Zjunk", NULL),
		MS_EINPUT);
}

/* PostgreSQL's timestamptz text in a UTC session trims the fraction. */
static void format_pg(void **state)
{
	char out[MS_TIME_BUFSZ];
	ms_time t;

	(void)state;
	ms_time_parse(&t, "2025-12-25T10:00:00Z", NULL);
	ms_time_format_pg(t, out);
	assert_string_equal(out, "2025-12-25 10:00:00+00");
	ms_time_format_pg(t + 123450, out);
	assert_string_equal(out, "2025-12-25 10:00:00.12345+00");
	ms_time_format_pg(t + 1, out);
	assert_string_equal(out, "2025-12-25 10:00:00.000001+00");
}

/* chrono's Display: none, 3, 6 (or 9) digits, never trimmed otherwise
 * (docs/prisma.md: "2025-07-08 21:12:14.951584 UTC" in real output). */
static void format_chrono(void **state)
{
	char out[MS_TIME_BUFSZ];
	ms_time t;

	(void)state;
	ms_time_parse(&t, "2025-07-08T21:12:14Z", NULL);
	ms_time_format_chrono(t, out);
	assert_string_equal(out, "2025-07-08 21:12:14 UTC");
	ms_time_format_chrono(t + 951584, out);
	assert_string_equal(out, "2025-07-08 21:12:14.951584 UTC");
	ms_time_format_chrono(t + 951000, out);
	assert_string_equal(out, "2025-07-08 21:12:14.951 UTC");
	ms_time_format_chrono(t + 500000, out);
	assert_string_equal(out, "2025-07-08 21:12:14.500 UTC");
	ms_time_format_chrono(t + 120000, out);
	assert_string_equal(out, "2025-07-08 21:12:14.120 UTC");
}

/* Text order of the PostgreSQL form is time order (ORDER BY started_at). */
static void pg_text_sorts(void **state)
{
	char a[MS_TIME_BUFSZ], b[MS_TIME_BUFSZ], c[MS_TIME_BUFSZ];
	ms_time t;

	(void)state;
	ms_time_parse(&t, "2025-12-25T10:00:00Z", NULL);
	ms_time_format_pg(t, a);
	ms_time_format_pg(t + 250000, b);
	ms_time_format_pg(t + 500000, c);
	assert_true(strcmp(a, b) < 0);
	assert_true(strcmp(b, c) < 0);
}

static void format_iso(void **state)
{
	char out[MS_TIME_BUFSZ];
	ms_time t;

	(void)state;
	ms_time_parse(&t, "2025-12-25T10:00:00.25Z", NULL);
	ms_time_format_iso(t, out);
	assert_string_equal(out, "2025-12-25T10:00:00.250000Z");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_forms),
		cmocka_unit_test(parse_rejects),
		cmocka_unit_test(format_pg),
		cmocka_unit_test(format_chrono),
		cmocka_unit_test(pg_text_sorts),
		cmocka_unit_test(format_iso),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
