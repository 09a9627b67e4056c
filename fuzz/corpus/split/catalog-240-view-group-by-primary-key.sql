CREATE TABLE "User" ("id" SERIAL NOT NULL, "name" TEXT, "status" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Post" ("id" SERIAL NOT NULL, "userId" INTEGER NOT NULL, "views" BIGINT NOT NULL, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
CREATE FUNCTION "touch"() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql;
CREATE VIEW "UserViews" AS
SELECT u."id", u."name", SUM(p."views") AS "views"
FROM "User" u LEFT JOIN "Post" p ON p."userId" = u."id"
GROUP BY u."id";
