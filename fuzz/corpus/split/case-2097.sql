CREATE TABLE "User" ("id" TEXT NOT NULL, "emailVerified" TIMESTAMP(3), CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
DO $$
DECLARE
  column_type TEXT;
BEGIN
  SELECT data_type INTO column_type
  FROM information_schema.columns
  WHERE table_schema = current_schema()
    AND table_name = 'User'
    AND column_name = 'emailVerified';
  IF column_type = 'timestamp without time zone' OR column_type = 'timestamp with time zone' THEN
    ALTER TABLE "User" ADD COLUMN IF NOT EXISTS "emailVerified_new" BOOLEAN NOT NULL DEFAULT false;
    UPDATE "User" SET "emailVerified_new" = ("emailVerified" IS NOT NULL);
    ALTER TABLE "User" DROP COLUMN "emailVerified";
    ALTER TABLE "User" RENAME COLUMN "emailVerified_new" TO "emailVerified";
  ELSIF column_type IS NULL THEN
    ALTER TABLE "User" ADD COLUMN "emailVerified" BOOLEAN NOT NULL DEFAULT false;
  ELSE
    ALTER TABLE "User" DROP COLUMN IF EXISTS "emailVerified_new";
  END IF;
END $$;
CREATE INDEX "User_tmp_idx" ON "User"("emailVerified_new");
