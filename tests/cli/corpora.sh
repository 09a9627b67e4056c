#!/bin/sh
# corpora.sh - every history in ../shared/corpora deployed onto a fresh
# state, with `resolve --applied` past each failure (as a team walking a
# real database forward would), in batch mode (Prisma 6.19.3) and split
# mode (7.10.0).  The expected stops are PostgreSQL's transaction rules
# applied to the files NOTABLE.md lists: in batch mode the four civitai
# files that mix CREATE INDEX CONCURRENTLY with other statements (25001)
# and the one that does not parse (42601); in split mode the unparsable
# one and the CONCURRENTLY file whose DO blocks sqlparser rejects, which
# therefore goes as one batch (docs/execution.md).  Nothing else stops.
#
# usage: sh tests/cli/corpora.sh MIGSIM CORPORA WORKDIR
set -eu
MIGSIM=$1
CORPORA=$2
WORK=$3
mkdir -p "$WORK"
cd "$WORK"

walk() { # CORPUS VERSION -> "name code" lines on stdout
	dir=$CORPORA/$1/migrations
	state=$1-$2.db
	rm -f "$state"
	i=0
	while [ $i -lt 50 ]; do
		i=$((i + 1))
		if "$MIGSIM" deploy --migrations "$dir" --prisma "$2" \
		    --state "$state" > out.txt 2> err.txt; then
			grep '^migsim: simulated' err.txt | sed 's/^migsim: /    /' >&2
			return 0
		fi
		failed=$(sed -n 's/^Migration name: //p' err.txt)
		code=$(sed -n 's/^Database error code: //p' err.txt)
		[ -n "$failed" ] || { cat err.txt >&2; return 1; }
		echo "$failed $code"
		"$MIGSIM" resolve --applied "$failed" --migrations "$dir" \
			--prisma "$2" --state "$state" -q > /dev/null
	done
	return 1
}

cat > want-batch.txt <<'W'
civitai__civitai 20251117182613_post_metrics_denormalization 25001
civitai__civitai 20251123142214_model_metric_overhaul 42601
civitai__civitai 20260703120000_add_modelfile_replacedat 25001
civitai__civitai 20260707120000_block_scope_invocation_nullable_appblock 25001
civitai__civitai 20260715120000_w13_app_listing_comments 25001
W
cat > want-split.txt <<'W'
civitai__civitai 20251123142214_model_metric_overhaul 42601
civitai__civitai 20260715120000_w13_app_listing_comments 25001
W

status=0
for mode in batch:6.19.3 split:7.10.0; do
	mname=${mode%%:*}
	version=${mode#*:}
	: > got-$mname.txt
	for corpus in civitai__civitai documenso__documenso formbricks__formbricks \
	    ghostfolio__ghostfolio hoppscotch__hoppscotch linkwarden__linkwarden \
	    lukevella__rallly mfts__papermark umami-software__umami; do
		[ -d "$CORPORA/$corpus/migrations" ] ||
			{ echo "$corpus: missing" >&2; status=1; continue; }
		echo "$mname $corpus" >&2
		walk "$corpus" "$version" > stops.txt || status=1
		sed "s/^/$corpus /" stops.txt >> got-$mname.txt
	done
	if diff -u want-$mname.txt got-$mname.txt >&2; then
		echo "$mname mode: $(wc -l < got-$mname.txt) stops, as expected"
	else
		status=1
	fi
done
exit $status
