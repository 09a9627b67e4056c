CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
DO $$ BEGIN
    CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
EXCEPTION
    WHEN duplicate_object THEN null;
END $$;
