/*
 * live.c - asks a real PostgreSQL what the recorded expectations say, so
 * that `make test-pg` can tell when a recording no longer matches the
 * server (tests/pg/live.sh starts the server and compares).
 *
 *   live CONNINFO cases FILE...      each case: a fresh database
 *                                    "casedb_PID" (runs side by side do not
 *                                    meet), dropped at the end,
 *                                    setup.sql then case.sql, each as ONE
 *                                    simple-query message; prints
 *                                    "=== NAME" and the expect lines
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
	PGconn *admin = connect_db(conninfo, NULL);
	char db[64];
	int rc = 0;

	if (admin == NULL)
		return 1;
	for (int i = 0; i < n; i++) {
		ms_error err = MS_ERROR_INIT;
		ms_txtar a;
		size_t len = 0;
		char *buf = slurp(files[i], &len), *setup = NULL, *cs = NULL;
		const char *base = strrchr(files[i], '/');
		PGconn *c = NULL;

		/* Two databases in turn: the one dropped was left a case ago,
		 * so its backend is gone and DROP DATABASE does not wait for
		 * it (CountOtherDBBackends sleeps 100 ms at a time). */
		snprintf(db, sizeof(db), "casedb_%ld_%d", (long)getpid(), i % 2);
		memset(&a, 0, sizeof(a));
		if (buf == NULL || ms_txtar_parse(&a, files[i], buf, len, &err) < 0 ||
		    !section(&a, "setup.sql") || !section(&a, "case.sql") ||
		    !(setup = text_of(section(&a, "setup.sql"))) ||
		    !(cs = text_of(section(&a, "case.sql"))) ||
		    fresh_db(admin, db) < 0 ||
		    !(c = connect_db(conninfo, db))) {
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
	for (int i = 0; i < 2; i++) {
		snprintf(db, sizeof(db), "casedb_%ld_%d", (long)getpid(), i);
		drop_db(admin, db);
	}
	PQfinish(admin);
	return rc;
}

static int corpus(const char *conninfo, const char *dir, const char *order)
{
	FILE *f = fopen(order, "r");
	PGconn *admin = connect_db(conninfo, NULL);
	char name[4096], path[8300];
	int n = 0, failed = 0, made = admin && fresh_db(admin, "corpusdb") == 0;

	PQfinish(admin);
	if (f == NULL || !made) {
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
