/*
 * common.h - status codes, error reporting, growable strings and time
 * helpers shared by every layer of migsim (design.md "Layers").
 *
 * Conventions for the whole library (../shared/style.md "Errors"):
 * a function that can fail returns an int, 0 (MS_OK) on success or one of
 * the negative codes below, and writes a one-line message into the
 * caller's ms_error.  The message is set once, where the failure is seen;
 * callers pass the code up unchanged.  Predicted PostgreSQL failures and
 * Prisma P-codes are results, never errors.
 *
 * Ownership: whoever calls ms_x_open/ms_x_new frees with ms_x_free, which
 * accepts NULL.  Accessors return borrowed pointers.
 */
#ifndef MIGSIM_COMMON_H
#define MIGSIM_COMMON_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define MS_OK        0
#define MS_ERROR    -1  /* anything not covered below */
#define MS_ENOMEM   -2  /* out of memory or over a size cap */
#define MS_EIO      -3  /* reading or writing a file failed */
#define MS_ENOTFOUND -4 /* a named thing does not exist */
#define MS_EINPUT   -5  /* bad user input: file, flag, scenario */
#define MS_ECORRUPT -6  /* foreign, damaged or newer state file */

#define MS_ERROR_MSG_MAX 1024

/* Fixed-size so that an out-of-memory failure can still be reported. */
typedef struct ms_error {
	int code;
	char msg[MS_ERROR_MSG_MAX];
} ms_error;

#define MS_ERROR_INIT { 0, { 0 } }

/* Set err (may be NULL) to code and a printf-style message; returns code. */
int ms_error_set(ms_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reset err to "no error". */
void ms_error_clear(ms_error *err);

/* One sentence per status code; never NULL. */
const char *ms_strerror(int code);

/*
 * A growable byte string, always NUL-terminated once anything was added.
 * Allocation failures are sticky: after one, every append is a no-op and
 * ms_buf_status() reports MS_ENOMEM, so a caller can append freely and
 * check once.  max (0 = 256 MiB) caps the size.
 */
typedef struct ms_buf {
	char *ptr;
	size_t len;
	size_t cap;
	size_t max;
	int failed;
} ms_buf;

#define MS_BUF_INIT { NULL, 0, 0, 0, 0 }

void ms_buf_put(ms_buf *b, const char *s, size_t n);
void ms_buf_puts(ms_buf *b, const char *s);
void ms_buf_putc(ms_buf *b, char c);
void ms_buf_printf(ms_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ms_buf_vprintf(ms_buf *b, const char *fmt, va_list ap);
/* Contents as a C string; "" when empty.  Borrowed. */
const char *ms_buf_cstr(const ms_buf *b);
/* MS_OK, or MS_ENOMEM after a failed append. */
int ms_buf_status(const ms_buf *b);
/* Empty the buffer, keeping its memory. */
void ms_buf_clear(ms_buf *b);
/* Hand the string to the caller (free() it); the buffer is reset. */
char *ms_buf_detach(ms_buf *b);
void ms_buf_free(ms_buf *b);

/* strdup that returns NULL on NULL input too. */
char *ms_strdup(const char *s);
char *ms_strndup(const char *s, size_t n);

/*
 * Time: microseconds since the Unix epoch, UTC.  MS_TIME_NULL stands for
 * SQL NULL in ledger rows.
 */
typedef int64_t ms_time;
#define MS_TIME_NULL INT64_MIN
#define MS_TIME_BUFSZ 48

/* Parse "2025-12-25T10:00:00Z", "2025-12-25 10:00:00.5+00",
 * "2025-12-25T10:00:00+01:00", "2025-12-25" ...; MS_EINPUT if malformed. */
int ms_time_parse(ms_time *out, const char *s, ms_error *err);
/* PostgreSQL's timestamptz output in a UTC session:
 * "2025-12-25 10:00:00.123456+00", fraction without trailing zeros. */
void ms_time_format_pg(ms_time t, char out[MS_TIME_BUFSZ]);
/* chrono's Display of DateTime<Utc>, as Prisma prints it in P3009:
 * "2025-12-25 10:00:00.123456 UTC" (0, 3, 6 or 9 fraction digits). */
void ms_time_format_chrono(ms_time t, char out[MS_TIME_BUFSZ]);
/* RFC 3339 with microseconds: "2025-12-25T10:00:00.123456Z". */
void ms_time_format_iso(ms_time t, char out[MS_TIME_BUFSZ]);

#endif
