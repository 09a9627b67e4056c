CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
INSERT INTO "User" ("id", "email") VALUES ('u1', 'ada@example.com'), ('u2', 'ada@example.com');
-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
