CREATE TABLE "User" ("id" SERIAL NOT NULL, "active" BOOLEAN NOT NULL);
CREATE VIEW "ActiveUser" AS SELECT * FROM "User" WHERE "active" WITH CHECK OPTION;
INSERT INTO "ActiveUser" ("active") VALUES (false);
