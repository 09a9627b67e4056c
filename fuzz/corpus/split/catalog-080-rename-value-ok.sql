CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'USER',

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
INSERT INTO "User" ("id", "email", "role") VALUES ('u1', 'ada@example.com', 'ADMIN'), ('u2', 'bob@example.com', 'USER');
ALTER TYPE "Role" RENAME VALUE 'ADMIN' TO 'OWNER';
UPDATE "User" SET "role" = 'OWNER' WHERE "role" = 'USER';
