CREATE TABLE "Account" ("id" TEXT NOT NULL, "expires_at" INTEGER, CONSTRAINT "Account_pkey" PRIMARY KEY ("id"));
DO $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'Account'
      AND column_name = 'expires_at' AND data_type IN ('integer', 'bigint')
  ) THEN
    ALTER TABLE "Account" ADD COLUMN "expires_at_tmp" TIMESTAMP(3);
    UPDATE "Account" SET "expires_at_tmp" = to_timestamp("expires_at") WHERE "expires_at" IS NOT NULL;
    ALTER TABLE "Account" DROP COLUMN "expires_at";
    ALTER TABLE "Account" RENAME COLUMN "expires_at_tmp" TO "expires_at";
  END IF;
END $$;
CREATE INDEX "Account_tmp_idx" ON "Account"("expires_at_tmp");
