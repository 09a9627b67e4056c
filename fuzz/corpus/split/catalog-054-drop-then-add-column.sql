CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
INSERT INTO "User" ("id", "email", "name") VALUES ('u1', 'ada@example.com', 'Ada'), ('u2', 'bob@example.com', NULL);
-- AlterTable
ALTER TABLE "User" DROP COLUMN "name",
ADD COLUMN     "name" VARCHAR(100);
