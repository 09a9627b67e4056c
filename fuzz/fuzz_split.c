/*
 * fuzz_split.c - libFuzzer target for the statement splitter and the
 * transaction model: any bytes as a migration.sql, parsed, classified for
 * Prisma's splitter, and run in batch and split mode on a scratch state.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "migsim/pg.h"
#include "migsim/store.h"
#include "pg/pg_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void run(ms_store *store, const ms_pg_script *s, ms_exec_mode mode)
{
	ms_pg_result r;

	if (ms_store_savepoint(store, "fuzz", NULL) < 0)
		return;
	if (ms_pg_execute(&r, store, NULL, s, mode, NULL, NULL) == MS_OK)
		ms_pg_result_clear(&r);
	ms_store_rollback_to(store, "fuzz", NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/migsim-fuzz-split-XXXXXX";
	char *sql = malloc(size + 1);
	ms_store *store = NULL;
	ms_pg_script s;
	int fd;

	if (sql == NULL)
		return 0;
	memcpy(sql, data, size);
	sql[size] = '\0';
	/* libpg_query's context cannot be set up again once released, so it
	 * lives for the whole process. */
	ms_pg_init();
	if (ms_pg_parse(&s, sql, strlen(sql), NULL) == MS_OK) {
		for (size_t i = 0; i < s.count; i++)
			(void)ms_pg__sqlparser_accepts(&s, i);
		fd = mkstemp(path);
		if (fd >= 0) {
			close(fd);
			unlink(path);
			if (ms_store_open(&store, path, MS_STORE_CREATE, NULL) == MS_OK &&
			    ms_store_begin(store, NULL) == MS_OK) {
				run(store, &s, MS_EXEC_BATCH);
				run(store, &s, MS_EXEC_SPLIT);
			}
			ms_store_free(store);
			unlink(path);
		}
		ms_pg_script_clear(&s);
	}
	free(sql);
	return 0;
}
