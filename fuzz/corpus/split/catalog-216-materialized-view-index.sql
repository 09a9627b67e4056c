CREATE TYPE "Kind" AS ENUM ('Like', 'Heart');
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "Reaction" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" "Kind" NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Reaction_pkey" PRIMARY KEY ("id")
);
CREATE MATERIALIZED VIEW "Stats" AS SELECT "userId", COUNT(*) AS "n" FROM "Reaction" GROUP BY "userId";
CREATE UNIQUE INDEX "Stats_userId_key" ON "Stats"("userId");
CREATE INDEX "Stats_missing_idx" ON "Stats"("total");
