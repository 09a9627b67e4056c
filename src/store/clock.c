/*
 * clock.c - the simulated clock, row ids and the journal of a state file
 * (design.md "The state file": deterministic mode for tests, wall clock
 * and random UUIDv4 by default, as Prisma's engine uses Utc::now() and
 * Uuid::new_v4()).
 */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <nettle/sha2.h>
#include <sqlite3.h>
#include <uuid/uuid.h>

#include "migsim/store.h"
#include "store_int.h"

#define KEY_CLOCK_MODE "clock.mode"   /* "wall" or "fixed" */
#define KEY_CLOCK_NEXT "clock.next"   /* fixed: next reading, in us */
#define KEY_CLOCK_STEP "clock.step"   /* fixed: advance per reading, in us */
#define KEY_CLOCK_LAST "clock.last"   /* wall: last reading handed out */
#define KEY_ID_SEED    "ids.seed"     /* absent: random ids */
#define KEY_ID_COUNT   "ids.counter"

static int get_i64(int64_t *out, int *found, ms_store *s, const char *key,
	ms_error *err)
{
	char *v = NULL;
	int ret = ms_store_meta_get(&v, s, key, err);

	*found = 0;
	if (ret < 0)
		return ret;
	if (v != NULL) {
		*out = strtoll(v, NULL, 10);
		*found = 1;
	}
	free(v);
	return MS_OK;
}

static int set_i64(ms_store *s, const char *key, int64_t v, ms_error *err)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%" PRId64, v);
	return ms_store_meta_set(s, key, buf, err);
}

int ms_store_set_clock(ms_store *s, ms_time start, ms_time step,
	ms_error *err)
{
	int64_t seed;
	int found, ret;

	if ((ret = ms_store_meta_set(s, KEY_CLOCK_MODE, "fixed", err)) < 0 ||
	    (ret = set_i64(s, KEY_CLOCK_NEXT, start, err)) < 0 ||
	    (ret = set_i64(s, KEY_CLOCK_STEP, step, err)) < 0 ||
	    (ret = get_i64(&seed, &found, s, KEY_ID_SEED, err)) < 0)
		return ret;
	/* A fixed clock with random ids would compare nothing. */
	return found ? MS_OK : ms_store_set_seed(s, 0, err);
}

int ms_store_set_wall_clock(ms_store *s, ms_error *err)
{
	return ms_store_meta_set(s, KEY_CLOCK_MODE, "wall", err);
}

static ms_time wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (ms_time)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int ms_store_now(ms_time *out, ms_store *s, ms_error *err)
{
	char *mode = NULL;
	int64_t v, step;
	int found, ret;

	if ((ret = ms_store_meta_get(&mode, s, KEY_CLOCK_MODE, err)) < 0)
		return ret;
	if (mode != NULL && strcmp(mode, "fixed") == 0) {
		free(mode);
		if ((ret = get_i64(&v, &found, s, KEY_CLOCK_NEXT, err)) < 0 ||
		    (ret = get_i64(&step, &found, s, KEY_CLOCK_STEP, err)) < 0)
			return ret;
		*out = v;
		return set_i64(s, KEY_CLOCK_NEXT, v + step, err);
	}
	free(mode);
	/* Keep readings strictly increasing so that ORDER BY started_at has
	 * no ties, whatever the wall clock does between commands. */
	if ((ret = get_i64(&v, &found, s, KEY_CLOCK_LAST, err)) < 0)
		return ret;
	*out = wall_now();
	if (found && *out <= v)
		*out = v + 1;
	return set_i64(s, KEY_CLOCK_LAST, *out, err);
}

int ms_store_set_seed(ms_store *s, uint64_t seed, ms_error *err)
{
	/* The counter runs on across seeds, so ids never repeat in a file. */
	return set_i64(s, KEY_ID_SEED, (int64_t)seed, err);
}

static void put_le64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

int ms_store_uuid(char out[37], ms_store *s, ms_error *err)
{
	struct sha256_ctx ctx;
	uint8_t input[16], digest[SHA256_DIGEST_SIZE];
	uuid_t u;
	int64_t seed, count;
	int found, ret;

	if ((ret = get_i64(&seed, &found, s, KEY_ID_SEED, err)) < 0)
		return ret;
	if (!found) {
		uuid_generate_random(u);
		uuid_unparse_lower(u, out);
		return MS_OK;
	}
	if ((ret = get_i64(&count, &found, s, KEY_ID_COUNT, err)) < 0)
		return ret;
	if (!found)
		count = 0;
	put_le64(input, (uint64_t)seed);
	put_le64(input + 8, (uint64_t)count);
	sha256_init(&ctx);
	sha256_update(&ctx, sizeof(input), input);
	sha256_digest(&ctx, sizeof(digest), digest);
	memcpy(u, digest, sizeof(uuid_t));
	u[6] = (uint8_t)((u[6] & 0x0f) | 0x40); /* version 4 */
	u[8] = (uint8_t)((u[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	uuid_unparse_lower(u, out);
	return set_i64(s, KEY_ID_COUNT, count + 1, err);
}

static int step_done(ms_store *s, sqlite3_stmt *st, ms_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return ms_error_set(err, MS_EIO, "%s: cannot write the journal: %s",
			s->path, sqlite3_errmsg(s->db));
	return MS_OK;
}

int ms_store_journal_begin(ms_store *s, const char *command, ms_error *err)
{
	sqlite3_stmt *st = NULL;
	char at[MS_TIME_BUFSZ];
	int ret;

	ms_time_format_pg(wall_now(), at);
	if ((ret = ms_store_prepare(&st, s,
	    "INSERT INTO migsim_command(at, command) VALUES (?1, ?2)", err)) < 0)
		return ret;
	sqlite3_bind_text(st, 1, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, command, -1, SQLITE_STATIC);
	if ((ret = step_done(s, st, err)) < 0)
		return ret;
	s->command_id = sqlite3_last_insert_rowid(s->db);
	return MS_OK;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

int ms_store_journal_event(ms_store *s, const ms_journal_event *ev,
	ms_error *err)
{
	sqlite3_stmt *st = NULL;
	int ret;

	/* One row per simulated statement: prepared once per store. */
	if ((ret = ms_store_prepare(&st, s,
	    "INSERT INTO migsim_event(command_id, migration_name, stmt, line,"
	    " tag, outcome, sqlstate, message)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err)) < 0)
		return ret;
	sqlite3_bind_int64(st, 1, s->command_id);
	bind_opt(st, 2, ev->migration);
	if (ev->stmt)
		sqlite3_bind_int(st, 3, ev->stmt);
	if (ev->line)
		sqlite3_bind_int(st, 4, ev->line);
	bind_opt(st, 5, ev->tag);
	bind_opt(st, 6, ev->outcome);
	bind_opt(st, 7, ev->sqlstate);
	bind_opt(st, 8, ev->message);
	return step_done(s, st, err);
}

int ms_store_journal_end(ms_store *s, int exit_status, ms_error *err)
{
	sqlite3_stmt *st = NULL;
	int ret;

	if ((ret = ms_store_prepare(&st, s,
	    "UPDATE migsim_command SET exit_status = ?1 WHERE id = ?2", err)) < 0)
		return ret;
	sqlite3_bind_int(st, 1, exit_status);
	sqlite3_bind_int64(st, 2, s->command_id);
	return step_done(s, st, err);
}
