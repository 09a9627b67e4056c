CREATE TABLE "report" (
    "report_id" UUID NOT NULL,
    "type" VARCHAR(50) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "parameters" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "report_pkey" PRIMARY KEY ("report_id")
);
UPDATE "report" SET parameters = jsonb_set(parameters, '{steps}', (SELECT jsonb_agg(CASE WHEN step->>'type' = 'url' THEN jsonb_set(step, '{type}', '"path"') ELSE step END) FROM jsonb_array_elements(parameters->'steps') step)) WHERE type = 'funnel';
