/*
 * txtar.c - the txtar archive format (golang.org/x/tools/txtar): a
 * comment, then files, each introduced by a line "-- NAME --".  Every file
 * ends with a newline.  Names must stay inside the scenario's directory.
 */
#include <stdlib.h>
#include <string.h>

#include "migsim/scenario.h"

/* If line [p, end) is a marker, return the name's span. */
static int is_marker(const char *p, size_t n, const char **name,
	size_t *name_len)
{
	if (n < 7 || strncmp(p, "-- ", 3) != 0 ||
	    strncmp(p + n - 3, " --", 3) != 0)
		return 0;
	p += 3;
	n -= 6;
	while (n && *p == ' ') {
		p++;
		n--;
	}
	while (n && p[n - 1] == ' ')
		n--;
	*name = p;
	*name_len = n;
	return n > 0;
}

int ms_txtar_safe_name(const char *name)
{
	const char *p = name;

	if (name[0] == '/' || name[0] == '\0')
		return 0;
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);

		if (n == 2 && strncmp(p, "..", 2) == 0)
			return 0;
		p += n + (slash != NULL);
	}
	return 1;
}

static int add_file(ms_txtar *a, const char *name, size_t name_len, int line)
{
	ms_txtar_file *f = realloc(a->files, (a->count + 1) * sizeof(*f));

	if (f == NULL)
		return MS_ENOMEM;
	a->files = f;
	f = &a->files[a->count];
	memset(f, 0, sizeof(*f));
	f->name = ms_strndup(name, name_len);
	f->line = line;
	if (f->name == NULL)
		return MS_ENOMEM;
	a->count++;
	return MS_OK;
}

static int set_data(ms_txtar_file *f, const char *start, const char *end)
{
	size_t n = (size_t)(end - start);
	int add_nl = n > 0 && start[n - 1] != '\n';

	f->data = malloc(n + add_nl + 1);
	if (f->data == NULL)
		return MS_ENOMEM;
	memcpy(f->data, start, n);
	if (add_nl)
		f->data[n++] = '\n';
	f->data[n] = '\0';
	f->len = n;
	return MS_OK;
}

int ms_txtar_parse(ms_txtar *out, const char *path, const char *text,
	size_t len, ms_error *err)
{
	const char *p = text, *end = text + len, *data = NULL;
	int line = 1, ret = MS_OK;

	memset(out, 0, sizeof(*out));
	while (p < end && ret == MS_OK) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		const char *name;
		size_t name_len;

		if (n && p[n - 1] == '\r')
			n--;
		if (is_marker(p, n, &name, &name_len)) {
			if (out->count == 0) {
				out->comment = ms_strndup(text, (size_t)(p - text));
				out->comment_lines = line - 1;
				if (out->comment == NULL)
					ret = MS_ENOMEM;
			} else {
				ret = set_data(&out->files[out->count - 1], data, p);
			}
			if (ret == MS_OK)
				ret = add_file(out, name, name_len, line);
			if (ret == MS_OK && !ms_txtar_safe_name(out->files[out->count - 1].name)) {
				ret = ms_error_set(err, MS_EINPUT,
					"%s:%d: archive file name '%s' leaves the scenario's "
					"directory (absolute or with '..')", path, line,
					out->files[out->count - 1].name);
				break;
			}
			data = nl ? nl + 1 : end;
		}
		p = nl ? nl + 1 : end;
		line++;
	}
	if (ret == MS_OK && out->count == 0) {
		out->comment = ms_strndup(text, len);
		out->comment_lines = line - 1;
		if (out->comment == NULL)
			ret = MS_ENOMEM;
	} else if (ret == MS_OK) {
		ret = set_data(&out->files[out->count - 1], data, end);
	}
	if (ret < 0) {
		ms_txtar_clear(out);
		if (ret == MS_ENOMEM)
			ms_error_set(err, MS_ENOMEM, "out of memory");
	}
	return ret;
}

void ms_txtar_clear(ms_txtar *a)
{
	for (size_t i = 0; i < a->count; i++) {
		free(a->files[i].name);
		free(a->files[i].data);
	}
	free(a->files);
	free(a->comment);
	memset(a, 0, sizeof(*a));
}
