CREATE TABLE "report" (
    "report_id" UUID NOT NULL,
    "type" VARCHAR(50) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "parameters" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "report_pkey" PRIMARY KEY ("report_id")
);
INSERT INTO "report" (report_id, type, name, parameters)
SELECT gen_random_uuid(), 'goal', concat(name, ' - ', elem ->> 'value'), jsonb_build_object('type', elem ->> 'type') AS parameters
FROM "report" CROSS JOIN LATERAL jsonb_array_elements(parameters -> 'goals') elem
WHERE type = 'goal' AND elem ->> 'type' IN ('event', 'url');
