# schema_norm.awk - a pg_dump --schema-only text (or migsim schema's, in
# the same shape) reduced to one line per schema fact, for comparing what
# migsim simulated with what PostgreSQL built (tests/pg/live.sh).  Both
# sides go through the same rules; what migsim does not keep is dropped
# from both: default and check expressions, index predicates, foreign key
# actions, DEFERRABLE, view queries, functions, aggregates, triggers,
# policies (their expressions), sequences' options, comments, grants and
# default privileges, ownership, publications, domains' defaults and
# check expressions.
#
# usage: awk -f schema_norm.awk DUMP | sort

function emit(s) { gsub(/[ \t]+/, " ", s); sub(/^ /, "", s); sub(/ $/, "", s); print s }

# A column line of CREATE TABLE: name and type, NOT NULL, no default.
function column(table, line,   s) {
	s = line
	sub(/,$/, "", s)
	gsub(/^[ \t]+/, "", s)
	if (s ~ /^CONSTRAINT /) {
		split(s, w, " ")
		emit("constraint " table " " w[2] (s ~ / CHECK / ? " check" : ""))
		return
	}
	if (s ~ / NOT NULL/) { notnull = " NOT NULL" } else { notnull = "" }
	sub(/ (DEFAULT|GENERATED|COLLATE) .*$/, "", s)
	sub(/ NOT NULL$/, "", s)
	emit("column " table " " s notnull)
}

# CREATE DOMAIN: name, base type and NOT NULL; each check by name.
function domain(s,   w, x, head, tail, i, n, parts, base, nn) {
	split(s, w, " ")
	head = s
	tail = ""
	i = index(s, " CONSTRAINT ")
	if (i) { head = substr(s, 1, i - 1); tail = substr(s, i) }
	sub(/;$/, "", head)
	nn = (head ~ / NOT NULL( |$)/) ? " NOT NULL" : ""
	base = head
	sub(/^CREATE DOMAIN [^ ]+ AS /, "", base)
	sub(/ (COLLATE|NOT NULL|DEFAULT)( .*)?$/, "", base)
	emit("domain " w[3] " " base nn)
	n = split(tail, parts, / CONSTRAINT /)
	for (i = 2; i <= n; i++) {
		split(parts[i], x, " ")
		emit("domcheck " w[3] " " x[1])
	}
}

function statement(s,   w, n) {
	gsub(/\n/, " ", s)
	gsub(/[ \t]+/, " ", s)
	sub(/^ /, "", s)
	if (s ~ /^(SET|SELECT|COMMENT ON|GRANT|REVOKE|CREATE TRIGGER|CREATE CONSTRAINT TRIGGER|CREATE POLICY|ALTER DEFAULT PRIVILEGES|CREATE PUBLICATION|ALTER PUBLICATION|CREATE EXTENSION|CREATE SCHEMA public|ALTER SCHEMA)/ || s ~ / OWNER TO / || s ~ / OWNED BY / || s ~ / SET DEFAULT nextval/)
		return
	if (s ~ /^CREATE DOMAIN /) {
		domain(s)
		return
	}
	if (s ~ /^ALTER DOMAIN [^ ]+ ADD CONSTRAINT /) {
		split(s, w, " ")
		emit("domcheck " w[3] " " w[6])
		return
	}
	if (s ~ /^CREATE SEQUENCE /) {
		n = split(s, w, " ")
		emit("sequence " w[3])
		return
	}
	if (s ~ /^CREATE (OR REPLACE )?(MATERIALIZED )?VIEW /) {
		sub(/^CREATE (OR REPLACE )?/, "", s)
		split(s, w, " ")
		emit(s ~ /^MATERIALIZED/ ? "matview " w[3] : "view " w[2])
		return
	}
	if (s ~ /^ALTER TABLE (ONLY )?[^ ]+ ADD CONSTRAINT [^ ]+ CHECK /) {
		split(s, w, " ")
		emit("constraint " (w[3] == "ONLY" ? w[4] : w[3]) " " (w[3] == "ONLY" ? w[7] : w[6]) " check")
		return
	}
	gsub(/ ON (DELETE|UPDATE) (CASCADE|RESTRICT|SET NULL|SET DEFAULT|NO ACTION)/, "", s)
	gsub(/ DEFERRABLE( INITIALLY (DEFERRED|IMMEDIATE))?/, "", s)
	if (s ~ /^CREATE (UNIQUE )?INDEX /) {
		sub(/ WHERE .*;$/, ";", s)
		# Index expressions (in parentheses of their own) are not kept.
		if (s ~ /USING [a-z]+ \(.*\(/ && s !~ /USING [a-z]+ \([^()]*\)( INCLUDE \([^()]*\))?;$/ || s ~ /-- expressions not kept/)
			sub(/USING [a-z]+ \(.*;$/, "(expressions);", s)
	}
	sub(/ NOT VALID;$/, ";", s)
	emit(s)
}

/^\\(un)?restrict / { next }
/^--/ || /^$/ { if (!intable && !instmt) next }

# Function and procedure bodies end where their dollar quote does; an
# aggregate's definition and a SQL-standard body (RETURN expr, BEGIN
# ATOMIC) have none and end at the first line ending in ";".
infunc {
	if ($0 ~ /AS \$[A-Za-z_]*\$/) dq = 1
	if ((dq && $0 ~ /\$[A-Za-z_]*\$;$/) || (!dq && $0 ~ /;$/)) infunc = 0
	next
}
/^CREATE (OR REPLACE )?(FUNCTION|PROCEDURE|AGGREGATE) / {
	dq = ($0 ~ /AS \$[A-Za-z_]*\$/)
	if ($0 !~ /;$/) infunc = 1
	next
}

# A column whose generation expression pg_dump prints over several lines
# ends where its parentheses close.
intable {
	if (pend == "" && $0 ~ /^\)/) { intable = 0; next }
	pend = pend == "" ? $0 : pend " " $0
	if (gsub(/\(/, "(", pend) > gsub(/\)/, ")", pend)) next
	column(table, pend)
	pend = ""
	next
}
/^CREATE (UNLOGGED )?TABLE [^ ]+ \($/ {
	table = $3 == "UNLOGGED" ? $4 : $3
	if ($2 == "UNLOGGED") table = $4
	emit("table " table)
	intable = 1
	next
}

{
	buf = instmt ? buf "\n" $0 : $0
	instmt = 1
	if ($0 ~ /;$/) { statement(buf); instmt = 0; buf = "" }
}
