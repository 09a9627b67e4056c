#!/bin/sh
# schema_cmp.sh - compare a real pg_dump --schema-only with migsim schema
# of the same history, both reduced by schema_norm.awk.  A table whose
# columns migsim does not know (a CREATE TABLE AS it could not analyse)
# is compared without its columns; Prisma's own ledger, _prisma_migrations,
# is left out of both.  Prints the differences ("real:" or "migsim:"
# lines); exit status 1 when there are any.
#
# usage: sh tests/pg/schema_cmp.sh REAL.sql MIGSIM.sql
set -eu
NORM=$(dirname "$0")/schema_norm.awk
TMP=$(mktemp -d /tmp/migsim-schema-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
awk -f "$NORM" "$1" | grep -v '_prisma_migrations' | sort -u > "$TMP/real" || :
awk -f "$NORM" "$2" | grep -v '_prisma_migrations' | sort -u > "$TMP/sim" || :
sed -n 's/^column \(.*\) -- columns not known to migsim$/\1/p' "$TMP/sim" \
	> "$TMP/unknown"
awk -v list="$TMP/unknown" '
	BEGIN { while ((getline t < list) > 0) skip[t] = 1 }
	$1 == "column" && skip[$2] { next }
	{ print }' "$TMP/real" > "$TMP/real.cmp"
grep -v ' -- columns not known to migsim$' "$TMP/sim" > "$TMP/sim.cmp" || :
diff "$TMP/real.cmp" "$TMP/sim.cmp" | sed -n 's/^< /real:   /p; s/^> /migsim: /p' \
	> "$TMP/diff" || :
cat "$TMP/diff"
[ ! -s "$TMP/diff" ]
