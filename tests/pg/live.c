/*
 * live.c - asks a real PostgreSQL what the recorded expectations say, so
 * that `make test-pg` can tell when a recording no longer matches the
 * server (tests/pg/live.sh starts the server and compares).
 *
 *   live CONNINFO cases FILE...      each case on a clean database
 *                                    "casedb_PID" (runs side by side do not
 *                                    meet; see casedb_clean), dropped at
 *                                    the end: setup.sql then case.sql,
 *                                    each as ONE simple-query message on a
 *                                    new connection; prints "=== NAME"
 *                                    and the expect lines
 *   live CONNINFO corpus DIR ORDER   each migration of ORDER (one folder
 *                                    name per line) as one message on its
 *                                    own connection; prints a line per
 *                                    failure, as the files of tests/pg/corpora
 *
 * CONNINFO names the server; its dbname is used to create the databases.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "migsim/scenario.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (b = malloc((size_t)n + 1)) != NULL) {
		*len = fread(b, 1, (size_t)n, f);
		b[*len] = '\0';
	}
	fclose(f);
	return b;
}

/* The case files escape newlines and backslashes; the corpus files tabs
 * and carriage returns too. */
static void esc(FILE *o, const char *s, int tabs)
{
	for (; s && *s; s++) {
		if (*s == '\n')
			fputs("\\n", o);
		else if (*s == '\\')
			fputs("\\\\", o);
		else if (tabs && *s == '\t')
			fputs("\\t", o);
		else if (tabs && *s == '\r')
			fputs("\\r", o);
		else
			fputc(*s, o);
	}
}

static void quiet(void *arg, const PGresult *r)
{
	(void)arg;
	(void)r;
}

static PGconn *connect_db(const char *conninfo, const char *dbname)
{
	const char *keys[] = { "dbname", NULL, NULL };
	const char *vals[] = { conninfo, NULL, NULL };
	PGconn *c;

	if (dbname) {
		keys[1] = "dbname";
		vals[1] = dbname;
	}
	c = PQconnectdbParams(keys, vals, 1);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "live: %s", PQerrorMessage(c));
		PQfinish(c);
		return NULL;
	}
	PQsetNoticeReceiver(c, quiet, NULL);
	return c;
}

static void drop_db(PGconn *admin, const char *name)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s WITH (FORCE)",
		name);
	PQclear(PQexec(admin, sql));
}

/* name dropped and made again from template0, over the admin
 * connection (one per run: a connection costs a backend). */
static int fresh_db(PGconn *admin, const char *name)
{
	char sql[256];
	PGresult *r;
	int ok;

	drop_db(admin, name);
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s TEMPLATE template0 "
		"ENCODING 'UTF8'", name);
	r = PQexec(admin, sql);
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		fprintf(stderr, "live: %s", PQerrorMessage(admin));
	PQclear(r);
	return ok ? 0 : -1;
}

/*
 * A case database is made once and cleaned after each case, not made
 * again: DROP DATABASE forces a checkpoint (about 130 ms a case, most of
 * make test-pg).  Cleaning drops every schema, extension, event trigger,
 * publication and foreign server, and makes public again as initdb does
 * (owner, grant, comment).  Whatever that misses (a cast between built-in
 * types, a built-in altered or dropped, a database setting) shows in the
 * catalogs' fingerprint: for each catalog of the database its row count
 * and the rows written since the database was made.  When the
 * fingerprint is not the one the database had clean, it is made again.
 */
static const char clean_sql[] =
	"DO $$ DECLARE r record; BEGIN "
	"FOR r IN SELECT evtname FROM pg_event_trigger LOOP "
	"EXECUTE format('DROP EVENT TRIGGER %I', r.evtname); END LOOP; "
	"FOR r IN SELECT pubname FROM pg_publication LOOP "
	"EXECUTE format('DROP PUBLICATION %I', r.pubname); END LOOP; "
	"FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' "
	"LOOP EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', r.extname); "
	"END LOOP; "
	"FOR r IN SELECT srvname FROM pg_foreign_server LOOP "
	"EXECUTE format('DROP SERVER IF EXISTS %I CASCADE', r.srvname); "
	"END LOOP; "
	"FOR r IN SELECT fdwname FROM pg_foreign_data_wrapper LOOP "
	"EXECUTE format('DROP FOREIGN DATA WRAPPER IF EXISTS %I CASCADE', "
	"r.fdwname); END LOOP; "
	"FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN "
	"('pg_catalog', 'information_schema', 'pg_toast') "
	"AND nspname !~ '^pg_(toast_)?temp_' LOOP "
	"EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', r.nspname); "
	"END LOOP; END $$; "
	"CREATE SCHEMA public AUTHORIZATION pg_database_owner; "
	"GRANT USAGE ON SCHEMA public TO PUBLIC; "
	"COMMENT ON SCHEMA public IS 'standard public schema'";

typedef struct {
	PGconn *admin;
	PGconn *cleaner;	/* kept on the case database */
	const char *conninfo;
	char name[64];
	char *probe;	/* the fingerprint query */
	char *clean;	/* its answer when the database is clean */
} casedb;

/* The only value of a query's answer, or NULL (with a message). */
static char *query_value(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	char *v = NULL;

	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		v = strdup(PQgetvalue(r, 0, 0));
	else
		fprintf(stderr, "live: %s", PQerrorMessage(c));
	PQclear(r);
	return v;
}

static int exec_ok(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK;

	if (!ok)
		fprintf(stderr, "live: %s", PQerrorMessage(c));
	PQclear(r);
	return ok ? 0 : -1;
}

/* The fingerprint query: per catalog, its rows and those written at or
 * after transaction since (younger than it; temporary schemas belong to
 * sessions, not cases). */
static char *fingerprint_query(PGconn *c, const char *since)
{
	char sql[768];
	PGresult *r;
	size_t len;
	char *q;

	snprintf(sql, sizeof(sql),
		"SELECT 'SELECT concat_ws('' '', "
		"(SELECT count(*) FROM pg_shdepend WHERE dbid = d.oid), "
		"(SELECT count(*) FROM pg_db_role_setting WHERE setdatabase = d.oid), "
		"(SELECT count(*) FROM pg_shdescription WHERE objoid = d.oid), "
		"(SELECT age(xmin) <= age(''%s''::xid) FROM pg_database "
		"WHERE oid = d.oid), ' "
		"|| string_agg(format('(SELECT count(*) || ''/'' || count(*) "
		"FILTER (WHERE age(xmin) <= age(''%s''::xid)) "
		"FROM pg_catalog.%%I%%s)', "
		"relname, CASE relname WHEN 'pg_namespace' THEN "
		"' WHERE nspname !~ ''^pg_(toast_)?temp_''' ELSE '' END), ', ' "
		"ORDER BY relname) || ') FROM pg_database d "
		"WHERE datname = current_database()' FROM pg_class "
		"WHERE relnamespace = 'pg_catalog'::regnamespace AND relkind = 'r' "
		"AND NOT relisshared AND relname NOT LIKE 'pg_statistic%%'",
		since, since);
	r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
		fprintf(stderr, "live: %s", PQerrorMessage(c));
		PQclear(r);
		return NULL;
	}
	len = strlen(PQgetvalue(r, 0, 0));
	if ((q = malloc(len + 1)))
		memcpy(q, PQgetvalue(r, 0, 0), len + 1);
	PQclear(r);
	return q;
}

/* Wait until the last case's backend has gone: its temporary tables
 * are dropped as it exits, and its locks released. */
static int alone(PGconn *c)
{
	for (int i = 0; i < 5000; i++) {
		char *n = query_value(c, "SELECT count(*) FROM pg_stat_activity "
			"WHERE datname = current_database() "
			"AND pid <> pg_backend_pid()");
		int zero = n && strcmp(n, "0") == 0;

		if (n == NULL)
			return -1;
		free(n);
		if (zero)
			return 0;
		nanosleep(&(struct timespec){ .tv_nsec = 1000000 }, NULL);
	}
	fprintf(stderr, "live: a backend stays in the case database\n");
	return -1;
}

/* Make the database again: create it, clean it (so that each case
 * meets the same public schema) and take the clean fingerprint. */
static int casedb_make(casedb *d)
{
	char *since = NULL;
	int rc = -1;

	PQfinish(d->cleaner);
	d->cleaner = NULL;
	free(d->probe);
	free(d->clean);
	d->probe = d->clean = NULL;
	if (fresh_db(d->admin, d->name) < 0 ||
	    !(d->cleaner = connect_db(d->conninfo, d->name)))
		return -1;
	if ((since = query_value(d->cleaner,
			"SELECT pg_current_xact_id()::xid")) &&
	    exec_ok(d->cleaner, clean_sql) == 0 &&
	    (d->probe = fingerprint_query(d->cleaner, since)) &&
	    (d->clean = query_value(d->cleaner, d->probe)))
		rc = 0;
	free(since);
	return rc;
}

/* Clean the database after a case; make it again when cleaning was
 * not enough.  The cleaner's connection is kept from case to case (a
 * new backend would read the catalogs afresh: three times slower);
 * a case may have ended it.  makes counts the databases made. */
static int casedb_clean(casedb *d, int *makes)
{
	char *print = NULL;
	int same = 0;

	if (PQstatus(d->cleaner) != CONNECTION_OK)
		PQreset(d->cleaner);
	if (PQstatus(d->cleaner) == CONNECTION_OK && alone(d->cleaner) == 0 &&
	    exec_ok(d->cleaner, clean_sql) == 0 &&
	    (print = query_value(d->cleaner, d->probe)))
		same = strcmp(print, d->clean) == 0;
	free(print);
	if (same)
		return 0;
	(*makes)++;
	return casedb_make(d);
}

/* Send sql as one message; print the expect lines of its first error,
 * or "ok".  Returns 1 when it failed. */
static int run_case_sql(FILE *o, PGconn *c, const char *sql)
{
	PGresult *r;
	int failed = 0;

	if (!PQsendQuery(c, sql)) {
		fprintf(o, "client-error: %s", PQerrorMessage(c));
		return 1;
	}
	while ((r = PQgetResult(c)) != NULL) {
		const char *f;

		if (PQresultStatus(r) == PGRES_FATAL_ERROR && !failed) {
			failed = 1;
			fprintf(o, "sqlstate: %s\nmessage: ",
				PQresultErrorField(r, PG_DIAG_SQLSTATE));
			esc(o, PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), 0);
			fputc('\n', o);
			if ((f = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL))) {
				fputs("detail: ", o);
				esc(o, f, 0);
				fputc('\n', o);
			}
			if ((f = PQresultErrorField(r, PG_DIAG_MESSAGE_HINT))) {
				fputs("hint: ", o);
				esc(o, f, 0);
				fputc('\n', o);
			}
			if ((f = PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION)))
				fprintf(o, "position: %s\n", f);
			fprintf(o, "site: %s:%s %s\n",
				PQresultErrorField(r, PG_DIAG_SOURCE_FILE),
				PQresultErrorField(r, PG_DIAG_SOURCE_LINE),
				PQresultErrorField(r, PG_DIAG_SOURCE_FUNCTION));
		}
		PQclear(r);
	}
	if (!failed)
		fputs("ok\n", o);
	return failed;
}

static const ms_txtar_file *section(const ms_txtar *a, const char *name)
{
	for (size_t i = 0; i < a->count; i++)
		if (strcmp(a->files[i].name, name) == 0)
			return &a->files[i];
	return NULL;
}

static char *text_of(const ms_txtar_file *f)
{
	char *s = malloc(f->len + 1);

	if (s) {
		memcpy(s, f->data, f->len);
		s[f->len] = '\0';
	}
	return s;
}

static int cases(const char *conninfo, int n, char **files)
{
	casedb d = { .conninfo = conninfo };
	int rc = 0, makes = 1;

	snprintf(d.name, sizeof(d.name), "casedb_%ld", (long)getpid());
	if (!(d.admin = connect_db(conninfo, NULL)) || casedb_make(&d) < 0) {
		PQfinish(d.cleaner);
		PQfinish(d.admin);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		ms_error err = MS_ERROR_INIT;
		ms_txtar a;
		size_t len = 0;
		char *buf = slurp(files[i], &len), *setup = NULL, *cs = NULL;
		const char *base = strrchr(files[i], '/');
		PGconn *c = NULL;

		memset(&a, 0, sizeof(a));
		if (buf == NULL || ms_txtar_parse(&a, files[i], buf, len, &err) < 0 ||
		    !section(&a, "setup.sql") || !section(&a, "case.sql") ||
		    !(setup = text_of(section(&a, "setup.sql"))) ||
		    !(cs = text_of(section(&a, "case.sql"))) ||
		    (i > 0 && casedb_clean(&d, &makes) < 0) ||
		    !(c = connect_db(conninfo, d.name))) {
			fprintf(stderr, "live: %s: cannot run\n", files[i]);
			rc = 1;
		} else {
			FILE *devnull = fopen("/dev/null", "w");

			printf("=== %s\n", base ? base + 1 : files[i]);
			if (devnull == NULL || run_case_sql(devnull, c, setup)) {
				printf("(setup failed)\n");
				rc = 1;
			} else {
				printf("-- expect --\n");
				run_case_sql(stdout, c, cs);
			}
			if (devnull)
				fclose(devnull);
		}
		PQfinish(c);
		free(setup);
		free(cs);
		ms_txtar_clear(&a);
		free(buf);
	}
	/* Cleaning that often falls short would show here first. */
	fprintf(stderr, "live: %d cases, %d database%s made\n", n, makes,
		makes == 1 ? "" : "s");
	PQfinish(d.cleaner);
	drop_db(d.admin, d.name);
	PQfinish(d.admin);
	free(d.probe);
	free(d.clean);
	return rc;
}

/* Prisma makes its ledger before the first migration runs (the spec's
 * prisma-migrate.md): a migration that creates it IF NOT EXISTS finds it. */
static int prisma_ledger(const char *conninfo)
{
	PGconn *c = connect_db(conninfo, "corpusdb");
	PGresult *r;
	int ok;

	if (c == NULL)
		return 1;
	r = PQexec(c, "CREATE TABLE _prisma_migrations ("
		" id VARCHAR(36) PRIMARY KEY NOT NULL,"
		" checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,"
		" migration_name VARCHAR(255) NOT NULL, logs TEXT,"
		" rolled_back_at TIMESTAMPTZ,"
		" started_at TIMESTAMPTZ NOT NULL DEFAULT now(),"
		" applied_steps_count INTEGER NOT NULL DEFAULT 0)");
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	PQclear(r);
	PQfinish(c);
	return !ok;
}

static int corpus(const char *conninfo, const char *dir, const char *order)
{
	FILE *f = fopen(order, "r");
	PGconn *admin = connect_db(conninfo, NULL);
	char name[4096], path[8300];
	int n = 0, failed = 0, made = admin && fresh_db(admin, "corpusdb") == 0;

	PQfinish(admin);
	if (f == NULL || !made || prisma_ledger(conninfo) != 0) {
		perror(order);
		if (f)
			fclose(f);
		return 1;
	}
	while (fgets(name, sizeof(name), f)) {
		size_t l = strcspn(name, "\r\n"), len = 0;
		PGconn *c;
		PGresult *r;
		char *sql;

		name[l] = '\0';
		if (l == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s/migration.sql", dir, name);
		if ((sql = slurp(path, &len)) == NULL ||
		    (c = connect_db(conninfo, "corpusdb")) == NULL) {
			fprintf(stderr, "live: %s: cannot run\n", path);
			free(sql);
			fclose(f);
			return 1;
		}
		n++;
		r = PQexec(c, sql);
		if (PQresultStatus(r) != PGRES_COMMAND_OK &&
		    PQresultStatus(r) != PGRES_TUPLES_OK &&
		    PQresultStatus(r) != PGRES_EMPTY_QUERY) {
			const char *v;

			failed++;
			esc(stdout, name, 1);
			printf("\t%s\t", PQresultErrorField(r, PG_DIAG_SQLSTATE));
			esc(stdout, PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), 1);
			if ((v = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL))) {
				fputs("\tdetail=", stdout);
				esc(stdout, v, 1);
			}
			if ((v = PQresultErrorField(r, PG_DIAG_MESSAGE_HINT))) {
				fputs("\thint=", stdout);
				esc(stdout, v, 1);
			}
			if ((v = PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION)))
				printf("\tposition=%s", v);
			putchar('\n');
		}
		PQclear(r);
		PQfinish(c);
		free(sql);
	}
	fclose(f);
	fprintf(stderr, "%d migrations, %d failed\n", n, failed);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && strcmp(argv[2], "cases") == 0)
		return cases(argv[1], argc - 3, argv + 3);
	if (argc == 5 && strcmp(argv[2], "corpus") == 0)
		return corpus(argv[1], argv[3], argv[4]);
	fprintf(stderr, "usage: live CONNINFO cases FILE... | "
		"live CONNINFO corpus DIR ORDERFILE\n");
	return 2;
}
