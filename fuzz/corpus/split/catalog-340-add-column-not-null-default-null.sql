CREATE TABLE "User" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
INSERT INTO "User" ("email") VALUES ('a@x.io'), ('b@x.io');
ALTER TABLE "User" ADD COLUMN "plan" TEXT NOT NULL DEFAULT NULL;
