/*
 * main.c - the migsim command line: option parsing and the command table
 * (design.md "Layers": cli).  Flags mirror Prisma's so that a Prisma user
 * needs no manual; README.md documents each.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_command commands[] = {
	{ "deploy", cmd_deploy,
	  FLAG_MIGRATIONS | FLAG_STATE | FLAG_PRISMA | FLAG_CLOCK | FLAG_SEED |
	  FLAG_FAULT | FLAG_FORMAT | FLAG_ROWS,
	  "apply pending migrations, as prisma migrate deploy" },
	{ "status", cmd_status,
	  FLAG_MIGRATIONS | FLAG_STATE | FLAG_PRISMA | FLAG_FORMAT,
	  "compare the folder with the ledger, as prisma migrate status" },
	{ "resolve", cmd_resolve,
	  FLAG_MIGRATIONS | FLAG_STATE | FLAG_PRISMA | FLAG_CLOCK | FLAG_SEED |
	  FLAG_RESOLVE | FLAG_FORMAT,
	  "mark a migration applied or rolled back, as prisma migrate resolve" },
	{ "ledger", cmd_ledger, FLAG_STATE | FLAG_FORMAT,
	  "show _prisma_migrations and its totals" },
	{ "sql", cmd_sql, FLAG_STATE | FLAG_CLOCK | FLAG_SEED | FLAG_ROWS,
	  "run SQL by hand against the state, outside the ledger (FILE or -)" },
	{ "facts", cmd_facts, FLAG_STATE | FLAG_ROWS,
	  "declare what tables hold (--rows TABLE=empty|rows|unknown), and list it" },
	{ "schema", cmd_schema, FLAG_STATE,
	  "print the simulated schema as DDL, shaped like pg_dump --schema-only" },
	{ "test", cmd_test, FLAG_RUN | FLAG_VERBOSE,
	  "run scenario files or folders; ends with 'N passed, N failed'" },
	{ "replay", cmd_replay, FLAG_STEP | FLAG_FORMAT,
	  "narrate one scenario (default: the built-in seed incident)" },
};

void cli_usage(FILE *f)
{
	fputs(
"usage: migsim COMMAND [flags]\n"
"\n"
"Simulates Prisma Migrate on PostgreSQL against a state file: no database\n"
"is touched.  Output is Prisma's, word for word, after its header lines;\n"
"migsim's own remarks follow on stderr as \"migsim: ...\" lines.\n"
"\n"
"Commands:\n", f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs(
"\n"
"Flags:\n"
"  --migrations DIR      migrations folder (default prisma/migrations)\n"
"  --state FILE          state file, created on first use (default migsim.db)\n"
"  --format text|json    output format (default text)\n"
"  --prisma VERSION      Prisma version to simulate (default: from the\n"
"                        project's lock file or package.json, else the\n"
"                        newest migsim knows)\n"
"  --applied NAME        resolve: mark NAME applied\n"
"  --rolled-back NAME    resolve: mark NAME rolled back\n"
"  --rows TABLE=empty|rows|unknown\n"
"                        deploy, sql, facts: what the table holds, for\n"
"                        statements whose outcome depends on rows\n"
"  --fail NAME[:N]=SQLSTATE[:MESSAGE]\n"
"                        deploy: statement N (default the last) of NAME fails\n"
"                        with SQLSTATE and PostgreSQL's text (or MESSAGE)\n"
"  --crash NAME[:N]      deploy: the process dies after statement N of NAME\n"
"  --clock TIME|now      simulated clock from TIME (e.g. 2025-12-25T10:00:00Z),\n"
"                        kept in the state file; 'now' returns to the wall clock\n"
"  --clock-step SECONDS  how far the simulated clock moves per reading (1)\n"
"  --seed N              reproducible row ids (implied, 0, by --clock)\n"
"  -q, --quiet           leave out migsim's remarks\n"
"  -h, --help            this text\n"
"  --version             migsim's version\n"
"\n"
"Exit status: Prisma's (0 or 1); 2 for bad input or an unusable state\n"
"file; 137 after an injected --crash.\n", f);
}

static int usage_error(const cli_opts *o, const char *fmt, const char *arg)
{
	fputs("migsim: ", o->err);
	fprintf(o->err, fmt, arg);
	fputs(" (see migsim --help)\n", o->err);
	return MS_EXIT_USAGE;
}

/* "NAME[:N]" -> name and statement number (0 = last). */
static int parse_target(ms_prisma_fault *f, char *spec)
{
	char *colon = strrchr(spec, ':');

	f->pg.stmt = 0;
	if (colon && colon[1] && strspn(colon + 1, "0123456789") ==
	    strlen(colon + 1)) {
		f->pg.stmt = atoi(colon + 1);
		*colon = '\0';
		if (f->pg.stmt < 1)
			return -1;
	}
	f->migration = spec;
	return spec[0] ? 0 : -1;
}

static int parse_fail(cli_opts *o, char *arg, int crash)
{
	ms_prisma_fault *f;
	char *eq = NULL;

	if (o->n_faults == MS_MAX_FAULTS)
		return usage_error(o, "too many injected faults (at most 64)", "");
	f = &o->faults[o->n_faults];
	memset(f, 0, sizeof(*f));
	if (!crash) {
		char *msg;

		eq = strchr(arg, '=');
		if (eq == NULL)
			return usage_error(o, "--fail '%s': want NAME[:N]=SQLSTATE", arg);
		*eq++ = '\0';
		msg = strchr(eq, ':');
		if (msg) {
			*msg++ = '\0';
			f->pg.message = msg;
		}
		if (!ms_sqlstate_valid(eq))
			return usage_error(o, "--fail: '%s' is not a PostgreSQL SQLSTATE",
				eq);
		memcpy(f->pg.sqlstate, eq, 5);
	}
	f->pg.crash = crash;
	if (parse_target(f, arg) < 0)
		return usage_error(o, "'%s': want NAME[:N] with N >= 1", arg);
	o->n_faults++;
	return 0;
}

enum { OPT_MIGRATIONS = 256, OPT_STATE, OPT_FORMAT, OPT_PRISMA, OPT_CLOCK,
	OPT_CLOCK_STEP, OPT_SEED, OPT_FAIL, OPT_CRASH, OPT_APPLIED,
	OPT_ROLLED_BACK, OPT_RUN, OPT_STEP, OPT_VERSION, OPT_ROWS };

static const struct option longopts[] = {
	{ "migrations", required_argument, NULL, OPT_MIGRATIONS },
	{ "state", required_argument, NULL, OPT_STATE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "prisma", required_argument, NULL, OPT_PRISMA },
	{ "clock", required_argument, NULL, OPT_CLOCK },
	{ "clock-step", required_argument, NULL, OPT_CLOCK_STEP },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "fail", required_argument, NULL, OPT_FAIL },
	{ "crash", required_argument, NULL, OPT_CRASH },
	{ "rows", required_argument, NULL, OPT_ROWS },
	{ "applied", required_argument, NULL, OPT_APPLIED },
	{ "rolled-back", required_argument, NULL, OPT_ROLLED_BACK },
	{ "run", required_argument, NULL, OPT_RUN },
	{ "step", no_argument, NULL, OPT_STEP },
	{ "verbose", no_argument, NULL, 'v' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static int take_option(cli_opts *o, int c, char *arg)
{
	char *end;

	switch (c) {
	case OPT_MIGRATIONS: o->migrations = arg; o->seen |= FLAG_MIGRATIONS; break;
	case OPT_STATE:      o->state = arg; o->seen |= FLAG_STATE; break;
	case OPT_FORMAT:
		o->seen |= FLAG_FORMAT;
		if (strcmp(arg, "json") == 0)
			o->json = 1;
		else if (strcmp(arg, "text") != 0)
			return usage_error(o, "--format '%s': want text or json", arg);
		break;
	case OPT_PRISMA:     o->prisma = arg; o->seen |= FLAG_PRISMA; break;
	case OPT_CLOCK:      o->clock = arg; o->seen |= FLAG_CLOCK; break;
	case OPT_CLOCK_STEP:
		o->clock_step = strtod(arg, &end);
		o->seen |= FLAG_CLOCK;
		if (*end || o->clock_step <= 0 || o->clock_step > 86400)
			return usage_error(o, "--clock-step '%s': want seconds, e.g. 1 "
				"or 0.001", arg);
		break;
	case OPT_SEED:
		o->seed = strtoull(arg, &end, 10);
		o->have_seed = 1;
		o->seen |= FLAG_SEED;
		if (*end || !isdigit((unsigned char)arg[0]))
			return usage_error(o, "--seed '%s': want a number", arg);
		break;
	case OPT_FAIL:
	case OPT_CRASH:
		o->seen |= FLAG_FAULT;
		return parse_fail(o, arg, c == OPT_CRASH);
	case OPT_APPLIED:
		o->applied = arg;
		o->n_applied_flags++;
		o->seen |= FLAG_RESOLVE;
		break;
	case OPT_ROLLED_BACK:
		o->rolled_back = arg;
		o->n_rolled_back_flags++;
		o->seen |= FLAG_RESOLVE;
		break;
	case OPT_ROWS:
		o->seen |= FLAG_ROWS;
		if (o->n_rows == MS_MAX_FAULTS)
			return usage_error(o, "too many --rows (at most 64)", "");
		if (strchr(arg, '=') == NULL)
			return usage_error(o, "--rows '%s': want TABLE=empty|rows|"
				"unknown", arg);
		o->rows[o->n_rows++] = arg;
		break;
	case OPT_RUN:        o->run = arg; o->seen |= FLAG_RUN; break;
	case OPT_STEP:       o->step = 1; o->seen |= FLAG_STEP; break;
	case 'v':            o->verbose = 1; o->seen |= FLAG_VERBOSE; break;
	case 'q':            o->quiet = 1; break;
	default:
		return MS_EXIT_USAGE;
	}
	return 0;
}

int cli_parse(cli_opts *o, FILE *out, FILE *err, int argc, char **argv)
{
	int c, ret;

	memset(o, 0, sizeof(*o));
	o->out = out;
	o->err = err;
	o->migrations = "prisma/migrations";
	o->state = "migsim.db";
	o->clock_step = 1;
	opterr = 0;
	optind = 0; /* glibc: 0 also resets its internal state */
	while ((c = getopt_long_only(argc, argv, "+hvq", longopts, NULL)) != -1) {
		if (c == 'h') {
			cli_usage(o->out);
			return -1;
		}
		if (c == OPT_VERSION) {
			fprintf(o->out, "migsim 0.1.0 (PostgreSQL 15 grammar via "
				"libpg_query)\n");
			return -1;
		}
		if (c == '?') {
			if (optopt)
				return usage_error(o, "unknown flag '-%c'",
					(char[]){ (char)optopt, 0 });
			return usage_error(o, "unknown or incomplete flag '%s'",
				argv[optind - 1]);
		}
		if ((ret = take_option(o, c, optarg)) != 0)
			return ret;
	}
	if (optind >= argc) {
		cli_usage(o->err);
		return MS_EXIT_USAGE;
	}
	o->command = argv[optind++];
	/* Flags may also follow the command, as with Prisma. */
	while (optind < argc) {
		c = getopt_long_only(argc, argv, "+hvq", longopts, NULL);
		if (c == -1) {
			o->args = realloc(o->args, (size_t)(o->n_args + 1) *
				sizeof(*o->args));
			if (o->args == NULL)
				return usage_error(o, "%s", "out of memory");
			o->args[o->n_args++] = argv[optind++];
			continue;
		}
		if (c == 'h') {
			cli_usage(o->out);
			return -1;
		}
		if (c == '?')
			return usage_error(o, "unknown or incomplete flag '%s'",
				argv[optind - 1]);
		if ((ret = take_option(o, c, optarg)) != 0)
			return ret;
	}
	return 0;
}

static const cli_command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int check_flags(const cli_opts *o, const cli_command *cmd)
{
	static const struct { unsigned int bit; const char *name; } names[] = {
		{ FLAG_MIGRATIONS, "--migrations" }, { FLAG_STATE, "--state" },
		{ FLAG_PRISMA, "--prisma" }, { FLAG_CLOCK, "--clock" },
		{ FLAG_SEED, "--seed" }, { FLAG_FAULT, "--fail/--crash" },
		{ FLAG_RESOLVE, "--applied/--rolled-back" }, { FLAG_RUN, "-run" },
		{ FLAG_VERBOSE, "-v" }, { FLAG_STEP, "--step" },
		{ FLAG_FORMAT, "--format" }, { FLAG_ROWS, "--rows" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if ((o->seen & names[i].bit) && !(cmd->flags & names[i].bit)) {
			fprintf(o->err, "migsim: %s does not take %s (see migsim --help)\n",
				cmd->name, names[i].name);
			return MS_EXIT_USAGE;
		}
	return 0;
}

int cli_main(FILE *out, FILE *err, int argc, char **argv)
{
	const cli_command *cmd;
	cli_opts o;
	int ret;

	ret = cli_parse(&o, out, err, argc, argv);
	if (ret != 0) {
		free(o.args);
		return ret < 0 ? MS_EXIT_OK : ret;
	}
	cmd = find_command(o.command);
	if (cmd == NULL)
		ret = usage_error(&o, "unknown command '%s'", o.command);
	else if ((ret = check_flags(&o, cmd)) == 0)
		ret = cmd->run(&o);
	free(o.args);
	fflush(out);
	fflush(err);
	return ret;
}

int main(int argc, char **argv)
{
	int ret;

	ms_pg_init();
	ret = cli_main(stdout, stderr, argc, argv);
	ms_pg_shutdown();
	return ret;
}
