/* test_scenario_parse.c - txtar archives and scenario scripts, including
 * each bad-input error with its file:line. */
#include "helpers.h"

#include "migsim/scenario.h"

static void txtar(void **state)
{
	static const char text[] = "comment\n-- a.sql --\nSELECT 1;\n"
		"-- dir/b.txt --\nno newline";
	ms_txtar a;

	(void)state;
	assert_int_equal(ms_txtar_parse(&a, "t.txtar", text, strlen(text), NULL),
		MS_OK);
	assert_string_equal(a.comment, "comment\n");
	assert_int_equal(a.count, 2);
	assert_string_equal(a.files[0].name, "a.sql");
	assert_string_equal(a.files[0].data, "SELECT 1;\n");
	assert_int_equal(a.files[0].line, 2);
	assert_string_equal(a.files[1].name, "dir/b.txt");
	assert_string_equal(a.files[1].data, "no newline\n");
	ms_txtar_clear(&a);
}

static void bad(const char *text, const char *want)
{
	ms_scenario *sc = NULL;
	ms_error err = MS_ERROR_INIT;

	assert_int_equal(ms_scenario_parse(&sc, "s.txtar", text, strlen(text),
		&err), MS_EINPUT);
	if (strstr(err.msg, want) == NULL)
		fail_msg("error '%s' lacks '%s'", err.msg, want);
	assert_null(sc);
}

static void bad_inputs(void **state)
{
	(void)state;
	bad("# x\n\nmigsim status\nfrobnicate it\n",
		"s.txtar:4: unknown verb 'frobnicate'");
	bad("write f.sql <<EOF\nSELECT 1;\n", "s.txtar:1: unterminated heredoc");
	bad("migsim status\nstdout '(unclosed'\n",
		"s.txtar:2: bad regular expression '(unclosed'");
	bad("cp ../../etc/passwd x\n", "s.txtar:1: path '../../etc/passwd' leaves");
	bad("rm /tmp/x\n", "s.txtar:1: path '/tmp/x' leaves");
	bad("migsim status\n-- ../evil --\nx\n",
		"s.txtar:2: archive file name '../evil' leaves");
	bad("-- /abs --\nx\n", "s.txtar:1: archive file name '/abs'");
	bad("! cp a b\n", "s.txtar:1: '!' cannot come before cp");
	bad("stdout\n", "s.txtar:1: wrong number of arguments");
	bad("fail x 99999\n", "s.txtar:1: fail: '99999' is not a PostgreSQL SQLSTATE");
	bad("clock tomorrow\n", "s.txtar:1: clock: bad time 'tomorrow'");
	bad("ledger total=x\n", "s.txtar:1: ledger: 'total=x': want KEY=NUMBER");
	bad("ledger rows=3\n", "s.txtar:1: ledger: unknown key");
	bad("row a done\n", "s.txtar:1: row: 'done'");
	bad("migsim status 'open\n", "s.txtar:1: unterminated ' quote");
	bad("migsim test x\n", "s.txtar:1: migsim test cannot run");
	bad("prisma seven\n", "s.txtar:1: prisma: 'seven'");
	bad("migsim status\nstdout 'a++++'\n",
		"s.txtar:2: bad regular expression 'a++++': repetition operators");
}

static void script(void **state)
{
	static const char text[] = "# The lesson,\n# two lines.\n\n"
		"# about the first step\nclock 2025-12-25T10:00:00Z\n"
		"! migsim deploy --prisma 6.19.3\nstderr 'P3018: ''x'''\n"
		"write m/x.sql <<END\nSELECT 1;\nEND\nexists m/x.sql\n"
		"-- f --\ndata\n";
	ms_scenario *sc = NULL;

	(void)state;
	assert_int_equal(ms_scenario_parse(&sc, "s.txtar", text, strlen(text),
		NULL), MS_OK);
	assert_string_equal(sc->lesson, "The lesson,\ntwo lines.");
	assert_int_equal(sc->count, 5);
	assert_int_equal(sc->steps[0].verb, MS_VERB_CLOCK);
	assert_string_equal(sc->steps[0].comment, "about the first step");
	assert_int_equal(sc->steps[0].line, 5);
	assert_true(sc->steps[1].negate);
	assert_int_equal(sc->steps[1].argc, 3);
	assert_string_equal(sc->steps[1].argv[2], "6.19.3");
	assert_string_equal(sc->steps[2].argv[0], "P3018: 'x'");
	assert_string_equal(sc->steps[3].heredoc, "SELECT 1;\n");
	assert_int_equal(sc->steps[4].line, 11);
	assert_int_equal(sc->archive.count, 1);
	ms_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(txtar),
		cmocka_unit_test(bad_inputs),
		cmocka_unit_test(script),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
