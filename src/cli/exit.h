/* exit.h - migsim's exit statuses.  Prisma's own (0 and 1) pass through
 * unchanged; migsim adds its own for what Prisma has no counterpart for. */
#ifndef MIGSIM_CLI_EXIT_H
#define MIGSIM_CLI_EXIT_H

enum ms_exit {
	MS_EXIT_OK = 0,        /* Prisma succeeded */
	MS_EXIT_PRISMA = 1,    /* Prisma failed (a P-code, a status diagnosis) */
	MS_EXIT_USAGE = 2,     /* bad flag, bad input file, unusable state file */
	MS_EXIT_KILLED = 137   /* an injected crash: as a SIGKILLed deploy */
};

#endif
