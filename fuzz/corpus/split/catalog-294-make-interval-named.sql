CREATE TABLE "polls" ("id" TEXT NOT NULL, "time_zone" TEXT, "status" TEXT NOT NULL, PRIMARY KEY ("id"));
CREATE TABLE "options" ("id" TEXT NOT NULL, "poll_id" TEXT NOT NULL, "start_time" TIMESTAMP(0) NOT NULL, "duration_minutes" INTEGER NOT NULL DEFAULT 0, PRIMARY KEY ("id"));
UPDATE polls p SET status = 'closed' WHERE EXISTS (SELECT 1 FROM options o WHERE o.poll_id = p.id AND o.start_time + make_interval(mins => o.duration_minutes) > (now() AT TIME ZONE 'UTC')) AND p.time_zone IN (SELECT name FROM pg_timezone_names);
