/*
 * txn.c - the transaction model: how PostgreSQL runs a migration script
 * sent the way a given Prisma version sends it (spec execution-modes.md
 * sections 1 and 6; PostgreSQL 15 postgres.c exec_simple_query and
 * xact.c, summarised in docs/postgresql.md).
 *
 * Batch mode: one simple-query message.  With more than one statement,
 * PostgreSQL wraps each in an implicit transaction block, so a statement
 * that calls PreventInTransactionBlock fails with 25001; an explicit
 * COMMIT makes everything before it permanent and a later statement starts
 * a new implicit block; the first error rolls back the open transaction
 * and nothing after it runs.
 *
 * Split mode: each statement is its own message and commits on its own,
 * unless an explicit BEGIN holds a block open.  When sqlparser rejects any
 * statement the file goes as one batch instead; when it is not known
 * whether sqlparser accepts it, both are simulated, and a disagreement
 * makes the prediction unknown.
 *
 * psql mode (migsim sql, a fix made by hand) sends statement by statement
 * like split mode, with no splitter to fall back from.
 *
 * The simulated PostgreSQL transaction is an SQLite savepoint inside the
 * command's store transaction.  A BEGIN left open at the end of a script
 * keeps its savepoint open on the session, so whatever the connection
 * does next (Prisma's ledger writes, the next migration) happens inside
 * it until COMMIT, ROLLBACK or the end of the connection.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "pg_int.h"

#define TXN "ms_pg_txn"     /* the open PostgreSQL transaction */
#define PROBE "ms_pg_probe" /* state before a what-if run */

typedef struct runner {
	ms_store *store;
	const ms_pg_script *script;
	const ms_pg_fault *fault;
	ms_pg_result *out;
	ms_pg_session *session;
	size_t fault_at;        /* 0-based statement of the fault */
	size_t open_from;       /* first statement of the open transaction */
	int split;              /* each statement is its own message */
} runner;

static int oom(ms_error *err)
{
	return ms_error_set(err, MS_ENOMEM, "out of memory");
}

static int fails(runner *r, size_t i, const char *sqlstate, const char *fmt,
	const char *arg)
{
	r->out->stmts[i].verdict = MS_VERDICT_FAILS;
	return ms_pg_error_set(&r->out->error, sqlstate, fmt, arg);
}

/* fails, at PostgreSQL 15.18's reporting site. */
static int fails_at(runner *r, size_t i, const char *sqlstate,
	const char *site_file, int site_line, const char *routine,
	const char *fmt, const char *arg)
{
	if (fails(r, i, sqlstate, fmt, arg) < 0)
		return MS_ENOMEM;
	r->out->error.file = site_file;
	r->out->error.line = site_line;
	r->out->error.routine = routine;
	return MS_OK;
}

/* Mark statements [from, to) as committed. */
static void keep(runner *r, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		r->out->stmts[i].kept = 1;
}

static int begin_txn(runner *r, size_t i, ms_error *err)
{
	r->open_from = i;
	return ms_store_savepoint(r->store, TXN, err);
}

static int commit_txn(runner *r, size_t upto, ms_error *err)
{
	int ret;

	keep(r, r->open_from, upto);
	r->session->n_savepoints = 0;
	r->session->savepoints_lost = 0;
	if ((ret = ms_store_release(r->store, TXN, err)) < 0)
		return ret;
	/* ALTER TYPE ... ADD VALUE's labels become usable (55P04); ON COMMIT
	 * DROP tables go. */
	return ms_pg__on_commit(r->store, err);
}

static int rollback_txn(runner *r, ms_error *err)
{
	r->session->n_savepoints = 0;
	r->session->savepoints_lost = 0;
	return ms_store_rollback_to(r->store, TXN, err);
}

/* The store's name for the user savepoint at depth k. */
static void savepoint_name(char *out, size_t n, int k)
{
	snprintf(out, n, "ms_pg_sp_%d", k);
}

/* The newest open savepoint called name, or -1. */
static int savepoint_find(const ms_pg_session *s, const char *name)
{
	for (int k = s->n_savepoints - 1; k >= 0; k--)
		if (strcmp(s->savepoints[k], name) == 0)
			return k;
	return -1;
}

/*
 * SAVEPOINT, RELEASE SAVEPOINT and ROLLBACK TO SAVEPOINT inside BEGIN, as
 * SQLite savepoints: ROLLBACK TO undoes what the statements since did to
 * the catalog and the rows facts, and keeps the savepoint; both drop the
 * ones opened after it.  *done is 0 where migsim cannot follow (too deep,
 * a name it does not know while some were not followed); a name never
 * set is 3B001.
 */
static int user_savepoint(int *done, runner *r, size_t i, const char *what,
	const char *name, ms_error *err)
{
	ms_pg_session *s = r->session;
	char sp[32];
	int k, ret;

	*done = 0;
	if (name == NULL || strlen(name) >= sizeof(s->savepoints[0])) {
		s->savepoints_lost |= strcmp(what, "SAVEPOINT") == 0;
		return MS_OK;
	}
	if (strcmp(what, "SAVEPOINT") == 0) {
		if (s->n_savepoints == MS_PG_SAVEPOINTS) {
			s->savepoints_lost = 1;
			return MS_OK;
		}
		savepoint_name(sp, sizeof(sp), s->n_savepoints);
		if ((ret = ms_store_savepoint(r->store, sp, err)) < 0)
			return ret;
		strcpy(s->savepoints[s->n_savepoints++], name);
		*done = 1;
		return MS_OK;
	}
	if ((k = savepoint_find(s, name)) < 0 && !s->savepoints_lost) {
		/* Every savepoint of the block is on the stack: 3B001. */
		int release = strcmp(what, "RELEASE SAVEPOINT") == 0;

		*done = 1;
		if (fails(r, i, "3B001", "savepoint \"%s\" does not exist",
		    name) < 0)
			return oom(err);
		/* With no savepoint at all the block is not in a subtransaction,
		 * and an earlier branch reports it. */
		r->out->error.file = "xact.c";
		r->out->error.line = s->n_savepoints == 0 ? (release ? 4317 : 4428) :
			(release ? 4368 : 4477);
		r->out->error.routine = release ? "ReleaseSavepoint" :
			"RollbackToSavepoint";
		return MS_OK;
	}
	if (k < 0)
		return MS_OK;
	savepoint_name(sp, sizeof(sp), k);
	if (strcmp(what, "RELEASE SAVEPOINT") == 0) {
		s->n_savepoints = k;
		*done = 1;
		return ms_store_release(r->store, sp, err);
	}
	/* ROLLBACK TO: SQLite's ROLLBACK TO then RELEASE, and the savepoint
	 * again, as PostgreSQL keeps it. */
	s->n_savepoints = k + 1;
	*done = 1;
	if ((ret = ms_store_rollback_to(r->store, sp, err)) < 0)
		return ret;
	return ms_store_savepoint(r->store, sp, err);
}

/* PostgreSQL 15.18's reporting sites for "%s can only be used in
 * transaction blocks": inside an implicit block (a multi-statement
 * message) the routine that runs the statement raises it; alone, COMMIT
 * AND CHAIN raises it from another place, and the savepoint statements
 * from RequireTransactionBlock's CheckTransactionBlock. */
static void no_block_site(ms_pg_error *e, const char *what, int multi)
{
	static const struct {
		const char *what;
		int in_implicit;
		const char *routine;
		int alone;
		const char *alone_routine;
	} sites[] = {
		{ "COMMIT AND CHAIN", 3902, "EndTransactionBlock", 3981,
		  "EndTransactionBlock" },
		{ "ROLLBACK AND CHAIN", 4104, "UserAbortTransactionBlock", 4104,
		  "UserAbortTransactionBlock" },
		{ "SAVEPOINT", 4255, "DefineSavepoint", 3587,
		  "CheckTransactionBlock" },
		{ "RELEASE SAVEPOINT", 4324, "ReleaseSavepoint", 3587,
		  "CheckTransactionBlock" },
		{ "ROLLBACK TO SAVEPOINT", 4435, "RollbackToSavepoint", 3587,
		  "CheckTransactionBlock" },
	};

	for (size_t k = 0; k < sizeof(sites) / sizeof(sites[0]); k++)
		if (strcmp(sites[k].what, what) == 0) {
			e->file = "xact.c";
			e->line = multi ? sites[k].in_implicit : sites[k].alone;
			e->routine = multi ? sites[k].routine : sites[k].alone_routine;
		}
}

/* VACUUM and REINDEX read their options before PreventInTransactionBlock:
 * one they do not know is 42601 first, which is not modelled. */
static int options_known(const PgQuery__Node *n)
{
	static const char *const vacuum[] = { "verbose", "skip_locked",
		"analyze", "freeze", "full", "disable_page_skipping",
		"index_cleanup", "process_toast", "truncate", "parallel", NULL };
	static const char *const reindex[] = { "verbose", "concurrently",
		"tablespace", NULL };
	PgQuery__Node **opts = NULL;
	const char *const *known = NULL;
	size_t n_opts = 0;

	if (n && n->node_case == PG_QUERY__NODE__NODE_VACUUM_STMT) {
		opts = n->vacuum_stmt->options;
		n_opts = n->vacuum_stmt->n_options;
		known = vacuum;
	} else if (n && n->node_case == PG_QUERY__NODE__NODE_REINDEX_STMT) {
		opts = n->reindex_stmt->params;
		n_opts = n->reindex_stmt->n_params;
		known = reindex;
	}
	/* VACUUM's column lists and PARALLEL, and any option's value, are
	 * checked first too (ExecVacuum, ExecReindex); ALTER DATABASE wants
	 * its TABLESPACE alone (AlterDatabase). */
	if (n && n->node_case == PG_QUERY__NODE__NODE_VACUUM_STMT)
		for (size_t i = 0; i < n->vacuum_stmt->n_rels; i++)
			if (n->vacuum_stmt->rels[i]->node_case ==
			    PG_QUERY__NODE__NODE_VACUUM_RELATION &&
			    n->vacuum_stmt->rels[i]->vacuum_relation->n_va_cols)
				return 0;
	if (n && n->node_case == PG_QUERY__NODE__NODE_ALTER_DATABASE_STMT &&
	    n->alter_database_stmt->n_options != 1)
		return 0;
	for (size_t i = 0; i < n_opts; i++) {
		const char *name = opts[i]->node_case ==
			PG_QUERY__NODE__NODE_DEF_ELEM ? opts[i]->def_elem->defname : NULL;
		size_t k = 0;

		while (name && known[k] && strcmp(known[k], name) != 0)
			k++;
		if (name == NULL || known[k] == NULL || opts[i]->def_elem->arg ||
		    strcmp(name, "parallel") == 0)
			return 0;
	}
	return 1;
}

/* PREPARE TRANSACTION: alone, only a warning (no transaction in
 * progress); in a block, implicit or not, a default server refuses it
 * (max_prepared_transactions = 0). */
static int prepare_transaction(runner *r, size_t i, int multi,
	ms_error *err)
{
	const PgQuery__Node *n = ms_pg__stmt_node(r->script, i);
	const char *gid = n ? n->transaction_stmt->gid : NULL;
	int64_t *temps = NULL;
	size_t n_temps = 0;
	int ret;

	if (!multi && !r->session->in_block)
		return MS_OK;
	/* PrepareTransaction refuses a transaction that touched temporary
	 * objects (0A000) before MarkAsPreparing looks at the name. */
	if ((ret = cat_temp_list(&temps, &n_temps, r->store, 0, err)) < 0)
		return ret;
	free(temps);
	if (n_temps) {
		r->out->stmts[i].verdict = MS_VERDICT_UNKNOWN;
		r->out->stmts[i].note = "PREPARE TRANSACTION with temporary "
			"relations is not modelled";
		return MS_OK;
	}
	if (gid && strlen(gid) >= 200)
		return fails_at(r, i, "22023", "twophase.c", 384, "MarkAsPreparing",
			"transaction identifier \"%s\" is too long", gid) < 0 ?
			oom(err) : MS_OK;
	if (fails_at(r, i, "55000", "twophase.c", 391, "MarkAsPreparing", "%s",
	    "prepared transactions are disabled") < 0)
		return oom(err);
	r->out->error.hint = ms_strdup("Set max_prepared_transactions to a "
		"nonzero value.");
	return r->out->error.hint ? MS_OK : oom(err);
}

/* Statements that take no snapshot (PlannedStmtRequiresSnapshot). */
static int takes_snapshot(const PgQuery__Node *p)
{
	switch (p ? p->node_case : PG_QUERY__NODE__NODE__NOT_SET) {
	case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
	case PG_QUERY__NODE__NODE_LOCK_STMT:
	case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
	case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
	case PG_QUERY__NODE__NODE_CONSTRAINTS_SET_STMT:
	case PG_QUERY__NODE__NODE_FETCH_STMT:
	case PG_QUERY__NODE__NODE_LISTEN_STMT:
	case PG_QUERY__NODE__NODE_NOTIFY_STMT:
	case PG_QUERY__NODE__NODE_UNLISTEN_STMT:
	case PG_QUERY__NODE__NODE_CHECK_POINT_STMT:
		return 0;
	default:
		return p != NULL;
	}
}

/* BEGIN ISOLATION LEVEL after statements of the same implicit block
 * that took a snapshot: 1 too late, -1 when the level in force is not
 * known (check_XactIsoLevel refuses only a change of level). */
/* An option of BEGIN / START TRANSACTION: its name and, for the
 * isolation level, its value ("" when not a string). */
static const char *begin_option(const PgQuery__Node *o, const char **value)
{
	const PgQuery__DefElem *de = o->node_case ==
		PG_QUERY__NODE__NODE_DEF_ELEM ? o->def_elem : NULL;

	*value = de && de->arg && de->arg->node_case ==
		PG_QUERY__NODE__NODE_A_CONST && de->arg->a_const->val_case ==
		PG_QUERY__A__CONST__VAL_SVAL ? de->arg->a_const->sval->sval : "";
	return de ? de->defname : "";
}

/*
 * BEGIN's options are set one by one, in a block already open too
 * (standard_ProcessUtility, SetPGVariable), and their check hooks look
 * at the transaction: check_XactIsoLevel refuses a change of level once
 * a snapshot was taken, then in a subtransaction; check_transaction_
 * deferrable refuses DEFERRABLE either way in a subtransaction, then
 * after a snapshot.  Returns the message, NULL when they pass, or "" when
 * the transaction's state is not known (a block opened by an earlier
 * message, a level set by SET or kept by AND CHAIN).
 */
static const char *begin_refused(const runner *r, const PgQuery__Node *n,
	size_t i, const char **site_routine, int *site_line)
{
	const char *level = "read committed", *name, *value;
	int snapshot = 0, begun = 0, unsure = 0;
	int sub = r->session->n_savepoints > 0 || r->session->savepoints_lost;

	if (n == NULL || n->transaction_stmt->n_options == 0)
		return NULL;
	for (size_t k = r->open_from; k < i; k++) {
		const PgQuery__Node *p = ms_pg__stmt_node(r->script, k);

		snapshot |= takes_snapshot(p);
		unsure |= p && p->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT;
		if (r->script->stmts[k].cls != MS_STMT_BEGIN || p == NULL)
			continue;
		begun = 1;
		for (size_t o = 0; o < p->transaction_stmt->n_options; o++)
			if (strcmp(begin_option(p->transaction_stmt->options[o],
			    &value), "transaction_isolation") == 0)
				level = value;
	}
	/* A block from an earlier message, or chained from the last. */
	if ((r->session->in_block && !begun) || (r->open_from > 0 &&
	    r->script->stmts[r->open_from - 1].no_block &&
	    strstr(r->script->stmts[r->open_from - 1].no_block, "AND CHAIN")))
		unsure = 1;
	for (size_t o = 0; o < n->transaction_stmt->n_options; o++) {
		name = begin_option(n->transaction_stmt->options[o], &value);
		if (strcmp(name, "transaction_isolation") == 0) {
			/* Before a snapshot, outside a savepoint, any level goes. */
			if ((!snapshot && !sub && !(r->session->in_block && !begun)) ||
			    (strcmp(value, level) == 0 && !unsure)) {
				level = value;
				continue;
			}
			if (unsure || !value[0])
				return "";
			*site_routine = "call_enum_check_hook";
			*site_line = 12094;
			if (snapshot)
				return "SET TRANSACTION ISOLATION LEVEL must be called "
					"before any query";
			if (sub)
				return "SET TRANSACTION ISOLATION LEVEL must not be called "
					"in a subtransaction";
			level = value;
		} else if (strcmp(name, "transaction_deferrable") == 0) {
			if (r->session->in_block && !begun)
				return "";
			*site_routine = "call_bool_check_hook";
			*site_line = 11942;
			if (sub)
				return "SET TRANSACTION [NOT] DEFERRABLE cannot be called "
					"within a subtransaction";
			if (snapshot)
				return "SET TRANSACTION [NOT] DEFERRABLE must be called "
					"before any query";
		}
	}
	return NULL;
}

static int run_txn_stmt(runner *r, size_t i, int multi, ms_error *err)
{
	const ms_pg_stmt *st = &r->script->stmts[i];
	ms_pg_stmt_result *res = &r->out->stmts[i];
	int ret;

	switch (st->cls) {
	case MS_STMT_BEGIN: {
		const PgQuery__Node *n = ms_pg__stmt_node(r->script, i);
		const char *refused, *routine = NULL;
		int line = 0;

		/* Its options are set after the statements already run, which
		 * join the block either way; a second BEGIN only warns. */
		refused = begin_refused(r, n, i, &routine, &line);
		r->session->in_block = 1;
		if (refused && refused[0])
			return fails_at(r, i, "25001", "guc.c", line, routine, "%s",
				refused) < 0 ? oom(err) : MS_OK;
		if (refused) {
			res->verdict = MS_VERDICT_UNKNOWN;
			res->note = "the transaction's isolation level and snapshot are "
				"not modelled here";
			return MS_OK;
		}
		/* READ ONLY (or READ WRITE): not followed. */
		if (ms_pg__settings_named(n)) {
			res->verdict = MS_VERDICT_UNKNOWN;
			res->note = "a read-only transaction is not modelled";
			return ms_pg__settings_unfollowed(r->store, err);
		}
		return MS_OK;
	}
	case MS_STMT_COMMIT:
		/* Without a block PostgreSQL warns "there is no transaction
		 * in progress" and commits the implicit one all the same. */
		r->session->in_block = 0;
		if ((ret = commit_txn(r, i + 1, err)) < 0)
			return ret;
		return begin_txn(r, i + 1, err);
	case MS_STMT_ROLLBACK:
		r->session->in_block = 0;
		if ((ret = rollback_txn(r, err)) < 0)
			return ret;
		return begin_txn(r, i + 1, err);
	default:
		break;
	}
	if (st->no_block == NULL)
		return prepare_transaction(r, i, multi, err);
	/* COMMIT / ROLLBACK AND CHAIN in a block end it and open another. */
	if (r->session->in_block && (strcmp(st->no_block, "COMMIT AND CHAIN") == 0 ||
	    strcmp(st->no_block, "ROLLBACK AND CHAIN") == 0)) {
		if ((ret = st->no_block[0] == 'C' ? commit_txn(r, i + 1, err) :
		    rollback_txn(r, err)) < 0)
			return ret;
		return begin_txn(r, i + 1, err);
	}
	if (!r->session->in_block && st->no_block) {
		/* xact.c: RequireTransactionBlock / DefineSavepoint and friends
		 * refuse an implicit block or a lone statement. */
		if (fails(r, i, "25P01", "%s can only be used in transaction "
		    "blocks", st->no_block) < 0)
			return oom(err);
		no_block_site(&r->out->error, st->no_block, multi);
		return MS_OK;
	}
	{
		const PgQuery__Node *n = ms_pg__stmt_node(r->script, i);
		int done = 0;

		if (n && n->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT &&
		    (ret = user_savepoint(&done, r, i, st->no_block,
		    n->transaction_stmt->savepoint_name, err)) < 0)
			return ret;
		if (done)
			return MS_OK;
	}
	res->verdict = MS_VERDICT_UNKNOWN;
	res->note = "savepoints, chained and prepared transactions inside BEGIN "
		"are not modelled";
	/* What a ROLLBACK of some kind undid is not known. */
	if (strncmp(st->no_block, "ROLLBACK", 8) == 0)
		return ms_pg__state_unsure(r->store, err);
	return MS_OK;
}

/*
 * Run statement i.  `multi` is whether the message it arrived in holds
 * more than one statement (an implicit transaction block).
 */
static int run_stmt(runner *r, size_t i, int multi, ms_error *err)
{
	const ms_pg_stmt *st = &r->script->stmts[i];
	ms_pg_stmt_result *res = &r->out->stmts[i];
	const char *note = NULL;
	int ret;

	res->ran = 1;
	res->verdict = MS_VERDICT_OK;
	if (r->session->aborted && st->cls != MS_STMT_COMMIT &&
	    st->cls != MS_STMT_ROLLBACK)
		return fails(r, i, "25P02", "%s", "current transaction is aborted, "
			"commands ignored until end of transaction block") < 0 ?
			oom(err) : MS_OK;
	if (r->fault && !r->fault->crash && r->fault_at == i) {
		res->verdict = MS_VERDICT_FAILS;
		return ms_pg__injected_error(&r->out->error, r->fault->sqlstate,
			r->fault->message, r->script, i, &res->note) < 0 ?
			oom(err) : MS_OK;
	}
	if (st->cls == MS_STMT_BEGIN || st->cls == MS_STMT_COMMIT ||
	    st->cls == MS_STMT_ROLLBACK || st->cls == MS_STMT_TXN_OTHER) {
		if (r->session->aborted) {
			/* COMMIT of an aborted block rolls back; either ends it. */
			r->session->aborted = 0;
		}
		return run_txn_stmt(r, i, multi, err);
	}
	if (st->cls == MS_STMT_NO_BLOCK && (multi || r->session->in_block) &&
	    !options_known(ms_pg__stmt_node(r->script, i))) {
		res->verdict = MS_VERDICT_UNKNOWN;
		res->note = "an option PostgreSQL may not know is not checked";
		return MS_OK;
	}
	if (st->cls == MS_STMT_NO_BLOCK && (multi || r->session->in_block)) {
		/* docs/postgresql.md. */
		return fails_at(r, i, "25001", "xact.c", 3486,
		    "PreventInTransactionBlock", "%s cannot run inside a "
		    "transaction block", st->no_block) < 0 ? oom(err) : MS_OK;
	}
	/* LOCK TABLE needs a transaction block; the implicit block of a
	 * multi-statement message is one (CheckTransactionBlock). */
	if (!multi && !r->session->in_block &&
	    ms_pg__stmt_node(r->script, i) && ms_pg__stmt_node(r->script,
	    i)->node_case == PG_QUERY__NODE__NODE_LOCK_STMT) {
		return fails_at(r, i, "25P01", "xact.c", 3587,
		    "CheckTransactionBlock", "%s", "LOCK TABLE can only be used in "
		    "transaction blocks") < 0 ? oom(err) : MS_OK;
	}
	ret = ms_pg__catalog_apply(&res->verdict, &note, &r->out->error,
		r->store, r->script, i, r->split ? st->start : 0, err);
	res->note = note;
	return ret;
}

static int crash_after(const runner *r, size_t i)
{
	return r->fault && r->fault->crash && r->fault_at == i;
}

static void count_not_run(runner *r, size_t i)
{
	for (size_t j = i + 1; j < r->script->count; j++)
		r->out->n_not_run++;
}

/*
 * After a failure at statement i: inside an explicit block the session is
 * left aborted (its effects go when the block ends, as here); otherwise
 * the implicit transaction is rolled back.
 */
static int failed_at(runner *r, size_t i, ms_error *err)
{
	r->out->failed_stmt = (int)i + 1;
	for (size_t j = 0; j < i; j++)
		if (r->out->stmts[j].verdict == MS_VERDICT_UNKNOWN) {
			r->out->uncertain_stmt = (int)j + 1;
			break;
		}
	count_not_run(r, i);
	if (r->session->in_block) {
		r->out->session_aborted = 1;
		r->session->aborted = 1;
		r->session->in_block = 0;
	}
	return rollback_txn(r, err);
}

/* The process dies after statement i: the connection's end rolls back
 * whatever is not committed. */
static int crashed_at(runner *r, size_t i, int txn_open, ms_error *err)
{
	r->out->crashed = 1;
	count_not_run(r, i);
	r->session->in_block = 0;
	return txn_open ? rollback_txn(r, err) : MS_OK;
}

/* The script ends: an open BEGIN stays open on the session. */
static int end_of_script(runner *r, int txn_open, ms_error *err)
{
	if (r->session->in_block) {
		r->out->block_open = 1;
		return MS_OK;
	}
	return txn_open ? commit_txn(r, r->script->count, err) : MS_OK;
}

static int run_batch(runner *r, ms_error *err)
{
	const ms_pg_script *s = r->script;
	int multi = s->count > 1, ret;

	r->open_from = 0;
	if (!r->session->in_block && (ret = begin_txn(r, 0, err)) < 0)
		return ret;
	for (size_t i = 0; i < s->count; i++) {
		if ((ret = run_stmt(r, i, multi, err)) < 0)
			return ret;
		if (r->out->stmts[i].verdict == MS_VERDICT_FAILS)
			return failed_at(r, i, err);
		if (crash_after(r, i))
			return crashed_at(r, i, 1, err);
	}
	return end_of_script(r, 1, err);
}

static int run_split(runner *r, ms_error *err)
{
	const ms_pg_script *s = r->script;
	int ret;

	r->open_from = 0;
	for (size_t i = 0; i < s->count; i++) {
		if (!r->session->in_block && (ret = begin_txn(r, i, err)) < 0)
			return ret;
		if ((ret = run_stmt(r, i, 0, err)) < 0)
			return ret;
		if (r->out->stmts[i].verdict == MS_VERDICT_FAILS)
			return failed_at(r, i, err);
		/* COMMIT and ROLLBACK already ended the transaction and opened
		 * the next; otherwise autocommit unless a block is open. */
		if (!r->session->in_block &&
		    (ret = commit_txn(r, i + 1, err)) < 0)
			return ret;
		if (crash_after(r, i))
			return crashed_at(r, i, r->session->in_block, err);
	}
	return end_of_script(r, 0, err);
}

static void finish(ms_pg_result *out, const ms_pg_script *s)
{
	out->n_ok = out->n_unknown = out->n_failed = 0;
	for (size_t i = 0; i < s->count; i++) {
		if (!out->stmts[i].ran)
			continue;
		switch (out->stmts[i].verdict) {
		case MS_VERDICT_OK:      out->n_ok++; break;
		case MS_VERDICT_UNKNOWN:
			if (out->n_unknown++ == 0 && out->unknown_note == NULL)
				out->unknown_note = out->stmts[i].note;
			break;
		case MS_VERDICT_FAILS:   out->n_failed++; break;
		}
	}
	if (out->n_failed)
		out->verdict = MS_VERDICT_FAILS;
	else if (out->n_unknown)
		out->verdict = MS_VERDICT_UNKNOWN;
	else
		out->verdict = MS_VERDICT_OK;
}

static int run_mode(ms_pg_result *out, ms_store *store, ms_pg_session *ses,
	const ms_pg_script *s, int split, const ms_pg_fault *fault,
	ms_error *err)
{
	runner r;
	int ret;

	memset(&r, 0, sizeof(r));
	r.store = store;
	r.script = s;
	r.fault = fault;
	r.out = out;
	r.session = ses;
	r.split = split;
	if (fault)
		r.fault_at = fault->stmt > 0 ? (size_t)fault->stmt - 1 :
			s->count - 1;
	out->sent = s->sql;
	out->sent_len = s->sql_len;
	ret = split ? run_split(&r, err) : run_batch(&r, err);
	if (ret == MS_OK)
		finish(out, s);
	return ret;
}

static int alloc_result(ms_pg_result *out, size_t n, ms_exec_mode mode,
	ms_error *err)
{
	memset(out, 0, sizeof(*out));
	out->mode = mode;
	out->count = n;
	out->stmts = calloc(n ? n : 1, sizeof(*out->stmts));
	if (out->stmts == NULL)
		return oom(err);
	return MS_OK;
}

static ms_split_parse split_verdict(const ms_pg_script *s)
{
	ms_split_parse v = MS_SPLIT_PARSES;

	for (size_t i = 0; i < s->count && v != MS_SPLIT_REJECTS; i++) {
		ms_split_parse one = ms_pg__sqlparser_accepts(s, i);

		if (one > v)
			v = one;
	}
	return v;
}

static int same_outcome(const ms_pg_result *a, const ms_pg_result *b)
{
	if (a->verdict != b->verdict || a->failed_stmt != b->failed_stmt ||
	    a->session_aborted != b->session_aborted ||
	    a->block_open != b->block_open)
		return 0;
	if (a->verdict == MS_VERDICT_FAILS &&
	    (strcmp(a->error.sqlstate, b->error.sqlstate) != 0 ||
	     strcmp(a->error.message, b->error.message) != 0))
		return 0;
	for (size_t i = 0; i < a->count; i++)
		if (a->stmts[i].kept != b->stmts[i].kept)
			return 0;
	return 1;
}

/* sqlparser may or may not accept the file: simulate both ways. */
static int run_unsure(ms_pg_result *out, ms_store *store, ms_pg_session *ses,
	const ms_pg_script *s, const ms_pg_fault *fault, ms_error *err)
{
	ms_pg_session saved = *ses;
	ms_pg_result batch;
	int ret;

	if ((ret = alloc_result(&batch, s->count, MS_EXEC_SPLIT, err)) < 0)
		return ret;
	if ((ret = ms_store_savepoint(store, PROBE, err)) < 0 ||
	    (ret = run_mode(&batch, store, ses, s, 0, fault, err)) < 0 ||
	    (ret = ms_store_rollback_to(store, PROBE, err)) < 0)
		goto out;
	*ses = saved;
	if ((ret = run_mode(out, store, ses, s, 1, fault, err)) < 0)
		goto out;
	if (!same_outcome(&batch, out)) {
		out->split_unsure = 1;
		out->verdict = MS_VERDICT_UNKNOWN;
		out->unknown_note = "whether Prisma's SQL splitter (sqlparser "
			"0.61) accepts this file is not known, and the file "
			"behaves differently when it is sent whole";
	}
out:
	ms_pg_result_clear(&batch);
	return ret;
}

static int dispatch(ms_pg_result *out, ms_store *store, ms_pg_session *ses,
	const ms_pg_script *s, ms_exec_mode mode, const ms_pg_fault *fault,
	ms_error *err)
{
	ms_split_parse sp;

	if (s->parse_failed) {
		/* PostgreSQL rejects the whole string before running any of
		 * it; sqlparser rejects it too, so split mode falls back. */
		out->verdict = MS_VERDICT_FAILS;
		out->fell_back = mode == MS_EXEC_SPLIT;
		out->sent = s->sql;
		out->sent_len = s->sql_len;
		if (ses->in_block) {
			ses->aborted = 1;
			out->session_aborted = 1;
		}
		return ms_pg_error_copy(&out->error, &s->parse_error) < 0 ?
			oom(err) : MS_OK;
	}
	if (mode == MS_EXEC_BATCH)
		return run_mode(out, store, ses, s, 0, fault, err);
	if (mode == MS_EXEC_PSQL)
		return run_mode(out, store, ses, s, 1, fault, err);
	sp = split_verdict(s);
	if (sp == MS_SPLIT_REJECTS) {
		out->fell_back = 1;
		return run_mode(out, store, ses, s, 0, fault, err);
	}
	if (sp == MS_SPLIT_PARSES)
		return run_mode(out, store, ses, s, 1, fault, err);
	return run_unsure(out, store, ses, s, fault, err);
}

int ms_pg_execute(ms_pg_result *out, ms_store *store, ms_pg_session *session,
	const ms_pg_script *s, ms_exec_mode mode, const ms_pg_fault *fault,
	ms_error *err)
{
	ms_pg_session own = MS_PG_SESSION_INIT;
	int ret;

	if ((ret = alloc_result(out, s->count, mode, err)) < 0)
		return ret;
	ret = dispatch(out, store, session ? session : &own, s, mode, fault,
		err);
	if (ret == MS_OK && session == NULL)
		ret = ms_pg_session_close(&own, store, err);
	return ret;
}

int ms_pg_session_close(ms_pg_session *session, ms_store *store,
	ms_error *err)
{
	int ret = MS_OK;

	if (session->in_block)
		ret = ms_store_rollback_to(store, TXN, err);
	session->in_block = 0;
	session->aborted = 0;
	session->n_savepoints = 0;
	session->savepoints_lost = 0;
	return ret < 0 ? ret : ms_pg__session_end(store, err);
}

void ms_pg_result_clear(ms_pg_result *r)
{
	ms_pg_error_clear(&r->error);
	free(r->stmts);
	memset(r, 0, sizeof(*r));
}
