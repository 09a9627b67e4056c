/*
 * checksum.c - Prisma's migration checksum: SHA-256 of the script, and the
 * engine's three-way, line-ending-agnostic comparison with its legacy
 * unpadded-hex form (spec prisma-migrate.md section 2.4; upstream
 * prisma-engines schema-connector/src/checksum.rs).
 */
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "migsim/migdir.h"

static void digest(const char *data, size_t len, uint8_t out[32])
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)data);
	sha256_digest(&ctx, SHA256_DIGEST_SIZE, out);
}

static void render(const uint8_t d[32], int padded, char *out)
{
	static const char hex[] = "0123456789abcdef";

	for (int i = 0; i < 32; i++) {
		if (padded || d[i] >= 0x10)
			*out++ = hex[d[i] >> 4];
		*out++ = hex[d[i] & 0xf];
	}
	*out = '\0';
}

void ms_checksum(const char *data, size_t len, char out[65])
{
	uint8_t d[32];

	digest(data, len, d);
	render(d, 1, out);
}

static int candidate_matches(const char *data, size_t len, const char *stored,
	int padded)
{
	uint8_t d[32];
	char hex[65];

	digest(data, len, d);
	render(d, padded, hex);
	return strcmp(hex, stored) == 0;
}

/* Replace every `from` sequence by `to`, into a new buffer. */
static char *replace_all(const char *s, size_t len, const char *from,
	const char *to, size_t *out_len)
{
	size_t fl = strlen(from), tl = strlen(to), n = 0, j = 0;
	char *out;

	for (size_t i = 0; i + fl <= len; i++)
		if (memcmp(s + i, from, fl) == 0) {
			n++;
			i += fl - 1;
		}
	out = malloc(len + n * tl + 1);
	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < len;) {
		if (i + fl <= len && memcmp(s + i, from, fl) == 0) {
			memcpy(out + j, to, tl);
			j += tl;
			i += fl;
		} else {
			out[j++] = s[i++];
		}
	}
	out[j] = '\0';
	*out_len = j;
	return out;
}

int ms_checksum_matches(const char *script, size_t len, const char *stored)
{
	size_t slen = strlen(stored), l1, l2;
	int padded = slen == 64;
	char *lf = NULL, *crlf = NULL;
	int match;

	if (slen == 0)
		return 0;
	if (candidate_matches(script, len, stored, padded))
		return 1;
	lf = replace_all(script, len, "\r\n", "\n", &l1);
	crlf = replace_all(script, len, "\n", "\r\n", &l2);
	if (lf == NULL || crlf == NULL) {
		free(lf);
		free(crlf);
		return MS_ENOMEM;
	}
	match = candidate_matches(lf, l1, stored, padded) ||
		candidate_matches(crlf, l2, stored, padded);
	free(lf);
	free(crlf);
	return match;
}
