/*
 * status.c - `prisma migrate status` (spec prisma-migrate.md section 6):
 * the engine's diagnoseMigrationHistory (read-only, never creates the
 * ledger) and the CLI's first-match decision list with its texts.
 * Edited migrations are found but, as in Prisma, never reported here.
 */
#include <stdlib.h>
#include <string.h>

#include "prisma_int.h"

typedef struct names {
	const char **v;
	size_t n;
} names;

static int push(names *l, const char *s)
{
	const char **p = realloc(l->v, (l->n + 1) * sizeof(*p));

	if (p == NULL)
		return -1;
	p[l->n++] = s;
	l->v = p;
	return 0;
}

typedef struct diagnosis {
	names not_in_db;   /* folders with no row at all, folder order */
	names not_in_fs;   /* rows with no folder, started_at order */
	names failed;      /* failed rows, started_at order */
	names edited;      /* checksum differs from the first row's */
	long first_missing;/* index of the first folder not in the DB */
} diagnosis;

static void diagnosis_free(diagnosis *d)
{
	free(d->not_in_db.v);
	free(d->not_in_fs.v);
	free(d->failed.v);
	free(d->edited.v);
}

static const ms_ledger_row *first_row(const ms_ledger *l, const char *name)
{
	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->rows[i].migration_name, name) == 0)
			return &l->rows[i];
	return NULL;
}

/* Returns 1 after filling res with P3015, 0 to go on, <0 on ENOMEM. */
static int diagnose(diagnosis *d, ms_prisma_result *res, const ms_migdir *dir,
	const ms_ledger *l, const ms_prisma_opts *o)
{
	d->first_missing = -1;
	for (size_t i = 0; i < ms_migdir_count(dir); i++) {
		const ms_migration *m = ms_migdir_at(dir, i);
		const ms_ledger_row *row = first_row(l, m->name);
		int match;

		if (row == NULL) {
			if (d->first_missing < 0)
				d->first_missing = (long)i;
			if (push(&d->not_in_db, m->name) < 0)
				return -1;
			continue;
		}
		if (m->script == NULL) {
			ms_buf msg = MS_BUF_INIT;

			ms_buf_printf(&msg, "Could not find the migration file at %s. "
				"Please delete the directory or restore the migration file.",
				o->profile.engine_reads_folder ? m->sql_path :
				"migration.sql");
			ms_prisma__engine_error(res, "P3015", ms_buf_cstr(&msg));
			ms_prisma__note(res, "%s: %s", m->sql_path, m->read_error);
			ms_buf_free(&msg);
			return 1;
		}
		match = ms_checksum_matches(m->script, m->script_len, row->checksum);
		if (match < 0)
			return -1;
		if (!match && push(&d->edited, m->name) < 0)
			return -1;
	}
	for (size_t i = 0; i < l->count; i++) {
		const ms_ledger_row *r = &l->rows[i];

		if (ms_ledger_row_state(r) == MS_ROW_FAILED &&
		    push(&d->failed, r->migration_name) < 0)
			return -1;
		if (ms_migdir_find(dir, r->migration_name) == NULL &&
		    push(&d->not_in_fs, r->migration_name) < 0)
			return -1;
	}
	return 0;
}

static void list(ms_buf *b, const names *l)
{
	for (size_t i = 0; i < l->n; i++)
		ms_buf_printf(b, "%s\n", l->v[i]);
}

static void behind(ms_prisma_result *res, const diagnosis *d)
{
	ms_buf_printf(&res->out, "Following migration%s have not yet been "
		"applied:\n", d->not_in_db.n > 1 ? "s" : "");
	list(&res->out, &d->not_in_db);
	ms_buf_puts(&res->out, "\nTo apply migrations in development run prisma "
		"migrate dev.\nTo apply migrations in production run prisma migrate "
		"deploy.\n");
	res->exit_status = 1;
	res->diagnosis = "databaseIsBehind";
}

static void diverge(ms_prisma_result *res, const diagnosis *d,
	const ms_migdir *dir)
{
	const char *common = d->first_missing > 0 ?
		ms_migdir_at(dir, (size_t)d->first_missing - 1)->name : "null";

	ms_buf_printf(&res->err, "Your local migration history and the "
		"migrations table from your database are different:\n\n"
		"The last common migration is: %s\n\nThe migration%s have not yet "
		"been applied:\n", common, d->not_in_db.n > 1 ? "s" : "");
	list(&res->err, &d->not_in_db);
	ms_buf_printf(&res->err, "\nThe migration%s from the database are not "
		"found locally in prisma/migrations:\n",
		d->not_in_fs.n > 1 ? "s" : "");
	list(&res->err, &d->not_in_fs);
	res->exit_status = 1;
	res->diagnosis = "historiesDiverge";
}

static void not_managed(ms_prisma_result *res, const ms_prisma_opts *o)
{
	ms_buf_puts(&res->err, "The current database is not managed by Prisma "
		"Migrate.\n");
	ms_prisma__blank(&res->err, &o->profile, 8);
	ms_buf_puts(&res->err, "Read more about how to baseline an existing "
		"production database:\nhttps://pris.ly/d/migrate-baseline\n");
	res->exit_status = 1;
	res->diagnosis = "notManaged";
}

static void failed(ms_prisma_result *res, const diagnosis *d,
	const ms_prisma_opts *o)
{
	const char *first = d->failed.v[0];

	ms_buf_printf(&res->err, "Following migration%s have failed:\n",
		d->failed.n > 1 ? "s" : "");
	list(&res->err, &d->failed);
	ms_buf_puts(&res->err, "\nDuring development if the failed migration(s) "
		"have not been deployed to a production database you can then fix "
		"the migration(s) and run prisma migrate dev.\n\n");
	ms_buf_puts(&res->err, "The failed migration(s) can be marked as rolled "
		"back or applied:\n");
	ms_prisma__blank(&res->err, &o->profile, 6);
	ms_buf_printf(&res->err, "- If you rolled back the migration(s) "
		"manually:\nprisma migrate resolve --rolled-back \"%s\"\n\n"
		"- If you fixed the database manually (hotfix):\nprisma migrate "
		"resolve --applied \"%s\"\n\nRead more about how to resolve "
		"migration issues in a production database:\n"
		"https://pris.ly/d/migrate-resolve\n", first, first);
	res->exit_status = 1;
	res->diagnosis = "failedMigrations";
}

int ms_prisma_status(ms_prisma_result *res, ms_store *store,
	const ms_migdir *dir, const ms_prisma_opts *o, ms_error *err)
{
	ms_ledger ledger;
	diagnosis d;
	int ret, r;

	memset(res, 0, sizeof(*res));
	memset(&d, 0, sizeof(d));
	res->verdict = MS_VERDICT_OK;
	if (ms_prisma__provider_mismatch(res, dir))
		return MS_OK;
	if ((ret = ms_ledger_load(&ledger, store, err)) < 0)
		return ret;
	r = diagnose(&d, res, dir, &ledger, o);
	if (r < 0) {
		ret = ms_prisma__oom(err);
		goto out;
	}
	if (r > 0)
		goto out;
	ms_prisma__count_line(&res->out, ms_migdir_count(dir));
	if (d.not_in_db.n && !d.not_in_fs.n)
		behind(res, &d);
	else if (d.not_in_db.n && d.not_in_fs.n)
		diverge(res, &d, dir);
	else if (!ledger.exists)
		not_managed(res, o);
	else if (d.failed.n)
		failed(res, &d, o);
	else {
		ms_buf_puts(&res->out, "\nDatabase schema is up to date!\n");
		res->diagnosis = d.not_in_fs.n ? "migrationsDirectoryIsBehind" :
			"upToDate";
	}
	for (size_t i = 0; i < d.edited.n; i++)
		ms_prisma__note(res, "%s: edited after it was applied (checksum "
			"differs from the ledger); Prisma's status does not report it",
			d.edited.v[i]);
out:
	diagnosis_free(&d);
	ms_ledger_clear(&ledger);
	if (ret == MS_OK && (ms_buf_status(&res->out) < 0 ||
	    ms_buf_status(&res->err) < 0 || ms_buf_status(&res->notes) < 0))
		ret = ms_prisma__oom(err);
	return ret;
}
