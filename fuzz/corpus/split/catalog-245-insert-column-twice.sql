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
INSERT INTO "Job" ("flags", "score", "flags") VALUES (1, 2, 3);
