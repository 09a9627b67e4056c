CREATE TABLE "Order" ("id" SERIAL NOT NULL, CONSTRAINT "Order_pkey" PRIMARY KEY ("id"));
DROP SEQUENCE "Order_id_seq";
