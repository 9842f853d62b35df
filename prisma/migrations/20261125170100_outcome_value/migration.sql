-- CreateTable
CREATE TABLE "outcome_value" (
    "customerId" UUID NOT NULL,
    "definitionId" UUID NOT NULL,
    "valuePerOutcome" DECIMAL(20,10) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "outcome_value_pkey" PRIMARY KEY ("customerId","definitionId")
);

-- AddForeignKey
ALTER TABLE "outcome_value" ADD CONSTRAINT "outcome_value_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outcome_value" ADD CONSTRAINT "outcome_value_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "outcome_definition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
