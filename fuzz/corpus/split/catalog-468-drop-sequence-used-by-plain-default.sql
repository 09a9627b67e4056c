CREATE SEQUENCE "order_no_seq";
CREATE TABLE "Order" ("id" SERIAL NOT NULL, "no" INTEGER NOT NULL DEFAULT nextval('order_no_seq'));
DROP SEQUENCE "order_no_seq";
