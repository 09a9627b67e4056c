/* test_common_buf.c - ms_buf growth, cap and sticky failure. */
#include "helpers.h"

#include "migsim/common.h"

static void grows(void **state)
{
	ms_buf b = MS_BUF_INIT;

	(void)state;
	assert_string_equal(ms_buf_cstr(&b), "");
	for (int i = 0; i < 1000; i++)
		ms_buf_printf(&b, "%d,", i);
	assert_int_equal(ms_buf_status(&b), MS_OK);
	assert_true(strncmp(ms_buf_cstr(&b), "0,1,2,", 6) == 0);
	assert_int_equal(b.len, strlen(b.ptr));
	ms_buf_free(&b);
}

static void cap_is_sticky(void **state)
{
	ms_buf b = MS_BUF_INIT;

	(void)state;
	b.max = 8;
	ms_buf_puts(&b, "1234567");
	assert_int_equal(ms_buf_status(&b), MS_OK);
	ms_buf_puts(&b, "89");
	assert_int_equal(ms_buf_status(&b), MS_ENOMEM);
	ms_buf_puts(&b, "x");
	assert_string_equal(ms_buf_cstr(&b), "1234567");
	ms_buf_free(&b);
}

static void detach(void **state)
{
	ms_buf b = MS_BUF_INIT;
	char *s;

	(void)state;
	s = ms_buf_detach(&b);
	assert_string_equal(s, "");
	free(s);
	ms_buf_puts(&b, "abc");
	s = ms_buf_detach(&b);
	assert_string_equal(s, "abc");
	assert_null(b.ptr);
	free(s);
}

static void error_set(void **state)
{
	ms_error err = MS_ERROR_INIT;

	(void)state;
	assert_int_equal(ms_error_set(&err, MS_EINPUT, "%s:%d: bad", "f.sql", 3),
		MS_EINPUT);
	assert_string_equal(err.msg, "f.sql:3: bad");
	assert_int_equal(ms_error_set(NULL, MS_EIO, "ignored"), MS_EIO);
	assert_string_equal(ms_strerror(MS_ECORRUPT),
		"not a usable migsim state file");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grows),
		cmocka_unit_test(cap_is_sticky),
		cmocka_unit_test(detach),
		cmocka_unit_test(error_set),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
