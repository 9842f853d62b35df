import type { Metadata } from "next";
import { operationsByTag } from "@/components/api-reference/api-document";
import { OperationNav } from "@/components/api-reference/operation-nav";
import { OperationSection } from "@/components/api-reference/operation-section";
import { Prose } from "@/components/api-reference/prose";
import { PageHeader } from "@/components/ui/page-header";
import { openApiDocument } from "@/server/api/openapi";

export const metadata: Metadata = { title: "API reference" };

/** Rendered from the same OpenAPI document that /api/v1/openapi.json serves. */
export default function ApiReferencePage() {
  const spec = openApiDocument();
  const tags = operationsByTag(spec);
  // The public URL of this instance (set by `npm start`), so that the examples run as they are.
  const baseUrl = (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return (
    <>
      <PageHeader
        title="API reference"
        description={`${spec.info.title} v${spec.info.version}: how your systems send events and read outcomes.`}
        actions={
          <a
            href="/api/v1/openapi.json"
            download="openapi.json"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
          >
            Download openapi.json
          </a>
        }
      />
      <div className="gap-8 lg:grid lg:grid-cols-[14rem_minmax(0,1fr)]">
        <div className="mb-6 lg:mb-0">
          <OperationNav tags={tags} />
        </div>
        <div className="min-w-0 space-y-10">
          <section id="overview" aria-labelledby="overview-title" className="scroll-mt-6">
            <h2 id="overview-title" className="mb-2 text-lg font-semibold text-slate-900">
              Overview
            </h2>
            <Prose text={spec.info.description} className="max-w-3xl" />
          </section>
          {tags.map((tag) => (
            <section key={tag.name} aria-labelledby={`tag-${tag.name}`} className="space-y-4">
              <div>
                <h2 id={`tag-${tag.name}`} className="text-lg font-semibold text-slate-900">
                  {tag.name}
                </h2>
                <p className="text-sm text-slate-600">{tag.description}</p>
              </div>
              {tag.operations.map((operation) => (
                <OperationSection key={operation.operationId} operation={operation} spec={spec} baseUrl={baseUrl} />
              ))}
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
