CREATE TYPE "TagSource" AS ENUM ('User', 'Rekognition');
CREATE OR REPLACE FUNCTION manipulate_bits(attributes integer, source "TagSource" default null, confidence integer default null) RETURNS INTEGER AS $$
BEGIN
  RETURN CASE WHEN confidence IS NULL THEN attributes ELSE attributes | confidence END;
END;
$$ LANGUAGE plpgsql;
CREATE VIEW "Bits" AS SELECT manipulate_bits(1) AS a, manipulate_bits(1, 'User') AS b, manipulate_bits(1, NULL, 3) AS c;
