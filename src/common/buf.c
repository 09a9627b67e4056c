/*
 * buf.c - ms_buf, the growable string every layer builds text in.
 * Failures are sticky so that long renderings check once at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "migsim/common.h"

#define BUF_DEFAULT_MAX ((size_t)256 << 20)

static int grow(ms_buf *b, size_t extra)
{
	size_t max = b->max ? b->max : BUF_DEFAULT_MAX;
	size_t want, cap;
	char *p;

	if (b->failed)
		return -1;
	if (extra > max || b->len + 1 > max - extra) {
		b->failed = 1;
		return -1;
	}
	want = b->len + extra + 1;
	if (want <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < want)
		cap = cap > max / 2 ? max : cap * 2;
	p = realloc(b->ptr, cap);
	if (p == NULL) {
		b->failed = 1;
		return -1;
	}
	b->ptr = p;
	b->cap = cap;
	return 0;
}

void ms_buf_put(ms_buf *b, const char *s, size_t n)
{
	if (grow(b, n) < 0)
		return;
	if (n)
		memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void ms_buf_puts(ms_buf *b, const char *s)
{
	ms_buf_put(b, s, strlen(s));
}

void ms_buf_putc(ms_buf *b, char c)
{
	ms_buf_put(b, &c, 1);
}

void ms_buf_vprintf(ms_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	if (grow(b, (size_t)n) < 0)
		return;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void ms_buf_printf(ms_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ms_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *ms_buf_cstr(const ms_buf *b)
{
	return b->ptr ? b->ptr : "";
}

int ms_buf_status(const ms_buf *b)
{
	return b->failed ? MS_ENOMEM : MS_OK;
}

void ms_buf_clear(ms_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

char *ms_buf_detach(ms_buf *b)
{
	char *p = b->ptr;

	if (p == NULL && !b->failed)
		p = calloc(1, 1);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
	return p;
}

void ms_buf_free(ms_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

char *ms_strdup(const char *s)
{
	return s ? ms_strndup(s, strlen(s)) : NULL;
}

char *ms_strndup(const char *s, size_t n)
{
	char *p;

	if (s == NULL)
		return NULL;
	p = malloc(n + 1);
	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
