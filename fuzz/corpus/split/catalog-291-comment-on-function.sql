CREATE FUNCTION update_image_sort_at() RETURNS TRIGGER AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql;
COMMENT ON FUNCTION update_image_sort_at() IS 'When a post is created, set sortAt.';
