/*
 * messages.c - Prisma's texts, word for word (spec prisma-migrate.md
 * sections 3, 4 and 7; the CLI's error wrapper, the deploy header, the
 * P3018 body with PostgreSQL's error rendered as Prisma's engine renders
 * it, and the logs column with the engine's span trace).  The sources of
 * each text are listed in docs/prisma.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prisma_int.h"

void ms_prisma__count_line(ms_buf *out, size_t n)
{
	ms_buf_putc(out, '\n');
	if (n == 0)
		ms_buf_puts(out, "No migration found in prisma/migrations\n");
	else
		ms_buf_printf(out, "%zu migration%s found in prisma/migrations\n",
			n, n > 1 ? "s" : "");
}

void ms_prisma__engine_error(ms_prisma_result *res, const char *code,
	const char *message)
{
	snprintf(res->code, sizeof(res->code), "%s", code);
	ms_buf_printf(&res->err, "Error: %s\n\n%s\n\n", code, message);
	res->exit_status = 1;
}

int ms_prisma__provider_mismatch(ms_prisma_result *res, const ms_migdir *dir)
{
	char *provider = ms_migdir_lock_provider(ms_migdir_lock(dir));
	ms_buf msg = MS_BUF_INIT;

	if (provider == NULL || strcmp(provider, "postgresql") == 0) {
		free(provider);
		return 0;
	}
	ms_buf_printf(&msg, "The datasource provider `postgresql` specified in "
		"your schema does not match the one specified in the "
		"migration_lock.toml, `%s`. Please remove your current migration "
		"directory and start a new migration history with prisma migrate "
		"dev. Read more: https://pris.ly/d/migrate-provider-switch",
		provider);
	ms_prisma__engine_error(res, "P3019", ms_buf_cstr(&msg));
	ms_prisma__note(res, "%s: provider \"%s\", but the simulated database "
		"is PostgreSQL", ms_migdir_lock_path(dir), provider);
	ms_buf_free(&msg);
	free(provider);
	return 1;
}

void ms_prisma__rust_debug_str(ms_buf *out, const char *s)
{
	ms_buf_putc(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':  ms_buf_puts(out, "\\\""); break;
		case '\\': ms_buf_puts(out, "\\\\"); break;
		case '\n': ms_buf_puts(out, "\\n"); break;
		case '\r': ms_buf_puts(out, "\\r"); break;
		case '\t': ms_buf_puts(out, "\\t"); break;
		case '\0': ms_buf_puts(out, "\\0"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				ms_buf_printf(out, "\\u{%x}", *p);
			else
				ms_buf_putc(out, (char)*p);
		}
	}
	ms_buf_putc(out, '"');
}

static void debug_opt(ms_buf *out, const char *name, const char *v)
{
	ms_buf_printf(out, ", %s: ", name);
	if (v == NULL) {
		ms_buf_puts(out, "None");
		return;
	}
	ms_buf_puts(out, "Some(");
	ms_prisma__rust_debug_str(out, v);
	ms_buf_putc(out, ')');
}

/* tokio-postgres' derived Debug of DbError (prisma/rust-postgres,
 * tokio-postgres/src/error/mod.rs), with the fields PostgreSQL sends. */
static void db_error_debug(ms_buf *out, const ms_pg_error *e)
{
	ms_buf_puts(out, "DbError { severity: \"ERROR\", parsed_severity: "
		"Some(Error), code: ");
	ms_buf_printf(out, "SqlState(E%s), message: ", e->sqlstate);
	ms_prisma__rust_debug_str(out, e->message);
	debug_opt(out, "detail", e->detail);
	debug_opt(out, "hint", e->hint);
	if (e->position > 0)
		ms_buf_printf(out, ", position: Some(Original(%d))", e->position);
	else
		ms_buf_puts(out, ", position: None");
	debug_opt(out, "where_", e->where);
	debug_opt(out, "schema", e->schema);
	debug_opt(out, "table", e->table);
	debug_opt(out, "column", e->column);
	debug_opt(out, "datatype", e->datatype);
	debug_opt(out, "constraint", e->constraint);
	debug_opt(out, "file", e->file);
	if (e->line > 0)
		ms_buf_printf(out, ", line: Some(%d)", e->line);
	else
		ms_buf_puts(out, ", line: None");
	debug_opt(out, "routine", e->routine);
	ms_buf_puts(out, " }");
}

typedef struct text_line {
	const char *p;
	size_t len;
} text_line;

/* Rust's str::lines(): split on '\n', drop one trailing '\r' per line,
 * no empty last line for a final newline.  Returns 0 at the end. */
static int next_line(text_line *l, const char **cur, const char *end)
{
	const char *nl;

	if (*cur >= end)
		return 0;
	nl = memchr(*cur, '\n', (size_t)(end - *cur));
	l->p = *cur;
	l->len = nl ? (size_t)(nl - *cur) : (size_t)(end - *cur);
	*cur = nl ? nl + 1 : end;
	if (l->len && l->p[l->len - 1] == '\r')
		l->len--;
	return 1;
}

static void numbered(ms_buf *out, long number, const text_line *l)
{
	ms_buf_printf(out, "\x1b[1m%3ld\x1b[0m", number);
	if (l->len) {
		ms_buf_putc(out, ' ');
		ms_buf_put(out, l->p, l->len);
	}
}

/*
 * The engine's "Position:" block (native connector apply_migration_script):
 * the line holding the server's position, found with a byte counter over
 * lines() while the server counts characters, and the five line slots
 * before it, numbered line-5+k and dropped only when negative.
 */
static void position_block(ms_buf *out, int position, const char *sent,
	size_t sent_len)
{
	text_line prev[5], l;
	const char *cur = sent, *end = sent + sent_len;
	size_t counter = 0;
	long number = 0;

	memset(prev, 0, sizeof(prev));
	while (next_line(&l, &cur, end)) {
		number++;
		counter += l.len + 1;
		if ((size_t)position <= counter) {
			int first = 1;

			ms_buf_puts(out, "\n\nPosition:\n");
			for (int k = 0; k < 5; k++) {
				long n = number - (5 - k);

				if (n < 0)
					continue;
				if (!first)
					ms_buf_putc(out, '\n');
				first = 0;
				numbered(out, n, &prev[k]);
			}
			ms_buf_printf(out, "\n\x1b[1m%3ld\x1b[1;31m ", number);
			ms_buf_put(out, l.p, l.len);
			ms_buf_puts(out, "\x1b[0m");
			return;
		}
		memmove(prev, prev + 1, 4 * sizeof(prev[0]));
		prev[4] = l;
	}
}

void ms_prisma__database_error(ms_buf *out, const ms_pg_error *e,
	const char *sent, size_t sent_len)
{
	ms_buf_printf(out, "ERROR: %s", e->message);
	if (e->detail)
		ms_buf_printf(out, "\nDETAIL: %s", e->detail);
	if (e->hint)
		ms_buf_printf(out, "\nHINT: %s", e->hint);
	if (e->position > 0 && sent)
		position_block(out, e->position, sent, sent_len);
	ms_buf_puts(out, "\n\n");
	db_error_debug(out, e);
}

void ms_prisma__p3018(ms_buf *out, const char *name, const char *code,
	const char *database_error)
{
	ms_buf_printf(out, "A migration failed to apply. New migrations cannot "
		"be applied before the error is recovered from. Read more about "
		"how to resolve migration issues in a production database: "
		"https://pris.ly/d/migrate-resolve\n\nMigration name: %s\n\n"
		"Database error code: %s\n\nDatabase error:\n%s\n",
		name, code, database_error);
}

static void span(ms_buf *out, int i, const char *target, const char *name,
	const char *at)
{
	ms_buf_printf(out, "%4d: %s\n", i, target);
	if (name) {
		ms_buf_puts(out, "           with migration_name=");
		ms_prisma__rust_debug_str(out, name);
		ms_buf_putc(out, '\n');
	}
	ms_buf_printf(out, "             at %s", at);
}

/*
 * The span trace the engine appends to logs (tracing-error SpanTrace
 * Display).  The file:line values are those seen in real ledgers of the
 * era (docs/prisma.md "logs"): the engines of 6.19.3 and 7.x were not
 * readable here, so they are the best evidence, not a certainty.
 */
void ms_prisma__logs(ms_buf *out, const char *p3018, const char *name,
	const ms_prisma_profile *profile)
{
	int core = profile->schema_core_spans;

	ms_buf_printf(out, "%s\n", p3018);
	span(out, 0, "sql_schema_connector::apply_migration::apply_script", name,
		core ? "schema-engine/connectors/sql-schema-connector/src/apply_migration.rs:106" :
		"schema-engine/connectors/sql-schema-connector/src/apply_migration.rs:113");
	ms_buf_putc(out, '\n');
	span(out, 1, core ?
		"schema_core::commands::apply_migrations::Applying migration" :
		"schema_commands::commands::apply_migrations::Applying migration",
		name, core ?
		"schema-engine/core/src/commands/apply_migrations.rs:91" :
		"schema-engine/commands/src/commands/apply_migrations.rs:95");
	ms_buf_putc(out, '\n');
	span(out, 2, "schema_core::state::ApplyMigrations", NULL, core ?
		"schema-engine/core/src/state.rs:226" :
		"schema-engine/core/src/state.rs:260");
}

void ms_prisma__blank(ms_buf *out, const ms_prisma_profile *p, int n)
{
	if (p->padded_blank_lines)
		ms_buf_printf(out, "%*s", n, "");
	ms_buf_putc(out, '\n');
}

void ms_prisma__note(ms_prisma_result *res, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ms_buf_vprintf(&res->notes, fmt, ap);
	va_end(ap);
	ms_buf_putc(&res->notes, '\n');
}

int ms_prisma__oom(ms_error *err)
{
	return ms_error_set(err, MS_ENOMEM, "out of memory");
}

void ms_prisma_result_clear(ms_prisma_result *r)
{
	ms_buf_free(&r->out);
	ms_buf_free(&r->err);
	ms_buf_free(&r->notes);
	for (size_t i = 0; i < r->n_applied; i++) {
		free(r->applied[i].name);
		free(r->applied[i].error);
	}
	free(r->applied);
	memset(r, 0, sizeof(*r));
}
