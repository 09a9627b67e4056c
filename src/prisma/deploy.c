/*
 * deploy.c - `prisma migrate deploy` (spec prisma-migrate.md section 4,
 * execution-modes.md sections 1-2): provider check, ledger creation or
 * P3005, the failed-migration check (P3009), then each pending folder in
 * Prisma's order: started row, "Applying migration", the script on the
 * simulated server, and finished_at or logs + P3018.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "prisma_int.h"

/* PostGIS tables the engine ignores when it decides the database is not
 * empty (sql_schema_differ/postgres.rs POSTGIS_TABLES_OR_VIEWS). */
static const char *const ignored_tables[] = {
	"spatial_ref_sys", "geometry_columns", "geography_columns",
	"raster_columns", "raster_overviews", NULL
};

static int is_ignored(const char *name)
{
	for (const char *const *p = ignored_tables; *p; p++)
		if (strcasecmp(name, *p) == 0)
			return 1;
	return 0;
}

/* The engine's initialize: create the ledger, or P3005 when the schema
 * already holds a table.  *stop = 1 when res got an error. */
static int initialize(int *stop, ms_prisma_result *res, ms_store *store,
	ms_error *err)
{
	ms_pg_relation *rels = NULL;
	size_t n = 0;
	const char *blocker = NULL;
	int exists, ret;

	*stop = 0;
	if ((ret = ms_ledger_exists(&exists, store, err)) < 0 || exists)
		return ret;
	if ((ret = ms_pg_tables(&rels, &n, store, "public", err)) < 0)
		return ret;
	for (size_t i = 0; i < n && !blocker; i++)
		if (!is_ignored(rels[i].name))
			blocker = rels[i].name;
	if (blocker) {
		ms_prisma__engine_error(res, "P3005", "The database schema is not "
			"empty. Read more about how to baseline an existing "
			"production database: https://pris.ly/d/migrate-baseline");
		ms_prisma__note(res, "the simulated database has table \"%s\" and "
			"no _prisma_migrations table", blocker);
		*stop = 1;
	} else {
		ret = ms_ledger_create(store, err);
	}
	ms_pg_relations_free(rels, n);
	return ret;
}

static int failed_check(ms_prisma_result *res, const ms_ledger *l)
{
	ms_buf msg = MS_BUF_INIT;
	int any = 0;

	ms_buf_puts(&msg, "migrate found failed migrations in the target "
		"database, new migrations will not be applied. Read more about "
		"how to resolve migration issues in a production database: "
		"https://pris.ly/d/migrate-resolve\n");
	for (size_t i = 0; i < l->count; i++) {
		char at[MS_TIME_BUFSZ];

		if (ms_ledger_row_state(&l->rows[i]) != MS_ROW_FAILED)
			continue;
		ms_time_format_chrono(l->rows[i].started_at, at);
		ms_buf_printf(&msg, "The `%s` migration started at %s failed\n",
			l->rows[i].migration_name, at);
		any = 1;
	}
	if (any)
		ms_prisma__engine_error(res, "P3009", ms_buf_cstr(&msg));
	ms_buf_free(&msg);
	return any;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names of the rows with rolled_back_at NULL, sorted: a scan of the
 * ledger for every folder made deploying onto a long ledger quadratic. */
static int live_names(const char ***out, size_t *n, const ms_ledger *l,
	ms_error *err)
{
	const char **v = malloc((l->count ? l->count : 1) * sizeof(*v));

	*out = v;
	*n = 0;
	if (v == NULL)
		return ms_prisma__oom(err);
	for (size_t i = 0; i < l->count; i++)
		if (l->rows[i].rolled_back_at == MS_TIME_NULL)
			v[(*n)++] = l->rows[i].migration_name;
	qsort(v, *n, sizeof(*v), cmp_name);
	return MS_OK;
}

/* Pending: no row of that name with rolled_back_at NULL. */
static int is_pending(const char *const *live, size_t n, const char *name)
{
	return bsearch(&name, live, n, sizeof(*live), cmp_name) == NULL;
}

static const ms_prisma_fault *fault_for(const ms_prisma_opts *o,
	const char *name)
{
	for (size_t i = 0; i < o->n_faults; i++)
		if (strcmp(o->faults[i].migration, name) == 0)
			return &o->faults[i];
	return NULL;
}

static int check_faults(const ms_migdir *dir, const ms_prisma_opts *o,
	ms_error *err)
{
	for (size_t i = 0; i < o->n_faults; i++)
		if (ms_migdir_find(dir, o->faults[i].migration) == NULL)
			return ms_error_set(err, MS_EINPUT,
				"%s: no migration folder named '%s' for the injected fault",
				ms_migdir_path(dir), o->faults[i].migration);
	return MS_OK;
}

static ms_prisma_applied *add_applied(ms_prisma_result *res, const char *name)
{
	size_t n = res->n_applied;
	ms_prisma_applied *p;

	/* Doubling, with no capacity to keep: the array is full when its
	 * count is 0 or a power of two.  Growing by one copied it all per
	 * migration once realloc could not extend it in place. */
	if ((n & (n - 1)) == 0) {
		p = realloc(res->applied, (n ? 2 * n : 1) * sizeof(*p));
		if (p == NULL)
			return NULL;
		res->applied = p;
	}
	p = &res->applied[n];
	memset(p, 0, sizeof(*p));
	p->name = ms_strdup(name);
	if (p->name == NULL)
		return NULL;
	res->n_applied++;
	return p;
}

static void take_run(ms_prisma_applied *a, const ms_pg_result *r,
	const ms_pg_script *s)
{
	a->verdict = r->verdict;
	a->mode = r->mode;
	a->fell_back = r->fell_back;
	a->split_unsure = r->split_unsure;
	a->crashed = r->crashed;
	a->session_aborted = r->session_aborted;
	a->block_open = r->block_open;
	a->n_stmts = s->count;
	a->n_ok = r->n_ok;
	a->n_unknown = r->n_unknown;
	a->n_not_run = r->n_not_run;
	a->failed_stmt = r->failed_stmt;
	a->note = r->unknown_note;
	if (r->verdict == MS_VERDICT_FAILS) {
		memcpy(a->sqlstate, r->error.sqlstate, sizeof(a->sqlstate));
		a->error = ms_strdup(r->error.message);
	}
}

static int journal(ms_store *store, const char *name,
	const ms_pg_script *s, const ms_pg_result *r, ms_error *err)
{
	ms_journal_event ev;
	int ret = MS_OK;

	for (size_t i = 0; i < s->count && ret == MS_OK; i++) {
		const ms_pg_stmt_result *sr = &r->stmts[i];
		int failed = (int)i + 1 == r->failed_stmt;

		memset(&ev, 0, sizeof(ev));
		ev.migration = name;
		ev.stmt = (int)i + 1;
		ev.line = s->stmts[i].line;
		ev.tag = s->stmts[i].tag;
		ev.outcome = !sr->ran ? "not run" : ms_verdict_name(sr->verdict);
		ev.sqlstate = failed ? r->error.sqlstate : NULL;
		ev.message = failed ? r->error.message : sr->note;
		ret = ms_store_journal_event(store, &ev, err);
	}
	if (ret == MS_OK && s->parse_failed) {
		memset(&ev, 0, sizeof(ev));
		ev.migration = name;
		ev.outcome = "fails";
		ev.sqlstate = r->error.sqlstate;
		ev.message = r->error.message;
		ret = ms_store_journal_event(store, &ev, err);
	}
	return ret;
}

/* The P3018 error and the failed row's logs for a failed script. */
static int report_failure(ms_prisma_result *res, ms_store *store,
	const char *id, const char *name, const ms_pg_result *r,
	const ms_prisma_profile *profile, ms_error *err)
{
	ms_buf dberr = MS_BUF_INIT, msg = MS_BUF_INIT, logs = MS_BUF_INIT;
	int ret;

	ms_prisma__database_error(&dberr, &r->error, r->sent, r->sent_len);
	ms_prisma__p3018(&msg, name, r->error.sqlstate, ms_buf_cstr(&dberr));
	ms_prisma__logs(&logs, ms_buf_cstr(&msg), name, profile);
	ret = ms_buf_status(&logs) < 0 ? ms_prisma__oom(err) :
		ms_ledger_record_failure(store, id, ms_buf_cstr(&logs), err);
	if (ret == MS_OK)
		ms_prisma__engine_error(res, "P3018", ms_buf_cstr(&msg));
	ms_buf_free(&dberr);
	ms_buf_free(&msg);
	ms_buf_free(&logs);
	return ret;
}

/*
 * An error inside BEGIN .. COMMIT leaves the session aborted, so the
 * engine's UPDATE of logs fails with 25P02 and that error, not P3018,
 * reaches the user; logs stays NULL (execution-modes.md 2.4; recorded
 * with the oracle on one connection, case H1: docs/prisma.md).
 */
static void report_aborted(ms_prisma_result *res, const char *name,
	const ms_pg_result *r, const ms_prisma_profile *p)
{
	res->exit_status = 1;
	ms_buf_puts(&res->err, "Error: ERROR: current transaction is aborted, "
		"commands ignored until end of transaction block\n");
	ms_buf_printf(&res->err, "   0: %s::commands::apply_migrations::"
		"Applying migration\n           with migration_name=",
		p->schema_core_spans ? "schema_core" : "schema_commands");
	ms_prisma__rust_debug_str(&res->err, name);
	ms_buf_printf(&res->err, "\n             at %s\n"
		"   1: schema_core::state::ApplyMigrations\n             at "
		"schema-engine/core/src/state.rs:%d\n", p->schema_core_spans ?
		"schema-engine/core/src/commands/apply_migrations.rs:91" :
		"schema-engine/commands/src/commands/apply_migrations.rs:95",
		p->schema_core_spans ? 226 : 260);
	ms_prisma__note(res, "%s: statement %d failed with %s inside an explicit "
		"transaction block; the engine's write of the logs column then "
		"fails with 25P02, so logs stays NULL and the block is rolled back "
		"when the engine disconnects (the text above was recorded with "
		"Prisma 6.19.3's WASM engine; the native engine's may differ)",
		name, r->failed_stmt, r->error.sqlstate);
}

static void note_run(ms_prisma_result *res, const char *name,
	const ms_pg_result *r)
{
	if (r->fell_back && !r->crashed)
		ms_prisma__note(res, "%s: sent as one batch (split mode falls "
			"back: sqlparser 0.61 cannot parse the file)", name);
	if (r->unknown_note && r->verdict == MS_VERDICT_UNKNOWN)
		ms_prisma__note(res, "%s: prediction unknown: %s", name,
			r->unknown_note);
	if (r->verdict == MS_VERDICT_FAILS && r->uncertain_stmt)
		ms_prisma__note(res, "%s: it fails, but which error is uncertain: "
			"statement %d, which migsim could not check (%s), may fail "
			"first", name, r->uncertain_stmt,
			r->stmts[r->uncertain_stmt - 1].note ?
			r->stmts[r->uncertain_stmt - 1].note : "not modelled");
	if (r->block_open)
		ms_prisma__note(res, "%s: the script ends inside BEGIN without "
			"COMMIT; the engine goes on inside that transaction (its "
			"ledger writes and later migrations too) and PostgreSQL rolls "
			"it all back when deploy disconnects", name);
}

/* Run one pending migration on the engine's session.  *stop = 1 when
 * deploy ends here. */
static int apply_one(int *stop, ms_prisma_result *res, ms_store *store,
	ms_pg_session *session, const ms_migration *m, const ms_prisma_opts *o,
	ms_error *err)
{
	const ms_prisma_fault *f = fault_for(o, m->name);
	ms_pg_script script;
	ms_pg_result run;
	ms_prisma_applied *a;
	char id[37];
	int ret;

	memset(&run, 0, sizeof(run));
	if ((ret = ms_pg_parse(&script, m->script, m->script_len, err)) < 0)
		return ret;
	if (f && (size_t)f->pg.stmt > script.count) {
		ret = ms_error_set(err, MS_EINPUT, "%s: the injected fault names "
			"statement %d, but the file has %zu", m->sql_path, f->pg.stmt,
			script.count);
		goto out;
	}
	if (f && script.count == 0) {
		ret = ms_error_set(err, MS_EINPUT, "%s: the injected fault needs a "
			"statement, but the file has none", m->sql_path);
		goto out;
	}
	if ((ret = ms_ledger_insert_started(id, store, m->name, m->checksum,
	    err)) < 0)
		goto out;
	ms_buf_printf(&res->out, "Applying migration `%s`\n", m->name);
	if ((ret = ms_pg_execute(&run, store, session, &script, o->profile.exec,
	    f ? &f->pg : NULL, err)) < 0 ||
	    (ret = journal(store, m->name, &script, &run, err)) < 0)
		goto out;
	if ((a = add_applied(res, m->name)) == NULL) {
		ret = ms_prisma__oom(err);
		goto out;
	}
	take_run(a, &run, &script);
	note_run(res, m->name, &run);
	if (f && !f->pg.crash && run.failed_stmt)
		ms_prisma__note(res, "%s: statement %d fails by injection (%s)%s%s",
			m->name, run.failed_stmt, f->pg.sqlstate,
			run.stmts[run.failed_stmt - 1].note ? ": " : "",
			run.stmts[run.failed_stmt - 1].note ?
			run.stmts[run.failed_stmt - 1].note : "");
	if (run.crashed) {
		res->exit_status = 137;
		ms_prisma__note(res, "%s: the process was killed after statement %d "
			"(injected crash): the row stays started, never finished",
			m->name, f->pg.stmt ? f->pg.stmt : (int)script.count);
		*stop = 1;
	} else if (run.session_aborted) {
		report_aborted(res, m->name, &run, &o->profile);
		*stop = 1;
	} else if (run.verdict == MS_VERDICT_FAILS) {
		ret = report_failure(res, store, id, m->name, &run, &o->profile,
			err);
		*stop = 1;
	} else {
		if (run.verdict == MS_VERDICT_UNKNOWN)
			res->verdict = MS_VERDICT_UNKNOWN;
		ret = ms_ledger_record_success(store, id, err);
	}
out:
	ms_pg_result_clear(&run);
	ms_pg_script_clear(&script);
	return ret;
}

static void print_applied(ms_prisma_result *res, const ms_prisma_opts *o)
{
	ms_buf_putc(&res->out, '\n');
	if (res->n_applied == 0) {
		ms_buf_puts(&res->out, "No pending migrations to apply.\n");
		return;
	}
	ms_buf_puts(&res->out, "The following migration(s) have been applied:"
		"\n\nmigrations/");
	for (size_t i = 0; i < res->n_applied; i++)
		ms_buf_printf(&res->out, "\n  └─ %s/\n    └─ migration.sql",
			res->applied[i].name);
	ms_buf_putc(&res->out, '\n');
	ms_prisma__blank(&res->out, &o->profile, 6);
	ms_buf_puts(&res->out, "All migrations have been successfully applied.\n");
}

static void p3015(ms_prisma_result *res, const ms_migration *m,
	const ms_prisma_opts *o)
{
	ms_buf msg = MS_BUF_INIT;

	ms_buf_printf(&msg, "Could not find the migration file at %s. Please "
		"delete the directory or restore the migration file.",
		o->profile.engine_reads_folder ? m->sql_path : "migration.sql");
	ms_prisma__engine_error(res, "P3015", ms_buf_cstr(&msg));
	ms_prisma__note(res, "%s: %s", m->sql_path, m->read_error);
	ms_buf_free(&msg);
}

static void summarize(ms_prisma_result *res, const ms_prisma_opts *o)
{
	size_t stmts = 0, ok = 0, unknown = 0;

	for (size_t i = 0; i < res->n_applied; i++) {
		stmts += res->applied[i].n_stmts;
		ok += res->applied[i].n_ok;
		unknown += res->applied[i].n_unknown;
	}
	ms_prisma__note(res, "simulated Prisma %d.%d.%d (%s), %s mode: %zu "
		"migration%s run, %zu statement%s: %zu checked ok, %zu not checked",
		o->profile.simulated.major, o->profile.simulated.minor,
		o->profile.simulated.patch, o->profile.source,
		ms_exec_mode_name(o->profile.exec), res->n_applied,
		res->n_applied == 1 ? "" : "s", stmts, stmts == 1 ? "" : "s", ok,
		unknown);
	/* Later predictions rest on the first unknown one having applied:
	 * had it failed, Prisma would have stopped there. */
	for (size_t i = 0; i + 1 < res->n_applied; i++)
		if (res->applied[i].verdict == MS_VERDICT_UNKNOWN) {
			ms_prisma__note(res, "the %zu migration%s after %s %s "
				"simulated as if it applied; had it failed, deploy "
				"would have stopped there", res->n_applied - i - 1,
				res->n_applied - i - 1 == 1 ? "" : "s",
				res->applied[i].name, res->n_applied - i - 1 == 1 ?
				"was" : "were");
			break;
		}
}

int ms_prisma_deploy(ms_prisma_result *res, ms_store *store,
	const ms_migdir *dir, const ms_prisma_opts *o, ms_error *err)
{
	ms_pg_session session = MS_PG_SESSION_INIT;
	ms_ledger ledger;
	const char **live = NULL;
	size_t n_live = 0;
	int stop = 0, ret;

	memset(res, 0, sizeof(*res));
	memset(&ledger, 0, sizeof(ledger));
	res->verdict = MS_VERDICT_OK;
	if ((ret = check_faults(dir, o, err)) < 0)
		return ret;
	ms_prisma__count_line(&res->out, ms_migdir_count(dir));
	ms_buf_putc(&res->out, '\n');
	if (ms_prisma__provider_mismatch(res, dir))
		goto done;
	if ((ret = initialize(&stop, res, store, err)) < 0 || stop)
		goto done;
	if ((ret = ms_ledger_load(&ledger, store, err)) < 0)
		goto done;
	if (failed_check(res, &ledger) ||
	    (ret = live_names(&live, &n_live, &ledger, err)) < 0)
		goto done;
	for (size_t i = 0; i < ms_migdir_count(dir) && !stop; i++) {
		const ms_migration *m = ms_migdir_at(dir, i);

		if (!is_pending(live, n_live, m->name))
			continue;
		if (m->script == NULL) {
			p3015(res, m, o);
			break;
		}
		if ((ret = apply_one(&stop, res, store, &session, m, o, err)) < 0)
			goto done;
	}
	/* The engine exits and its connection closes. */
	if ((ret = ms_pg_session_close(&session, store, err)) < 0)
		goto done;
	if (res->exit_status == 0)
		print_applied(res, o);
done:
	if (ret == MS_OK && res->exit_status != 137)
		summarize(res, o);
	free(live);
	ms_ledger_clear(&ledger);
	if (ret == MS_OK && (ms_buf_status(&res->out) < 0 ||
	    ms_buf_status(&res->err) < 0 || ms_buf_status(&res->notes) < 0))
		ret = ms_prisma__oom(err);
	return ret;
}
