CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
INSERT INTO "User" ("id", "email", "name") VALUES ('u1', 'ada@example.com', 'Ada'), ('u2', 'bob@example.com', NULL);
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM "User" WHERE "name" IS NULL) THEN
        RAISE EXCEPTION 'Cannot make User.name required: % rows have no name', (SELECT count(*) FROM "User" WHERE "name" IS NULL);
    END IF;
END
$$;
ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;
