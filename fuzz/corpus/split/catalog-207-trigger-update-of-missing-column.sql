CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);
CREATE FUNCTION "sync_post"() RETURNS trigger AS $$
BEGIN
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "trg_sync_post"
AFTER INSERT OR UPDATE OF "reactionCount", "title"
ON "Post"
FOR EACH ROW
EXECUTE FUNCTION "sync_post"();
