CREATE TABLE "User" ("id" SERIAL NOT NULL, "name" TEXT, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
CREATE VIEW "UserNames" AS SELECT "id", "name" FROM "User";
ALTER TABLE "User" RENAME COLUMN "name" TO "displayName";
CREATE OR REPLACE VIEW "UserNames" AS SELECT "id", "displayName" FROM "User";
