CREATE TABLE "Item" ("id" SERIAL NOT NULL, "price" INTEGER NOT NULL, CONSTRAINT "Item_pkey" PRIMARY KEY ("id"));
CREATE VIEW "Priced" AS SELECT "id", "price" * (100 + 20) / 100 AS "gross", 60 * 60 * 24 AS "day" FROM "Item";
INSERT INTO "Item" ("price") VALUES (7 * 6 - 2);
