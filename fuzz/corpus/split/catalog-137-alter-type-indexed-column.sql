CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
INSERT INTO "User" ("id", "email", "name") VALUES ('u1', 'ada@example.com', 'Ada'), ('u2', 'bob@example.com', NULL);
ALTER TABLE "User" ALTER COLUMN "email" SET DATA TYPE VARCHAR(320);
