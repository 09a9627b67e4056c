CREATE TABLE "UserProfile" ("profileURL" TEXT NOT NULL, "bio" TEXT, CONSTRAINT "UserProfile_pkey" PRIMARY KEY ("profileURL"));
INSERT INTO "UserProfile" ("profileURL") VALUES ('a');
ALTER TABLE "UserProfile" ADD COLUMN "url" TEXT;
ALTER TABLE "UserProfile" ALTER COLUMN "url" SET NOT NULL;
