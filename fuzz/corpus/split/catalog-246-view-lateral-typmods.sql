CREATE TABLE "Tag" ("id" SERIAL NOT NULL, "name" VARCHAR(191) NOT NULL, CONSTRAINT "Tag_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Vote" ("tagId" INTEGER NOT NULL, "vote" INTEGER NOT NULL, "createdAt" TIMESTAMP(3) NOT NULL, "meta" JSONB);
CREATE VIEW "TagVotes" AS
SELECT t."id", t."name", v."lastVote", v."score", date_part('day', now() - v."lastVote") AS "ageDays", (t."id")::text AS "key"
FROM "Tag" t
CROSS JOIN LATERAL (
  SELECT max(x."createdAt") AS "lastVote", sum((x."meta"->>'weight')::int + x.vote) AS "score"
  FROM "Vote" x WHERE x."tagId" = t."id"
) v;
CREATE OR REPLACE VIEW "TagVotes" AS
SELECT t."id", t."name", w."createdAt" AS "lastVote", 0::bigint AS "score", 0::double precision AS "ageDays", (t."id")::text AS "key"
FROM "Tag" t JOIN "Vote" w ON w."tagId" = t."id";
