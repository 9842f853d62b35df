-- AlterTable
ALTER TABLE "dispute" ADD COLUMN     "addressedByVersionId" UUID;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_addressedByVersionId_fkey" FOREIGN KEY ("addressedByVersionId") REFERENCES "definition_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;
