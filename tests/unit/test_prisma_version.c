/* test_prisma_version.c - what each Prisma version does differently
 * (execution-modes.md 3), and finding the version in a project. */
#include "helpers.h"

#include "migsim/prisma.h"

static ms_prisma_profile profile(const char *v)
{
	ms_prisma_profile p;
	ms_prisma_version ver;

	assert_int_equal(ms_prisma_version_parse(&ver, v, NULL), MS_OK);
	assert_int_equal(ms_prisma_profile_for(&p, &ver, "test", NULL), MS_OK);
	return p;
}

static void boundaries(void **state)
{
	(void)state;
	assert_int_equal(profile("5.22.0").order, MS_ORDER_BYTES);
	assert_int_equal(profile("6.5.0").order, MS_ORDER_BYTES);
	assert_int_equal(profile("6.6.0").order, MS_ORDER_ICU);
	assert_int_equal(profile("6.19.3").exec, MS_EXEC_BATCH);
	assert_int_equal(profile("7.3.0").exec, MS_EXEC_BATCH);
	assert_int_equal(profile("7.4.0").exec, MS_EXEC_SPLIT);
	assert_int_equal(profile("7.9.1").exec, MS_EXEC_SPLIT);
	assert_true(profile("6.5.0").engine_reads_folder);
	assert_false(profile("6.6.0").engine_reads_folder);
	assert_true(profile("6.19.3").padded_blank_lines);
	assert_false(profile("7.0.0").padded_blank_lines);
	assert_true(profile("5.22.0").schema_core_spans);
	assert_false(profile("6.0.0").schema_core_spans);
}

static void newer_and_older(void **state)
{
	ms_prisma_profile p = profile("8.2.0");
	ms_prisma_version old = { 4, 16, 0 };
	ms_error err = MS_ERROR_INIT;

	(void)state;
	assert_int_equal(p.simulated.major, 7);
	assert_int_equal(p.simulated.minor, 10);
	assert_non_null(strstr(p.source, "newer than 7.10.0"));
	assert_int_equal(ms_prisma_profile_for(&p, &old, "x", &err), MS_EINPUT);
	assert_non_null(strstr(err.msg, "4.16.0"));
}

static void parse_forms(void **state)
{
	ms_prisma_version v;

	(void)state;
	assert_int_equal(ms_prisma_version_parse(&v, "v6.6.0", NULL), MS_OK);
	assert_int_equal(v.minor, 6);
	assert_int_equal(ms_prisma_version_parse(&v, "7.4.0-dev.12", NULL), MS_OK);
	assert_int_equal(v.minor, 4);
	assert_int_equal(ms_prisma_version_parse(&v, "7", NULL), MS_OK);
	assert_int_equal(ms_prisma_version_parse(&v, "latest", NULL), MS_EINPUT);
	assert_int_equal(ms_prisma_version_parse(&v, "6.x", NULL), MS_EINPUT);
}

static void detect(const char *file, const char *content, int minor,
	int patch)
{
	char *dir = tmpdir_new(), *mig;
	ms_prisma_profile p;

	put_text(dir, "prisma/migrations/migration_lock.toml",
		"provider = \"postgresql\"\n");
	put_text(dir, file, content);
	mig = path_in(dir, "prisma/migrations");
	assert_int_equal(ms_prisma_detect(&p, NULL, mig, NULL), MS_OK);
	assert_int_equal(p.asked.major, 6);
	assert_int_equal(p.asked.minor, minor);
	assert_int_equal(p.asked.patch, patch);
	assert_non_null(strstr(p.source, file));
	free(mig);
	tmpdir_free(dir);
}

static void from_project_files(void **state)
{
	(void)state;
	detect("package-lock.json", "{\"lockfileVersion\": 3, \"packages\": "
		"{\"node_modules/prisma\": {\"version\": \"6.19.3\"}}}", 19, 3);
	detect("package.json", "{\"devDependencies\": {\"prisma\": \"^6.6.0\"}}",
		6, 0);
	detect("pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages:\n\n"
		"  prisma@6.16.2:\n    resolution: {integrity: sha512-x}\n", 16, 2);
	detect("yarn.lock", "\"@prisma/client@^6.1.0\":\n  version \"6.1.0\"\n\n"
		"prisma@^6.2.0:\n  version \"6.2.1\"\n", 2, 1);
}

static void flag_wins_and_default(void **state)
{
	char *dir = tmpdir_new(), *mig = path_in(dir, "m");
	ms_prisma_profile p;

	(void)state;
	put_text(dir, "package.json", "{\"dependencies\": {\"prisma\": \"6.6.0\"}}");
	put_text(dir, "m/x/migration.sql", "SELECT 1;");
	assert_int_equal(ms_prisma_detect(&p, "5.22.0", mig, NULL), MS_OK);
	assert_int_equal(p.asked.major, 5);
	assert_string_equal(p.source, "--prisma");
	free(mig);
	tmpdir_free(dir);
	dir = tmpdir_new();
	mig = path_in(dir, "m");
	put_text(dir, "m/x/migration.sql", "SELECT 1;");
	assert_int_equal(ms_prisma_detect(&p, NULL, mig, NULL), MS_OK);
	assert_int_equal(p.asked.major, ms_prisma_newest().major);
	assert_int_equal(p.asked.minor, ms_prisma_newest().minor);
	free(mig);
	tmpdir_free(dir);
}

static void bad_package_json(void **state)
{
	char *dir = tmpdir_new(), *mig = path_in(dir, "prisma/migrations");
	ms_prisma_profile p;
	ms_error err = MS_ERROR_INIT;

	(void)state;
	put_text(dir, "prisma/migrations/x/migration.sql", "SELECT 1;");
	put_text(dir, "package.json", "{\"dependencies\": {\n  \"prisma\": ,\n}}");
	assert_int_equal(ms_prisma_detect(&p, NULL, mig, &err), MS_EINPUT);
	assert_non_null(strstr(err.msg, "package.json:2:"));
	free(mig);
	tmpdir_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(boundaries),
		cmocka_unit_test(newer_and_older),
		cmocka_unit_test(parse_forms),
		cmocka_unit_test(from_project_files),
		cmocka_unit_test(flag_wins_and_default),
		cmocka_unit_test(bad_package_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
