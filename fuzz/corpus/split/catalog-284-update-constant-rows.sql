CREATE TABLE "Tag" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "nsfwLevel" INTEGER NOT NULL DEFAULT 1,
    "note" VARCHAR(10),
    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name");
INSERT INTO "Tag" ("name") VALUES ('corpses'), ('nudity'), ('42');
UPDATE "Tag" SET "nsfwLevel" = 2 WHERE name = ANY('{"corpses","revealing clothes"}');
UPDATE "Tag" SET "note" = NULL, "nsfwLevel" = 4 WHERE name IN ('nudity') OR "note" IS NOT NULL;
