CREATE TABLE "Post" ("id" SERIAL NOT NULL, "title" TEXT);
DO $$
BEGIN
    EXECUTE 'CREATE INDEX CONCURRENTLY "Post_title_idx" ON "Post"("title")';
END $$;
