/*
 * bench.c - what `make bench` measures: deploying a corpus onto an empty
 * state against libpg_query's bare parse of the same files, in the same
 * run, with statements per second and peak memory; and the floor any
 * reader of libpg_query's protobuf tree pays on top of the parse
 * (unpacking and freeing it).  Figures only; nothing here passes or
 * fails.
 *
 * usage: bench CORPUS-MIGRATIONS-DIR [ROUNDS]
 */
#define _GNU_SOURCE
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "migsim/migdir.h"
#include "migsim/pg.h"
#include "migsim/prisma.h"
#include "migsim/store.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double bare_parse(const ms_migdir *dir, size_t *stmts)
{
	double t0 = now();

	*stmts = 0;
	for (size_t i = 0; i < ms_migdir_count(dir); i++) {
		const ms_migration *m = ms_migdir_at(dir, i);
		PgQuerySplitResult sp;
		PgQueryProtobufParseResult r;

		if (m->script == NULL)
			continue;
		r = pg_query_parse_protobuf(m->script);
		pg_query_free_protobuf_parse_result(r);
		sp = pg_query_split_with_parser(m->script);
		*stmts += (size_t)sp.n_stmts;
		pg_query_free_split_result(sp);
	}
	return now() - t0;
}

static double parse_only(const ms_migdir *dir)
{
	double t0 = now();

	for (size_t i = 0; i < ms_migdir_count(dir); i++) {
		const ms_migration *m = ms_migdir_at(dir, i);
		PgQueryProtobufParseResult r;

		if (m->script == NULL)
			continue;
		r = pg_query_parse_protobuf(m->script);
		pg_query_free_protobuf_parse_result(r);
	}
	return now() - t0;
}

/* The parse, then the protobuf tree unpacked and freed, as migsim
 * reads every script, with no analysis at all. */
static double tree_only(const ms_migdir *dir)
{
	double t0 = now();

	for (size_t i = 0; i < ms_migdir_count(dir); i++) {
		const ms_migration *m = ms_migdir_at(dir, i);
		PgQueryProtobufParseResult r;
		PgQuery__ParseResult *pr;

		if (m->script == NULL)
			continue;
		r = pg_query_parse_protobuf(m->script);
		if (r.error == NULL && (pr = pg_query__parse_result__unpack(NULL,
		    r.parse_tree.len, (const uint8_t *)r.parse_tree.data)) != NULL)
			pg_query__parse_result__free_unpacked(pr, NULL);
		pg_query_free_protobuf_parse_result(r);
	}
	return now() - t0;
}

/* One deploy onto a new state file, resolving past failures so that
 * every migration runs, as the corpora test walks them. */
static double deploy(const ms_migdir *dir, const char *version, int *runs)
{
	char path[] = "/tmp/migsim-bench-XXXXXX";
	ms_prisma_opts po;
	ms_prisma_version v;
	ms_store *s = NULL;
	double t0, t;
	int fd = mkstemp(path);

	if (fd < 0)
		return -1;
	close(fd);
	unlink(path);
	memset(&po, 0, sizeof(po));
	ms_prisma_version_parse(&v, version, NULL);
	ms_prisma_profile_for(&po.profile, &v, "bench", NULL);
	t0 = now();
	*runs = 0;
	for (;;) {
		ms_prisma_result res;
		int failed;

		if (ms_store_open(&s, path, MS_STORE_CREATE, NULL) < 0 ||
		    ms_store_begin(s, NULL) < 0 ||
		    ms_prisma_deploy(&res, s, dir, &po, NULL) < 0)
			return -1;
		(*runs)++;
		failed = res.exit_status != 0 && res.n_applied > 0;
		if (failed) {
			ms_prisma_result r2;
			const char *name = res.applied[res.n_applied - 1].name;

			ms_prisma_resolve_applied(&r2, s, dir, &po, name, NULL);
			ms_prisma_result_clear(&r2);
		}
		ms_prisma_result_clear(&res);
		ms_store_commit(s, NULL);
		ms_store_free(s);
		if (!failed)
			break;
	}
	t = now() - t0;
	unlink(path);
	return t;
}

static double best(double a, double b)
{
	return a < 0 || (b >= 0 && b < a) ? b : a;
}

int main(int argc, char **argv)
{
	ms_migdir *dir = NULL;
	ms_error err = MS_ERROR_INIT;
	int rounds = argc > 2 ? atoi(argv[2]) : 3, runs = 0;
	double parse = -1, bare = -1, tree = -1, batch = -1, split = -1;
	size_t stmts = 0;
	struct rusage ru;

	if (argc < 2) {
		fprintf(stderr, "usage: bench MIGRATIONS-DIR [ROUNDS]\n");
		return 2;
	}
	ms_pg_init();
	if (ms_migdir_open(&dir, argv[1], MS_ORDER_ICU, &err) < 0) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 2;
	}
	for (int i = 0; i < rounds; i++) {
		parse = best(parse, parse_only(dir));
		bare = best(bare, bare_parse(dir, &stmts));
		tree = best(tree, tree_only(dir));
		batch = best(batch, deploy(dir, "6.19.3", &runs));
		split = best(split, deploy(dir, "7.10.0", &runs));
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("corpus: %s\n", argv[1]);
	printf("  migrations: %zu, statements: %zu (best of %d rounds)\n",
		ms_migdir_count(dir), stmts, rounds);
	printf("  libpg_query parse, bare:     %8.1f ms\n", parse * 1e3);
	printf("  parse + protobuf tree read:  %8.1f ms  %5.2fx parse (floor)\n",
		tree * 1e3, tree / parse);
	printf("  deploy, batch (6.19.3):      %8.1f ms  %5.2fx parse  %8.0f stmts/s\n",
		batch * 1e3, batch / parse, (double)stmts / batch);
	printf("  deploy, split (7.10.0):      %8.1f ms  %5.2fx parse  %8.0f stmts/s\n",
		split * 1e3, split / parse, (double)stmts / split);
	printf("  deploys per round (resolving past failures): %d\n", runs);
	printf("  peak RSS: %.1f MiB\n", (double)ru.ru_maxrss / 1024.0);
	ms_migdir_free(dir);
	ms_pg_shutdown();
	return 0;
}
