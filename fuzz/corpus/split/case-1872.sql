CREATE DOMAIN "PositiveInt" AS INTEGER CHECK (VALUE > 0);
CREATE DOMAIN "SmallPositiveInt" AS "PositiveInt" CHECK (VALUE < 100);
CREATE TABLE "Item" ("id" TEXT NOT NULL, "qty" "SmallPositiveInt", CONSTRAINT "Item_pkey" PRIMARY KEY ("id"));
INSERT INTO "Item" ("id", "qty") VALUES ('a', 0);
