/* prisma_int.h - helpers shared by the files of src/prisma/. */
#ifndef MIGSIM_PRISMA_INT_H
#define MIGSIM_PRISMA_INT_H

#include "migsim/prisma.h"

/* "\n" + "N migrations found in prisma/migrations\n" (stdout). */
void ms_prisma__count_line(ms_buf *out, size_t n);

/* An engine error with a code, as the CLI prints it: stderr
 * "Error: CODE\n\n{message}\n\n", exit status 1. */
void ms_prisma__engine_error(ms_prisma_result *res, const char *code,
	const char *message);

/* The P3019 check of migration_lock.toml: 1 and res filled on mismatch. */
int ms_prisma__provider_mismatch(ms_prisma_result *res, const ms_migdir *dir);

/* P3018's database_error: Display, position block, "\n\n", Debug. */
void ms_prisma__database_error(ms_buf *out, const ms_pg_error *e,
	const char *sent, size_t sent_len);
/* The P3018 message (ends with "\n"). */
void ms_prisma__p3018(ms_buf *out, const char *name, const char *code,
	const char *database_error);
/* The logs column of a failed row: P3018 message, "\n", span trace. */
void ms_prisma__logs(ms_buf *out, const char *p3018, const char *name,
	const ms_prisma_profile *profile);

/* Rust's Debug rendering of a string, quotes included. */
void ms_prisma__rust_debug_str(ms_buf *out, const char *s);

/* A line of a "blank" the 5.x/6.x CLI filled with n spaces. */
void ms_prisma__blank(ms_buf *out, const ms_prisma_profile *p, int n);

/* Add a migsim remark (one line, no newline needed). */
void ms_prisma__note(ms_prisma_result *res, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

int ms_prisma__oom(ms_error *err);

#endif
