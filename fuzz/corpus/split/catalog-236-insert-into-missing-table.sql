CREATE TABLE "Poll" ("id" TEXT NOT NULL, CONSTRAINT "Poll_pkey" PRIMARY KEY ("id"));
INSERT INTO "Link" ("urlId", "pollId") SELECT "id", "id" FROM "Polls";
