CREATE FUNCTION feature_images(tags_to_exclude text, num_images_per_category integer) RETURNS void AS $$ BEGIN RETURN; END; $$ LANGUAGE plpgsql;
CREATE FUNCTION feature_images(num_images_per_category integer) RETURNS void AS $$ BEGIN RETURN; END; $$ LANGUAGE plpgsql;
DROP FUNCTION IF EXISTS feature_images(text,integer);
DROP FUNCTION IF EXISTS feature_images(integer);
DROP FUNCTION IF EXISTS feature_images(integer);
CREATE FUNCTION feature_images() RETURNS integer AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
