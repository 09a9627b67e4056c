CREATE TABLE "T" ("id" TEXT NOT NULL, "n" INTEGER, CONSTRAINT "T_pkey" PRIMARY KEY ("id"));
DO $$
DECLARE v TEXT;
BEGIN
  SELECT data_type INTO v FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'T' AND column_name = 'nope';
  IF v = NULL THEN
    RAISE EXCEPTION 'eq null';
  ELSE
    RAISE EXCEPTION 'else';
  END IF;
END $$;
