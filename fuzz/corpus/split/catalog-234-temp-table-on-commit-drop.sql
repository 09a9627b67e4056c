CREATE TABLE "Goal" ("id" SERIAL NOT NULL, "entity" TEXT NOT NULL, CONSTRAINT "Goal_pkey" PRIMARY KEY ("id"));
CREATE TEMP TABLE goal_merge ON COMMIT DROP AS SELECT "entity", min("id") AS keep_id FROM "Goal" GROUP BY "entity";
SELECT * FROM goal_merge;
DELETE FROM "Goal" g USING goal_merge m WHERE g."entity" = m."entity" AND g."id" <> m.keep_id;
