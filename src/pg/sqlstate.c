/*
 * sqlstate.c - PostgreSQL 15's error codes (src/backend/utils/errcodes.txt)
 * and the message PostgreSQL raises for a code when migsim injects it.
 */
#include <string.h>

#include "pg_int.h"

typedef struct code {
	const char *sqlstate;
	const char *name;
} code;

static const code codes[] = {
#include "sqlstate_table.h"
};

static const code *find(const char *s)
{
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (strcmp(codes[i].sqlstate, s) == 0)
			return &codes[i];
	return NULL;
}

const char *ms_sqlstate_name(const char *sqlstate)
{
	const code *c = find(sqlstate);

	return c ? c->name : NULL;
}

int ms_sqlstate_valid(const char *sqlstate)
{
	return strlen(sqlstate) == 5 && find(sqlstate) != NULL;
}

int ms_pg__injected_error(ms_pg_error *e, const char *sqlstate,
	const char *message)
{
	const char *name;

	if (message)
		return ms_pg_error_set(e, sqlstate, "%s", message);
	name = ms_sqlstate_name(sqlstate);
	/* No statement context to fill PostgreSQL's template with, so the
	 * condition name stands in for the text. */
	return ms_pg_error_set(e, sqlstate, "%s (injected by migsim)",
		name ? name : "error");
}
