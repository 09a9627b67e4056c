CREATE TYPE "Timeframe" AS ENUM ('Day', 'Week');
CREATE TABLE "Collection" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "orderIndex" INTEGER NOT NULL DEFAULT 0,
    "createdOn" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Collection_pkey" PRIMARY KEY ("id")
);
WITH ordered AS (
  SELECT id, ROW_NUMBER() OVER (PARTITION BY "userId" ORDER BY "orderIndex" ASC, "createdOn" ASC) - 1 AS new_index
  FROM "Collection"
)
UPDATE "Collection" c
SET "orderIndex" = o.new_index
FROM ordered o
WHERE c.id = o.id;
