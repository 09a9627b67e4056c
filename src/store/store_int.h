/* store_int.h - the ms_store struct, shared by the files of src/store/. */
#ifndef MIGSIM_STORE_INT_H
#define MIGSIM_STORE_INT_H

#include "migsim/store.h"

struct ms_store {
	struct sqlite3 *db;
	char *path;
	int flags;
	int created;     /* this open created the file */
	int fresh;       /* the schema was written by this open */
	int committed;   /* a command transaction was committed */
	int64_t command_id; /* journal row of the running command, 0 = none */
};

#endif
