CREATE DOMAIN "Status" AS TEXT DEFAULT 'draft';
CREATE DOMAIN "RequiredStatus" AS "Status" NOT NULL;
CREATE TABLE "Post" ("id" TEXT NOT NULL, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
INSERT INTO "Post" ("id") VALUES ('p1');
ALTER TABLE "Post" ADD COLUMN "status" "RequiredStatus";
