-- CreateEnum
CREATE TYPE "spend_alert_kind" AS ENUM ('cap_share', 'amount', 'forecast_above');

-- CreateTable
CREATE TABLE "spend_alert" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "kind" "spend_alert_kind" NOT NULL,
    "threshold" DECIMAL(20,10) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "spend_alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "spend_alert_firing" (
    "alertId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "periodStart" TIMESTAMPTZ(3) NOT NULL,
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "spend_alert_firing_pkey" PRIMARY KEY ("alertId","periodStart")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "userId" UUID,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "spend_alert_by_customer" ON "spend_alert"("customerId");

-- CreateIndex
CREATE INDEX "notification_by_customer" ON "notification"("customerId", "createdAt");

-- AddForeignKey
ALTER TABLE "spend_alert" ADD CONSTRAINT "spend_alert_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "spend_alert_firing" ADD CONSTRAINT "spend_alert_firing_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "spend_alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
