#!/bin/sh
# live.sh - `make test-pg`: start a throwaway PostgreSQL 15 (initdb and
# pg_ctl into a temporary directory, a Unix socket only, stopped at the
# end), and ask it again everything tests/pg records: each catalog case
# (tests/pg/cases) and the failures of each corpus history
# (tests/pg/corpora).  Any difference means a recording no longer says
# what the server does; migsim itself is compared with the recordings by
# `make test` (tests/pg/cases.c, tests/cli/corpora.sh).
#
# usage: sh tests/pg/live.sh LIVE MIGSIM CORPORA
set -eu
LIVE=$1
MIGSIM=$2
CORPORA=$3
TOP=$(cd "$(dirname "$0")/../.." && pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
[ -x "$PGBIN/initdb" ] || {
	echo "live.sh: no PostgreSQL 15 in $PGBIN (apt-get install postgresql-15)" >&2
	exit 1
}
TMP=$(mktemp -d /tmp/migsim-pg-XXXXXX)
RUN=
if [ "$(id -u)" = 0 ]; then
	# PostgreSQL refuses to run as root.
	chown postgres "$TMP"
	RUN="runuser -u postgres --"
fi
stop() {
	$RUN "$PGBIN/pg_ctl" -D "$TMP/data" -m immediate stop > /dev/null 2>&1 || :
	rm -rf "$TMP"
}
trap stop EXIT
$RUN "$PGBIN/initdb" -D "$TMP/data" -E UTF8 --locale=C.UTF-8 -U postgres \
	-A trust > "$TMP/initdb.log" 2>&1 || { cat "$TMP/initdb.log" >&2; exit 1; }
$RUN "$PGBIN/pg_ctl" -D "$TMP/data" -w -l "$TMP/server.log" -o \
	"-c listen_addresses= -k $TMP -p 5439 -c fsync=off -c TimeZone=Etc/UTC" \
	start > /dev/null
CONN="host=$TMP port=5439 user=postgres dbname=postgres"
VERSION=$("$PGBIN/postgres" --version | sed 's/.* \([0-9][0-9.]*\).*/\1/')
echo "live.sh: PostgreSQL $VERSION in $PGBIN"
# Reporting sites (file:line) move between minor releases: they were
# recorded on 15.18 and are compared only on 15.18.
sites() { cat; }
if [ "$VERSION" != 15.18 ]; then
	sites() { sed '/^site: /d'; }
	echo "live.sh: not 15.18, so reporting sites are not compared"
fi

status=0
# The corpora (below) run beside the cases.
(
	status=0
	# migsim walks a history as the server did: deploy, and resolve --applied
	# past each failure; the migrations that fail only for want of pgvector
	# (tests/pg/corpora/ENVIRONMENT) are made to fail in migsim too.
	walk() { # MIGRATIONS STATE
		fails=
		for m in $(cat "$TOP/tests/pg/corpora/ENVIRONMENT"); do
			[ -d "$1/$m" ] && fails="$fails --fail $m=0A000"
		done
		i=0
		while [ $i -lt 200 ]; do
			i=$((i + 1))
			"$MIGSIM" deploy --migrations "$1" --prisma 6.19.3 --state "$2" \
				$fails > /dev/null 2> "$TMP/walk.err" && return 0
			failed=$(sed -n 's/^Migration name: //p' "$TMP/walk.err")
			[ -n "$failed" ] || { cat "$TMP/walk.err" >&2; return 1; }
			"$MIGSIM" resolve --applied "$failed" --migrations "$1" \
				--prisma 6.19.3 --state "$2" -q > /dev/null
		done
		return 1
	}

	# The corpora, in the order migsim says Prisma 6.19.3 applies them: the
	# failures, then the schema the server ends with against migsim schema
	# (tests/pg/schema_cmp.sh says what is compared).
	for want in "$TOP"/tests/pg/corpora/*.expect; do
		corpus=$(basename "$want" .expect)
		rm -f "$TMP/order.db"
		"$MIGSIM" status --migrations "$CORPORA/$corpus/migrations" --prisma 6.19.3 \
			--state "$TMP/order.db" -q 2> /dev/null |
			sed -n '/^Following migrations have not yet been applied:$/,/^$/p' |
			sed '1d; /^$/d' > "$TMP/order.txt" || :
		"$LIVE" "$CONN" corpus "$CORPORA/$corpus/migrations" "$TMP/order.txt" \
			> "$TMP/got.raw" 2> "$TMP/count.txt" || status=1
		# A server unpacked outside /usr names its own share directory.
		sed 's|file "[^"]*/usr/share/postgresql/|file "/usr/share/postgresql/|' \
			"$TMP/got.raw" > "$TMP/got.txt"
		if grep -v '^#' "$want" | diff -u - "$TMP/got.txt" >&2; then
			echo "$corpus: $(cat "$TMP/count.txt"), as recorded"
		else
			echo "$corpus: the server disagrees with the recording (above)" >&2
			status=1
		fi
		"$PGBIN/pg_dump" --schema-only -h "$TMP" -p 5439 -U postgres \
			corpusdb > "$TMP/real.sql" || status=1
		rm -f "$TMP/walk.db"
		walk "$CORPORA/$corpus/migrations" "$TMP/walk.db" || status=1
		"$MIGSIM" schema --state "$TMP/walk.db" > "$TMP/sim.sql" || status=1
		if sh "$TOP/tests/pg/schema_cmp.sh" "$TMP/real.sql" "$TMP/sim.sql" >&2; then
			echo "$corpus: final schema as migsim simulated it"
		else
			echo "$corpus: the final schema differs (above)" >&2
			status=1
		fi
	done
	exit $status
) > "$TMP/corpora.out" 2>&1 &
corpora=$!

# The cases: the recorded expect section, case by case.  Those named
# *-pgvector-* were recorded with pgvector 0.8.6 installed: a server
# without it (Debian's postgresql-15 alone) is not asked them.
ls "$TOP"/tests/pg/cases/*.case > "$TMP/cases.list"
if [ ! -f "$PGBIN/../../../../share/postgresql/15/extension/vector.control" ]; then
	grep -v -- '-pgvector-' "$TMP/cases.list" > "$TMP/cases.kept" || :
	echo "live.sh: no pgvector, so $(grep -c -- '-pgvector-' "$TMP/cases.list") pgvector cases are not asked"
	mv "$TMP/cases.kept" "$TMP/cases.list"
fi
while read -r f; do
	printf '=== %s\n' "$(basename "$f")"
	sed -n '/^-- expect --$/,$p' "$f"
done < "$TMP/cases.list" | sites > "$TMP/cases.want"
# Connections side by side (two per CPU, at least four), each on its
# own database, cleaned between cases (tests/pg/live.c); the shards keep
# the files' order, so their outputs join in it.
shards=$(( $(nproc 2> /dev/null || echo 2) * 2 ))
[ "$shards" -ge 4 ] || shards=4
split -n "l/$shards" -d -a 2 "$TMP/cases.list" "$TMP/shard."
pids=
for s in "$TMP"/shard.??; do
	# shellcheck disable=SC2046
	"$LIVE" "$CONN" cases $(cat "$s") > "$s.out" &
	pids="$pids $!"
done
for p in $pids; do
	wait "$p" || status=1
done
cat "$TMP"/shard.??.out > "$TMP/cases.raw"
sites < "$TMP/cases.raw" > "$TMP/cases.got"
if diff -u "$TMP/cases.want" "$TMP/cases.got" >&2; then
	echo "cases: $(wc -l < "$TMP/cases.list") recordings agree with the server"
else
	echo "cases: the server disagrees with recordings (above)" >&2
	status=1
fi

wait "$corpora" || status=1
cat "$TMP/corpora.out"
exit $status
