/*
 * error.c - the ms_error message slot and the status-code sentences
 * (style.md "Errors": set once where the failure is seen, passed up).
 */
#include <stdio.h>
#include <string.h>

#include "migsim/common.h"

int ms_error_set(ms_error *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

void ms_error_clear(ms_error *err)
{
	if (err == NULL)
		return;
	err->code = MS_OK;
	err->msg[0] = '\0';
}

const char *ms_strerror(int code)
{
	switch (code) {
	case MS_OK:        return "no error";
	case MS_ENOMEM:    return "out of memory";
	case MS_EIO:       return "input/output error";
	case MS_ENOTFOUND: return "not found";
	case MS_EINPUT:    return "bad input";
	case MS_ECORRUPT:  return "not a usable migsim state file";
	default:           return "error";
	}
}
