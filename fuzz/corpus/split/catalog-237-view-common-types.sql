CREATE TABLE "Metric" (
    "id" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "total" BIGINT NOT NULL,
    "rating" DOUBLE PRECISION,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Metric_pkey" PRIMARY KEY ("id")
);
CREATE VIEW "MetricView" AS
SELECT DISTINCT
  "id",
  CASE WHEN "count" > 0 THEN "total" ELSE 0 END AS "score",
  COALESCE("rating", 0) AS "rating",
  COALESCE("updatedAt", "createdAt") AS "touched",
  "title" || ' #' || "id" AS "label"
FROM "Metric";
CREATE OR REPLACE VIEW "MetricView" AS
SELECT DISTINCT
  "id",
  CASE WHEN "count" > 0 THEN "total" ELSE 0 END AS "score",
  COALESCE("rating", 0) AS "rating",
  COALESCE("updatedAt", "createdAt") AS "touched",
  "title" || ' #' || "id" AS "label",
  1 AS "extra"
FROM "Metric";
CREATE OR REPLACE VIEW "MetricView" AS
SELECT DISTINCT "id", "count" AS "score" FROM "Metric";
