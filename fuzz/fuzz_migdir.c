/*
 * fuzz_migdir.c - libFuzzer target for the migrations folder reader: the
 * input is a txtar archive whose files become a migrations folder (names,
 * migration.sql bytes, migration_lock.toml), read in both orders; the
 * lock-file reader and the checksum comparison also get the raw bytes.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "migsim/migdir.h"
#include "migsim/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void write_tree(const char *dir, const ms_txtar *a)
{
	for (size_t i = 0; i < a->count; i++) {
		char *path = NULL, *slash;
		FILE *f;

		if (asprintf(&path, "%s/%s", dir, a->files[i].name) < 0)
			continue;
		for (slash = strchr(path + strlen(dir) + 1, '/'); slash;
		     slash = strchr(slash + 1, '/')) {
			*slash = '\0';
			mkdir(path, 0700);
			*slash = '/';
		}
		if ((f = fopen(path, "wb")) != NULL) {
			fwrite(a->files[i].data, 1, a->files[i].len, f);
			fclose(f);
		}
		free(path);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char dir[] = "/tmp/migsim-fuzz-dir-XXXXXX";
	char *text = malloc(size + 1), *cmd = NULL;
	ms_txtar a;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	free(ms_migdir_lock_provider(text));
	(void)ms_checksum_matches(text, size, text);
	if (ms_txtar_parse(&a, "fuzz", text, size, NULL) == MS_OK &&
	    mkdtemp(dir) != NULL) {
		ms_migdir *d = NULL;

		write_tree(dir, &a);
		for (int order = 0; order < 2; order++) {
			if (ms_migdir_open(&d, dir, order ? MS_ORDER_BYTES :
			    MS_ORDER_ICU, NULL) == MS_OK) {
				for (size_t i = 0; i < ms_migdir_count(d); i++)
					(void)ms_migdir_find(d, ms_migdir_at(d, i)->name);
				ms_migdir_free(d);
			}
		}
		if (asprintf(&cmd, "rm -rf '%s'", dir) >= 0) {
			int rc = system(cmd);

			(void)rc;
		}
		free(cmd);
		ms_txtar_clear(&a);
	}
	free(text);
	return 0;
}
