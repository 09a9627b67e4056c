/* store_int.h - the ms_store struct, shared by the files of src/store/. */
#ifndef MIGSIM_STORE_INT_H
#define MIGSIM_STORE_INT_H

#include "migsim/store.h"

#define MS_STORE_STMT_CACHE 320

struct ms_store {
	struct sqlite3 *db;
	struct {
		const char *sql;
		struct sqlite3_stmt *st;
	} cache[MS_STORE_STMT_CACHE];
	int n_cache;
	char *path;
	int flags;
	int created;     /* this open created the file */
	int fresh;       /* the schema was written by this open */
	int committed;   /* a command transaction was committed */
	int64_t command_id; /* journal row of the running command, 0 = none */
};

#endif
