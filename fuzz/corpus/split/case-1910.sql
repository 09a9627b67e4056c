CREATE DOMAIN "Email" AS TEXT;
CREATE TABLE "User" ("id" TEXT NOT NULL, "email" "Email", CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
ALTER DOMAIN "Email" ADD CONSTRAINT "Email_format" CHECK (VALUE LIKE '%@%');
