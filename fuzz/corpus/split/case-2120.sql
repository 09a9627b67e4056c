CREATE TABLE "T" ("id" TEXT NOT NULL, "n" INTEGER, CONSTRAINT "T_pkey" PRIMARY KEY ("id"));
DO $$
DECLARE v TEXT;
BEGIN
  SELECT data_type INTO v FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'T' AND column_name = 'n';
  SELECT data_type INTO v FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'T' AND column_name = 'nope';
  IF v = 'integer' THEN
    RAISE EXCEPTION 'still integer';
  ELSIF v IS NULL THEN
    RAISE EXCEPTION 'null';
  END IF;
END $$;
