CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "age" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
INSERT INTO "User" ("id", "email", "age") VALUES ('u1', 'a@example.com', '42'), ('u2', 'b@example.com', 'forty');
ALTER TABLE "User" ALTER COLUMN "age" SET DATA TYPE INTEGER USING "age"::integer;
