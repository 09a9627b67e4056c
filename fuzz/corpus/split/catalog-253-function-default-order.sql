CREATE TYPE "TagSource" AS ENUM ('User', 'Rekognition');
CREATE FUNCTION bad_defaults(a integer default null, b integer) RETURNS integer AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
