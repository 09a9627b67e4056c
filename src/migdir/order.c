/*
 * order.c - the order Prisma applies migration folders in (spec
 * prisma-migrate.md section 2.2): byte order up to 6.5 (Rust str::cmp in
 * the engine), ICU collation from 6.6 (the CLI's a.path.localeCompare(b),
 * Node's default en-US collator: tertiary strength, punctuation not
 * ignorable, so "_" sorts before digits and "a" before "A").
 *
 * ICU does the collation; migsim only turns names into ICU sort keys so
 * that sorting needs no collator in a global.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "migdir_int.h"

int ms_migdir__collator(UCollator **out, ms_error *err)
{
	UErrorCode status = U_ZERO_ERROR;

	*out = ucol_open("en_US", &status);
	if (U_FAILURE(status))
		return ms_error_set(err, MS_ERROR, "ICU collator: %s",
			u_errorName(status));
	return MS_OK;
}

int ms_migdir__sort_key(uint8_t **out, UCollator *coll, const char *name,
	ms_error *err)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar *u = NULL;
	int32_t ulen = 0, klen;
	uint8_t *key = NULL;

	*out = NULL;
	u_strFromUTF8(NULL, 0, &ulen, name, -1, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return ms_error_set(err, MS_EINPUT, "'%s': name is not UTF-8",
			name);
	status = U_ZERO_ERROR;
	u = malloc(((size_t)ulen + 1) * sizeof(UChar));
	if (u == NULL)
		return ms_error_set(err, MS_ENOMEM, "out of memory");
	u_strFromUTF8(u, ulen + 1, NULL, name, -1, &status);
	klen = ucol_getSortKey(coll, u, ulen, NULL, 0);
	key = malloc((size_t)klen + 1);
	if (key == NULL) {
		free(u);
		return ms_error_set(err, MS_ENOMEM, "out of memory");
	}
	ucol_getSortKey(coll, u, ulen, key, klen + 1);
	free(u);
	*out = key;
	return MS_OK;
}

int ms_migdir_compare(const char *a, const char *b, ms_order order,
	ms_error *err, int *cmp)
{
	UCollator *coll = NULL;
	uint8_t *ka = NULL, *kb = NULL;
	int ret;

	if (order == MS_ORDER_BYTES) {
		*cmp = strcmp(a, b);
		return MS_OK;
	}
	if ((ret = ms_migdir__collator(&coll, err)) < 0)
		return ret;
	if ((ret = ms_migdir__sort_key(&ka, coll, a, err)) == MS_OK &&
	    (ret = ms_migdir__sort_key(&kb, coll, b, err)) == MS_OK)
		*cmp = strcmp((const char *)ka, (const char *)kb);
	free(ka);
	free(kb);
	ucol_close(coll);
	return ret;
}
