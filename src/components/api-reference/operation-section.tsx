import type { ReactNode } from "react";
import { Table, Td, Th } from "@/components/ui/table";
import type { OpenApiDocument, ResponseObject } from "@/server/api/openapi-document";
import { curlCommand, type DocumentedOperation, fieldRows, isClosed, typeLabel } from "./api-document";
import { CodeBlock } from "./code-block";
import { FieldsTable, ParametersTable } from "./fields-table";
import { MethodBadge } from "./method-badge";
import { Prose } from "./prose";

export function OperationSection({
  operation,
  spec,
  baseUrl,
}: {
  operation: DocumentedOperation;
  spec: OpenApiDocument;
  baseUrl: string;
}) {
  const { schemas } = spec.components;
  const name = `${operation.method.toUpperCase()} ${operation.path}`;
  const body = operation.requestBody?.content["application/json"];
  const responses = Object.entries(operation.responses).map(([status, response]) => ({
    status,
    response: "$ref" in response ? spec.components.responses[response.$ref.split("/").pop() ?? ""] : response,
  }));
  return (
    <article
      id={operation.operationId}
      aria-labelledby={`${operation.operationId}-title`}
      className="scroll-mt-6 rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <header className="border-b border-slate-100 px-5 py-4">
        <h3 id={`${operation.operationId}-title`} className="flex flex-wrap items-center gap-2">
          <MethodBadge method={operation.method} />{" "}
          <code className="break-all font-mono text-sm font-semibold text-slate-900">{operation.path}</code>
        </h3>
        <p className="mt-1 text-sm font-medium text-slate-900">
          {operation.summary}
          {operation.security?.length === 0 && <span className="font-normal text-slate-500"> · no API key needed</span>}
        </p>
      </header>
      <div className="space-y-6 p-5">
        <Prose text={operation.description} />
        {operation.parameters && (
          <Part title="Parameters">
            <ParametersTable parameters={operation.parameters} components={schemas} />
          </Part>
        )}
        {body && (
          <Part title="Request body">
            <p className="mb-2 text-sm text-slate-600">
              JSON, <span className="font-mono text-xs">{typeLabel(body.schema, schemas)}</span>.
              {isClosed(body.schema, schemas) && " Fields not listed here are refused."}
            </p>
            <FieldsTable caption={`Request body of ${name}`} rows={fieldRows(body.schema, schemas)} />
          </Part>
        )}
        <Part title="Responses">
          <ResponsesTable name={name} responses={responses} schemas={schemas} />
          {responses.map(({ status, response }) => (
            <ResponseDetails key={status} status={status} response={response} schemas={schemas} />
          ))}
        </Part>
        <Part title="Example request">
          <CodeBlock>{curlCommand(baseUrl, operation)}</CodeBlock>
        </Part>
      </div>
    </article>
  );
}

type Schemas = OpenApiDocument["components"]["schemas"];
type StatusResponse = { status: string; response: ResponseObject | undefined };

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h4 className="mb-2 text-sm font-semibold text-slate-900">{title}</h4>
      {children}
    </section>
  );
}

function ResponsesTable({ name, responses, schemas }: { name: string; responses: StatusResponse[]; schemas: Schemas }) {
  return (
    <Table
      caption={`Responses of ${name}`}
      head={
        <>
          <Th>Status</Th>
          <Th>Meaning</Th>
          <Th>Body</Th>
        </>
      }
    >
      {responses.map(({ status, response }) => {
        const schema = response?.content?.["application/json"].schema;
        const headers = Object.entries((response?.headers ?? {}) as Record<string, { description: string }>);
        return (
          <tr key={status}>
            <Td
              className={`font-mono text-xs font-semibold ${status.startsWith("2") ? "text-emerald-800" : "text-slate-900"}`}
            >
              {status}
            </Td>
            <Td>
              <Prose text={response?.description ?? ""} />
              {headers.map(([header, { description }]) => (
                <p key={header} className="mt-1 text-xs text-slate-500">
                  Header <code className="font-mono">{header}</code>: {description}
                </p>
              ))}
            </Td>
            <Td className="font-mono text-xs">{schema ? typeLabel(schema, schemas) : "—"}</Td>
          </tr>
        );
      })}
    </Table>
  );
}

/** Fields and example of a success response, folded away: the table above says what comes back. */
function ResponseDetails({ status, response, schemas }: StatusResponse & { schemas: Schemas }) {
  const content = response?.content?.["application/json"];
  if (!status.startsWith("2") || !content) return null;
  const rows = fieldRows(content.schema, schemas);
  return (
    <div className="mt-3 space-y-2">
      {rows.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm text-brand-700">Fields of the {status} response</summary>
          <div className="mt-2">
            <FieldsTable caption={`Fields of the ${status} response`} rows={rows} />
          </div>
        </details>
      )}
      {content.example !== undefined && (
        <details>
          <summary className="cursor-pointer text-sm text-brand-700">Example {status} response</summary>
          <div className="mt-2">
            <CodeBlock>{JSON.stringify(content.example, null, 2)}</CodeBlock>
          </div>
        </details>
      )}
    </div>
  );
}
