#!/bin/sh
# seed.sh - the seed incident (../shared/seeds/000_4947300a8bad2760.txt)
# replayed with the migsim command line and the sqlite3 shell alone: the
# 64 folders, the earlier failed attempts, the CONCURRENTLY failure, the
# 12 blocked migrations, resolve, the fix, the 13 applied in the seed's
# order, and the seed's queries 7 and 8 run unchanged on the state file
# (query 3 with substr(): SQLite has no LEFT(); docs/ledger.md).
#
# usage: sh tests/cli/seed.sh MIGSIM WORKDIR
set -eu
MIGSIM=$1
WORK=$2
HERE=$(cd "$(dirname "$0")/seed" && pwd)
mkdir -p "$WORK/prisma/migrations"
cd "$WORK"
printf 'provider = "postgresql"\n' > prisma/migrations/migration_lock.toml
WAIT=20251225_step6_waitlist_party_only
FIRST=$(sed -n 1p "$HERE/names.txt")
m() { "$MIGSIM" "$@" --prisma 6.19.3 -q; }
fail() { echo "seed.sh: $*" >&2; exit 1; }

# Add the names from line $1 to line $2 of names.txt.
add() {
	sed -n "$1,$2p" "$HERE/names.txt" | while read -r n; do
		mkdir -p "prisma/migrations/$n"
		if [ "$n" = "$FIRST" ]; then
			# The table step 6 indexes, as the real history created it.
			printf 'CREATE TABLE "WaitlistEntry" ("id" SERIAL NOT NULL, "tenantId" INTEGER NOT NULL, "contactId" INTEGER, "clientPartyId" INTEGER, CONSTRAINT "WaitlistEntry_pkey" PRIMARY KEY ("id"));\nCREATE INDEX "WaitlistEntry_contactId_idx" ON "WaitlistEntry"("contactId");\n' \
				> "prisma/migrations/$n/migration.sql"
		elif [ "$n" = "$WAIT" ]; then
			printf 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "WaitlistEntry_clientPartyId_idx" ON "WaitlistEntry"("clientPartyId");\nDROP INDEX CONCURRENTLY IF EXISTS "WaitlistEntry_contactId_idx";\n' \
				> "prisma/migrations/$n/migration.sql"
		else
			printf -- '-- %s\nSELECT 1;\n' "$n" > "prisma/migrations/$n/migration.sql"
		fi
	done
}

m deploy --clock 2025-09-21T22:43:26Z >/dev/null
add 1 40
m deploy > out.txt
add 41 43
m deploy > out.txt
add 44 44
for i in 1 2 3; do
	m deploy --fail 20251224_party_step5_breeding_party=42703 >/dev/null 2>&1 &&
		fail "injected failure did not fail"
	m resolve --rolled-back 20251224_party_step5_breeding_party > /dev/null
done
m deploy > /dev/null
add 45 45
m deploy --fail 20251224115227_party_step5_attachment_party=42P01 \
	>/dev/null 2>&1 && fail "injected failure did not fail"
m resolve --rolled-back 20251224115227_party_step5_attachment_party >/dev/null
m deploy > /dev/null
add 46 51
m deploy > /dev/null

# The incident.
add 52 64
m deploy > out.txt 2> err.txt && fail "the CONCURRENTLY migration did not fail"
grep -q '^Database error code: 25001$' err.txt || fail "no 25001: $(cat err.txt)"
m status > out.txt && fail "status did not exit 1"
cmp out.txt "$HERE/status-before.txt" || fail "status before the fix differs"
m deploy > out.txt 2> err.txt && fail "deploy did not stop"
grep -q '^Error: P3009$' err.txt || fail "no P3009"
m resolve --rolled-back "$WAIT" > out.txt
cmp out.txt "$HERE/resolve.txt" || fail "resolve output differs"
sed -i 's/CONCURRENTLY //' "prisma/migrations/$WAIT/migration.sql"
m deploy > out.txt
cmp out.txt "$HERE/deploy-13.txt" || fail "the 13-migration deploy differs"
m status > out.txt
cmp out.txt "$HERE/status-after.txt" || fail "status after the fix differs"

# Query 7, verbatim.
q7=$(sqlite3 migsim.db "SELECT COUNT(*) as total_migrations,
       COUNT(finished_at) as successfully_applied,
       COUNT(*) FILTER (WHERE finished_at IS NULL) as failed
FROM _prisma_migrations;")
[ "$q7" = "69|64|5" ] || fail "query 7 gives $q7, want 69|64|5"

# Query 8, verbatim: the 64 names in the seed's order.
sqlite3 migsim.db "SELECT migration_name
FROM _prisma_migrations
WHERE finished_at IS NOT NULL
ORDER BY started_at;" > q8.txt
cmp q8.txt "$HERE/names.txt" || fail "query 8 order differs"

# Query 3, LEFT() written as substr().
sqlite3 migsim.db "SELECT migration_name, substr(logs, 1, 500) as error_log
FROM _prisma_migrations
WHERE migration_name = '$WAIT'
  AND finished_at IS NULL;" > q3.txt
grep -q "^$WAIT|A migration failed to apply. New migrations cannot be applied before the error is recovered from." q3.txt ||
	fail "query 3: $(cat q3.txt)"
grep -q '^ERROR: CREATE INDEX CONCURRENTLY cannot run inside a transaction block$' q3.txt ||
	fail "query 3 lacks the 25001 text"
echo "seed: 69 rows, 64 applied, 5 failed; query 8 in the seed's order"
