/*
 * scenario.h - scenario files: a txtar archive whose comment is a script
 * of migsim commands and assertions, and whose files are the migrations
 * and fixtures it uses (design.md "Scenario files"; README.md lists every
 * verb).  Parsing checks the whole script first, so a bad file fails
 * before anything runs; running happens in a fresh temporary directory.
 *
 * The scenario layer never prints.  migsim commands are run through a
 * callback the caller supplies (the CLI runs them in-process), and what
 * happens is reported to an observer, which is how `migsim replay`
 * narrates.
 */
#ifndef MIGSIM_SCENARIO_H
#define MIGSIM_SCENARIO_H

#include "migsim/common.h"
#include "migsim/ledger.h"

/* One file of a txtar archive. */
typedef struct ms_txtar_file {
	char *name;
	char *data;
	size_t len;
	int line;          /* line of its "-- name --" marker */
} ms_txtar_file;

typedef struct ms_txtar {
	char *comment;     /* everything before the first marker */
	ms_txtar_file *files;
	size_t count;
	int comment_lines;
} ms_txtar;

/* Split text into comment and files (Go's txtar rules).  Names that are
 * absolute or contain ".." are refused: MS_EINPUT naming path:line. */
int ms_txtar_parse(ms_txtar *out, const char *path, const char *text,
	size_t len, ms_error *err);
void ms_txtar_clear(ms_txtar *a);
/* Whether a relative path stays inside its folder: not empty, not
 * absolute, no ".." component. */
int ms_txtar_safe_name(const char *name);

typedef enum ms_verb {
	MS_VERB_MIGSIM, MS_VERB_STDOUT, MS_VERB_STDERR, MS_VERB_CMP,
	MS_VERB_EXIT, MS_VERB_CP, MS_VERB_MV, MS_VERB_RM, MS_VERB_MKDIR,
	MS_VERB_WRITE, MS_VERB_CRLF, MS_VERB_EXISTS, MS_VERB_CLOCK,
	MS_VERB_PRISMA, MS_VERB_FAIL, MS_VERB_CRASH, MS_VERB_LEDGER,
	MS_VERB_ROW, MS_VERB_SQL, MS_VERB_TABLE, MS_VERB_ROWS
} ms_verb;

typedef struct ms_step {
	int line;          /* in the scenario file */
	char *text;        /* the line as written */
	ms_verb verb;
	int negate;        /* written with a leading "!" */
	char **argv;       /* words after the verb */
	int argc;
	char *heredoc;     /* write NAME <<EOF body, or NULL */
	char *comment;     /* the # lines just above it, or NULL */
	void *regex;       /* compiled stdout/stderr pattern */
} ms_step;

typedef struct ms_scenario {
	char *path;
	char *lesson;      /* the leading # lines, without "# " */
	ms_step *steps;
	size_t count;
	ms_txtar archive;
} ms_scenario;

/* Parse a scenario file.  MS_EINPUT with "path:line: ..." for an unknown
 * verb, bad regex, unterminated heredoc, misplaced "!", a path that leaves
 * the scenario's directory, or a bad argument count. */
int ms_scenario_parse(ms_scenario **out, const char *path, const char *text,
	size_t len, ms_error *err);
/* Read and parse path. */
int ms_scenario_load(ms_scenario **out, const char *path, ms_error *err);
void ms_scenario_free(ms_scenario *sc);

/* Runs one migsim command line (argv[0] = "migsim") in the current
 * directory; its stdout and stderr go to out and err. */
typedef int (*ms_scenario_exec)(void *ctx, int argc, char **argv,
	ms_buf *out, ms_buf *err, int *exit_status);

typedef enum ms_event_kind {
	MS_EVENT_STEP,     /* a step is about to run */
	MS_EVENT_OUTPUT,   /* a migsim command ran: out, err, exit_status */
	MS_EVENT_LEDGER,   /* the ledger after a step that may change it */
	MS_EVENT_FAILED    /* an assertion failed: message */
} ms_event_kind;

typedef struct ms_event {
	ms_event_kind kind;
	const ms_scenario *scenario;
	const ms_step *step;
	const char *out, *err;     /* MS_EVENT_OUTPUT */
	int exit_status;
	const char *const *argv;   /* MS_EVENT_OUTPUT: the command as run */
	int argc;
	const ms_ledger *before;   /* MS_EVENT_LEDGER */
	const ms_ledger *after;
	const char *message;       /* MS_EVENT_FAILED */
} ms_event;

typedef void (*ms_scenario_observer)(void *ctx, const ms_event *ev);

typedef struct ms_scenario_opts {
	ms_scenario_exec exec;
	void *exec_ctx;
	ms_scenario_observer observe;   /* may be NULL */
	void *observe_ctx;
	int want_ledger;                /* send MS_EVENT_LEDGER events */
} ms_scenario_opts;

typedef struct ms_scenario_result {
	int passed;
	int failed_line;                /* 0 when passed */
	ms_buf message;                 /* why it failed */
} ms_scenario_result;

/*
 * Run a parsed scenario in a new temporary directory, removed afterwards.
 * An assertion that does not hold is a result (passed = 0, message with
 * file:line, command, expected and actual), not an error; errors are
 * MS_EIO/MS_ENOMEM for the runner itself.
 */
int ms_scenario_run(ms_scenario_result *res, const ms_scenario *sc,
	const ms_scenario_opts *opts, ms_error *err);
void ms_scenario_result_clear(ms_scenario_result *res);

/* Whether a row changed between two ledger snapshots: the index in
 * `before` of the same row (by id), and whether any column differs. */
long ms_scenario_row_before(const ms_ledger *before, const ms_ledger_row *row,
	int *changed);

#endif
