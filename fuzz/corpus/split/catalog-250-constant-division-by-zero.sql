CREATE TABLE "Item" ("id" SERIAL NOT NULL, "price" INTEGER NOT NULL, CONSTRAINT "Item_pkey" PRIMARY KEY ("id"));
INSERT INTO "Item" ("price") VALUES (10 / (5 - 5));
