/* cli.h - what the files of src/cli/ share: parsed options and the
 * command table (curl's tool_* split: parsing, operating, rendering). */
#ifndef MIGSIM_CLI_H
#define MIGSIM_CLI_H

#include <stdio.h>

#include "migsim/prisma.h"
#include "exit.h"

#define MS_MAX_FAULTS 64

typedef struct cli_opts {
	FILE *out;               /* where stdout text goes */
	FILE *err;               /* where stderr text goes */
	const char *command;
	const char *migrations;  /* --migrations, default prisma/migrations */
	const char *state;       /* --state, default migsim.db */
	int json;                /* --format json */
	int quiet;               /* -q: no migsim remarks */
	const char *prisma;      /* --prisma VERSION */
	const char *clock;       /* --clock TIME | now */
	double clock_step;       /* --clock-step SECONDS */
	int have_seed;
	unsigned long long seed; /* --seed N */
	const char *applied;     /* resolve --applied NAME */
	const char *rolled_back; /* resolve --rolled-back NAME */
	int n_applied_flags, n_rolled_back_flags;
	ms_prisma_fault faults[MS_MAX_FAULTS];
	size_t n_faults;
	char *rows[MS_MAX_FAULTS];    /* --rows TABLE=FACT, applied at open */
	size_t n_rows;
	char **args;             /* positional arguments after the command */
	int n_args;
	/* migsim test / replay */
	const char *run;         /* -run REGEX */
	int verbose;             /* -v */
	int step;                /* --step */
	unsigned int seen;       /* which flags were given (FLAG_* bits) */
} cli_opts;

/* Bits of cli_opts.seen, to refuse flags a command does not take. */
#define FLAG_MIGRATIONS 0x001
#define FLAG_STATE      0x002
#define FLAG_PRISMA     0x004
#define FLAG_CLOCK      0x008
#define FLAG_SEED       0x010
#define FLAG_FAULT      0x020
#define FLAG_RESOLVE    0x040
#define FLAG_RUN        0x080
#define FLAG_VERBOSE    0x100
#define FLAG_STEP       0x200
#define FLAG_FORMAT     0x400
#define FLAG_ROWS       0x800

typedef struct cli_command {
	const char *name;
	int (*run)(cli_opts *o);
	unsigned int flags;      /* FLAG_* it accepts */
	const char *summary;
} cli_command;

/* Parse argv into o.  Returns 0, -1 after --help/--version, or
 * MS_EXIT_USAGE after printing why. */
int cli_parse(cli_opts *o, FILE *out, FILE *err, int argc, char **argv);
/* Run one migsim command line with its output going to out and err;
 * returns the exit status.  Used by main and by scenario runs. */
int cli_main(FILE *out, FILE *err, int argc, char **argv);
void cli_usage(FILE *f);

/* Print a migsim error ("migsim: ..."), as text or JSON; returns 2. */
int cli_fail(const cli_opts *o, const ms_error *err);

/* Open the migrations directory and pick the Prisma version. */
int cli_load(ms_migdir **dir, ms_prisma_opts *po, const cli_opts *o,
	ms_error *err);
/* Open (creating) the state file, apply --clock/--seed, begin the command
 * transaction and its journal entry. */
int cli_open_state(ms_store **store, const cli_opts *o, const char *command,
	ms_error *err);
/* Journal the exit status and commit; on failure the store is rolled back. */
int cli_close_state(ms_store *store, int exit_status, ms_error *err);

/* Render a Prisma result on stdout/stderr (text or JSON); returns the
 * exit status to use. */
int cli_render(const cli_opts *o, const ms_prisma_result *res,
	const ms_prisma_opts *po);

int cmd_deploy(cli_opts *o);
int cmd_status(cli_opts *o);
int cmd_resolve(cli_opts *o);
int cmd_ledger(cli_opts *o);
int cmd_sql(cli_opts *o);
int cmd_schema(cli_opts *o);
int cmd_facts(cli_opts *o);
int cmd_test(cli_opts *o);
int cmd_replay(cli_opts *o);

/* ms_scenario_exec for scenario runs: cli_main with captured output. */
int cli_exec_in_process(void *ctx, int argc, char **argv, ms_buf *out,
	ms_buf *err, int *exit_status);

#endif
