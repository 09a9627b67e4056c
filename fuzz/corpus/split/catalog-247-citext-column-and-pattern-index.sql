CREATE EXTENSION IF NOT EXISTS citext;
CREATE TABLE "Viewer" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, "name" VARCHAR(100), CONSTRAINT "Viewer_pkey" PRIMARY KEY ("id"));
ALTER TABLE "Viewer" ALTER COLUMN "email" TYPE citext;
ALTER TABLE "Viewer" ALTER COLUMN "name" SET DATA TYPE CITEXT;
CREATE INDEX IF NOT EXISTS "Viewer_email_prefix_idx" ON "Viewer"(lower("email") text_pattern_ops);
