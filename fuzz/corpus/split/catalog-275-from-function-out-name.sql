CREATE TABLE "report" (
    "report_id" UUID NOT NULL,
    "type" VARCHAR(50) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "parameters" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "report_pkey" PRIMARY KEY ("report_id")
);
CREATE VIEW "v" AS SELECT jsonb_array_elements.value, value ->> 'a' AS a FROM "report", jsonb_array_elements("parameters");
