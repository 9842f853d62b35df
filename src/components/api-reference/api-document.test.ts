import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/server/api/openapi";
import { curlCommand, fieldRows, operationsByTag } from "./api-document";

const spec = openApiDocument();
const operation = (operationId: string) =>
  operationsByTag(spec)
    .flatMap((tag) => tag.operations)
    .find((o) => o.operationId === operationId)!;

describe("the API reference's reading of the document", () => {
  it("lists nested fields under their parent, with type, presence and limits", () => {
    const rows = fieldRows({ $ref: "#/components/schemas/IngestBatchBody" }, spec.components.schemas);
    const row = (name: string) => rows.find((r) => r.parent + r.name === name);
    expect(row("events")).toMatchObject({
      type: "array of IngestEventInput",
      required: true,
      constraints: ["1–1,000 items", "no other fields"],
    });
    expect(row("events[].evidence[].kind")).toMatchObject({ depth: 2, required: true });
    expect(row("events[].evidence[].kind")?.type).toContain('"message"');
    expect(row("events[].cost.amount")).toMatchObject({ depth: 2, required: true, type: "string" });
    expect(row("events[].aiShare")).toMatchObject({ required: false, constraints: ["from 0 to 1"] });
  });

  it("writes a curl command with the key from the environment, the example path and the example body", () => {
    const command = curlCommand("https://ledger.example.com", operation("amendEvent"));
    expect(command).toContain('curl -X POST "https://ledger.example.com/api/v1/events/zendesk-48213-resolved/amend"');
    expect(command).toContain('-H "Authorization: Bearer $OUTCOME_LEDGER_KEY"');
    expect(JSON.parse(command.slice(command.indexOf("{"), command.lastIndexOf("}") + 1))).toMatchObject({
      subject: "ticket-48213",
    });
  });

  it("sends no key for the public document and no body for a read", () => {
    expect(curlCommand("http://localhost:3000", operation("getOpenApiDocument"))).toBe(
      'curl "http://localhost:3000/api/v1/openapi.json"',
    );
  });
});
