#!/bin/sh
# kill.sh - a deploy killed with SIGKILL at any moment leaves the state
# file as it was before the command or as it is after it, never between
# (each command is one SQLite transaction: design.md "The state file").
#
# usage: sh tests/cli/kill.sh MIGSIM CORPORA WORKDIR
set -eu
MIGSIM=$1
CIVITAI=$2/civitai__civitai/migrations
WORK=$3
mkdir -p "$WORK"
cd "$WORK"
fail() { echo "kill.sh: $*" >&2; exit 1; }
[ -d "$CIVITAI" ] || fail "$CIVITAI: no such corpus"

# Rows in the ledger; a file whose first transaction never committed is
# an empty state ("empty state file"), which counts as 0.
total() {
	"$MIGSIM" ledger --state "$1" --format json 2> /dev/null |
		sed -n -e 's/^ *"total": \([0-9]*\),*$/\1/p' \
		-e 's/^ *"message": ".*: empty state file",*$/0/p'
}

# The complete result, for comparison.
"$MIGSIM" deploy --migrations "$CIVITAI" --prisma 6.19.3 --state full.db \
	-q > /dev/null 2>&1 || true
after=$(total full.db)
[ "$after" -gt 100 ] || fail "reference deploy wrote $after rows"

killed=0
for delay in 0.01 0.03 0.05 0.08 0.1 0.13 0.16 0.2 0.25 0.3 0.4 0.6; do
	rm -f k.db k.db-journal
	if timeout -s KILL "$delay" "$MIGSIM" deploy --migrations "$CIVITAI" \
	    --prisma 6.19.3 --state k.db -q > /dev/null 2>&1; then
		:
	fi
	[ -f k.db-journal ] && killed=$((killed + 1))
	[ -f k.db ] || continue
	n=$(total k.db) || fail "state unreadable after kill at ${delay}s"
	[ "$n" = 0 ] || [ "$n" = "$after" ] ||
		fail "after a kill at ${delay}s the ledger has $n rows (want 0 or $after)"
	check=$(sqlite3 k.db "PRAGMA integrity_check")
	[ "$check" = ok ] || fail "integrity_check after ${delay}s: $check"
done
echo "12 kills, $killed mid-transaction; every state before or after ($after rows)"
