CREATE TYPE "TagTarget" AS ENUM ('Image', 'Model');
CREATE TABLE "Sub" ("id" SERIAL NOT NULL, "targets" "TagTarget"[] NOT NULL DEFAULT '{}', "models" INTEGER[], "names" VARCHAR(20)[], "meta" JSONB, "score" DOUBLE PRECISION, "at" TIMESTAMP(3), CONSTRAINT "Sub_pkey" PRIMARY KEY ("id"));
CREATE INDEX "Sub_first_model_idx" ON "Sub" (("models"[1]));
CREATE VIEW "SubView" AS SELECT "id", "models"[1] AS "first", "names"[1] AS "firstName", exp("score") AS "e", extract(epoch FROM "at" - "at") AS "secs", date("at") AS "day" FROM "Sub";
UPDATE "Sub" SET "meta" = jsonb_set("meta", '{steps}', '[]'), "targets" = array_append("targets", 'Model');
CREATE OR REPLACE VIEW "SubView" AS SELECT "id", "models"[1] AS "first", "names"[2] AS "firstName", exp("score") AS "e", extract(epoch FROM "at" - "at") AS "secs", date("at") AS "day", 1 AS "more" FROM "Sub";
