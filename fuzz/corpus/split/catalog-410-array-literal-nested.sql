CREATE TABLE "Grid" ("id" SERIAL NOT NULL, "cells" TEXT[] DEFAULT ARRAY[]::TEXT[]);
UPDATE "Grid" SET "cells" = '{{a,b},{c,d}}';
