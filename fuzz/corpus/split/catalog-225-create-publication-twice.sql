CREATE TABLE "Image" (
    "id" SERIAL NOT NULL,
    "nsfw" BOOLEAN NOT NULL DEFAULT false,
    "likes" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Image_pkey" PRIMARY KEY ("id")
);
CREATE OR REPLACE FUNCTION iIF(
    condition boolean,
    true_result anyelement,
    false_result anyelement
) RETURNS anyelement AS $f$
  SELECT CASE WHEN condition THEN true_result ELSE false_result END
$f$ LANGUAGE SQL IMMUTABLE;
CREATE OR REPLACE FUNCTION nanoid(size int DEFAULT 21)
RETURNS text AS $$
BEGIN
  RETURN substr(md5(random()::text), 1, size);
END
$$ LANGUAGE PLPGSQL VOLATILE;
CREATE PUBLICATION "cdc";
CREATE PUBLICATION "cdc";
