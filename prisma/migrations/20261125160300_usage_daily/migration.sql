-- CreateTable
CREATE TABLE "usage_daily" (
    "customerId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "definitionId" UUID NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "billable" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "usage_daily_pkey" PRIMARY KEY ("customerId","day","definitionId")
);
