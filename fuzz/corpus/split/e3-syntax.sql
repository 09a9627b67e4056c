CREATE TABLE "a" ("id" INT);
CREATE TABLE "c" ("id" INT,);
