CREATE TABLE "Setting" ("key" TEXT NOT NULL, "value" TEXT, CONSTRAINT "Setting_pkey" PRIMARY KEY ("key"));
INSERT INTO "Setting" ("key", "value") VALUES ('theme', 'dark'), ('lang', NULL);
ALTER TABLE "Setting" ADD COLUMN "scope" TEXT NOT NULL, DROP COLUMN "missing";
