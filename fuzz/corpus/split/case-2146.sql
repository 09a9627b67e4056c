CREATE TABLE "T" ("id" TEXT NOT NULL, "n" INTEGER, CONSTRAINT "T_pkey" PRIMARY KEY ("id"));
DO $$
DECLARE v TEXT;
BEGIN
  SELECT data_type INTO v FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'T' AND column_name = 'id';
  IF v = 'integer' THEN
    RAISE EXCEPTION 'integer';
  ELSIF v IN ('character varying', 'text') THEN
    ALTER TABLE "T" ADD COLUMN "flag" INTEGER;
  ELSE
    RAISE EXCEPTION 'else';
  END IF;
END $$;
CREATE INDEX "T_flag_idx" ON "T"("flag");
