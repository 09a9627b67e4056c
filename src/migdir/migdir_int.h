/* migdir_int.h - helpers shared by the files of src/migdir/. */
#ifndef MIGSIM_MIGDIR_INT_H
#define MIGSIM_MIGDIR_INT_H

#include <stdint.h>

#include <unicode/ucol.h>

#include "migsim/migdir.h"

/* The collator Node's localeCompare uses by default; close with ucol_close. */
int ms_migdir__collator(UCollator **out, ms_error *err);
/* A NUL-terminated ICU sort key for a UTF-8 name; strcmp on two keys
 * orders as ucol_strcoll.  *out is malloc'd. */
int ms_migdir__sort_key(uint8_t **out, UCollator *coll, const char *name,
	ms_error *err);

#endif
