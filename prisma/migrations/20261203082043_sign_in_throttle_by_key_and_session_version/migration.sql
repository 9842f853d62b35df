-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- The throttle's counts are transient and per e-mail address only; the new rows are per key
-- (src/domain/access/sign-in-throttle.ts). Old counts are forgotten rather than translated.
DELETE FROM "sign_in_throttle";

-- AlterTable
ALTER TABLE "sign_in_throttle" DROP CONSTRAINT "sign_in_throttle_pkey",
DROP COLUMN "email",
DROP COLUMN "failures",
DROP COLUMN "lastFailureAt",
ADD COLUMN     "admitted" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "key" TEXT NOT NULL,
ADD COLUMN     "windowEndsAt" TIMESTAMPTZ(3) NOT NULL,
ALTER COLUMN "lockedUntil" SET DATA TYPE TIMESTAMPTZ(3),
ADD CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key");

-- CreateTable
CREATE TABLE "sign_in_known_address" (
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "lastSignInAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sign_in_known_address_pkey" PRIMARY KEY ("email","address")
);

-- CreateIndex
CREATE INDEX "sign_in_known_address_lastSignInAt_idx" ON "sign_in_known_address"("lastSignInAt");

-- CreateIndex
CREATE INDEX "sign_in_throttle_windowEndsAt_idx" ON "sign_in_throttle"("windowEndsAt");
