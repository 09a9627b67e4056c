/*
 * resolve.c - `prisma migrate resolve --applied / --rolled-back` (spec
 * prisma-migrate.md section 5): the CLI's flag checks, then the engine's
 * markMigrationApplied (P3019, P3017, P3008, baseline creation of the
 * ledger) and markMigrationRolledBack (P3011, P3012).  No script runs.
 */
#include <stdlib.h>
#include <string.h>

#include "prisma_int.h"

int ms_prisma_resolve_usage(ms_prisma_result *res, int both, ms_error *err)
{
	memset(res, 0, sizeof(*res));
	res->exit_status = 1;
	if (both)
		ms_buf_puts(&res->err, "Error: Pass either --applied or "
			"--rolled-back, not both.\n");
	else
		ms_buf_puts(&res->err, "Error: --applied or --rolled-back must be "
			"part of the command like:\nprisma migrate resolve --applied "
			"20201231000000_example\nprisma migrate resolve --rolled-back "
			"20201231000000_example\n");
	return ms_buf_status(&res->err) < 0 ? ms_prisma__oom(err) : MS_OK;
}

static int finish(ms_prisma_result *res, int ret, ms_error *err)
{
	if (ret == MS_OK && (ms_buf_status(&res->out) < 0 ||
	    ms_buf_status(&res->err) < 0 || ms_buf_status(&res->notes) < 0))
		ret = ms_prisma__oom(err);
	return ret;
}

int ms_prisma_resolve_applied(ms_prisma_result *res, ms_store *store,
	const ms_migdir *dir, const ms_prisma_opts *o, const char *name,
	ms_error *err)
{
	const ms_migration *m;
	ms_ledger l;
	ms_buf msg = MS_BUF_INIT;
	int ret = MS_OK;

	(void)o;
	memset(res, 0, sizeof(*res));
	memset(&l, 0, sizeof(l));
	res->verdict = MS_VERDICT_OK;
	if (ms_prisma__provider_mismatch(res, dir))
		return finish(res, MS_OK, err);
	m = ms_migdir_find(dir, name);
	if (m == NULL || m->script == NULL) {
		ms_buf_printf(&msg, "The migration %s could not be found. Please "
			"make sure that the migration exists, and that you included the "
			"whole name of the directory. (example: "
			"\"20201207184859_initial_migration\")", name);
		ms_prisma__engine_error(res, "P3017", ms_buf_cstr(&msg));
		if (m)
			ms_prisma__note(res, "%s: %s", m->sql_path, m->read_error);
		goto out;
	}
	if ((ret = ms_ledger_load(&l, store, err)) < 0)
		goto out;
	/* Baselining: the table is created without the emptiness check. */
	if (!l.exists && (ret = ms_ledger_create(store, err)) < 0)
		goto out;
	for (size_t i = 0; i < l.count; i++)
		if (strcmp(l.rows[i].migration_name, name) == 0 &&
		    l.rows[i].finished_at != MS_TIME_NULL) {
			ms_buf_printf(&msg, "The migration `%s` is already recorded as "
				"applied in the database.", name);
			ms_prisma__engine_error(res, "P3008", ms_buf_cstr(&msg));
			goto out;
		}
	for (size_t i = 0; i < l.count && ret == MS_OK; i++)
		if (strcmp(l.rows[i].migration_name, name) == 0 &&
		    ms_ledger_row_state(&l.rows[i]) == MS_ROW_FAILED)
			ret = ms_ledger_mark_rolled_back(store, l.rows[i].id, err);
	if (ret == MS_OK)
		ret = ms_ledger_insert_applied(store, name, m->checksum, err);
	if (ret == MS_OK)
		ms_buf_printf(&res->out, "\nMigration %s marked as applied.\n\n",
			name);
out:
	ms_buf_free(&msg);
	ms_ledger_clear(&l);
	return finish(res, ret, err);
}

int ms_prisma_resolve_rolled_back(ms_prisma_result *res, ms_store *store,
	const ms_prisma_opts *o, const char *name, ms_error *err)
{
	ms_ledger l;
	ms_buf msg = MS_BUF_INIT;
	size_t rows = 0, finished = 0;
	int ret;

	(void)o;
	memset(res, 0, sizeof(*res));
	res->verdict = MS_VERDICT_OK;
	if ((ret = ms_ledger_load(&l, store, err)) < 0)
		return ret;
	if (!l.exists) {
		res->exit_status = 1;
		ms_buf_puts(&res->err, "Error: Invariant violation: called "
			"markMigrationRolledBack on a database without migrations "
			"table.\n");
		ms_prisma__note(res, "the simulated database has no "
			"_prisma_migrations table yet (no deploy or resolve --applied "
			"has run); Prisma follows this line with its engine's span "
			"trace, which migsim leaves out");
		goto out;
	}
	for (size_t i = 0; i < l.count; i++)
		if (strcmp(l.rows[i].migration_name, name) == 0) {
			rows++;
			finished += l.rows[i].finished_at != MS_TIME_NULL;
		}
	if (rows == 0) {
		ms_buf_printf(&msg, "Migration `%s` cannot be rolled back because it "
			"was never applied to the database. Hint: did you pass in the "
			"whole migration name? (example: "
			"\"20201207184859_initial_migration\")", name);
		ms_prisma__engine_error(res, "P3011", ms_buf_cstr(&msg));
		goto out;
	}
	if (rows == finished) {
		ms_buf_printf(&msg, "Migration `%s` cannot be rolled back because it "
			"is not in a failed state.", name);
		ms_prisma__engine_error(res, "P3012", ms_buf_cstr(&msg));
		goto out;
	}
	for (size_t i = 0; i < l.count && ret == MS_OK; i++)
		if (strcmp(l.rows[i].migration_name, name) == 0 &&
		    ms_ledger_row_state(&l.rows[i]) == MS_ROW_FAILED)
			ret = ms_ledger_mark_rolled_back(store, l.rows[i].id, err);
	if (ret == MS_OK)
		ms_buf_printf(&res->out, "\nMigration %s marked as rolled back.\n\n",
			name);
out:
	ms_buf_free(&msg);
	ms_ledger_clear(&l);
	return finish(res, ret, err);
}
