CREATE SCHEMA "billing";
CREATE TABLE "billing"."Invoice" ("id" TEXT NOT NULL, CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id"));
DROP SCHEMA "billing";
