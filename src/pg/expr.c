/*
 * expr.c - parse analysis of expressions, as PostgreSQL 15's transformExpr
 * does it, over the simulated catalog (the contract is in expr.h).
 *
 * Only what analysis decides is modelled: that every column and function
 * exists, that operators exist for their operands' types, that literals
 * are valid input for the type they are coerced to.  Values are never
 * computed.  Whatever migsim cannot decide is unknown; the only errors
 * raised are the ones that cannot be mistaken: a column that is not in
 * any relation in scope when no similar name is (PostgreSQL would add a
 * hint otherwise), and enum labels.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "expr.h"

/* --- types ------------------------------------------------------------- */

static const struct { const char *name; char cat; } builtin_cats[] = {
	{ "bool", 'B' }, { "int2", 'N' }, { "int4", 'N' }, { "int8", 'N' },
	{ "numeric", 'N' }, { "float4", 'N' }, { "float8", 'N' },
	{ "text", 'S' }, { "varchar", 'S' }, { "bpchar", 'S' }, { "name", 'S' },
	{ "citext", 'S' }, { "date", 'D' }, { "timestamp", 'D' },
	{ "timestamptz", 'D' }, { "time", 'D' }, { "timetz", 'D' },
	{ "interval", 'T' }, { "uuid", 'U' }, { "json", 'U' }, { "jsonb", 'U' },
	{ "bytea", 'U' }, { "inet", 'I' }, { "cidr", 'I' },
};

static char category_of(const char *name)
{
	for (size_t i = 0; i < sizeof(builtin_cats) / sizeof(builtin_cats[0]);
	     i++)
		if (strcmp(builtin_cats[i].name, name) == 0)
			return builtin_cats[i].cat;
	return 0;
}

void ex_set_type(ex_type *t, char cat, const char *name)
{
	const char *display = ms_pg__builtin_display(name);

	memset(t, 0, sizeof(*t));
	t->cat = cat;
	t->typmod = -1;
	t->location = -1;
	snprintf(t->name, sizeof(t->name), "%s", name);
	if (display && cat != 'A')
		snprintf(t->display, sizeof(t->display), "%s", display);
}

/* A function's or an operator's result has no typmod (exprTypmod of a
 * FuncExpr, an OpExpr or an Aggref is -1): timestamp(3) becomes
 * timestamp, numeric(10,2) negated numeric. */
static void drop_typmod(ex_type *t)
{
	const char *plain = ms_pg__builtin_display(t->name);
	int array = t->cat == 'A';

	if (strchr(t->display, '(') == NULL)
		return;
	if (plain)
		snprintf(t->display, sizeof(t->display), "%s%s", plain,
			array ? "[]" : "");
	else
		t->display[0] = '\0';
	t->typmod = -1;
}

/* The length of varchar(n) / character(n) from format_type's spelling. */
static int typmod_of(const char *display)
{
	const char *p = strchr(display, '(');

	if (p == NULL || (strncmp(display, "character", 9) != 0))
		return -1;
	return atoi(p + 1);
}

/* A value of a domain behaves as one of its base type in operators,
 * functions and casts; PostgreSQL's messages still name the domain. */
static int domain_type(ex_type *t, ddl *d, const cat_col *col, int array)
{
	cat_domain dom;
	cat_col base;
	int found, ret;

	if ((ret = cat_domain_get(&found, &dom, d->s, col->type_oid,
	    d->err)) < 0 || !found)
		return ret;
	memset(&base, 0, sizeof(base));
	if (strlen(dom.base_type) + 3 > sizeof(base.type))
		return MS_OK;  /* not modelled */
	snprintf(base.type, sizeof(base.type), "%.*s%s",
		(int)sizeof(base.type) - 3, dom.base_type, array ? "[]" : "");
	snprintf(base.base, sizeof(base.base), "%s", dom.base);
	base.type_oid = dom.base_oid;
	if ((ret = ex_column_type(t, d, &base)) < 0)
		return ret;
	/* Not so for enums, whose operators take anyenum, nor for arrays;
	 * and a typmod other than a string length is read from the display
	 * the domain's name replaces. */
	if (t->cat == 'E' || t->cat == 'A' || (strchr(dom.base_type, '(') &&
	    t->typmod < 0))
		t->cat = 0;
	snprintf(t->display, sizeof(t->display), "%s", col->type);
	t->type_oid = col->type_oid;
	t->domain = col->type_oid;
	return MS_OK;
}

int ex_column_type(ex_type *t, ddl *d, const cat_col *col)
{
	size_t len = strlen(col->type);
	int array = len > 2 && strcmp(col->type + len - 2, "[]") == 0;
	cat_type ut;
	int found, ret;
	char cat;

	ex_set_type(t, 0, col->base);
	snprintf(t->display, sizeof(t->display), "%s", col->type);
	t->type_oid = col->type_oid;
	if (col->type_oid) {
		if ((ret = cat_type_by_oid(&found, &ut, d->s, col->type_oid,
		    d->err)) < 0)
			return ret;
		if (!found)
			return MS_OK;
		if (ut.kind == 'd')
			return domain_type(t, d, col, array);
		cat = ut.kind == 'e' ? 'E' : category_of(ut.name);
		t->user = ut.kind == 'e' ? ut.oid : 0;
		snprintf(t->name, sizeof(t->name), "%s", ut.name);
	} else {
		cat = category_of(col->base);
	}
	t->cat = cat && array ? 'A' : cat;
	if (!array)
		t->typmod = typmod_of(col->type);
	return MS_OK;
}

/* --- literals ------------------------------------------------------------ */

static int is_int(const char *s, long long lo, long long hi)
{
	char *end;
	long long v;

	while (isspace((unsigned char)*s))
		s++;
	if (!isdigit((unsigned char)*s) && *s != '-' && *s != '+')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno == ERANGE)
		return 0;
	while (isspace((unsigned char)*end))
		end++;
	return *end == '\0' && end != s && v >= lo && v <= hi;
}

static int is_number(const char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	if (!isdigit((unsigned char)*s) && *s != '-' && *s != '+' && *s != '.')
		return 0;
	if (strspn(s, "0123456789+-.eE ") != strlen(s))
		return 0;
	strtod(s, &end);
	while (isspace((unsigned char)*end))
		end++;
	return *end == '\0' && end != s;
}

static int is_bool(const char *s)
{
	static const char *const words[] = { "t", "f", "true", "false", "y",
		"n", "yes", "no", "on", "off", "1", "0" };

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	return 0;
}

/* string_to_uuid: a hyphen may follow each group of four digits but
 * the last, never two in a row. */
static int is_uuid(const char *s)
{
	size_t n = 0;
	int hyphen = 0;

	for (const char *p = s; *p; p++) {
		if (isxdigit((unsigned char)*p)) {
			n++;
			hyphen = 0;
		} else if (*p != '-' || hyphen || n == 0 || n % 4 != 0 || n >= 32) {
			return 0;
		} else {
			hyphen = 1;
		}
	}
	return n == 32 && !hyphen;
}

static int days_in(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* ISO 8601 dates and times: YYYY-MM-DD[( |T)HH:MM[:SS[.f]]][Z|+HH[:MM]]. */
static int is_timestamp(const char *s, int date_only)
{
	int y, m, dd, h = 0, mi = 0, n = 0;
	double sec = 0;

	/* Digits only: a sign starts a time zone (ParseDateTime). */
	for (int i = 0; i < 10 && s[i]; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &dd, &n) != 3 || n != 10 ||
	    m < 1 || m > 12 || dd < 1 || dd > days_in(y, m) || y < 1)
		return 0;
	s += n;
	if (*s == '\0')
		return 1;
	if (date_only || (*s != ' ' && *s != 'T'))
		return 0;
	s++;
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    s[2] != ':' || !isdigit((unsigned char)s[3]) ||
	    !isdigit((unsigned char)s[4]) ||
	    sscanf(s, "%2d:%2d%n", &h, &mi, &n) != 2 || n != 5 || h > 23 ||
	    mi > 59)
		return 0;
	s += n;
	if (*s == ':') {
		char *end;

		if (!isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[2]))
			return 0;
		sec = strtod(s + 1, &end);
		if (sec >= 60)
			return 0;
		s = end;
	}
	if (*s == ' ' && (s[1] == '+' || s[1] == '-'))
		s++;
	/* A zone named UTC or GMT (timestamp without time zone ignores
	 * it). */
	if (*s == ' ' && (strcasecmp(s + 1, "UTC") == 0 ||
	    strcasecmp(s + 1, "GMT") == 0))
		return 1;
	if (*s == 'Z')
		return s[1] == '\0';
	if (*s == '+' || *s == '-') {
		int oh, om = 0;

		n = 0;
		if (sscanf(s + 1, "%2d%n", &oh, &n) != 1 || n != 2 || oh > 15)
			return 0;
		s += 3;
		if (*s == ':' && sscanf(s + 1, "%2d%n", &om, &n) == 1 && n == 2)
			s += 3;
		return *s == '\0' && om < 60;
	}
	return *s == '\0';
}

/* HH:MM[:SS[.f]] for time without time zone. */
static int is_time(const char *s)
{
	int h, m, n = 0;
	double sec = 0;
	char *end;

	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    s[2] != ':' || !isdigit((unsigned char)s[3]) ||
	    !isdigit((unsigned char)s[4]) ||
	    sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || n != 5 || h > 24 ||
	    m > 59)
		return 0;
	s += n;
	if (*s == '\0')
		return h < 24 || m == 0;
	if (*s != ':' || !isdigit((unsigned char)s[1]))
		return 0;
	sec = strtod(s + 1, &end);
	/* time_overflows: at most 24:00:00. */
	return *end == '\0' && sec < 60 && (h < 24 || (m == 0 && sec == 0));
}

/* "N unit [N unit ...]": the units' names, plurals and short forms. */
static int is_interval(const char *s)
{
	/* deltatktbl's units (datetime.c). */
	static const char *const units[] = { "second", "seconds", "sec", "secs",
		"s", "minute", "minutes", "min", "mins", "m", "hour", "hours", "hr",
		"hrs", "h", "day", "days", "d", "week", "weeks", "w", "month",
		"months", "mon", "mons", "year", "years", "yr", "yrs", "y" };
	/* Each unit's field, given once (DecodeInterval's tmask). */
	static const int field[] = { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2,
		2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 6 };
	int any = 0, seen = 0;

	for (;;) {
		char word[16];
		int n = 0, fits = 0;
		long v;

		while (isspace((unsigned char)*s))
			s++;
		if (*s == '\0')
			return any;
		/* Large counts overflow in ways not modelled. */
		if (sscanf(s, "%ld%n", &v, &n) != 1 || v > 100000 || v < -100000)
			return 0;
		s += n;
		while (isspace((unsigned char)*s))
			s++;
		if (sscanf(s, "%15[a-z]%n", word, &n) != 1)
			return 0;
		for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
			if (strcmp(word, units[i]) == 0) {
				fits = !(seen & (1 << field[i]));
				seen |= 1 << field[i];
			}
		if (!fits)
			return 0;
		s += n;
		any = 1;
	}
}

/* UTF-8 characters in s. */
static size_t chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* An element of an array literal for element type `to` (its typmod
 * read from the array's display): ints in their range, numbers without
 * a typmod, strings within varchar(n). */
static int element_fits(const char *item, const ex_type *to)
{
	int len;

	switch (category_of(to->name)) {
	case 'N':
		if (strcmp(to->name, "int2") == 0)
			return is_int(item, -32768, 32767);
		if (strcmp(to->name, "int4") == 0)
			return is_int(item, -2147483648LL, 2147483647LL);
		if (strcmp(to->name, "int8") == 0)
			return is_int(item, -9223372036854775807LL - 1,
				9223372036854775807LL);
		return !strchr(to->display, '(') && is_number(item);
	case 'S':
		if (!strchr(to->display, '('))
			return 1;
		return strcmp(to->name, "varchar") == 0 &&
			sscanf(to->display, "character varying(%d)", &len) == 1 &&
			chars(item) <= (size_t)len;
	default:
		return 0;
	}
}

/* '{a,b}' or '{"a b",c}' for an array of strings or numbers: items
 * without escapes, NULL or nesting; each one's own type checked. */
static int is_array_literal(const char *s, const ex_type *to)
{
	size_t n = strlen(s);
	char item[64];
	const char *p, *end = s + n - 1;
	char elem = category_of(to->name);

	if (n < 2 || s[0] != '{' || *end != '}' || (elem != 'N' && elem != 'S'))
		return 0;
	if (n == 2)
		return 1;
	for (p = s + 1; p < end;) {
		size_t len;
		int quoted;
		char delim;

		/* array_in skips white space around elements. */
		while (*p == ' ')
			p++;
		quoted = *p == '"';
		if (quoted) {
			const char *q = strchr(p + 1, '"'), *after = q;

			while (after && after[1] == ' ')
				after++;
			if (q == NULL || (after[1] != ',' && after[1] != '}'))
				return 0;
			len = (size_t)(q - p - 1);
			if (len >= sizeof(item) || memchr(p + 1, '\\', len))
				return 0;
			memcpy(item, p + 1, len);
			delim = after[1];
			p = after + 2;
		} else {
			len = strcspn(p, ",}");
			if (len == 0 || len >= sizeof(item) ||
			    strcspn(p, "\"\\{ ") < len)
				return 0;
			memcpy(item, p, len);
			delim = p[len];
			p += len + 1;
		}
		/* A '}' ends the literal; a ',' is followed by an element. */
		if ((delim == '}') != (p == end + 1) || (delim == ',' && p >= end))
			return 0;
		item[len] = '\0';
		if (!quoted && strcasecmp(item, "null") == 0)
			return 0;
		if (!element_fits(item, to))
			return 0;
	}
	return 1;
}

static int is_json(const char *s)
{
	json_error_t je;
	json_t *j = json_loads(s, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);

	json_decref(j);
	return j != NULL;
}


/* Whether text s is valid input for type `to`: 1 yes, 0 not known.  Enum
 * labels are checked by the caller. */
/* numeric(p,s) from format_type's spelling; 0 without a typmod. */
static int numeric_typmod(const ex_type *t, int *precision, int *scale)
{
	*scale = 0;
	return strcmp(t->name, "numeric") == 0 &&
		sscanf(t->display, "numeric(%d,%d)", precision, scale) >= 1;
}

/* Whether decimal text (no exponent) rounded to sc places keeps at most
 * p - sc integer digits (apply_typmod): 9.995 in numeric(3,2) rounds to
 * 10.00, which does not. */
static int decimal_fits(const char *s, int p, int sc)
{
	const char *ip, *dot;
	size_t digits;

	s += *s == '-' || *s == '+';
	if (strpbrk(s, "eE") || p - sc <= 0)
		return 0;
	while (*s == '0' && s[1] && s[1] != '.')
		s++;
	ip = *s == '0' ? s + 1 : s;
	dot = strchr(s, '.');
	digits = (size_t)((dot ? dot : s + strlen(s)) - ip);
	if (digits < (size_t)(p - sc))
		return 1;
	if (digits > (size_t)(p - sc))
		return 0;
	/* As many digits as allowed: a carry out of all nines overflows. */
	for (const char *q = ip; q < ip + digits; q++)
		if (*q != '9')
			return 1;
	if (dot == NULL)
		return 1;
	for (int i = 1; i <= sc; i++)
		if (dot[i] != '9')
			return 1;
	return !(dot[sc + 1] >= '5' && dot[sc + 1] <= '9');
}

/* Whether a number certainly fits a numeric type: the integers' range,
 * numeric(p,s)'s digits once rounded to s places, float's range. */
static int number_fits(double v, const char *text, const ex_type *to)
{
	int p, sc;

	if (strcmp(to->name, "int2") == 0)
		return v >= -32768 && v <= 32767 && v == (long long)v;
	if (strcmp(to->name, "int4") == 0)
		return v >= -2147483648.0 && v <= 2147483647.0 && v == (long long)v;
	if (strcmp(to->name, "int8") == 0)
		return v >= -9007199254740992.0 && v <= 9007199254740992.0 &&
			v == (long long)v;
	if (numeric_typmod(to, &p, &sc)) {
		double scaled = fabs(v) * pow(10, sc);

		if (text)
			return decimal_fits(text, p, sc);
		/* A double near a half rounds as the decimal may not. */
		if (fabs(scaled - floor(scaled) - 0.5) < 1e-6)
			return 0;
		return fabs(round(v * pow(10, sc)) / pow(10, sc)) < pow(10, p - sc) *
			(1 - 1e-12);
	}
	if (strcmp(to->name, "float4") == 0 || strcmp(to->name, "float8") == 0) {
		/* Out of range either way (1e400, 1e-400) is an error. */
		errno = 0;
		if (text && (strcmp(to->name, "float4") == 0 ? (double)strtof(text,
		    NULL) : strtod(text, NULL)) == 0 && v != 0)
			return 0;
		return errno != ERANGE && isfinite(v) && (v == 0 ||
			fabs(v) >= (strcmp(to->name, "float8") == 0 ? DBL_MIN : FLT_MIN)) &&
			(strcmp(to->name, "float8") == 0 || fabs(v) <= FLT_MAX);
	}
	return strcmp(to->name, "numeric") == 0;
}

/* Whether text holds a number near numeric's or double precision's
 * limits: an exponent beyond +/-300 or a run of over 1000 digits.  Those
 * may overflow numeric's weight or scale (22003 "value overflows numeric
 * format"), or float8 either way; not followed. */
static int number_extreme(const char *s)
{
	for (const char *p = s; *p; p++) {
		if (isdigit((unsigned char)*p) && strspn(p, "0123456789") > 1000)
			return 1;
		/* An exponent follows a digit, or a digit and its point. */
		if ((*p == 'e' || *p == 'E') && p > s &&
		    (isdigit((unsigned char)p[-1]) || (p[-1] == '.' && p - 1 > s &&
		    isdigit((unsigned char)p[-2])))) {
			const char *q = p + 1 + (p[1] == '+' || p[1] == '-');

			if (isdigit((unsigned char)*q) && (strspn(q, "0123456789") > 3 ||
			    atoi(q) > 300))
				return 1;
		}
	}
	return 0;
}

static int literal_fits(const char *s, const ex_type *to)
{
	const char *n = to->name;

	switch (to->cat) {
	case 'S':
		/* char(n) also takes a longer value whose excess is spaces. */
		return to->typmod < 0 || (strcmp(n, "varchar") != 0 &&
			strcmp(n, "bpchar") != 0) || chars(s) <= (size_t)to->typmod;
	case 'B':
		return is_bool(s);
	case 'N':
		if (strcmp(n, "int2") == 0)
			return is_int(s, -32768, 32767);
		if (strcmp(n, "int4") == 0)
			return is_int(s, -2147483648LL, 2147483647LL);
		if (strcmp(n, "int8") == 0)
			return is_int(s, -9223372036854775807LL - 1,
				9223372036854775807LL);
		return is_number(s) && !number_extreme(s) &&
			number_fits(strtod(s, NULL), s, to);
	case 'D':
		if (strcmp(n, "date") == 0)
			return is_timestamp(s, 1);
		if (strcmp(n, "time") == 0)
			return is_time(s);
		return (strcmp(n, "timestamp") == 0 ||
			strcmp(n, "timestamptz") == 0) && is_timestamp(s, 0);
	case 'T':
		return is_interval(s);
	case 'U':
		if (strcmp(n, "uuid") == 0)
			return is_uuid(s);
		/* jsonb cannot hold the NUL character json keeps as text. */
		if (strcmp(n, "json") == 0 || strcmp(n, "jsonb") == 0)
			return is_json(s) && (n[4] != 'b' || (!strstr(s, "\\u0000") &&
				!number_extreme(s)));
		return 0;
	case 'A':
		return is_array_literal(s, to);
	default:
		return 0;
	}
}

/* '{A,B}' for an array of enum labels: each label checked. */
static int enum_array_literal(int *ret, ddl *d, const ex_type *lit,
	const ex_type *to)
{
	const char *s = lit->literal, *p;
	size_t n = strlen(s);
	char item[CAT_NAME];

	/* Quotes, escapes and white space (array_isspace) are not
	 * modelled. */
	if (n < 2 || s[0] != '{' || s[n - 1] != '}' ||
	    strpbrk(s, "\"\\ \t\n\r\v\f")) {
		ddl_unknown(d, "whether this literal converts is not modelled");
		return EX_UNKNOWN;
	}
	for (p = s + 1; n > 2 && p < s + n - 1;) {
		size_t len = strcspn(p, ",}");

		/* A ',' is followed by an element; the first '}' ends it. */
		if (len == 0 || len >= sizeof(item) || strcspn(p, "{") < len ||
		    (p[len] == '}' && p + len != s + n - 1) ||
		    (p[len] == ',' && p + len + 1 >= s + n - 1)) {
			ddl_unknown(d, "whether this literal converts is not modelled");
			return EX_UNKNOWN;
		}
		memcpy(item, p, len);
		item[len] = '\0';
		/* An unquoted NULL, in any case, is a null element. */
		if (strcasecmp(item, "null") != 0 &&
		    ((*ret = ddl_enum_label_use(d, to->user, to->name, item,
		    lit->location)) < 0 || DDL_FAILED(d)))
			return EX_STOP;
		p += len + 1;
	}
	return EX_OK;
}

/* pg_strtoint16/32/64 (numutils.c): 0 the text is an integer in range,
 * 1 out of range, 2 not an integer.  Digits accumulate negative, so the
 * range is met while reading them, before trailing junk is. */
static int strtoint_fails(const char *s, long long lo)
{
	const char *p = s;
	long long v = 0;
	int neg = 0;

	while (*p && isspace((unsigned char)*p))
		p++;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (!isdigit((unsigned char)*p))
		return 2;
	for (; isdigit((unsigned char)*p); p++)
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_sub_overflow(v, *p - '0', &v) || v < lo)
			return 1;
	while (*p && isspace((unsigned char)*p))
		p++;
	if (*p)
		return 2;
	return !neg && v == lo;
}

/* parse_bool_with_len (bool.c) over boolin's trimmed text: a prefix of
 * true, false, yes or no, on / off (two letters at least), 1, 0. */
static int bool_fails(const char *s)
{
	static const char *const words[] = { "true", "false", "yes", "no" };
	size_t len;

	while (*s && isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0)
		return 1;
	for (size_t i = 0; i < 4; i++)
		if (tolower((unsigned char)*s) == words[i][0])
			return len > strlen(words[i]) ||
				strncasecmp(s, words[i], len) != 0;
	if (tolower((unsigned char)*s) == 'o')
		return len < 2 || (!(len == 2 && strncasecmp(s, "on", 2) == 0) &&
			!(len <= 3 && strncasecmp(s, "off", len) == 0));
	return !(len == 1 && (*s == '1' || *s == '0'));
}

/* string_to_uuid (uuid.c): 32 hex digits, a hyphen allowed after each
 * group of four but the last, the whole optionally in braces. */
static int uuid_fails(const char *s)
{
	int braces = *s == '{';

	s += braces;
	for (int i = 0; i < 16; i++) {
		if (!isxdigit((unsigned char)s[0]) || !isxdigit((unsigned char)s[1]))
			return 1;
		s += 2;
		if (*s == '-' && i % 2 == 1 && i < 15)
			s++;
	}
	if (braces && *s++ != '}')
		return 1;
	return *s != '\0';
}

/* A literal whose input function certainly refuses it: 22P02 or 22003
 * at the literal, as coerce_type converts it during parse analysis. */
static int literal_fails(int *ret, ddl *d, const ex_type *lit,
	const ex_type *to)
{
	static const struct {
		const char *name, *sql, *range_site, *syntax_site;
		long long lo;
	} ints[] = {
		{ "int2", "smallint", "numutils.c:150:pg_strtoint16",
		  "numutils.c:156:pg_strtoint16", -32768 },
		{ "int4", "integer", "numutils.c:226:pg_strtoint32",
		  "numutils.c:232:pg_strtoint32", -2147483647LL - 1 },
		{ "int8", "bigint", "numutils.c:310:pg_strtoint64",
		  "numutils.c:316:pg_strtoint64", -9223372036854775807LL - 1 },
	};
	const char *s = lit->literal;

	for (size_t i = 0; i < 3 && to->cat == 'N'; i++) {
		int f;

		if (strcmp(to->name, ints[i].name) != 0 ||
		    (f = strtoint_fails(s, ints[i].lo)) == 0)
			continue;
		*ret = f == 1 ?
			ddl_fail(d, "22003", ints[i].range_site, lit->location,
			"value \"%s\" is out of range for type %s", s, ints[i].sql) :
			ddl_fail(d, "22P02", ints[i].syntax_site, lit->location,
			"invalid input syntax for type %s: \"%s\"", ints[i].sql, s);
		return EX_STOP;
	}
	if (to->cat == 'B' && strcmp(to->name, "bool") == 0 && bool_fails(s)) {
		*ret = ddl_fail(d, "22P02", "bool.c:151:boolin", lit->location,
			"invalid input syntax for type %s: \"%s\"", "boolean", s);
		return EX_STOP;
	}
	if (to->cat == 'U' && strcmp(to->name, "uuid") == 0 && uuid_fails(s)) {
		*ret = ddl_fail(d, "22P02", "uuid.c:133:string_to_uuid",
			lit->location, "invalid input syntax for type %s: \"%s\"",
			"uuid", s);
		return EX_STOP;
	}
	return EX_UNKNOWN;
}

/*
 * A literal of unknown type meets type `to` (an operand of an operator,
 * an assignment, a cast): EX_OK when its input is valid, EX_STOP when an
 * enum label is missing or too new (22P02, 55P04) or the input function
 * refuses it.
 */
static int literal_to(int *ret, ddl *d, const ex_type *lit, const ex_type *to)
{
	if (lit->cat == 'Z')
		return EX_OK;
	if (to->cat == 'E') {
		if ((*ret = ddl_enum_label_use(d, to->user, to->name, lit->literal,
		    lit->location)) < 0 || DDL_FAILED(d))
			return EX_STOP;
		return EX_OK;
	}
	if (to->cat == 'A' && to->user && lit->literal)
		return enum_array_literal(ret, d, lit, to);
	if (lit->literal && literal_fits(lit->literal, to))
		return EX_OK;
	if (lit->literal && literal_fails(ret, d, lit, to) == EX_STOP)
		return EX_STOP;
	ddl_unknown(d, "whether this literal converts is not modelled");
	return EX_UNKNOWN;
}

/* --- operators -------------------------------------------------------------- */

static int is_timestamp_kind(const char *name)
{
	static const char *const set[] = { "date", "timestamp", "timestamptz",
		NULL };

	return ddl_one_of(name, set);
}

/* Whether a literal is a one-dimensional text[] of plain elements
 * ('{a,b}'), which array_in takes whatever they say. */
static int plain_text_array(const char *lit)
{
	size_t n = lit ? strlen(lit) : 0;

	int empty = 1;

	if (n < 2 || lit[0] != '{' || lit[n - 1] != '}')
		return 0;
	/* An element may not be empty (ArrayCount): '{a,}', '{,}'. */
	for (size_t i = 1; i + 1 < n; i++) {
		if (lit[i] == '{' || lit[i] == '}' || lit[i] == '"' ||
		    lit[i] == '\\')
			return 0;
		if (lit[i] == ',' && empty)
			return 0;
		if (lit[i] == ',')
			empty = 1;
		else if (lit[i] != ' ')
			empty = 0;
	}
	return !empty || strchr(lit, ',') == NULL;
}

/* Whether the comparison operators exist between two known types. */
static int comparable(const ex_type *a, const ex_type *b)
{
	static const char *const with_eq[] = { "uuid", "jsonb", "bytea", NULL };

	if (a->cat != b->cat)
		return 0;
	switch (a->cat) {
	case 'N': case 'S': case 'B': case 'T': case 'I':
		return 1;
	case 'D':
		return strcmp(a->name, b->name) == 0 ||
			(is_timestamp_kind(a->name) && is_timestamp_kind(b->name));
	case 'U':
		return strcmp(a->name, b->name) == 0 && ddl_one_of(a->name, with_eq);
	case 'E':
		return a->user == b->user;
	case 'A':
		return strcmp(a->name, b->name) == 0;
	default:
		return 0;
	}
}

/* Two operands compared: literals take the other side's type. */
static int compare(int *ret, ddl *d, const ex_type *a, const ex_type *b)
{
	int lit_a = a->cat == 'X' || a->cat == 'Z';
	int lit_b = b->cat == 'X' || b->cat == 'Z';

	if (lit_a && lit_b)
		return EX_OK;
	if (lit_a)
		return b->cat == 'U' && strcmp(b->name, "json") == 0 ?
			EX_UNKNOWN : literal_to(ret, d, a, b);
	if (lit_b)
		return a->cat == 'U' && strcmp(a->name, "json") == 0 ?
			EX_UNKNOWN : literal_to(ret, d, b, a);
	return comparable(a, b) ? EX_OK : EX_UNKNOWN;
}

static int int_rank(const char *name)
{
	return strcmp(name, "int2") == 0 ? 1 : strcmp(name, "int4") == 0 ? 2 :
		strcmp(name, "int8") == 0 ? 3 : 0;
}

/* A whole number within an integer type's range. */
static int fits_int(double v, const char *name)
{
	double max = int_rank(name) == 1 ? 32767.0 : int_rank(name) == 2 ?
		2147483647.0 : 0;

	return max > 0 && v == (double)(long long)v && v >= -max - 1 && v <= max;
}

/* + - * / % between numbers: the type PostgreSQL's operator returns. */
static int arithmetic(ex_type *t, const ex_type *a, const ex_type *b)
{
	if (a->cat != 'N' || b->cat != 'N')
		return 0;
	if (int_rank(a->name) && int_rank(b->name))
		ex_set_type(t, 'N', int_rank(a->name) >= int_rank(b->name) ?
			(int_rank(a->name) == 1 && int_rank(b->name) == 1 ? "int2" :
			a->name) : b->name);
	else if (strcmp(a->name, "numeric") == 0 && strcmp(b->name, "float8") != 0 &&
	    strcmp(b->name, "float4") != 0)
		ex_set_type(t, 'N', "numeric");
	else if (strcmp(b->name, "numeric") == 0 && strcmp(a->name, "float8") != 0 &&
	    strcmp(a->name, "float4") != 0)
		ex_set_type(t, 'N', "numeric");
	else if (int_rank(a->name) || int_rank(b->name) ||
	    strcmp(a->name, b->name) == 0)
		ex_set_type(t, 'N', int_rank(a->name) ? b->name : a->name);
	else if (strcmp(a->name, "float8") == 0 || strcmp(b->name, "float8") == 0)
		ex_set_type(t, 'N', "float8");
	else
		return 0;
	return 1;
}

/* A literal operand of arithmetic takes the other side's type. */
static void literal_as(ex_type *lit, const ex_type *other)
{
	const char *text = lit->literal;
	int loc = lit->location;

	*lit = *other;
	lit->literal = text;
	lit->location = loc;
	lit->has_value = 0;
}

/* Arithmetic between two numeric constants of known value, when the
 * result is certainly in range and no division is by zero. */
static int fold(ex_type *t, const char *op, const ex_type *a,
	const ex_type *b)
{
	double v;

	if (!a->has_value || !b->has_value || !arithmetic(t, a, b))
		return EX_UNKNOWN;
	switch (op[0]) {
	case '+': v = a->value + b->value; break;
	case '-': v = a->value - b->value; break;
	case '*': v = a->value * b->value; break;
	default:
		if (b->value == 0 || (op[0] == '%' && !int_rank(t->name)))
			return EX_UNKNOWN;
		v = op[0] == '/' && int_rank(t->name) ? (double)(long long)(a->value /
			b->value) : op[0] == '/' ? a->value / b->value :
			(double)((long long)a->value % (long long)b->value);
	}
	/* Integer results must fit; 2^31 and 2^53 keep the doubles exact. */
	if ((strcmp(t->name, "int2") == 0 && (v < -32768 || v > 32767)) ||
	    (strcmp(t->name, "int4") == 0 && (v < -2147483648.0 ||
	    v > 2147483647.0)) || (strcmp(t->name, "int8") == 0 &&
	    (v < -9007199254740992.0 || v > 9007199254740992.0)) ||
	    v != v || v > 1e300 || v < -1e300)
		return EX_UNKNOWN;
	t->constant = t->has_value = 1;
	t->value = v;
	return EX_OK;
}

/* Whether operator op between timestamptz a and b is only stable. */
static int zoned_mix(const ex_type *a, const ex_type *b, const char *op)
{
	if (a->cat != 'D' || strcmp(a->name, "timestamptz") != 0)
		return 0;
	if (b->cat == 'T')
		return 1;
	if (b->cat == 'X')
		return op[0] == '+' || op[0] == '-';
	return b->cat == 'D' && strcmp(b->name, "timestamptz") != 0;
}

/* A bracket expression at p ('[' ... ']') that certainly compiles:
 * its length, or 0.  Classes like [:alpha:] and ranges out of order are
 * not followed. */
static size_t regex_bracket(const char *p)
{
	size_t i = 1;

	if (p[i] == '^')
		i++;
	if (p[i] == ']')
		i++;
	for (; p[i] && p[i] != ']'; i++) {
		if (p[i] == '[' || p[i] == '\\')
			return 0;
		if (p[i] == '-' && i > 1 && p[i + 1] != ']' && p[i + 1] &&
		    (unsigned char)p[i - 1] > (unsigned char)p[i + 1])
			return 0;
	}
	return p[i] == ']' ? i + 1 : 0;
}

/* A bound {n} or {n,} or {n,m} (at most 255) at p: its length, or 0. */
static size_t regex_bound(const char *p)
{
	char *end;
	long lo, hi;

	if (!isdigit((unsigned char)p[1]))
		return 0;
	lo = strtol(p + 1, &end, 10);
	hi = lo;
	if (*end == ',') {
		end++;
		hi = isdigit((unsigned char)*end) ? strtol(end, &end, 10) : 255;
	}
	return *end == '}' && lo <= hi && hi <= 255 ? (size_t)(end - p) + 1 : 0;
}

/*
 * Whether an advanced regular expression certainly compiles: atoms
 * (letters, digits, plain punctuation, '.', simple escapes, bracket
 * expressions, balanced groups), a quantifier or bound only after an
 * atom, ^ and $ anywhere, | between branches.  Anything else is not
 * vouched for.
 */
static int regex_plain(const char *p)
{
	int depth = 0, atom = 0;

	for (size_t i = 0; p[i];) {
		unsigned char c = (unsigned char)p[i];
		size_t len = 1;

		if (c == '*' || c == '+' || c == '?' || c == '{') {
			if (!atom || (c == '{' && (len = regex_bound(p + i)) == 0))
				return 0;
			atom = 0;
			/* A non-greedy quantifier: *? +? ?? */
			if (p[i + len] == '?')
				len++;
		} else if (c == '(') {
			if (p[i + 1] == '?' || p[i + 1] == ')')
				return 0;
			depth++;
			atom = 0;
		} else if (c == ')') {
			if (depth-- == 0)
				return 0;
			atom = 1;
		} else if (c == '|' || c == '^' || c == '$') {
			atom = c == '$';
		} else if (c == '[') {
			if ((len = regex_bracket(p + i)) == 0)
				return 0;
			atom = 1;
		} else if (c == '\\') {
			if (p[i + 1] == '\0' || !(strchr("dswDSW", p[i + 1]) ||
			    ispunct((unsigned char)p[i + 1])))
				return 0;
			len = 2;
			atom = 1;
		} else if (isalnum(c) || c >= 0x80 ||
		    strchr(" _-@.,:/#!=<>&;'\"%~`]}", c)) {
			atom = 1;
		} else {
			return 0;
		}
		i += len;
	}
	return depth == 0;
}

/* A regular expression match: its pattern is compiled when the
 * statement is planned (selectivity), rows or not; one migsim cannot
 * vouch for, or a collation CREATE COLLATION may have made
 * nondeterministic (0A000), leaves it unknown. */
static int regex_match(ex_type *t, int *ret, ddl *d, const ex_type *b)
{
	char *seen = NULL;

	if (b->literal == NULL || !regex_plain(b->literal)) {
		ddl_unknown(d, "whether this regular expression compiles is not "
			"modelled");
		return EX_UNKNOWN;
	}
	if ((*ret = ms_store_meta_get(&seen, d->s, "collation", d->err)) < 0)
		return EX_STOP;
	free(seen);
	if (seen) {
		ddl_unknown(d, "a regular expression over a collation made by "
			"CREATE COLLATION is not modelled");
		return EX_UNKNOWN;
	}
	ex_set_type(t, 'B', "bool");
	return EX_OK;
}

/* Whether a type's output function is only stable (date_out and the
 * other date/time ones but time_out, interval_out, enum_out, array_out,
 * record_out): not vouched for unless a plain string, number, boolean,
 * uuid or json. */
static int stable_output(const ex_type *t)
{
	if (t->user || t->domain)
		return 1;
	if (t->cat == 0 || strchr("XZSNB", t->cat))
		return 0;
	return !(strcmp(t->name, "uuid") == 0 || strcmp(t->name, "json") == 0 ||
		strcmp(t->name, "jsonb") == 0 || strcmp(t->name, "time") == 0);
}

static int binary_op(ex_type *t, int *ret, ddl *d, const char *op,
	ex_type *a, ex_type *b)
{
	static const char *const cmp[] = { "=", "<>", "!=", "<", ">", "<=",
		">=", NULL };
	static const char *const arith[] = { "+", "-", "*", "/", "%", NULL };
	static const char *const regex[] = { "~", "~*", "!~", "!~*", "~~",
		"~~*", "!~~", "!~~*", NULL };
	int r;

	if (ddl_one_of(op, cmp)) {
		if ((r = compare(ret, d, a, b)) == EX_OK)
			ex_set_type(t, 'B', "bool");
		return r;
	}
	if (ddl_one_of(op, arith)) {
		/* % exists for integers and numeric only; float8 casts to
		 * neither implicitly (42883, not modelled). */
		if (op[0] == '%' && (strncmp(a->name, "float", 5) == 0 ||
		    strncmp(b->name, "float", 5) == 0))
			return EX_UNKNOWN;
		/* Constants are folded when planned: overflow and division by
		 * zero are decided from their values. */
		if (a->constant && b->constant)
			return fold(t, op, a, b);
		if (a->cat == 'X' && b->cat == 'N' && literal_fits(a->literal, b))
			literal_as(a, b);
		if (b->cat == 'X' && a->cat == 'N' && literal_fits(b->literal, a))
			literal_as(b, a);
		if (arithmetic(t, a, b))
			return EX_OK;
		/* The difference of two timestamps is an interval. */
		if (op[0] == '-' && a->cat == 'D' && b->cat == 'D' &&
		    strncmp(a->name, "timestamp", 9) == 0 &&
		    strncmp(b->name, "timestamp", 9) == 0) {
			ex_set_type(t, 'T', "interval");
			return EX_OK;
		}
		/* interval * number, number * interval. */
		if (op[0] == '*' && ((a->cat == 'T' && b->cat == 'N') ||
		    (a->cat == 'N' && b->cat == 'T'))) {
			ex_set_type(t, 'T', "interval");
			return EX_OK;
		}
		/* jsonb - key, jsonb - index. */
		if (op[0] == '-' && a->cat == 'U' && strcmp(a->name, "jsonb") == 0 &&
		    (b->cat == 'S' || b->cat == 'X' || (b->cat == 'N' &&
		    strcmp(b->name, "int4") == 0))) {
			*t = *a;
			t->constant = 0;
			return EX_OK;
		}
		/* timestamp +/- interval keeps the timestamp's type; minus an
		 * unknown literal reads it as a timestamp (binary_oper_exact:
		 * timestamp - timestamp exists), not modelled. */
		if (a->cat == 'D' && is_timestamp_kind(a->name) &&
		    strcmp(a->name, "date") != 0 && (op[0] == '+' || op[0] == '-') &&
		    (b->cat == 'T' || (b->cat == 'X' && op[0] == '+' &&
		    is_interval(b->literal)))) {
			*t = *a;
			drop_typmod(t);
			return EX_OK;
		}
		return EX_UNKNOWN;
	}
	/* Arrays: overlap, and concatenation of arrays of one type. */
	if (strcmp(op, "&&") == 0 && a->cat == 'A' && b->cat == 'A' &&
	    comparable(a, b)) {
		ex_set_type(t, 'B', "bool");
		return EX_OK;
	}
	if (strcmp(op, "||") == 0 && a->cat == 'A' && b->cat == 'A' &&
	    comparable(a, b)) {
		*t = *a;
		t->constant = 0;
		drop_typmod(t);
		return EX_OK;
	}
	if (strcmp(op, "||") == 0) {
		/* An unknown literal beside jsonb is jsonb (binary_oper_exact):
		 * jsonb || jsonb, its text jsonb's input. */
		if ((a->cat == 'X' && b->cat == 'U' && strcmp(b->name, "jsonb") == 0) ||
		    (b->cat == 'X' && a->cat == 'U' && strcmp(a->name, "jsonb") == 0)) {
			const ex_type *lit = a->cat == 'X' ? a : b;

			if (!literal_fits(lit->literal, a->cat == 'X' ? b : a))
				return EX_UNKNOWN;
			*t = a->cat == 'X' ? *b : *a;
			t->constant = 0;
			return EX_OK;
		}
		/* text || text, and textanycat / anytextcat for any other
		 * non-array value; jsonb || jsonb. */
		if (((a->cat == 'S' || a->cat == 'X') && b->cat && b->cat != 'A' &&
		    b->cat != 'Z') || ((b->cat == 'S' || b->cat == 'X') && a->cat &&
		    a->cat != 'A' && a->cat != 'Z')) {
			/* Of constants, folded when planned (its text not kept). */
			int constant = (a->constant || a->cat == 'X') &&
				(b->constant || b->cat == 'X');

			ex_set_type(t, 'S', "text");
			t->constant = constant;
			return EX_OK;
		}
		if (a->cat == 'U' && b->cat == 'U' && strcmp(a->name, "jsonb") == 0 &&
		    strcmp(b->name, "jsonb") == 0) {
			*t = *a;
			t->constant = 0;
			return EX_OK;
		}
		return EX_UNKNOWN;
	}
	if (ddl_one_of(op, regex)) {
		if ((a->cat == 'S' || a->cat == 'X') &&
		    (b->cat == 'S' || b->cat == 'X')) {
			if (strchr(op, '~') && !strstr(op, "~~"))
				return regex_match(t, ret, d, b);
			ex_set_type(t, 'B', "bool");
			return EX_OK;
		}
		return EX_UNKNOWN;
	}
	/* A shift count is int4 (int2 widens, int8 does not narrow). */
	if ((strcmp(op, "<<") == 0 || strcmp(op, ">>") == 0) &&
	    int_rank(a->name) && int_rank(b->name) && int_rank(b->name) <= 2 &&
	    a->cat == 'N' && b->cat == 'N') {
		*t = *a;
		t->constant = 0;
		return EX_OK;
	}
	if ((strcmp(op, "&") == 0 || strcmp(op, "|") == 0) &&
	    int_rank(a->name) && int_rank(b->name) && a->cat == 'N' &&
	    b->cat == 'N') {
		ex_set_type(t, 'N', int_rank(a->name) >= int_rank(b->name) ? a->name :
			b->name);
		return EX_OK;
	}
	/* jsonb containment and key tests; array containment. */
	if (strcmp(op, "@>") == 0 || strcmp(op, "<@") == 0 ||
	    strcmp(op, "?") == 0) {
		int jsonb = a->cat == 'U' && strcmp(a->name, "jsonb") == 0;
		int r = EX_UNKNOWN;

		if (jsonb && op[0] == '?')
			r = b->cat == 'S' || b->cat == 'X' ? EX_OK : EX_UNKNOWN;
		else if (jsonb)
			r = (b->cat == 'X' && literal_fits(b->literal, a)) ||
				(b->cat == 'U' && strcmp(b->name, "jsonb") == 0) ?
				EX_OK : EX_UNKNOWN;
		else if (a->cat == 'A' && op[0] != '?')
			r = b->cat == 'A' ? (comparable(a, b) ? EX_OK : EX_UNKNOWN) :
				b->cat == 'X' ? literal_to(ret, d, b, a) : EX_UNKNOWN;
		if (r == EX_OK)
			ex_set_type(t, 'B', "bool");
		return r;
	}
	/* json #> path, #>> path as text; jsonb ?| ?& keys, #- path: the
	 * path a text[] literal of plain elements. */
	if ((strcmp(op, "#>") == 0 || strcmp(op, "#>>") == 0 ||
	    strcmp(op, "?|") == 0 || strcmp(op, "?&") == 0 ||
	    strcmp(op, "#-") == 0) && a->cat == 'U' &&
	    (strcmp(a->name, "jsonb") == 0 || (op[0] == '#' && op[1] == '>' &&
	    strcmp(a->name, "json") == 0)) && b->cat == 'X' &&
	    plain_text_array(b->literal)) {
		if (op[0] == '?')
			ex_set_type(t, 'B', "bool");
		else if (strcmp(op, "#>>") == 0)
			ex_set_type(t, 'S', "text");
		else {
			*t = *a;
			t->constant = 0;
		}
		return EX_OK;
	}
	/* json -> key / index, ->> as text. */
	/* -> takes text or int4 (int2 promoted); no int8. */
	if ((strcmp(op, "->") == 0 || strcmp(op, "->>") == 0) && a->cat == 'U' &&
	    (strcmp(a->name, "json") == 0 || strcmp(a->name, "jsonb") == 0) &&
	    (b->cat == 'X' || b->cat == 'S' || strcmp(b->name, "int2") == 0 ||
	    strcmp(b->name, "int4") == 0)) {
		if (op[2] == '>')
			ex_set_type(t, 'S', "text");
		else
			*t = *a;
		return EX_OK;
	}
	return EX_UNKNOWN;
}

/* --- column references -------------------------------------------------- */

/* Levenshtein distance with unit costs, as varstr_levenshtein. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), *row, best;

	if ((row = malloc((lb + 1) * sizeof(*row))) == NULL)
		return 0;  /* counts as similar: migsim then abstains */
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], v = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
		}
	}
	best = row[lb];
	free(row);
	return best;
}

/*
 * Whether some column in scope is near enough to `name` that PostgreSQL's
 * errorMissingColumn would add a "Perhaps you meant" hint (distance at
 * most 3 and at most half the name's length: updateFuzzyAttrMatchState),
 * or a relation's columns are unknown.
 */
static int near_column(int *near, ddl *d, const ex_scope *sc,
	const char *name)
{
	size_t limit = strlen(name) / 2 < 3 ? strlen(name) / 2 : 3;

	*near = 0;
	for (; sc && !*near; sc = sc->outer) {
		/* Relations in the range table but not visible: their columns
		 * make a hint too (errorMissingColumn). */
		if (sc->hidden) {
			int ret = near_column(near, d, sc->hidden, name);

			if (ret < 0 || *near)
				return ret;
		}
		for (size_t i = 0; i < sc->n && !*near; i++) {
			char (*cols)[CAT_NAME];
			size_t n;
			int ret;

			if (sc->rels[i].cols) {
				for (size_t c = 0; c < sc->rels[i].ncols && !*near; c++)
					*near = distance(sc->rels[i].cols[c].name, name) <=
						limit;
				continue;
			}
			if (sc->rels[i].oid == 0) {
				*near = 1;
				break;
			}
			if ((ret = cat_col_names(&cols, &n, d->s, sc->rels[i].oid, 0,
			    d->err)) < 0)
				return ret;
			for (size_t c = 0; c < n && !*near; c++)
				*near = distance(cols[c], name) <= limit;
			free(cols);
		}
	}
	return MS_OK;
}

/* Column `name` of relation r: *found 1 with *t its type, 0 missing, -1
 * when r's columns are not known. */
static int find_in(int *found, ex_type *t, ddl *d, const ex_rel *r,
	const char *name)
{
	cat_col col;
	int ret;

	if (r->cols) {
		*found = 0;
		for (size_t i = 0; i < r->ncols; i++)
			if (strcmp(r->cols[i].name, name) == 0) {
				*found += 1;
				*t = r->cols[i].type;
			}
		/* A name two output columns share is ambiguous (42702). */
		if (*found > 1)
			*found = -1;
		return MS_OK;
	}
	if (r->oid == 0) {
		*found = -1;
		return MS_OK;
	}
	if ((ret = cat_col_find(found, &col, d->s, r->oid, name, d->err)) < 0 ||
	    !*found)
		return ret;
	return ex_column_type(t, d, &col);
}

/* Whether a column of a grouped query may be named outside an aggregate:
 * it is one the query groups by. */
static int grouped(const ex_scope *s, const ex_rel *r, const char *name)
{
	if (s->group == NULL || s->in_aggregate)
		return 1;
	for (size_t i = 0; i < s->group->n; i++)
		if (s->group->items[i].rel == r &&
		    strcmp(s->group->items[i].col, name) == 0)
			return 1;
	for (size_t i = 0; i < s->group->nkeyed; i++)
		if (s->group->keyed[i] == r) {
			ex_keys *k = s->group->key_used;
			size_t j = 0;

			while (k && j < k->n && k->oids[j] != r->oid)
				j++;
			if (k && j == k->n && k->n < sizeof(k->oids) / sizeof(k->oids[0]))
				k->oids[k->n++] = r->oid;
			else if (k && j == k->n)
				k->more = 1;
			return 1;
		}
	return 0;
}

void ex_uses_add(ex_uses *u, int64_t rel, const char *col)
{
	for (size_t i = 0; i < u->n; i++)
		if (u->items[i].rel == rel && strcmp(u->items[i].col, col) == 0)
			return;
	if (u->n == u->cap) {
		size_t cap = u->cap ? 2 * u->cap : 16;
		void *grown = realloc(u->items, cap * sizeof(*u->items));

		if (grown == NULL) {
			u->oom = 1;
			return;
		}
		u->items = grown;
		u->cap = cap;
	}
	u->items[u->n].rel = rel;
	snprintf(u->items[u->n].col, sizeof(u->items[u->n].col), "%s", col);
	u->n++;
}

static int missing_column(int *ret, ddl *d, const ex_scope *sc,
	const char *relname, const char *name, int location)
{
	static const char *const system[] = { "tableoid", "cmax", "xmax",
		"cmin", "xmin", "ctid", NULL };
	int near;

	/* A table's system columns are not in migsim's scope. */
	if (ddl_one_of(name, system)) {
		ddl_unknown(d, "system columns are not modelled");
		return EX_UNKNOWN;
	}
	if ((*ret = near_column(&near, d, sc, name)) < 0)
		return EX_STOP;
	if (near) {
		ddl_unknown(d, "a column is missing, and PostgreSQL's hint is not "
			"modelled");
		return EX_UNKNOWN;
	}
	if (relname)
		*ret = ddl_fail(d, "42703", "parse_relation.c:3665:"
			"errorMissingColumn", location, "column %s.%s does not exist",
			relname, name);
	else
		*ret = ddl_fail(d, "42703", "parse_relation.c:3665:"
			"errorMissingColumn", location, "column \"%s\" does not exist",
			name);
	return EX_STOP;
}

static int ambiguous(int *ret, ddl *d, const char *name, int location,
	int one_join)
{
	*ret = ddl_fail(d, "42702", one_join ? "parse_relation.c:816:"
		"scanRTEForColumn" : "parse_relation.c:898:colNameToVar", location,
		"column reference \"%s\" is ambiguous", name);
	return EX_STOP;
}

static int column_ref(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__ColumnRef *cr)
{
	const char *rel = NULL, *name;
	const ex_scope *s, *level = NULL;
	const ex_rel *hit = NULL, *whole = NULL;
	int found, hits = 0;

	if (cr->n_fields == 2) {
		rel = ms_pg__node_string(cr->fields[0]);
		name = ms_pg__node_string(cr->fields[1]);
	} else if (cr->n_fields == 1) {
		name = ms_pg__node_string(cr->fields[0]);
	} else {
		name = NULL;
	}
	if (name == NULL || (cr->n_fields == 2 && rel == NULL)) {
		ddl_unknown(d, "this column reference is not modelled");
		return EX_UNKNOWN;
	}
	if (sc->no_columns) {
		ddl_unknown(d, "a column reference here is not modelled");
		return EX_UNKNOWN;
	}
	/* Two items of one name in a level: naming it is 42P09. */
	for (s = sc; rel && s; s = s->outer) {
		size_t same = 0;

		for (size_t i = 0; i < s->n; i++)
			same += strcmp(s->rels[i].alias, rel) == 0;
		if (same > 1) {
			ddl_unknown(d, "an ambiguous table reference is not modelled");
			return EX_UNKNOWN;
		}
		if (same)
			break;
	}
	/* The innermost level with a match wins; two matches in one level
	 * are ambiguous (42702), which migsim leaves unknown. */
	for (s = sc; s && hits == 0; s = s->outer)
		for (size_t i = 0; i < s->n; i++) {
			const ex_rel *r = &s->rels[i];

			if (rel && strcmp(r->alias, rel) != 0)
				continue;
			if (!rel && strcmp(r->alias, name) == 0 && r->scalar) {
				whole = r;
			} else if (!rel && strcmp(r->alias, name) == 0) {
				ddl_unknown(d, "a whole-row reference is not modelled");
				return EX_UNKNOWN;
			}
			if ((*ret = find_in(&found, t, d, r, name)) < 0)
				return EX_STOP;
			if (found < 0) {
				ddl_unknown(d, "the columns of a relation in this query "
					"are not modelled");
				return EX_UNKNOWN;
			}
			if (found) {
				/* Two in one level: in one join, the join's own column
				 * list has the name twice (scanRTEForColumn); in two
				 * FROM items, colNameToVar finds it twice. */
				if (hits && !rel && hit->oid && r->oid)
					return ambiguous(ret, d, name, cr->location,
						hit->item && hit->item == r->item);
				hits++;
				hit = r;
				level = s;
			}
			if (rel)
				break;
		}
	if (hits == 1 && !grouped(level, hit, name)) {
		ddl_unknown(d, "a column outside GROUP BY and aggregates is not "
			"modelled");
		return EX_UNKNOWN;
	}
	if (hits == 1 && d->uses && hit->oid)
		ex_uses_add(d->uses, hit->oid, name);
	if (hits == 1)
		return t->cat ? EX_OK : (ddl_unknown(d, "this column's type is not "
			"modelled"), EX_UNKNOWN);
	if (hits > 1) {
		ddl_unknown(d, "an ambiguous column reference is not modelled");
		return EX_UNKNOWN;
	}
	/* No column has the name: a function in FROM returning a scalar
	 * (FROM unnest(a) AS x) gives that value as its whole row. */
	if (whole) {
		*t = whole->cols[0].type;
		return EX_OK;
	}
	if (rel) {
		/* Whether the relation name is in scope at all. */
		for (s = sc; s; s = s->outer)
			for (size_t i = 0; i < s->n; i++)
				if (strcmp(s->rels[i].alias, rel) == 0)
					return missing_column(ret, d, sc, rel, name,
						cr->location);
		ddl_unknown(d, "a missing FROM-clause entry is not modelled");
		return EX_UNKNOWN;
	}
	return missing_column(ret, d, sc, NULL, name, cr->location);
}

/* --- functions ---------------------------------------------------------- */

/* Built-in functions whose signatures migsim knows (pg_proc of 15.18):
 * argument categories ('*' any, 'X' any text), the result ('1' the first
 * argument's type, '2' the second's) and volatility. */
static const struct {
	const char *name;
	const char *args;
	const char *result;
	char volatility;
} functions[] = {
	{ "now", "", "timestamptz", 's' },
	{ "clock_timestamp", "", "timestamptz", 'v' },
	{ "statement_timestamp", "", "timestamptz", 's' },
	{ "transaction_timestamp", "", "timestamptz", 's' },
	{ "gen_random_uuid", "", "uuid", 'v' },
	{ "random", "", "float8", 'v' },
	{ "lower", "S", "text", 'i' },
	{ "upper", "S", "text", 'i' },
	{ "btrim", "S", "text", 'i' },
	{ "ltrim", "S", "text", 'i' },
	{ "rtrim", "S", "text", 'i' },
	{ "md5", "S", "text", 'i' },
	{ "length", "S", "int4", 'i' },
	{ "char_length", "S", "int4", 'i' },
	{ "replace", "SSS", "text", 'i' },
	{ "left", "SI", "text", 'i' },
	{ "right", "SI", "text", 'i' },
	{ "abs", "N", "1", 'i' },
	{ "to_jsonb", "*", "jsonb", 's' },
	{ "to_json", "*", "json", 's' },
	{ "array_to_json", "A", "json", 's' },
	{ "date_trunc", "St", "2", 's' },
	{ "date_part", "SD", "float8", 's' },
	{ "date_part", "ST", "float8", 'i' },
	{ "jsonb_strip_nulls", "J", "jsonb", 'i' },
	{ "exp", "n", "1", 'i' },
	{ "ln", "n", "1", 'i' },
	{ "sqrt", "n", "1", 'i' },
	{ "extract", "ST", "numeric", 'i' },
	{ "extract", "SD", "numeric", 's' },
	{ "date", "d", "date", 's' },
	{ "pg_get_serial_sequence", "SS", "text", 's' },
	{ "cardinality", "A", "int4", 'i' },
	{ "regexp_replace", "SSS", "text", 'i' },
	{ "regexp_replace", "SSSS", "text", 'i' },
	{ "substring", "SI", "text", 'i' },
	{ "substring", "SII", "text", 'i' },
	{ "substr", "SI", "text", 'i' },
	{ "substr", "SII", "text", 'i' },
	{ "position", "SS", "int4", 'i' },
	{ "strpos", "SS", "int4", 'i' },
	{ "split_part", "SSI", "text", 'i' },
	{ "jsonb_typeof", "J", "text", 'i' },
	{ "jsonb_array_length", "J", "int4", 'i' },
	{ "to_char", "cS", "text", 's' },
	{ "to_char", "nS", "text", 's' },
	{ "concat_ws", "SSS", "text", 's' },
	{ "floor", "n", "1", 'i' },
	{ "ceil", "n", "1", 'i' },
	{ "round", "n", "1", 'i' },
	{ "lpad", "SI", "text", 'i' },
	{ "lpad", "SIS", "text", 'i' },
	{ "rpad", "SI", "text", 'i' },
	{ "rpad", "SIS", "text", 'i' },
	{ "repeat", "SI", "text", 'i' },
	{ "reverse", "S", "text", 'i' },
	{ "initcap", "S", "text", 'i' },
	{ "array_to_string", "AS", "text", 's' },
	/* Row security policies read session settings. */
	{ "current_setting", "S", "text", 's' },
	{ "current_setting", "SB", "text", 's' },
};

/* Functions that take any number of arguments of any type (VARIADIC
 * "any"): the result, the volatility, and whether the count must be
 * even (pairs of keys and values). */
static const struct {
	const char *name, *result;
	char volatility;
	int pairs;
} variadic_any[] = {
	{ "concat", "text", 's', 0 },
	{ "num_nonnulls", "int4", 'i', 0 },
	{ "num_nulls", "int4", 'i', 0 },
	{ "jsonb_build_object", "jsonb", 's', 1 },
	{ "json_build_object", "json", 's', 1 },
	{ "jsonb_build_array", "jsonb", 's', 0 },
	{ "json_build_array", "json", 's', 0 },
};

/* An argument for a parameter of kind want: '*' any known type, 'S'
 * string (or a literal), 'N' integer, 'I' an integer that casts to int4
 * implicitly (int8 does not), 'n' numeric or double precision (where an
 * integer would make the call ambiguous), 'J' jsonb, 't' a timestamp,
 * 'd' a timestamp or date, 'c' those or a time (to an interval), else a
 * category. */
static int arg_fits(char want, const ex_type *a)
{
	if (want == '*')
		return a->cat != 'X' && a->cat != 'Z' && a->cat != 0;
	if (a->cat == 'X' || a->cat == 'Z')
		return want == 'S';
	if (want == 'N')
		return int_rank(a->name) != 0;
	if (want == 'I')
		return int_rank(a->name) != 0 && int_rank(a->name) <= 2;
	if (want == 't' || want == 'd' || want == 'c')
		return a->cat == 'D' && !a->user && !a->domain &&
			(strcmp(a->name, "timestamp") == 0 ||
			strcmp(a->name, "timestamptz") == 0 ||
			(want != 't' && strcmp(a->name, "date") == 0) ||
			(want == 'c' && strcmp(a->name, "time") == 0));
	if (want == 'n')
		return strcmp(a->name, "numeric") == 0 ||
			strcmp(a->name, "float8") == 0;
	if (want == 'J')
		return strcmp(a->name, "jsonb") == 0;
	return a->cat == want;
}

/* The element type of an array type. */
static void element_of(ex_type *t, const ex_type *array)
{
	size_t len = strlen(array->display);

	*t = *array;
	t->cat = t->user ? 'E' : category_of(t->name);
	if (len > 2 && strcmp(t->display + len - 2, "[]") == 0)
		t->display[len - 2] = '\0';
	else
		t->display[0] = '\0';
}

/* Built-ins over any enum or array: enum_range(NULL::"E") is an "E"[];
 * array_append adds an element. */
static int polymorphic(ex_type *t, int *ret, ddl *d, const char *name,
	size_t n, const ex_type *args)
{
	ex_type text_array;

	ex_set_type(&text_array, 'A', "text");
	if (strcmp(name, "enum_range") == 0 && n == 1 && args[0].cat == 'E') {
		*t = args[0];
		t->cat = 'A';
		snprintf(t->display + strlen(t->display), sizeof(t->display) -
			strlen(t->display), "[]");
	} else if (strcmp(name, "array_append") == 0 && n == 2 &&
	    args[0].cat == 'A' && args[1].cat == 'X') {
		/* A literal element takes the array's element type. */
		ex_type elem = args[0];
		int r;

		elem.cat = elem.user ? 'E' : category_of(elem.name);
		if (elem.cat == 0 || (r = literal_to(ret, d, &args[1], &elem)) !=
		    EX_OK)
			return elem.cat == 0 ? EX_UNKNOWN : r;
		*t = args[0];
	} else if (strcmp(name, "array_append") == 0 && n == 2 &&
	    args[0].cat == 'A' && args[1].cat && !strchr("AXZ", args[1].cat) &&
	    strcmp(args[0].name, args[1].name) == 0 &&
	    args[0].user == args[1].user) {
		*t = args[0];
	} else if (strcmp(name, "jsonb_set") == 0 && (n == 3 || n == 4) &&
	    strcmp(args[0].name, "jsonb") == 0 && args[1].cat == 'X' &&
	    is_array_literal(args[1].literal, &text_array) &&
	    (strcmp(args[2].name, "jsonb") == 0 || (args[2].cat == 'X' &&
	    literal_fits(args[2].literal, &args[0]))) &&
	    (n == 3 || args[3].cat == 'B')) {
		/* jsonb_set(target, '{path}', value[, create]) */
		*t = args[0];
	} else {
		return EX_UNKNOWN;
	}
	t->constant = 0;
	t->literal = NULL;
	drop_typmod(t);
	return EX_OK;
}

/* Set-returning functions (pg_proc of 15.18): argument kinds as in
 * functions[], and one column or a row of two.  A column is named after
 * its OUT parameter; one without (NULL) takes the FROM alias or the
 * function's name (chooseScalarFunctionAlias).  Type '1' is the first
 * argument's element, 'N' the widest of integer arguments. */
static const struct {
	const char *name, *args;
	const char *col[2], *type[2];
} set_functions[] = {
	{ "jsonb_array_elements", "J", { "value", NULL }, { "jsonb", NULL } },
	{ "jsonb_array_elements_text", "J", { "value", NULL }, { "text", NULL } },
	{ "jsonb_object_keys", "J", { NULL, NULL }, { "text", NULL } },
	{ "jsonb_each", "J", { "key", "value" }, { "text", "jsonb" } },
	{ "jsonb_each_text", "J", { "key", "value" }, { "text", "text" } },
	{ "regexp_split_to_table", "SS", { NULL, NULL }, { "text", NULL } },
	{ "string_to_table", "SS", { NULL, NULL }, { "text", NULL } },
	{ "unnest", "A", { NULL, NULL }, { "1", NULL } },
	{ "generate_series", "NN", { NULL, NULL }, { "N", NULL } },
};

/* Which set_functions[] entry a call with these arguments is, or -1.
 * Evaluated on constants alone, most of them can fail whatever the rows
 * (a JSON scalar, a bad pattern): only unnest and generate_series of two
 * integers are taken then. */
static int set_function_index(const char *name, size_t n, const ex_type *args)
{
	for (size_t i = 0; i < sizeof(set_functions) / sizeof(set_functions[0]);
	     i++) {
		const char *kinds = set_functions[i].args;
		int fits = strlen(kinds) == n, constant = 1;

		if (strcmp(set_functions[i].name, name) != 0)
			continue;
		for (size_t a = 0; fits && a < n; a++) {
			fits = arg_fits(kinds[a], &args[a]) && args[a].cat != 'Z';
			constant &= args[a].constant || args[a].cat == 'X';
		}
		if (fits && (!constant || kinds[0] == 'A' || kinds[0] == 'N'))
			return (int)i;
	}
	return -1;
}

static void set_column_type(ex_type *t, const char *type, size_t n,
	const ex_type *args)
{
	if (strcmp(type, "1") == 0) {
		element_of(t, &args[0]);
	} else if (strcmp(type, "N") == 0) {
		const char *wide = "int4";

		for (size_t a = 0; a < n; a++)
			if (int_rank(args[a].name) > int_rank(wide))
				wide = args[a].name;
		ex_set_type(t, 'N', wide);
	} else {
		ex_set_type(t, category_of(type), type);
	}
	t->constant = 0;
	t->literal = NULL;
	drop_typmod(t);
}

/* The type of a set-returning call of one column. */
static int set_function(ex_type *t, const char *name, size_t n,
	const ex_type *args)
{
	int i = set_function_index(name, n, args);

	if (i < 0 || set_functions[i].col[1])
		return EX_UNKNOWN;
	set_column_type(t, set_functions[i].type[0], n, args);
	return EX_OK;
}

int ex_set_function(ex_col **cols, size_t *ncols, int *ret, ddl *d,
	const ex_scope *sc, const PgQuery__FuncCall *f, const char *alias)
{
	ex_type args[2];
	const char *name = f->n_funcname ? ms_pg__node_string(
		f->funcname[f->n_funcname - 1]) : NULL;
	const char *schema = f->n_funcname == 2 ?
		ms_pg__node_string(f->funcname[0]) : NULL;
	int i, r;

	if (name == NULL || f->n_funcname > 2 || f->n_args > 2 || f->over ||
	    (schema && strcmp(schema, "pg_catalog") != 0) || f->agg_star ||
	    f->agg_distinct || f->agg_filter || f->n_agg_order ||
	    f->func_variadic) {
		ddl_unknown(d, "this function in FROM is not modelled");
		return EX_UNKNOWN;
	}
	for (size_t a = 0; a < f->n_args; a++)
		if ((r = ex_analyse(&args[a], ret, d, sc, f->args[a])) != EX_OK)
			return r;
	if ((i = set_function_index(name, f->n_args, args)) < 0) {
		ddl_unknown(d, "this function in FROM is not modelled");
		return EX_UNKNOWN;
	}
	*ncols = set_functions[i].col[1] ? 2 : 1;
	if ((*cols = calloc(*ncols, sizeof(**cols))) == NULL) {
		*ret = ms_error_set(d->err, MS_ENOMEM, "out of memory");
		return EX_STOP;
	}
	for (size_t c = 0; c < *ncols; c++) {
		const char *col = set_functions[i].col[c];

		set_column_type(&(*cols)[c].type, set_functions[i].type[c],
			f->n_args, args);
		snprintf((*cols)[c].name, sizeof((*cols)[c].name), "%s",
			col ? col : alias ? alias : name);
	}
	return EX_OK;
}

/* A type named in a signature: a built-in of a modelled category, or an
 * enum of the history. */
static int named_type(ex_type *t, int *ret, ddl *d, const char *name)
{
	cat_type ut;
	int found;

	ex_set_type(t, category_of(name), name);
	if (t->cat)
		return EX_OK;
	if (ms_pg__system_type(name))
		return EX_UNKNOWN;
	if ((*ret = cat_type_find(&found, &ut, d->s, "public", name,
	    d->err)) < 0)
		return EX_STOP;
	if (!found || ut.kind != 'e')
		return EX_UNKNOWN;
	t->cat = 'E';
	t->user = t->type_oid = ut.oid;
	cat_quote_ident(t->display, sizeof(t->display), name);
	return EX_OK;
}

/* An argument of type a for a parameter of type p without an explicit
 * cast: the same type, a literal p accepts, a wider integer or a
 * number, a string for text. */
static int implicit_arg(int *ret, ddl *d, const ex_type *a, const ex_type *p)
{
	if (a->cat == 'X' || a->cat == 'Z')
		return literal_to(ret, d, a, p);
	if (a->cat == p->cat && strcmp(a->name, p->name) == 0 &&
	    a->user == p->user)
		return EX_OK;
	if (int_rank(a->name) && p->cat == 'N' && (int_rank(p->name) >=
	    int_rank(a->name) || !int_rank(p->name)))
		return EX_OK;
	if (a->cat == 'S' && strcmp(p->name, "text") == 0)
		return EX_OK;
	return EX_UNKNOWN;
}

/*
 * A call of a function a migration created, by its recorded signature
 * (the only one of its name): arguments fit without explicit casts, a
 * polymorphic anyelement takes one type, the result follows.  EX_UNKNOWN
 * when the function or the call is not one migsim can follow.
 */
/* The i-th parameter type of a signature's list, into out. */
static int sig_param(char *out, size_t size, const char *list, size_t i)
{
	const char *p = list;

	for (; i > 0 && p; i--)
		p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL;
	if (p == NULL || *p == '\0')
		return 0;
	snprintf(out, size, "%.*s", (int)strcspn(p, ",?"), p);
	return 1;
}

/* anyelement parameters given only unknown literals or NULLs: 42804
 * "could not determine polymorphic type", before the other arguments
 * are converted; not modelled. */
static int polymorphic_unresolved(const cat_sig *sig, const ex_type *args,
	size_t n)
{
	char one[CAT_NAME];
	int poly = 0;

	for (size_t i = 0; i < n && sig_param(one, sizeof(one), sig->args, i);
	     i++) {
		if (strcmp(one, "anyelement") != 0)
			continue;
		if (!strchr("XZ", args[i].cat))
			return 0;
		poly = 1;
	}
	return poly;
}

/* Literals for anyelement read as the type bound: in argument order
 * with the others' conversions, so only when no other is a literal. */
static int polymorphic_literals(int *ret, ddl *d, const cat_sig *sig,
	const ex_type *args, size_t n, const ex_type *bound)
{
	char one[CAT_NAME];
	int others = 0, r = EX_OK;

	for (size_t i = 0; i < n && sig_param(one, sizeof(one), sig->args, i);
	     i++)
		others |= strcmp(one, "anyelement") != 0 && args[i].cat == 'X';
	for (size_t i = 0; i < n && r == EX_OK &&
	     sig_param(one, sizeof(one), sig->args, i); i++)
		if (strcmp(one, "anyelement") == 0 && args[i].cat == 'X')
			r = others ? (ddl_unknown(d, "this call's arguments are not "
				"modelled"), EX_UNKNOWN) : literal_to(ret, d, &args[i],
				bound);
	return r;
}

static int user_function(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	const char *schema, const char *name, const ex_type *args, size_t n)
{
	ex_type bound, p;
	cat_sig sig;
	char list[512], *save = NULL, *one;
	size_t i = 0, required = 0;
	int found, r = EX_OK, any = 0;

	if ((*ret = cat_func_sig(&found, &sig, d->s, schema, name, d->err)) < 0)
		return EX_STOP;
	if (!found || strchr(sig.args, '*') || strchr(sig.result, '*') ||
	    (sc->immutable && sig.volatility != 'i'))
		return EX_UNKNOWN;
	/* A SQL function may be inlined and folded on constants; any other
	 * immutable one is run on them when planned (evaluate_function), a
	 * stable one to estimate a condition, and its body may raise. */
	for (size_t a = 0; a < n && !any; a++)
		any = !(args[a].constant || strchr("XZ", args[a].cat));
	if (!any && (*ret = ddl_meta_has(&found, d, SQL_FUNCTIONS_KEY)) < 0)
		return EX_STOP;
	if (!any && (found || (sig.volatility == 'i' &&
	    (!sc->no_subqueries || sc->folded)) ||
	    (sig.volatility == 's' && sc->qual)))
		return EX_UNKNOWN;
	if (polymorphic_unresolved(&sig, args, n))
		return EX_UNKNOWN;
	any = 0;
	ex_set_type(&bound, 'Z', "");
	snprintf(list, sizeof(list), "%s", sig.args);
	for (one = strtok_r(list, ",", &save); one && r == EX_OK;
	     one = strtok_r(NULL, ",", &save), i++) {
		size_t len = strlen(one);

		if (one[len - 1] == '?')
			one[len - 1] = '\0';
		else
			required = i + 1;
		if (i >= n)
			continue;
		if (strcmp(one, "anyelement") == 0) {
			if (strchr("XZ", args[i].cat))
				continue;
			if (bound.cat == 'Z')
				bound = args[i];
			else if (!(bound.cat == args[i].cat &&
			    strcmp(bound.name, args[i].name) == 0 &&
			    bound.user == args[i].user))
				r = EX_UNKNOWN;
			any = 1;
			continue;
		}
		if ((r = named_type(&p, ret, d, one)) == EX_OK)
			r = implicit_arg(ret, d, &args[i], &p);
	}
	if (r != EX_OK || n < required || n > i)
		return r == EX_STOP ? r : EX_UNKNOWN;
	/* The literals given for anyelement take the type a column fixed
	 * (make_fn_arguments, after every argument is resolved). */
	if (any && (r = polymorphic_literals(ret, d, &sig, args, n,
	    &bound)) != EX_OK)
		return r;
	if (strcmp(sig.result, "anyelement") == 0) {
		if (!any)
			ex_set_type(&bound, 'S', "text");
		*t = bound;
	} else if ((r = named_type(t, ret, d, sig.result)) != EX_OK) {
		return r;
	}
	t->constant = 0;
	t->literal = NULL;
	drop_typmod(t);
	return EX_OK;
}

/* nextval('seq'): the literal names a sequence (regclass input). */
static int nextval(ex_type *t, int *ret, ddl *d, const ex_type *arg)
{
	char name[CAT_NAME];
	cat_rel rel;
	size_t n = 0;
	int found;

	if (arg->cat != 'X' || strchr(arg->literal, '.') ||
	    strchr(arg->literal, '"'))
		return EX_UNKNOWN;
	/* regclass input folds an unquoted name to lower case. */
	for (const char *p = arg->literal; *p; p++) {
		if (!isalnum((unsigned char)*p) && *p != '_' && *p != '$')
			return EX_UNKNOWN;
		if (n + 1 < sizeof(name))
			name[n++] = (char)tolower((unsigned char)*p);
	}
	name[n] = '\0';
	if ((*ret = cat_rel_find(&found, &rel, d->s, "public", name,
	    d->err)) < 0)
		return EX_STOP;
	if (!found || rel.relkind != 'S')
		return EX_UNKNOWN;
	ex_set_type(t, 'N', "int8");
	return EX_OK;
}

/* --- aggregates and window functions -------------------------------------- */

static const char *const aggregate_names[] = { "count", "sum", "avg", "max",
	"min", "bool_and", "bool_or", "every", "array_agg", "string_agg",
	"json_agg", "jsonb_agg", "jsonb_object_agg", NULL };

int ex_is_aggregate(const PgQuery__FuncCall *f)
{
	const char *name = f->n_funcname ? ms_pg__node_string(
		f->funcname[f->n_funcname - 1]) : NULL;

	return name && f->over == NULL && ddl_one_of(name, aggregate_names);
}

/* The result of an aggregate over a value of type a (pg_aggregate). */
static int aggregate_type(ex_type *t, const char *name, const ex_type *a)
{
	int ints = int_rank(a->name) && a->cat == 'N';

	if (strcmp(name, "count") == 0)
		ex_set_type(t, 'N', "int8");
	else if (strcmp(name, "sum") == 0 && a->cat == 'N')
		ex_set_type(t, 'N', ints ? (strcmp(a->name, "int8") == 0 ?
			"numeric" : "int8") : a->name);
	else if (strcmp(name, "avg") == 0 && a->cat == 'N')
		ex_set_type(t, 'N', ints || strcmp(a->name, "numeric") == 0 ?
			"numeric" : "float8");
	else if ((strcmp(name, "sum") == 0 || strcmp(name, "avg") == 0) &&
	    a->cat == 'T')
		*t = *a;
	/* pg_proc has max(text) and max(bpchar): varchar is text then; a
	 * domain is its base; bpchar's spelling without typmod is not
	 * modelled. */
	else if ((strcmp(name, "max") == 0 || strcmp(name, "min") == 0) &&
	    strchr("NSDTE", a->cat) && !a->domain &&
	    strcmp(a->name, "bpchar") != 0) {
		*t = *a;
		if (strcmp(a->name, "varchar") == 0)
			ex_set_type(t, 'S', "text");
	}
	else if ((strcmp(name, "bool_and") == 0 || strcmp(name, "bool_or") == 0 ||
	    strcmp(name, "every") == 0) && a->cat == 'B')
		ex_set_type(t, 'B', "bool");
	else if (strcmp(name, "array_agg") == 0 && a->cat && !strchr("AXZ",
	    a->cat) && strcmp(a->name, "bpchar") != 0) {
		*t = *a;
		t->cat = 'A';
		snprintf(t->display + strlen(t->display), sizeof(t->display) -
			strlen(t->display), "[]");
	} else if (strcmp(name, "json_agg") == 0 && a->cat && !strchr("XZ",
	    a->cat))
		ex_set_type(t, 'U', "json");
	else if (strcmp(name, "jsonb_agg") == 0 && a->cat && !strchr("XZ",
	    a->cat))
		ex_set_type(t, 'U', "jsonb");
	else
		return 0;
	t->constant = 0;
	t->literal = NULL;
	drop_typmod(t);
	return 1;
}

struct outer_refs {
	ddl *d;
	const ex_scope *sc;
	int local, outer;
};

int ex_column_ref(const PgQuery__Node *n, const char **qualifier)
{
	if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return 0;
	*qualifier = n->column_ref->n_fields == 2 ?
		ms_pg__node_string(n->column_ref->fields[0]) : NULL;
	return 1;
}

/* Whether a scope's own relations have a column of that name: 1
 * certainly, 0 certainly not, -1 perhaps (one's columns are not known). */
static int level_column(ddl *d, const ex_scope *sc, const char *name)
{
	int perhaps = 0;

	for (size_t i = 0; i < sc->n; i++) {
		const ex_rel *r = &sc->rels[i];
		cat_col col;
		int found = 0;

		for (size_t c = 0; c < r->ncols; c++)
			if (strcmp(r->cols[c].name, name) == 0)
				return 1;
		if (r->oid && cat_col_find(&found, &col, d->s, r->oid, name,
		    d->err) == MS_OK && found)
			return 1;
		perhaps |= !r->oid && !r->cols;
	}
	return perhaps ? -1 : 0;
}

/* Whether a bare name in an aggregate is the subquery's: a column of its
 * own items, or, when no outer level has such a column, one item's
 * whole row (a function's value under its alias: transformColumnRef
 * looks for columns at every level first). */
static int own_column(const struct outer_refs *o, const char *name)
{
	if (level_column(o->d, o->sc, name) == 1)
		return 1;
	for (const ex_scope *s = o->sc->outer; s; s = s->outer)
		if (level_column(o->d, s, name) != 0)
			return 0;
	for (size_t i = 0; i < o->sc->n; i++)
		if (o->sc->rels[i].alias && strcmp(o->sc->rels[i].alias, name) == 0)
			return 1;
	return 0;
}

static int visit_outer_ref(const PgQuery__Node *n, void *ctx)
{
	struct outer_refs *o = ctx;
	const char *q;

	if (!ex_column_ref(n, &q))
		return 0;
	/* A bare name is the nearest level's that has the column: the
	 * subquery's only when one of its own items certainly has it. */
	if (q == NULL) {
		const char *name = n->column_ref->n_fields == 1 ?
			ms_pg__node_string(n->column_ref->fields[0]) : NULL;

		if (name && own_column(o, name))
			o->local = 1;
		else
			o->outer = 1;
		return 0;
	}
	for (size_t i = 0; i < o->sc->n; i++)
		if (o->sc->rels[i].alias && strcmp(o->sc->rels[i].alias, q) == 0) {
			o->local = 1;
			return 0;
		}
	o->outer = 1;
	return 0;
}

/* Whether an aggregate in a subquery reads only an outer query's
 * columns: it is that query's aggregate (check_agg_arguments), and its
 * placement is judged there. */
static int outer_only(ddl *d, const ex_scope *sc, const PgQuery__FuncCall *f)
{
	struct outer_refs o = { d, sc, 0, 0 };

	if (sc->outer == NULL)
		return 0;
	for (size_t i = 0; i < f->n_args; i++)
		ddl_walk(&f->args[i]->base, visit_outer_ref, &o);
	if (f->agg_filter)
		ddl_walk(&f->agg_filter->base, visit_outer_ref, &o);
	for (size_t i = 0; i < f->n_agg_order; i++)
		ddl_walk(&f->agg_order[i]->base, visit_outer_ref, &o);
	return o.outer && !o.local;
}

static int aggregate(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__FuncCall *f, const char *name)
{
	ex_scope in = *sc;
	ex_type a, b;
	int r;

	if (!sc->aggregates || sc->in_aggregate || f->agg_within_group ||
	    f->func_variadic || (f->agg_distinct && f->n_agg_order) ||
	    outer_only(d, sc, f))
		goto unknown;
	in.in_aggregate = 1;
	if (f->agg_filter && (r = ex_boolean(ret, d, &in, f->agg_filter)) !=
	    EX_OK)
		return r;
	for (size_t i = 0; i < f->n_agg_order; i++)
		if ((r = ex_analyse(&a, ret, d, &in,
		    f->agg_order[i]->sort_by->node)) != EX_OK)
			return r;
		else if (!ex_sortable(d, &a))
			return EX_UNKNOWN;
	if (f->agg_star) {
		if (strcmp(name, "count") != 0 || f->n_args)
			goto unknown;
		ex_set_type(t, 'N', "int8");
	} else if (f->n_args == 2 && (strcmp(name, "string_agg") == 0 ||
	    strcmp(name, "jsonb_object_agg") == 0)) {
		if ((r = ex_analyse(&a, ret, d, &in, f->args[0])) != EX_OK ||
		    (r = ex_analyse(&b, ret, d, &in, f->args[1])) != EX_OK)
			return r;
		if (!strchr("SX", a.cat) || (name[0] == 's' && !strchr("SX", b.cat)) ||
		    !b.cat)
			goto unknown;
		ex_set_type(t, name[0] == 's' ? 'S' : 'U', name[0] == 's' ? "text" :
			"jsonb");
	} else {
		if (f->n_args != 1 ||
		    (r = ex_analyse(&a, ret, d, &in, f->args[0])) != EX_OK)
			return f->n_args != 1 ? (ddl_unknown(d, "this aggregate is not "
				"modelled"), EX_UNKNOWN) : r;
		if (f->agg_distinct && !ex_sortable(d, &a))
			return EX_UNKNOWN;
		if (!aggregate_type(t, name, &a))
			goto unknown;
	}
	return EX_OK;
unknown:
	ddl_unknown(d, "this aggregate is not modelled");
	return EX_UNKNOWN;
}

/* name(...) OVER (PARTITION BY ... ORDER BY ...). */
static int window_call(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__FuncCall *f, const char *name)
{
	const PgQuery__WindowDef *w = f->over;
	ex_scope plain = *sc;
	ex_type a;
	int r;

	/* FILTER and DISTINCT over a window are 0A000 (ParseFuncOrColumn). */
	if (!sc->aggregates || sc->in_aggregate || sc->no_window ||
	    (w->name && *w->name) ||
	    (w->refname && *w->refname) || w->start_offset || w->end_offset ||
	    f->agg_filter || f->agg_distinct || f->n_agg_order)
		goto unknown;
	/* No window or set-returning function in a window definition. */
	plain.no_window = plain.no_srf = 1;
	for (size_t i = 0; i < w->n_partition_clause; i++)
		if ((r = ex_analyse(&a, ret, d, &plain,
		    w->partition_clause[i])) != EX_OK)
			return r;
		else if (!ex_sortable(d, &a))
			return EX_UNKNOWN;
	for (size_t i = 0; i < w->n_order_clause; i++)
		if ((r = ex_analyse(&a, ret, d, &plain,
		    w->order_clause[i]->sort_by->node)) != EX_OK)
			return r;
		else if (!ex_sortable(d, &a))
			return EX_UNKNOWN;
	if (f->n_args == 0 && !f->agg_star &&
	    (strcmp(name, "row_number") == 0 || strcmp(name, "rank") == 0 ||
	    strcmp(name, "dense_rank") == 0)) {
		ex_set_type(t, 'N', "int8");
		return EX_OK;
	}
	if (f->n_args == 0 && (strcmp(name, "percent_rank") == 0 ||
	    strcmp(name, "cume_dist") == 0)) {
		ex_set_type(t, 'N', "float8");
		return EX_OK;
	}
	if (f->n_args >= 1 && f->n_args <= 2 && !f->agg_star &&
	    (strcmp(name, "lag") == 0 || strcmp(name, "lead") == 0 ||
	    strcmp(name, "first_value") == 0 || strcmp(name, "last_value") == 0)) {
		if ((r = ex_analyse(t, ret, d, sc, f->args[0])) != EX_OK)
			return r;
		if (f->n_args == 2 && ((r = ex_analyse(&a, ret, d, sc,
		    f->args[1])) != EX_OK || !int_rank(a.name) ||
		    int_rank(a.name) > 2 || strstr(name, "_value")))
			return r != EX_OK ? r : (ddl_unknown(d, "this window function "
				"is not modelled"), EX_UNKNOWN);
		if (strchr("XZ", t->cat))
			goto unknown;
		t->constant = 0;
		drop_typmod(t);
		return EX_OK;
	}
	if (ddl_one_of(name, aggregate_names)) {
		/* An aggregate used as a window function: not an aggregate of
		 * the query. */
		plain.group = NULL;
		return aggregate(t, ret, d, &plain, f, name);
	}
unknown:
	ddl_unknown(d, "this window function is not modelled");
	return EX_UNKNOWN;
}

/* make_interval(years, months, weeks, days, hours, mins integer, secs
 * double precision), every parameter defaulted to 0, often called with
 * named arguments (mins => n). */
static int make_interval(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__FuncCall *f)
{
	static const char *const params[] = { "years", "months", "weeks",
		"days", "hours", "mins", "secs", NULL };
	int seen = 0;

	for (size_t i = 0; i < f->n_args; i++) {
		const PgQuery__Node *arg = f->args[i];
		const char *name = params[i < 7 ? i : 6];
		ex_type a;
		size_t k;
		int r;

		if (arg->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR) {
			name = arg->named_arg_expr->name;
			arg = arg->named_arg_expr->arg;
		} else if (i >= 7) {
			return EX_UNKNOWN;
		}
		for (k = 0; params[k] && strcmp(params[k], name) != 0; k++)
			;
		if (params[k] == NULL || (seen & (1 << k)))
			return EX_UNKNOWN;
		seen |= 1 << k;
		if ((r = ex_analyse(&a, ret, d, sc, arg)) != EX_OK)
			return r;
		/* int4 parameters take int2 and int4 only; secs any number. */
		if (a.cat != 'N' || (k < 6 && (int_rank(a.name) == 0 ||
		    int_rank(a.name) > 2)))
			return EX_UNKNOWN;
	}
	ex_set_type(t, 'T', "interval");
	return EX_OK;
}

/* A string constant cast to regclass, as an unknown literal in *t. */
static int regclass_literal(ex_type *t, const PgQuery__Node *n)
{
	const PgQuery__TypeCast *c;
	const char *type;

	if (n->node_case != PG_QUERY__NODE__NODE_TYPE_CAST)
		return 0;
	c = n->type_cast;
	type = c->type_name && c->type_name->n_names ? ms_pg__node_string(
		c->type_name->names[c->type_name->n_names - 1]) : NULL;
	if (type == NULL || strcmp(type, "regclass") != 0 ||
	    c->type_name->n_array_bounds || c->arg == NULL ||
	    c->arg->node_case != PG_QUERY__NODE__NODE_A_CONST ||
	    c->arg->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return 0;
	memset(t, 0, sizeof(*t));
	ex_set_type(t, 'X', "");
	t->literal = c->arg->a_const->sval->sval;
	t->location = c->arg->a_const->location;
	t->constant = 1;
	return 1;
}

/* schema.f(...): its arguments are analysed, then the schema looked up
 * (LookupExplicitNamespace, 3F000 at the call); a function in a schema
 * that exists is not modelled. */
static int qualified_call(int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__FuncCall *f, const char *schema)
{
	ex_type one;
	int found, r;

	for (size_t a = 0; a < f->n_args; a++)
		if ((r = ex_analyse(&one, ret, d, sc, f->args[a])) != EX_OK)
			return r;
	if ((*ret = cat_schema_find(&found, d->s, schema, d->err)) < 0)
		return EX_STOP;
	if (found || ddl_system_schema(schema)) {
		ddl_unknown(d, "this function call is not modelled");
		return EX_UNKNOWN;
	}
	*ret = ddl_fail(d, "3F000", "namespace.c:3099:get_namespace_oid",
		f->location, "schema \"%s\" does not exist", schema);
	return EX_STOP;
}

/* Whether a built-in call cannot raise on its arguments once analysis
 * passed them: string and JSON functions that take any value, or the
 * rest unless every argument is a constant, folded when planned (a
 * column's values are a question about rows, asked elsewhere). */
static int raise_free(const char *name, const PgQuery__FuncCall *f,
	const ex_type *args)
{
	static const char *const any_value[] = { "lower", "upper", "md5",
		"btrim", "ltrim", "rtrim", "length", "char_length", "replace",
		"left", "right", "strpos", "position", "jsonb_typeof",
		"jsonb_strip_nulls", "to_jsonb", "to_json", "now",
		"clock_timestamp", "statement_timestamp", "transaction_timestamp",
		"gen_random_uuid", "random", "coalesce", "concat", "reverse",
		"initcap", "array_to_string", NULL };
	static const char *const units[] = { "microseconds", "milliseconds",
		"second", "minute", "hour", "day", "week", "month", "quarter", "year",
		"decade", "century", "millennium", "seconds", "minutes", "hours",
		"days", "weeks", "months", "years", "epoch", "dow", "doy", "isodow",
		"isoyear", "timezone", "timezone_hour", "timezone_minute", NULL };
	int constants = f->n_args > 0;

	if (ddl_one_of(name, any_value))
		return 1;
	/* missing_ok: an unknown setting reads as NULL. */
	if (strcmp(name, "current_setting") == 0 && f->n_args == 2 &&
	    f->args[1]->node_case == PG_QUERY__NODE__NODE_A_CONST &&
	    f->args[1]->a_const->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL &&
	    f->args[1]->a_const->boolval->boolval)
		return 1;
	/* date_trunc / date_part: the unit is looked up when planned. */
	if ((strcmp(name, "date_trunc") == 0 || strcmp(name, "date_part") == 0) &&
	    f->n_args >= 1 && args[0].cat == 'X' && args[0].literal)
		return ddl_one_of(args[0].literal, units);
	for (size_t a = 0; a < f->n_args; a++)
		constants &= args[a].constant || args[a].cat == 'X' ||
			args[a].cat == 'Z';
	return !constants;
}

/* 42883 for a function no schema on the path has, when every
 * argument's type is known. */
static int missing_function(int *ret, ddl *d, const PgQuery__FuncCall *f,
	const char *name, const ex_type *args)
{
	char list[512] = "", one[CAT_TYPE];
	size_t len = 0;
	int found;

	if ((*ret = cat_func_find(&found, NULL, d->s, "public", name,
	    d->err)) < 0)
		return EX_STOP;
	if (found)
		return EX_UNKNOWN;
	for (size_t i = 0; i < f->n_args; i++) {
		const char *t = strchr("XZ", args[i].cat) ? "unknown" :
			args[i].display;
		const char *open = strchr(t, '(');

		if (*t == '\0' || f->args[i]->node_case ==
		    PG_QUERY__NODE__NODE_NAMED_ARG_EXPR)
			return EX_UNKNOWN;
		/* Without the modifier: character varying(3)[] is
		 * character varying[]. */
		if (open && strchr(open, ')'))
			snprintf(one, sizeof(one), "%.*s%s", (int)(open - t), t,
				strchr(open, ')') + 1);
		else
			snprintf(one, sizeof(one), "%s", t);
		len += (size_t)snprintf(list + len, len < sizeof(list) ?
			sizeof(list) - len : 0, "%s%s", i ? ", " : "", one);
	}
	if (len >= sizeof(list))
		return EX_UNKNOWN;
	if ((*ret = ddl_fail(d, "42883", "parse_func.c:629:ParseFuncOrColumn",
	    f->location, "function %s(%s) does not exist", name, list)) == MS_OK)
		*ret = ddl_hint(d, "No function matches the given name and "
			"argument types. You might need to add explicit type casts.");
	return EX_STOP;
}

/* A time zone name the server certainly knows (Debian's tzdata). */
static int known_zone(const char *z)
{
	static const char *const zones[] = { "UTC", "GMT", "Etc/UTC",
		"Europe/London", "Europe/Paris", "Europe/Berlin", "America/New_York",
		"America/Chicago", "America/Los_Angeles", "America/Sao_Paulo",
		"Asia/Tokyo", "Asia/Kolkata", "Asia/Shanghai", "Australia/Sydney",
		NULL };

	for (const char *const *p = zones; z && *p; p++)
		if (strcasecmp(z, *p) == 0)
			return 1;
	return 0;
}

static int func_call(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__FuncCall *f)
{
	static const char *const ts_configs[] = { "simple", "arabic",
		"armenian", "basque", "catalan", "danish", "dutch", "english",
		"finnish", "french", "german", "greek", "hindi", "hungarian",
		"indonesian", "irish", "italian", "lithuanian", "nepali",
		"norwegian", "portuguese", "romanian", "russian", "serbian",
		"spanish", "swedish", "tamil", "turkish", "yiddish", NULL };
	ex_type args[4];
	const char *name = f->n_funcname ? ms_pg__node_string(
		f->funcname[f->n_funcname - 1]) : NULL;
	const char *schema = f->n_funcname == 2 ?
		ms_pg__node_string(f->funcname[0]) : NULL;
	int r;

	/* A positional argument after a named one, or a name given twice,
	 * is 42601 before the function is looked up: not modelled. */
	for (size_t i = 1; i < f->n_args; i++)
		if (f->args[i - 1]->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR)
			for (size_t k = i; k < f->n_args; k++)
				if (f->args[k]->node_case !=
				    PG_QUERY__NODE__NODE_NAMED_ARG_EXPR ||
				    strcmp(f->args[k]->named_arg_expr->name,
				    f->args[i - 1]->named_arg_expr->name) == 0)
					goto unknown;
	if (name && schema && strcmp(schema, "pg_catalog") != 0)
		return qualified_call(ret, d, sc, f, schema);
	if (name == NULL || f->n_funcname > 2)
		goto unknown;
	if (f->over)
		return window_call(t, ret, d, sc, f, name);
	if (ddl_one_of(name, aggregate_names))
		return aggregate(t, ret, d, sc, f, name);
	if (f->agg_star || f->agg_distinct || f->agg_filter || f->n_agg_order ||
	    f->func_variadic)
		goto unknown;
	if (strcmp(name, "make_interval") == 0 && f->n_args &&
	    (r = make_interval(t, ret, d, sc, f)) != EX_UNKNOWN)
		return r;
	for (size_t i = 0; i < sizeof(variadic_any) / sizeof(variadic_any[0]);
	     i++) {
		ex_type one;

		if (strcmp(variadic_any[i].name, name) != 0)
			continue;
		/* A VARIADIC function takes one argument at least; only the
		 * json builders have versions of none. */
		if ((variadic_any[i].pairs && f->n_args % 2) ||
		    (f->n_args == 0 && strstr(name, "json") == NULL) ||
		    (sc->immutable && variadic_any[i].volatility != 'i'))
			goto unknown;
		for (size_t a = 0; a < f->n_args; a++)
			if ((r = ex_analyse(&one, ret, d, sc, f->args[a])) != EX_OK)
				return r;
		ex_set_type(t, category_of(variadic_any[i].result),
			variadic_any[i].result);
		return EX_OK;
	}
	if (f->n_args > 4)
		goto unknown;
	/* nextval('seq'::regclass): the cast's literal names the sequence
	 * as nextval's own text argument would. */
	if (strcmp(name, "nextval") == 0 && f->n_args == 1 && !sc->immutable &&
	    regclass_literal(&args[0], f->args[0])) {
		if ((r = nextval(t, ret, d, &args[0])) != EX_UNKNOWN)
			return r;
		goto unknown;
	}
	for (size_t i = 0; i < f->n_args; i++)
		if ((r = ex_analyse(&args[i], ret, d, sc, f->args[i])) != EX_OK)
			return r;
	/* AT TIME ZONE: timezone(zone, ts) turns one timestamp kind into the
	 * other. */
	if (strcmp(name, "timezone") == 0 && f->n_args == 2 &&
	    arg_fits('S', &args[0]) && args[1].cat == 'D' &&
	    strncmp(args[1].name, "timestamp", 9) == 0) {
		/* A constant zone is looked up when the call is folded or run:
		 * one migsim cannot vouch for may be 22023 (a column's values
		 * are a question about rows, asked elsewhere). */
		if ((args[0].cat == 'X' || args[0].constant) &&
		    !known_zone(args[0].literal))
			goto unknown;
		ex_set_type(t, 'D', strcmp(args[1].name, "timestamp") == 0 ?
			"timestamptz" : "timestamp");
		return EX_OK;
	}
	if (f->n_args >= 1 && (r = polymorphic(t, ret, d, name, f->n_args,
	    args)) != EX_UNKNOWN)
		return r;
	/* A set-returning function of one column in a target list. */
	if (sc->aggregates && !sc->in_aggregate && !sc->no_srf &&
	    (r = set_function(t, name, f->n_args, args)) != EX_UNKNOWN)
		return r;
	if (strcmp(name, "nextval") == 0 && f->n_args == 1 && !sc->immutable) {
		if ((r = nextval(t, ret, d, &args[0])) != EX_UNKNOWN)
			return r;
		goto unknown;
	}
	/* pg_catalog comes first on the search path: a function a migration
	 * made in public named like a built-in loses to it where their
	 * arguments fit the same, which migsim does not weigh (an extension's
	 * copy, pgcrypto's gen_random_uuid, is the built-in's twin). */
	if (schema == NULL && ms_pg__builtin_function(name)) {
		int mine;

		if ((*ret = cat_func_own(&mine, d->s, "public", name,
		    d->err)) < 0)
			return EX_STOP;
		if (mine)
			goto unknown;
	}
	if ((r = user_function(t, ret, d, sc, schema ? schema : "public", name,
	    args, f->n_args)) != EX_UNKNOWN)
		return r;
	/* to_tsvector(config, text): the string becomes a regconfig as it
	 * is coerced (regconfigin), one of PostgreSQL 15's own; immutable.
	 * Of the text alone it reads default_text_search_config: stable. */
	if (strcmp(name, "to_tsvector") == 0 && ((f->n_args == 1 &&
	    args[0].cat == 'S' && !sc->immutable) || (f->n_args == 2 &&
	    args[0].cat == 'X' && args[0].literal &&
	    ddl_one_of(args[0].literal, ts_configs) && arg_fits('S', &args[1])))) {
		ex_set_type(t, category_of("tsvector"), "tsvector");
		return EX_OK;
	}
	for (size_t i = 0; i < sizeof(functions) / sizeof(functions[0]); i++) {
		const char *res = functions[i].result;
		int fits = 1;

		if (strcmp(functions[i].name, name) != 0 ||
		    strlen(functions[i].args) != f->n_args)
			continue;
		/* The first signature the arguments fit (overloads are listed
		 * from the most specific). */
		for (size_t a = 0; a < f->n_args; a++)
			fits &= arg_fits(functions[i].args[a], &args[a]);
		if (!fits)
			continue;
		if (sc->immutable && functions[i].volatility != 'i')
			goto unknown;
		if (res[1] == '\0' && (res[0] == '1' || res[0] == '2'))
			*t = args[res[0] - '1'];
		else
			ex_set_type(t, category_of(res), res);
		/* Immutable calls on constants are folded when planned, rows or
		 * not, and the planner runs stable ones to estimate a WHERE: a
		 * call that may raise (abs of the least integer, a bad unit or
		 * pattern) is not modelled.  Its value is not known. */
		t->constant = functions[i].volatility == 'i';
		t->has_value = 0;
		for (size_t a = 0; a < f->n_args; a++)
			t->constant &= args[a].constant;
		if (!raise_free(name, f, args))
			goto unknown;
		t->literal = NULL;
		drop_typmod(t);
		return EX_OK;
	}
	/* A name nothing made, unqualified: ParseFuncOrColumn finds no
	 * candidate (42883 at the call); argument types as format_type_be. */
	if (schema == NULL && !d->gap && !ms_pg__builtin_function(name) &&
	    !ms_pg__extension_of("function", name) &&
	    (r = missing_function(ret, d, f, name, args)) != EX_UNKNOWN)
		return r;
unknown:
	ddl_unknown(d, "this function call is not modelled");
	return EX_UNKNOWN;
}

/* --- expressions -------------------------------------------------------- */

/* Two types of one category meeting in CASE, COALESCE or VALUES: t
 * becomes the one the other converts to implicitly (select_common_type:
 * int2 < int4 < int8 < numeric < float8; timestamp < timestamptz). */
static int wider(ex_type *t, const ex_type *one)
{
	static const char *const numbers[] = { "int2", "int4", "int8", "numeric",
		"float8", NULL };
	static const char *const times[] = { "date", "timestamp", "timestamptz",
		NULL };
	const char *const *order = t->cat == 'N' ? numbers : t->cat == 'D' ?
		times : NULL;
	int a = -1, b = -1;

	if (order == NULL || one->cat != t->cat)
		return 0;
	for (int i = 0; order[i]; i++) {
		if (strcmp(order[i], t->name) == 0)
			a = i;
		if (strcmp(order[i], one->name) == 0)
			b = i;
	}
	if (a < 0 || b < 0)
		return 0;
	if (b > a)
		ex_set_type(t, one->cat, one->name);
	return 1;
}

int ex_unify(ex_type *t, const ex_type *one)
{
	const char *plain;

	if (one->cat == 'Z' || (t->cat == one->cat &&
	    strcmp(t->name, one->name) == 0 && t->user == one->user)) {
		if (one->cat == 'Z' || strcmp(t->display, one->display) != 0)
			goto no_typmod;
		return 1;
	}
	if (t->cat == 'Z') {
		*t = *one;
		goto no_typmod;
	}
	if (strchr("XZ", t->cat) || strchr("XZ", one->cat))
		return 0;
	if (t->cat == 'S' && one->cat == 'S' && t->type_oid == 0 &&
	    one->type_oid == 0) {
		ex_set_type(t, 'S', "text");
		return 1;
	}
	if (!wider(t, one))
		return 0;
no_typmod:
	if (strchr(t->display, '(') && (plain = ms_pg__builtin_display(t->name)))
		snprintf(t->display, sizeof(t->display), "%s", t->cat == 'A' ? "" :
			plain);
	return 1;
}

int ex_common(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	PgQuery__Node **items, size_t n)
{
	char display[CAT_TYPE] = "";
	ex_type one;
	int r, same = 1;

	ex_set_type(t, 'Z', "");
	for (size_t i = 0; i < n; i++) {
		if ((r = ex_analyse(&one, ret, d, sc, items[i])) != EX_OK)
			return r;
		/* Literals and NULL take the common type without its typmod. */
		if (one.cat == 'X' || one.cat == 'Z' || (display[0] &&
		    strcmp(display, one.display) != 0))
			same = 0;
		else if (!display[0])
			snprintf(display, sizeof(display), "%s", one.display);
		/* The common type of CASE / COALESCE results: one known type,
		 * literals taking it. */
		if (t->cat == 'Z' || (t->cat == 'X' && one.cat != 'Z')) {
			if (t->cat == 'X' && one.cat != 'X' &&
			    (r = literal_to(ret, d, t, &one)) != EX_OK)
				return r;
			*t = one;
		} else if (one.cat == 'X') {
			if ((r = literal_to(ret, d, &one, t)) != EX_OK)
				return r;
		} else if (one.cat != 'Z' && !(one.cat == t->cat &&
		           strcmp(one.name, t->name) == 0 && one.user == t->user) &&
		           !wider(t, &one)) {
			ddl_unknown(d, "the common type of these values is not "
				"modelled");
			return EX_UNKNOWN;
		}
	}
	if (t->cat == 'X')
		ex_set_type(t, 'S', "text");
	/* Inputs not all of one type: a domain gives way to its base
	 * (select_common_type), and bpchar without its typmod is spelled
	 * bpchar; neither is modelled. */
	if (n > 1 && !same && (t->domain || strcmp(t->name, "bpchar") == 0)) {
		ddl_unknown(d, "the common type of these values is not modelled");
		return EX_UNKNOWN;
	}
	/* Values of several typmods give the type without one
	 * (select_common_typmod). */
	if (n > 1 && !same && strchr(t->display, '(')) {
		const char *plain = ms_pg__builtin_display(t->name);

		snprintf(t->display, sizeof(t->display), "%s", plain && t->cat != 'A' ?
			plain : "");
	}
	return EX_OK;
}

/* An expression whose value must be boolean (WHERE, AND, CASE WHEN). */
int ex_sortable(ddl *d, const ex_type *t)
{
	static const char *const without[] = { "json", "xml", "point", "box",
		"polygon", "circle", "line", "lseg", "path", NULL };

	if (t->cat && t->cat != 'Z' && !ddl_one_of(t->name, without))
		return 1;
	ddl_unknown(d, "whether this type sorts or groups is not modelled");
	return 0;
}

int ex_boolean(int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__Node *n)
{
	ex_scope in = *sc;
	ex_type t;
	int r;

	/* coerce_to_boolean refuses a set (42804). */
	in.no_srf = 1;
	/* A planned statement's condition is estimated (selectivity),
	 * running its stable calls on constants. */
	in.qual = !sc->no_subqueries;
	if ((r = ex_analyse(&t, ret, d, &in, n)) != EX_OK)
		return r;
	if (t.cat == 'B' || t.cat == 'Z' || (t.cat == 'X' && is_bool(t.literal)))
		return EX_OK;
	ddl_unknown(d, "a condition that is not boolean is not modelled");
	return EX_UNKNOWN;
}

/* Whether an IN list item holds a column (a Var) or a subquery. */
static int visit_var(const PgQuery__Node *n, void *ctx)
{
	(void)ctx;
	return n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF ? 1 :
		n->node_case == PG_QUERY__NODE__NODE_SUB_LINK ? 2 : 0;
}

/* Rank of a numeric type along its implicit casts (int2 to float8), 0
 * for any other type. */
static int numeric_rank(const ex_type *t)
{
	static const char *const order[] = { "int2", "int4", "int8",
		"numeric", "float4", "float8" };

	if (t->user || t->domain)
		return 0;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (strcmp(t->name, order[i]) == 0)
			return (int)i + 1;
	return 0;
}

static int same_type(const ex_type *a, const ex_type *b)
{
	return a->cat == b->cat && a->user == b->user &&
		strcmp(a->name, b->name) == 0;
}

/*
 * The common type of x and the items without columns, as
 * select_common_type picks it (unknown literals skipped): 1 with *c set,
 * 0 when there is none (categories differ), -1 when migsim does not
 * follow the choice.
 */
static int in_common_type(ex_type *c, const ex_type *x, const ex_type *it,
	const int *var, size_t n)
{
	*c = *x;
	if (x->cat == 'X')
		return -1;
	/* Types that differ bring in the domain's base type (getBaseType). */
	if (x->domain) {
		c->domain = 0;
		c->display[0] = '\0';
	}
	for (size_t i = 0; i < n; i++) {
		if (var[i] || it[i].cat == 'X' || same_type(c, &it[i]))
			continue;
		if (it[i].cat != c->cat)
			return 0;
		if (!numeric_rank(c) || !numeric_rank(&it[i]))
			return -1;
		if (numeric_rank(&it[i]) > numeric_rank(c))
			*c = it[i];
	}
	return 1;
}

/*
 * x IN (items), as transformAExprIn does it: every item is analysed
 * first; with two or more items without columns, those are coerced to
 * their common type with x (one array) before the items with columns are
 * compared one by one; otherwise each item is compared in list order.
 */
static int in_list(int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__Node *lexpr, const PgQuery__List *list)
{
	ex_type a, c, *it;
	int *var, r = EX_OK, common = 0;
	size_t n = list->n_items, consts = 0;

	if ((r = ex_analyse(&a, ret, d, sc, lexpr)) != EX_OK)
		return r;
	it = calloc(n ? n : 1, sizeof(*it));
	var = calloc(n ? n : 1, sizeof(*var));
	if (it == NULL || var == NULL) {
		free(it);
		free(var);
		*ret = ms_error_set(d->err, MS_ENOMEM, "out of memory");
		return EX_STOP;
	}
	for (size_t i = 0; i < n && r == EX_OK; i++) {
		var[i] = ddl_walk(&list->items[i]->base, visit_var, NULL);
		consts += var[i] == 0;
		if (var[i] == 2)
			r = (ddl_unknown(d, "this IN list is not modelled"), EX_UNKNOWN);
		else
			r = ex_analyse(&it[i], ret, d, sc, list->items[i]);
	}
	if (r == EX_OK && consts >= 2 &&
	    (common = in_common_type(&c, &a, it, var, n)) < 0)
		r = (ddl_unknown(d, "this IN list's common type is not modelled"),
			EX_UNKNOWN);
	/* The array first: literals take the common type; the other
	 * constants widen to it, which a numeric to a float may not. */
	for (size_t i = 0; i < n && r == EX_OK && common == 1; i++) {
		if (var[i])
			continue;
		if (!a.domain && same_type(&c, &a))
			r = compare(ret, d, &a, &it[i]);
		else if (it[i].cat == 'X')
			r = literal_to(ret, d, &it[i], &c);
		else if (numeric_rank(&it[i]) == 4 && numeric_rank(&c) > 4)
			r = (ddl_unknown(d, "this IN list's common type is not "
				"modelled"), EX_UNKNOWN);
	}
	for (size_t i = 0; i < n && r == EX_OK; i++)
		if (common != 1 || var[i])
			r = compare(ret, d, &a, &it[i]);
	free(it);
	free(var);
	if (r == EX_UNKNOWN)
		ddl_unknown(d, "this IN list is not modelled");
	return r;
}

static int a_expr(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__AExpr *e)
{
	const char *op = e->n_name == 1 ? ms_pg__node_string(e->name[0]) : NULL;
	ex_type a, b;
	int r;

	switch (e->kind) {
	case PG_QUERY__A__EXPR__KIND__AEXPR_OP:
		if (op == NULL)
			break;
		if (e->lexpr == NULL) {
			if ((r = ex_analyse(&b, ret, d, sc, e->rexpr)) != EX_OK)
				return r;
			if ((op[0] == '-' || op[0] == '+') && op[1] == '\0' &&
			    b.cat == 'N') {
				*t = b;
				if (op[0] == '-')
					t->value = -t->value;
				drop_typmod(t);
				return EX_OK;
			}
			/* Bitwise NOT of an integer keeps its type. */
			if (strcmp(op, "~") == 0 && b.cat == 'N' && int_rank(b.name)) {
				*t = b;
				t->value = (double)~(long long)t->value;
				return EX_OK;
			}
			break;
		}
		if ((r = ex_analyse(&a, ret, d, sc, e->lexpr)) != EX_OK ||
		    (r = ex_analyse(&b, ret, d, sc, e->rexpr)) != EX_OK)
			return r;
		/* timestamptz against date or timestamp, or with an interval,
		 * depends on TimeZone: stable (42P17 in an index). */
		if (sc->immutable && (zoned_mix(&a, &b, op) ||
		    zoned_mix(&b, &a, op)))
			break;
		/* text || x casts x to text through its output function, which
		 * is stable for dates, times with zones, intervals, enums and
		 * arrays (textanycat, inlined when planned). */
		if (sc->immutable && strcmp(op, "||") == 0 &&
		    (stable_output(&a) || stable_output(&b)))
			break;
		if ((r = binary_op(t, ret, d, op, &a, &b)) != EX_UNKNOWN)
			return r;
		break;
	case PG_QUERY__A__EXPR__KIND__AEXPR_DISTINCT:
	case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_DISTINCT:
	case PG_QUERY__A__EXPR__KIND__AEXPR_LIKE:
	case PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE:
		if ((r = ex_analyse(&a, ret, d, sc, e->lexpr)) != EX_OK ||
		    (r = ex_analyse(&b, ret, d, sc, e->rexpr)) != EX_OK)
			return r;
		if (e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_DISTINCT ||
		    e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_DISTINCT)
			r = compare(ret, d, &a, &b);
		else
			r = binary_op(t, ret, d, "~~", &a, &b);
		if (r == EX_OK)
			ex_set_type(t, 'B', "bool");
		if (r != EX_UNKNOWN)
			return r;
		break;
	case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY:
	case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL:
		/* x = ANY (array): x compared with the array's elements. */
		if (op == NULL)
			break;
		if ((r = ex_analyse(&a, ret, d, sc, e->lexpr)) != EX_OK ||
		    (r = ex_analyse(&b, ret, d, sc, e->rexpr)) != EX_OK)
			return r;
		if (b.cat == 'X' && a.cat != 'X' && a.cat != 'Z' && a.cat != 'A') {
			ex_type arr = a;

			arr.cat = 'A';
			if ((r = literal_to(ret, d, &b, &arr)) != EX_OK)
				return r;
			b = arr;
		}
		if (b.cat != 'A')
			break;
		b.cat = b.user ? 'E' : category_of(b.name);
		if ((r = binary_op(t, ret, d, op, &a, &b)) != EX_UNKNOWN)
			return r;
		break;
	case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
	case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN:
		if (e->rexpr == NULL ||
		    e->rexpr->node_case != PG_QUERY__NODE__NODE_LIST ||
		    e->rexpr->list->n_items != 2)
			break;
		if ((r = ex_analyse(&a, ret, d, sc, e->lexpr)) != EX_OK)
			return r;
		for (size_t i = 0; i < 2; i++) {
			if ((r = ex_analyse(&b, ret, d, sc,
			    e->rexpr->list->items[i])) != EX_OK)
				return r;
			if ((r = compare(ret, d, &a, &b)) != EX_OK)
				return r == EX_UNKNOWN ? (ddl_unknown(d, "this BETWEEN is "
					"not modelled"), EX_UNKNOWN) : r;
		}
		ex_set_type(t, 'B', "bool");
		return EX_OK;
	case PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF: {
		static const char *const nullif_same[] = { "int2", "int4", "int8",
			"numeric", "float4", "float8", "text", "varchar", "bool",
			"date", "timestamp", "timestamptz", "uuid", NULL };
		static const char *const times[] = { "date", "timestamp",
			"timestamptz", NULL };
		static const char *const floats[] = { "float4", "float8", NULL };
		static const char *const texts[] = { "text", "varchar", NULL };
		ex_type eq;

		/* NULLIF(a, b) is a = b, typed as a once the operator has
		 * coerced it (transformAExprNullIf). */
		if ((r = ex_analyse(&a, ret, d, sc, e->lexpr)) != EX_OK ||
		    (r = ex_analyse(&b, ret, d, sc, e->rexpr)) != EX_OK)
			return r;
		if ((r = binary_op(&eq, ret, d, "=", &a, &b)) == EX_UNKNOWN)
			break;
		if (r != EX_OK)
			return r;
		/* a keeps its type where = has a cross-type version for the
		 * pair; int = numeric is numeric = numeric, and so on. */
		if (strchr("XZ", a.cat) == NULL && strchr("XZ", b.cat) == NULL &&
		    strcmp(a.name, b.name) != 0 && !(int_rank(a.name) &&
		    int_rank(b.name)) && !(ddl_one_of(a.name, times) &&
		    ddl_one_of(b.name, times)) && !(ddl_one_of(a.name, floats) &&
		    ddl_one_of(b.name, floats)) && !(ddl_one_of(a.name, texts) &&
		    ddl_one_of(b.name, texts)))
			break;
		if (strchr("XZ", a.cat) == NULL)
			*t = a;
		else if (strchr("XZ", b.cat) == NULL) {
			*t = b;
			drop_typmod(t);
		} else
			ex_set_type(t, category_of("text"), "text");
		/* The type is the operator's left input: varchar compares as
		 * text; types not listed are not followed. */
		if (t->domain || (!t->user && !ddl_one_of(t->name, nullif_same)))
			break;
		if (strcmp(t->name, "varchar") == 0)
			ex_set_type(t, category_of("text"), "text");
		t->constant = a.constant && b.constant;
		t->has_value = 0;
		t->literal = NULL;
		t->location = -1;
		return EX_OK;
	}
	case PG_QUERY__A__EXPR__KIND__AEXPR_IN:
		if (e->rexpr == NULL ||
		    e->rexpr->node_case != PG_QUERY__NODE__NODE_LIST)
			break;
		if ((r = in_list(ret, d, sc, e->lexpr, e->rexpr->list)) != EX_OK)
			return r;
		ex_set_type(t, 'B', "bool");
		return EX_OK;
	default:
		break;
	}
	ddl_unknown(d, "this operator is not modelled");
	return EX_UNKNOWN;
}

/* A string constant cast on to an enum converts when the expression
 * is evaluated (enum_in is stable, so not while planning), if it is:
 * only a label certainly usable then is decided. */
static int text_to_enum(int *ret, ddl *d, const char *label,
	const ex_type *to)
{
	int state;

	if ((*ret = cat_label_find(&state, d->s, to->user, label, d->err)) < 0)
		return EX_STOP;
	if (state == 1)
		return EX_OK;
	ddl_unknown(d, "whether this text converts to the enum depends on when "
		"it is evaluated");
	return EX_UNKNOWN;
}

/* ARRAY[...] cast to an array type: each element takes the element
 * type (transformArrayExpr with a type from the cast). */
static int array_of(int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__AArrayExpr *a, const ex_type *array)
{
	ex_type elem = *array, v;
	int r;

	elem.cat = array->user ? 'E' : category_of(array->name);
	for (size_t i = 0; i < a->n_elements; i++) {
		if ((r = ex_analyse(&v, ret, d, sc, a->elements[i])) != EX_OK)
			return r;
		if (v.cat == 'X' || v.cat == 'Z')
			r = literal_to(ret, d, &v, &elem);
		else if (elem.cat == 'E' && v.cat == 'S' && v.literal)
			r = text_to_enum(ret, d, v.literal, &elem);
		else if (!(v.cat == elem.cat && strcmp(v.name, elem.name) == 0 &&
		    v.user == elem.user))
			r = (ddl_unknown(d, "this array element's type is not "
				"modelled"), EX_UNKNOWN);
		if (r != EX_OK)
			return r;
	}
	return EX_OK;
}

/* pg_cast's casts among dates and times. */
static int date_cast(const char *from, const char *to)
{
	static const char *const pairs[] = { "date timestamp", "date timestamptz",
		"timestamp date", "timestamp time", "timestamp timestamptz",
		"timestamptz date", "timestamptz time", "timestamptz timestamp",
		"timestamptz timetz", "time timetz", "timetz time", NULL };
	char pair[2 * CAT_NAME + 2];

	snprintf(pair, sizeof(pair), "%s %s", from, to);
	return strcmp(from, to) == 0 || ddl_one_of(pair, pairs);
}

static int type_cast(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__TypeCast *c)
{
	ms_typeref ref;
	cat_col as;
	ex_type from;
	int r;

	if ((*ret = ms_pg__resolve_type(&ref, d->s, c->type_name, d->err)) < 0)
		return EX_STOP;
	if (!ref.known || !ref.exists || ref.serial)
		goto unknown;
	memset(&as, 0, sizeof(as));
	snprintf(as.type, sizeof(as.type), "%s", ref.display);
	snprintf(as.base, sizeof(as.base), "%s", ref.base);
	as.type_oid = ref.user_oid;
	if ((*ret = ex_column_type(t, d, &as)) < 0)
		return EX_STOP;
	/* A cast to a domain runs its checks on the value. */
	if (t->cat == 0 || t->domain)
		goto unknown;
	if (c->arg && c->arg->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR)
		return t->cat == 'A' ? array_of(ret, d, sc, c->arg->a_array_expr,
			t) : (ddl_unknown(d, "this cast is not modelled"), EX_UNKNOWN);
	if ((r = ex_analyse(&from, ret, d, sc, c->arg)) != EX_OK)
		return r;
	/* Conversions of dates and times (and to or from text) depend on the
	 * time zone or DateStyle: not immutable (42P17 in an index). */
	if (sc->immutable && from.cat != 'X' && from.cat != 'Z' &&
	    (from.cat == 'D' || t->cat == 'D') && strcmp(from.name, t->name) != 0)
		goto unknown;
	/* An enum's text goes through enum_out / enum_in, which read pg_enum:
	 * stable (42P17 in an index or a generated column); a literal is
	 * converted while parsing, and leaves a constant. */
	if (sc->immutable && from.cat != 'Z' && from.cat != 'X' &&
	    (from.cat == 'E' ||
	    t->cat == 'E') && (from.cat != t->cat || from.user != t->user))
		goto unknown;
	t->constant = from.constant;
	if (from.cat == 'X' || from.cat == 'Z') {
		if ((r = literal_to(ret, d, &from, t)) == EX_OK && t->cat == 'S')
			t->literal = from.literal;
		return r;
	}
	/* A string constant cast on: its text is the input, converted while
	 * planning unless the input function is stable (enum_in). */
	if (from.cat == 'S' && from.literal && t->cat == 'E')
		return text_to_enum(ret, d, from.literal, t);
	if (from.cat == 'S' && from.literal && t->cat != 'S') {
		from.cat = 'X';
		return literal_to(ret, d, &from, t);
	}
	/* Other constants are converted when planned: text whose value is
	 * not kept, json whose kind is not looked at. */
	if (from.constant && strcmp(from.name, t->name) != 0 &&
	    ((from.cat == 'S' && t->cat != 'S') ||
	    strncmp(from.name, "json", 4) == 0))
		goto unknown;
	/* Dates and times: only pg_cast's pairs. */
	if (from.cat == 'D' && t->cat == 'D' && !date_cast(from.name, t->name))
		goto unknown;
	/* Explicit casts: within a category, anything to a string, a string
	 * to anything (I/O conversion), jsonb to numbers and booleans;
	 * whether each value converts is a question about data. */
	if (t->cat == 'S' || from.cat == 'S' || (strcmp(from.name, "jsonb") == 0 &&
	    from.cat != 'A' && (t->cat == 'N' || t->cat == 'B')) || (from.cat == t->cat && t->cat != 'E' &&
	    t->cat != 'A' && (t->cat != 'U' || strcmp(from.name, t->name) == 0 ||
	    (strncmp(from.name, "json", 4) == 0 &&
	    strncmp(t->name, "json", 4) == 0))) ||
	    (from.cat == 'E' && from.user == t->user) ||
	    (from.cat == 'B' && t->cat == 'N' && strcmp(t->name, "int4") == 0)) {
		int widened = t->typmod == -1 && (strcmp(t->name, "numeric") == 0 ||
			(strcmp(t->name, "float8") == 0 && (int_rank(from.name) ||
			!from.has_value || number_fits(from.value, NULL, t))) ||
			(int_rank(from.name) && int_rank(t->name) >=
			int_rank(from.name)));

		/* A known number widened keeps its value (10::numeric), so
		 * arithmetic on it still folds. */
		if (from.has_value && widened) {
			t->has_value = 1;
			t->value = from.value;
		}
		/* A constant narrowed is converted when the statement is
		 * planned, whatever the rows: 99999999999::int fails there. */
		if (from.constant && from.cat == 'N' && !widened &&
		    !(from.has_value && fits_int(from.value, t->name)))
			goto unknown;
		return EX_OK;
	}
unknown:
	ddl_unknown(d, "this cast is not modelled");
	return EX_UNKNOWN;
}

static int case_expr(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__CaseExpr *c)
{
	ex_scope in = *sc;
	PgQuery__Node **results;
	ex_type arg, when;
	size_t n = 0;
	int r;

	/* transformCaseExpr refuses a set (0A000). */
	in.no_srf = 1;
	sc = &in;
	if (c->arg && (r = ex_analyse(&arg, ret, d, sc, c->arg)) != EX_OK)
		return r;
	if ((results = calloc(c->n_args + 1, sizeof(*results))) == NULL) {
		*ret = ms_error_set(d->err, MS_ENOMEM, "out of memory");
		return EX_STOP;
	}
	r = EX_OK;
	for (size_t i = 0; i < c->n_args && r == EX_OK; i++) {
		const PgQuery__CaseWhen *w = c->args[i]->case_when;

		if (c->arg) {
			if ((r = ex_analyse(&when, ret, d, sc, w->expr)) == EX_OK)
				r = compare(ret, d, &arg, &when);
		} else {
			r = ex_boolean(ret, d, sc, w->expr);
		}
		results[n++] = w->result;
	}
	if (c->defresult)
		results[n++] = c->defresult;
	if (r == EX_OK)
		r = ex_common(t, ret, d, sc, results, n);
	/* Without ELSE, a NULL of no modifier is among the results (the
	 * same rule as ex_common's for domains and bpchar). */
	if (r == EX_OK && c->defresult == NULL &&
	    (t->domain || strcmp(t->name, "bpchar") == 0)) {
		ddl_unknown(d, "the common type of these values is not modelled");
		r = EX_UNKNOWN;
	}
	if (r == EX_OK && c->defresult == NULL)
		drop_typmod(t);
	free(results);
	return r;
}

static int sql_value(ex_type *t, const PgQuery__SQLValueFunction *f)
{
	switch (f->op) {
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE:
		ex_set_type(t, 'D', "date");
		break;
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP:
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N:
		ex_set_type(t, 'D', "timestamptz");
		break;
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP:
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N:
		ex_set_type(t, 'D', "timestamp");
		break;
	default:
		return EX_UNKNOWN;
	}
	/* CURRENT_TIMESTAMP(3): the precision is the value's typmod. */
	if (f->typmod >= 0 && (f->op ==
	    PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N ||
	    f->op == PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N)) {
		t->typmod = f->typmod;
		snprintf(t->display, sizeof(t->display), "timestamp(%d) with%s time "
			"zone", f->typmod, f->op ==
			PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N ? "out" :
			"");
	}
	return EX_OK;
}

static int sub_link(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__SubLink *l)
{
	ex_col *out = NULL;
	ex_type test;
	size_t n = 0;
	int rows, r;

	if (l->subselect == NULL ||
	    l->subselect->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
		goto unknown;
	if ((r = ex_select(&rows, &out, &n, ret, d, sc,
	    l->subselect->select_stmt)) != EX_OK)
		return r;
	switch (l->sub_link_type) {
	case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK:
		ex_set_type(t, 'B', "bool");
		break;
	case PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK:
		if (n != 1 || out[0].type.cat == 0)
			goto unknown;
		*t = out[0].type;
		t->constant = 0;
		break;
	case PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK:
		if (n != 1 || l->n_oper_name || out[0].type.cat == 0)
			goto unknown;
		if ((r = ex_analyse(&test, ret, d, sc, l->testexpr)) != EX_OK) {
			free(out);
			return r;
		}
		if ((r = compare(ret, d, &test, &out[0].type)) != EX_OK) {
			free(out);
			return r == EX_UNKNOWN ? (ddl_unknown(d, "this IN is not "
				"modelled"), EX_UNKNOWN) : r;
		}
		ex_set_type(t, 'B', "bool");
		break;
	default:
		goto unknown;
	}
	free(out);
	return EX_OK;
unknown:
	free(out);
	ddl_unknown(d, "this subquery is not modelled");
	return EX_UNKNOWN;
}

static int a_const(ex_type *t, const PgQuery__AConst *k)
{
	if (k->isnull) {
		ex_set_type(t, 'Z', "");
		t->constant = 1;
		return EX_OK;
	}
	switch (k->val_case) {
	case PG_QUERY__A__CONST__VAL_IVAL:
		ex_set_type(t, 'N', "int4");
		t->has_value = 1;
		t->value = k->ival->ival;
		break;
	case PG_QUERY__A__CONST__VAL_FVAL:
		if (number_extreme(k->fval->fval))
			return EX_UNKNOWN;
		/* Integers too large for int4 are Float nodes too: int8. */
		ex_set_type(t, 'N', strpbrk(k->fval->fval, ".eE") ? "numeric" :
			is_int(k->fval->fval, -9223372036854775807LL - 1,
			9223372036854775807LL) ? "int8" : "numeric");
		t->has_value = 1;
		t->value = strtod(k->fval->fval, NULL);
		break;
	case PG_QUERY__A__CONST__VAL_BOOLVAL:
		ex_set_type(t, 'B', "bool");
		break;
	case PG_QUERY__A__CONST__VAL_SVAL:
		ex_set_type(t, 'X', "");
		t->literal = k->sval->sval;
		t->location = k->location;
		break;
	default:
		return EX_UNKNOWN;
	}
	t->constant = 1;
	return EX_OK;
}

/* array[i]: an element of the array's type. */
static int subscript(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__AIndirection *a)
{
	const PgQuery__AIndices *i = a->n_indirection == 1 &&
		a->indirection[0]->node_case == PG_QUERY__NODE__NODE_A_INDICES ?
		a->indirection[0]->a_indices : NULL;
	ex_type index;
	int r;

	if (i == NULL || i->is_slice || i->lidx || i->uidx == NULL) {
		ddl_unknown(d, "this expression is not modelled");
		return EX_UNKNOWN;
	}
	if ((r = ex_analyse(t, ret, d, sc, a->arg)) != EX_OK ||
	    (r = ex_analyse(&index, ret, d, sc, i->uidx)) != EX_OK)
		return r;
	if (t->cat != 'A' || !int_rank(index.name)) {
		ddl_unknown(d, "this subscript is not modelled");
		return EX_UNKNOWN;
	}
	/* The element keeps the array's typmod (transformContainerSubscripts). */
	t->cat = t->user ? 'E' : category_of(t->name);
	if (strlen(t->display) > 2)
		t->display[strlen(t->display) - 2] = '\0';
	t->constant = 0;
	return t->cat ? EX_OK : (ddl_unknown(d, "this subscript is not "
		"modelled"), EX_UNKNOWN);
}

int ex_analyse(ex_type *t, int *ret, ddl *d, const ex_scope *sc,
	const PgQuery__Node *n)
{
	int r;

	ex_set_type(t, 0, "");
	if (n == NULL)
		return EX_UNKNOWN;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_A_CONST:
		if (a_const(t, n->a_const) == EX_OK)
			return EX_OK;
		break;
	case PG_QUERY__NODE__NODE_COLUMN_REF:
		return column_ref(t, ret, d, sc, n->column_ref);
	case PG_QUERY__NODE__NODE_A_EXPR:
		return a_expr(t, ret, d, sc, n->a_expr);
	case PG_QUERY__NODE__NODE_BOOL_EXPR:
		for (size_t i = 0; i < n->bool_expr->n_args; i++)
			if ((r = ex_boolean(ret, d, sc, n->bool_expr->args[i])) != EX_OK)
				return r;
		ex_set_type(t, 'B', "bool");
		return EX_OK;
	case PG_QUERY__NODE__NODE_NULL_TEST:
	case PG_QUERY__NODE__NODE_BOOLEAN_TEST:
		if ((r = ex_analyse(t, ret, d, sc,
		    n->node_case == PG_QUERY__NODE__NODE_NULL_TEST ?
		    n->null_test->arg : n->boolean_test->arg)) != EX_OK)
			return r;
		/* IS [NOT] TRUE / FALSE / UNKNOWN coerces its argument to
		 * boolean (42804, or boolin's 22P02 for a literal). */
		if (n->node_case == PG_QUERY__NODE__NODE_BOOLEAN_TEST &&
		    !(t->cat == 'B' || t->cat == 'Z' || (t->cat == 'X' &&
		    is_bool(t->literal))))
			break;
		ex_set_type(t, 'B', "bool");
		return EX_OK;
	case PG_QUERY__NODE__NODE_TYPE_CAST:
		return type_cast(t, ret, d, sc, n->type_cast);
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		return func_call(t, ret, d, sc, n->func_call);
	case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
		if (!sc->immutable && sql_value(t, n->sqlvalue_function) == EX_OK)
			return EX_OK;
		break;
	case PG_QUERY__NODE__NODE_COALESCE_EXPR: {
		ex_scope in = *sc;

		/* transformCoalesceExpr refuses a set (0A000). */
		in.no_srf = 1;
		return ex_common(t, ret, d, &in, n->coalesce_expr->args,
			n->coalesce_expr->n_args);
	}
	case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
		return ex_common(t, ret, d, sc, n->min_max_expr->args,
			n->min_max_expr->n_args);
	case PG_QUERY__NODE__NODE_CASE_EXPR:
		return case_expr(t, ret, d, sc, n->case_expr);
	case PG_QUERY__NODE__NODE_A_INDIRECTION:
		return subscript(t, ret, d, sc, n->a_indirection);
	case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
		/* Without a cast an empty ARRAY[] has no type (42P18). */
		if (n->a_array_expr->n_elements == 0)
			break;
		if ((r = ex_common(t, ret, d, sc, n->a_array_expr->elements,
		    n->a_array_expr->n_elements)) != EX_OK)
			return r;
		if (t->cat == 'A' || t->cat == 'Z')
			break;
		t->cat = 'A';
		if (t->display[0])
			snprintf(t->display + strlen(t->display), sizeof(t->display) -
				strlen(t->display), "[]");
		return EX_OK;
	case PG_QUERY__NODE__NODE_SUB_LINK:
		if (!sc->no_subqueries)
			return sub_link(t, ret, d, sc, n->sub_link);
		break;
	default:
		break;
	}
	ddl_unknown(d, "this expression is not modelled");
	return EX_UNKNOWN;
}

/* Whether converting constant t to type `to` certainly succeeds: the
 * same type, a number of known value that fits, a string of known text
 * within a length, an integer widened. */
static int constant_fits(const ex_type *t, const ex_type *to)
{
	int p, sc;

	if (to->cat == 'N' && t->cat == 'N' && t->has_value)
		return number_fits(t->value, NULL, to);
	if (to->cat == 'N' && t->cat == 'N')
		return (int_rank(to->name) && int_rank(t->name) &&
			int_rank(to->name) >= int_rank(t->name)) ||
			(strcmp(to->name, "numeric") == 0 &&
			!numeric_typmod(to, &p, &sc)) || (strcmp(to->name, "float8") == 0 &&
			strcmp(t->name, "float4") == 0) || strcmp(t->display, to->display) == 0;
	if (to->cat == 'S' && to->typmod >= 0)
		return t->cat == 'S' && t->literal && chars(t->literal) <=
			(size_t)to->typmod;
	if (to->cat == 'S')
		return 1;
	/* Other typmods (timestamp(3)) round, never fail. */
	return t->cat == to->cat && t->user == to->user &&
		(strcmp(t->name, to->name) == 0 || (to->cat == 'D' &&
		is_timestamp_kind(t->name) && is_timestamp_kind(to->name)));
}

/* json and jsonb, either way: pg_cast's assignment casts through text
 * (json to jsonb can fail on a value, as any conversion of rows). */
static int is_json_pair(const ex_type *a, const ex_type *b)
{
	return a->cat == 'U' && b->cat == 'U' && !a->user && !b->user &&
		(strcmp(a->name, "json") == 0 || strcmp(a->name, "jsonb") == 0) &&
		(strcmp(b->name, "json") == 0 || strcmp(b->name, "jsonb") == 0);
}

int ex_evaluated_fits(int *ret, ddl *d, const ex_type *t, const cat_col *col)
{
	ex_type to;

	if (t->cat == 'X' || t->cat == 'Z' || t->constant)
		return EX_OK;
	if ((*ret = ex_column_type(&to, d, col)) < 0)
		return EX_STOP;
	if (to.cat && constant_fits(t, &to))
		return EX_OK;
	ddl_unknown(d, "whether each row's value fits the column's type is not "
		"modelled");
	return EX_UNKNOWN;
}

int ex_no_assignment_cast(const ex_type *t, const ex_type *to)
{
	/* Numbers, booleans, dates and times, time spans, uuid and json:
	 * pg_cast has no implicit or assignment cast between two of these
	 * categories but time and interval's. */
	static const char cats[] = "NBDTU";
	int dt = (t->cat == 'D' && to->cat == 'T') ||
		(t->cat == 'T' && to->cat == 'D');

	return t->cat && to->cat && strchr(cats, t->cat) &&
		strchr(cats, to->cat) && t->cat != to->cat && !dt &&
		!t->user && !to->user && !t->type_oid && !to->type_oid &&
		!t->domain && !to->domain && t->display[0] && to->display[0];
}

int ex_literal_to(int *ret, ddl *d, const ex_type *lit, const ex_type *to)
{
	return literal_to(ret, d, lit, to);
}

int ex_assignable(int *ret, ddl *d, const ex_type *t, const cat_col *col)
{
	ex_type to;

	if ((*ret = ex_column_type(&to, d, col)) < 0)
		return EX_STOP;
	if (to.cat == 0)
		goto unknown;
	if (t->cat == 'X' || t->cat == 'Z')
		return literal_to(ret, d, t, &to);
	/* A constant is converted when the statement is planned, rows or
	 * not: it must certainly fit. */
	if (t->constant && !constant_fits(t, &to))
		goto unknown;
	/* Assignment casts: within a category, json to and from jsonb, and
	 * anything to a string (automatic I/O conversion to string types is
	 * an assignment cast). */
	if (to.cat == 'S' || is_json_pair(t, &to) || (t->cat == to.cat &&
	    (to.cat == 'N' ||
	    to.cat == 'B' || to.cat == 'T' || to.cat == 'I' ||
	    (to.cat == 'D' && is_timestamp_kind(t->name) &&
	    is_timestamp_kind(to.name)) ||
	    strcmp(t->name, to.name) == 0) && t->user == to.user))
		return EX_OK;
unknown:
	ddl_unknown(d, "whether this value converts to the column's type is not "
		"modelled");
	return EX_UNKNOWN;
}
