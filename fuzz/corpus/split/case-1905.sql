CREATE DOMAIN "Email" AS TEXT CHECK (VALUE LIKE '%@%');
CREATE TABLE "User" ("id" TEXT NOT NULL, "email" "Email", CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
DROP DOMAIN "Email";
