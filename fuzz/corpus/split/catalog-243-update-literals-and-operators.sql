CREATE TABLE "Job" (
    "id" SERIAL NOT NULL,
    "at" TIME NOT NULL DEFAULT '00:00:00',
    "every" INTERVAL,
    "startAt" TIMESTAMP(3),
    "doneAt" TIMESTAMPTZ(3),
    "tags" TEXT[],
    "ids" INTEGER[],
    "meta" JSONB,
    "score" DOUBLE PRECISION,
    "weight" NUMERIC(10, 2),
    "flags" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);
UPDATE "Job" SET
  "at" = '00:30:00',
  "every" = '1d',
  "startAt" = '1970-01-01 00:00:00 +00:00',
  "tags" = '{"a b","c"}',
  "ids" = '{"1","2"}',
  "meta" = "meta" - 'old',
  "score" = "score" * "weight",
  "weight" = "weight" * 2,
  "flags" = "flags" << 1
WHERE "doneAt" - "startAt" > interval '1 hour';
