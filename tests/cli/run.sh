#!/bin/sh
# run.sh - the command-line tests: every scenario in tests/cli and
# scenarios/ through `migsim test`, then what the runner cannot check about
# itself (its exit status and count line, bad scenario files), the seed
# incident from the shell alone with the seed's own SQL queries, a deploy
# killed at random moments, and every corpus in ../shared/corpora.
#
# usage: sh tests/cli/run.sh BUILD/migsim
# Ends with "N passed, N failed"; exits non-zero if anything failed.
set -u
LC_ALL=C
TZ=UTC
export LC_ALL TZ

MIGSIM=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TOP=$(cd "$(dirname "$0")/../.." && pwd)
CORPORA=${MIGSIM_CORPORA:-$TOP/../shared/corpora}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/migsim-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; shift; for l in "$@"; do echo "    $l"; done; }

# 1. The scenarios, through the runner itself.
if "$MIGSIM" test "$TOP/tests/cli" "$TOP/scenarios" > "$WORK/test.out" 2>&1; then
	st=0
else
	st=$?
fi
cat "$WORK/test.out"
line=$(tail -n 1 "$WORK/test.out")
n_fail=$(echo "$line" | sed -n 's/^[0-9]* passed, \([0-9]*\) failed$/\1/p')
n_pass=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, [0-9]* failed$/\1/p')
if [ -n "$n_pass" ] && [ "$n_fail" = 0 ] && [ "$st" = 0 ]; then
	passed=$((passed + n_pass))
else
	failed=$((failed + ${n_fail:-1}))
	passed=$((passed + ${n_pass:-0}))
	echo "FAIL migsim test (exit $st): $line"
fi

# 2. The runner's verdict on bad and failing scenario files.
runner_rejects() { # NAME WANT-IN-OUTPUT
	cp "$TOP/tests/cli/bad/$1.txtar.in" "$WORK/$1.txtar"
	if "$MIGSIM" test "$WORK/$1.txtar" > "$WORK/bad.out" 2>&1; then
		bad "runner rejects $1" "exit 0, want 1"
	elif ! grep -q -- "$2" "$WORK/bad.out"; then
		bad "runner rejects $1" "no '$2' in:" "$(cat "$WORK/bad.out")"
	elif ! tail -n 1 "$WORK/bad.out" | grep -q '^0 passed, 1 failed$'; then
		bad "runner rejects $1" "last line: $(tail -n 1 "$WORK/bad.out")"
	else
		ok "runner rejects $1"
	fi
}
runner_rejects unknown-verb "unknown-verb.txtar:2: unknown verb 'frobnicate'"
runner_rejects heredoc "heredoc.txtar:1: unterminated heredoc"
runner_rejects regex "regex.txtar:2: bad regular expression '(oops'"
runner_rejects escape "escape.txtar:2: archive file name '../escape.sql' leaves"
runner_rejects missing-file "missing-file.txtar:1: cp missing.sql x.sql"
runner_rejects failing "failing.txtar:3: stdout 'no such text'"
runner_rejects exit "exit status 0, want 3"
runner_rejects ledger "ledger.txtar:1: ledger total=1"
runner_rejects negated "matches 'migration found', want no match"
runner_rejects cmp "a.txt and b.txt differ"
runner_rejects table "table nope does not exist"
runner_rejects row "rows of x: got \[\], want \[finished\]"
runner_rejects negated-migsim "exit status 0, want a failure"
# -run picks scenarios by path; -v shows the steps.
"$MIGSIM" test -v -run '0001-usage' "$TOP/tests/cli" > "$WORK/run.out" 2>&1
if [ "$(tail -n 1 "$WORK/run.out")" = "1 passed, 0 failed" ] &&
    grep -q '0001-usage-help.txtar:3: migsim --help' "$WORK/run.out"; then
	ok "migsim test -run and -v"
else
	bad "migsim test -run and -v" "$(cat "$WORK/run.out")"
fi
# replay narrates, or writes JSON for tools.
if "$MIGSIM" replay > "$WORK/replay.out" 2>&1 &&
    grep -q '^Step 1 (line ' "$WORK/replay.out" &&
    grep -q 'every check held' "$WORK/replay.out" &&
    "$MIGSIM" replay --format json "$TOP/scenarios/20-recover-rolled-back-fix-redeploy.txtar" \
      > "$WORK/replay.json" 2>&1 &&
    grep -q '"passed": true' "$WORK/replay.json" &&
    grep -q '"change": "changed"' "$WORK/replay.json"; then
	ok "migsim replay, text and JSON"
else
	bad "migsim replay" "$(tail -n 20 "$WORK/replay.out" "$WORK/replay.json")"
fi
if "$MIGSIM" test "$WORK/nothing-here" > "$WORK/bad.out" 2>&1; then
	bad "runner: missing path fails" "exit 0"
else
	ok "runner: missing path fails"
fi

# 3. The seed incident from the shell alone.
if sh "$TOP/tests/cli/seed.sh" "$MIGSIM" "$WORK/seed" > "$WORK/seed.out" 2>&1; then
	ok "seed incident from the shell, with the seed's queries 3, 7 and 8"
else
	bad "seed incident from the shell" "$(cat "$WORK/seed.out")"
fi

# 4. kill -9 at any moment leaves the state as before or after.
sh "$TOP/tests/cli/kill.sh" "$MIGSIM" "$CORPORA" "$WORK/kill" > "$WORK/kill.out" 2>&1
if [ $? -eq 0 ]; then
	ok "kill -9 mid-deploy: $(tail -n 1 "$WORK/kill.out")"
else
	bad "kill -9 mid-deploy" "$(cat "$WORK/kill.out")"
fi

# 5. Every corpus, deployed onto a fresh state, batch and split mode,
# batch against what a real PostgreSQL 15.18 did.
if sh "$TOP/tests/cli/corpora.sh" "$MIGSIM" "$CORPORA" "$WORK/corpora" \
    "$TOP/tests/pg/corpora" > "$WORK/corpora.out" 2>&1; then
	ok "corpora: no stop that PostgreSQL does not make"
	grep -e '^batch mode' -e '^split mode' -e 'not predicted' -e 'environment:' \
		"$WORK/corpora.out" | sed 's/^ */    /'
else
	bad "corpora" "$(cat "$WORK/corpora.out")"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
