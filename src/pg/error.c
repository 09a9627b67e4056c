/*
 * error.c - ms_pg_error, a PostgreSQL server error as the client sees it
 * (the fields of an ErrorResponse that migsim fills).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "migsim/pg.h"

const char *ms_verdict_name(ms_verdict v)
{
	switch (v) {
	case MS_VERDICT_OK:      return "ok";
	case MS_VERDICT_UNKNOWN: return "unknown";
	case MS_VERDICT_FAILS:   return "fails";
	}
	return "?";
}

const char *ms_exec_mode_name(ms_exec_mode m)
{
	switch (m) {
	case MS_EXEC_SPLIT: return "split";
	case MS_EXEC_PSQL:  return "psql";
	default:            return "batch";
	}
}

void ms_pg_error_clear(ms_pg_error *e)
{
	free(e->message);
	free(e->detail);
	free(e->hint);
	free(e->where);
	free(e->schema);
	free(e->table);
	free(e->column);
	free(e->datatype);
	free(e->constraint);
	memset(e, 0, sizeof(*e));
}

int ms_pg_error_set(ms_pg_error *e, const char *sqlstate, const char *fmt, ...)
{
	ms_buf b = MS_BUF_INIT;
	va_list ap;

	ms_pg_error_clear(e);
	snprintf(e->sqlstate, sizeof(e->sqlstate), "%s", sqlstate);
	va_start(ap, fmt);
	ms_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	e->message = ms_buf_detach(&b);
	return e->message ? MS_OK : MS_ENOMEM;
}

static int dup_field(char **dst, const char *src)
{
	*dst = NULL;
	if (src == NULL)
		return 0;
	*dst = ms_strdup(src);
	return *dst ? 0 : -1;
}

int ms_pg_error_copy(ms_pg_error *dst, const ms_pg_error *src)
{
	int bad = 0;

	memset(dst, 0, sizeof(*dst));
	memcpy(dst->sqlstate, src->sqlstate, sizeof(dst->sqlstate));
	dst->position = src->position;
	dst->file = src->file;
	if (src->file == src->file_buf) {
		memcpy(dst->file_buf, src->file_buf, sizeof(dst->file_buf));
		dst->file = dst->file_buf;
	}
	dst->line = src->line;
	dst->routine = src->routine;
	bad |= dup_field(&dst->message, src->message);
	bad |= dup_field(&dst->detail, src->detail);
	bad |= dup_field(&dst->hint, src->hint);
	bad |= dup_field(&dst->where, src->where);
	bad |= dup_field(&dst->schema, src->schema);
	bad |= dup_field(&dst->table, src->table);
	bad |= dup_field(&dst->column, src->column);
	bad |= dup_field(&dst->datatype, src->datatype);
	bad |= dup_field(&dst->constraint, src->constraint);
	if (bad) {
		ms_pg_error_clear(dst);
		return MS_ENOMEM;
	}
	return MS_OK;
}
