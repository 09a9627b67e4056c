#!/bin/sh
# gen.sh N DIR - a synthetic Prisma history of N migrations for make bench:
# each creates a table with a key and an index, and every tenth also adds
# a column and a foreign key to the table before it.  Deterministic.
set -eu
N=$1
DIR=$2
rm -rf "$DIR"
mkdir -p "$DIR"
printf 'provider = "postgresql"\n' > "$DIR/migration_lock.toml"
awk -v n="$N" -v dir="$DIR" 'BEGIN {
	for (i = 1; i <= n; i++)
		printf "%s/2020%010d_m%d\n", dir, i, i
}' | xargs mkdir -p
awk -v n="$N" -v dir="$DIR" 'BEGIN {
	for (i = 1; i <= n; i++) {
		name = sprintf("%s/2020%010d_m%d", dir, i, i)
		f = name "/migration.sql"
		printf "-- CreateTable\nCREATE TABLE \"T%d\" (\n    \"id\" TEXT NOT NULL,\n    \"name\" TEXT NOT NULL,\n    \"createdAt\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n\n    CONSTRAINT \"T%d_pkey\" PRIMARY KEY (\"id\")\n);\n\n-- CreateIndex\nCREATE INDEX \"T%d_name_idx\" ON \"T%d\"(\"name\");\n", i, i, i, i > f
		if (i % 10 == 0 && i > 1)
			printf "\n-- AlterTable\nALTER TABLE \"T%d\" ADD COLUMN \"prevId\" TEXT;\n\n-- AddForeignKey\nALTER TABLE \"T%d\" ADD CONSTRAINT \"T%d_prevId_fkey\" FOREIGN KEY (\"prevId\") REFERENCES \"T%d\"(\"id\") ON DELETE SET NULL ON UPDATE CASCADE;\n", i, i, i, i - 1 > f
		close(f)
	}
}'
