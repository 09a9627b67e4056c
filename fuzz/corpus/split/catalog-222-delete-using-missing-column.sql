CREATE TYPE "Timeframe" AS ENUM ('Day', 'Week');
CREATE TABLE "Collection" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "orderIndex" INTEGER NOT NULL DEFAULT 0,
    "createdOn" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Collection_pkey" PRIMARY KEY ("id")
);
DELETE FROM "Collection" c USING "Collection" d WHERE c."userId" = d."userId" AND c.id > d.id AND d."archived";
