CREATE TABLE "User" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, "name" TEXT, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
INSERT INTO "User" ("email", "name") VALUES ('serviceaccount@documenso.com', 'Service Account') ON CONFLICT DO NOTHING;
INSERT INTO "User" ("email") VALUES ('b@example.com');
CREATE TABLE "UserProfile" ("profileURL" TEXT NOT NULL, "bio" TEXT, CONSTRAINT "UserProfile_pkey" PRIMARY KEY ("profileURL"));
ALTER TABLE "User" ADD COLUMN "profileURL" TEXT;
CREATE UNIQUE INDEX "User_profileURL_key" ON "User"("profileURL");
ALTER TABLE "User" ADD CONSTRAINT "User_profileURL_fkey" FOREIGN KEY ("profileURL") REFERENCES "UserProfile"("profileURL") ON DELETE CASCADE ON UPDATE CASCADE;
