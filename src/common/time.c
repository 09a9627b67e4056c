/*
 * time.c - ms_time parsing and the three renderings migsim needs:
 * PostgreSQL's timestamptz text (what the ledger columns hold, so that the
 * seed's ORDER BY started_at sorts right in SQLite), chrono's Display (what
 * Prisma prints in P3009, spec prisma-migrate.md section 4 step 9) and
 * RFC 3339 for JSON.
 */
#define _DEFAULT_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "migsim/common.h"

#define US_PER_SEC INT64_C(1000000)

static int digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

static int parse_offset(const char **p, int *secs)
{
	int sign, hh = 0, mm = 0;

	if (**p == 'Z' || **p == 'z') {
		(*p)++;
		*secs = 0;
		return 0;
	}
	if (strcmp(*p, " UTC") == 0) {
		*p += 4;
		*secs = 0;
		return 0;
	}
	if (**p != '+' && **p != '-') {
		*secs = 0;
		return **p == '\0' ? 0 : -1;
	}
	sign = **p == '-' ? -1 : 1;
	(*p)++;
	if (digits(p, 2, &hh) < 0)
		return -1;
	if (**p == ':')
		(*p)++;
	if (isdigit((unsigned char)**p) && digits(p, 2, &mm) < 0)
		return -1;
	*secs = sign * (hh * 3600 + mm * 60);
	return 0;
}

int ms_time_parse(ms_time *out, const char *s, ms_error *err)
{
	const char *p = s;
	struct tm tm;
	int y, mo, d, h = 0, mi = 0, sec = 0, off = 0;
	int64_t frac = 0;
	time_t t;

	memset(&tm, 0, sizeof(tm));
	if (digits(&p, 4, &y) < 0 || *p++ != '-' || digits(&p, 2, &mo) < 0 ||
	    *p++ != '-' || digits(&p, 2, &d) < 0)
		goto bad;
	if (*p == 'T' || *p == 't' || (*p == ' ' && isdigit((unsigned char)p[1]))) {
		p++;
		if (digits(&p, 2, &h) < 0 || *p++ != ':' || digits(&p, 2, &mi) < 0)
			goto bad;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &sec) < 0)
				goto bad;
			if (*p == '.') {
				int64_t scale = 100000;

				p++;
				if (!isdigit((unsigned char)*p))
					goto bad;
				for (; isdigit((unsigned char)*p); p++) {
					frac += (*p - '0') * scale;
					scale /= 10;
				}
			}
		}
	}
	if (parse_offset(&p, &off) < 0 || *p != '\0')
		goto bad;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		goto bad;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	t = timegm(&tm);
	*out = ((int64_t)t - off) * US_PER_SEC + frac;
	return MS_OK;
bad:
	return ms_error_set(err, MS_EINPUT,
		"bad time '%s' (want e.g. 2025-12-25T10:00:00Z)", s);
}

static void split(ms_time t, struct tm *tm, int64_t *us)
{
	int64_t secs = t / US_PER_SEC;
	time_t tt;

	*us = t % US_PER_SEC;
	if (*us < 0) {
		*us += US_PER_SEC;
		secs--;
	}
	tt = (time_t)secs;
	gmtime_r(&tt, tm);
}

static int put_date_time(char *out, size_t n, const struct tm *tm, char sep)
{
	return snprintf(out, n, "%04d-%02d-%02d%c%02d:%02d:%02d",
		tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, sep,
		tm->tm_hour, tm->tm_min, tm->tm_sec);
}

void ms_time_format_pg(ms_time t, char out[MS_TIME_BUFSZ])
{
	struct tm tm;
	int64_t us;
	int n;

	split(t, &tm, &us);
	n = put_date_time(out, MS_TIME_BUFSZ, &tm, ' ');
	if (us) {
		char frac[8];
		int len = 6;

		snprintf(frac, sizeof(frac), "%06lld", (long long)us);
		while (len > 0 && frac[len - 1] == '0')
			len--;
		n += snprintf(out + n, MS_TIME_BUFSZ - (size_t)n, ".%.*s", len, frac);
	}
	snprintf(out + n, MS_TIME_BUFSZ - (size_t)n, "+00");
}

void ms_time_format_chrono(ms_time t, char out[MS_TIME_BUFSZ])
{
	struct tm tm;
	int64_t us, nano;
	int n;

	split(t, &tm, &us);
	nano = us * 1000;
	n = put_date_time(out, MS_TIME_BUFSZ, &tm, ' ');
	if (nano == 0)
		;
	else if (nano % 1000000 == 0)
		n += snprintf(out + n, MS_TIME_BUFSZ - (size_t)n, ".%03lld",
			(long long)(nano / 1000000));
	else if (nano % 1000 == 0)
		n += snprintf(out + n, MS_TIME_BUFSZ - (size_t)n, ".%06lld",
			(long long)(nano / 1000));
	else
		n += snprintf(out + n, MS_TIME_BUFSZ - (size_t)n, ".%09lld",
			(long long)nano);
	snprintf(out + n, MS_TIME_BUFSZ - (size_t)n, " UTC");
}

void ms_time_format_iso(ms_time t, char out[MS_TIME_BUFSZ])
{
	struct tm tm;
	int64_t us;
	int n;

	split(t, &tm, &us);
	n = put_date_time(out, MS_TIME_BUFSZ, &tm, 'T');
	snprintf(out + n, MS_TIME_BUFSZ - (size_t)n, ".%06lldZ", (long long)us);
}
