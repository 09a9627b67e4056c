CREATE SEQUENCE homeblock_id_seq;
CREATE TABLE "HomeBlock" ("id" INTEGER NOT NULL DEFAULT nextval('homeblock_id_seq'), CONSTRAINT "HomeBlock_pkey" PRIMARY KEY ("id"));
SET lock_timeout = '5s';
ALTER SEQUENCE homeblock_id_seq OWNED BY "HomeBlock"."id";
DROP TABLE "HomeBlock";
CREATE SEQUENCE homeblock_id_seq;
