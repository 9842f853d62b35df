import { Table, Td, Th } from "@/components/ui/table";
import type { Parameter } from "@/server/api/openapi-json-schema";
import type { FieldRow } from "./api-document";
import { constraintsOf, typeLabel } from "./api-document";
import { inline } from "./prose";

type Components = Parameters<typeof typeLabel>[1];

/** The fields of a body, nested ones indented under their parent. */
export function FieldsTable({ caption, rows }: { caption: string; rows: FieldRow[] }) {
  return (
    <Table caption={caption} head={heads("Field")}>
      {rows.map((row) => (
        <tr key={row.parent + row.name}>
          <Td className="whitespace-nowrap">
            <span className="font-mono text-xs" style={{ paddingLeft: `${row.depth}rem` }}>
              <span className="text-slate-400">{row.parent}</span>
              <span className="font-semibold text-slate-900">{row.name}</span>
            </span>
          </Td>
          <TypeAndPresence type={row.type} required={row.required} />
          <Explanation description={row.description} constraints={row.constraints} />
        </tr>
      ))}
    </Table>
  );
}

export function ParametersTable({ parameters, components }: { parameters: Parameter[]; components: Components }) {
  return (
    <Table caption="Parameters" head={heads("Parameter")}>
      {parameters.map((p) => (
        <tr key={`${p.in} ${p.name}`}>
          <Td className="whitespace-nowrap">
            <span className="font-mono text-xs font-semibold text-slate-900">{p.name}</span>
            <span className="ml-2 text-xs text-slate-500">in {p.in}</span>
          </Td>
          <TypeAndPresence type={typeLabel(p.schema, components)} required={p.required} />
          <Explanation description={p.description} constraints={constraintsOf(p.schema)} />
        </tr>
      ))}
    </Table>
  );
}

/** The head as cells, not a component of its own: the table reads its labels for phones from them. */
function heads(first: "Field" | "Parameter") {
  return (
    <>
      <Th>{first}</Th>
      <Th>Type</Th>
      <Th>Required</Th>
      <Th>Description</Th>
    </>
  );
}

function TypeAndPresence({ type, required }: { type: string; required: boolean }) {
  return (
    <>
      <Td className="min-w-32 font-mono text-xs">{type}</Td>
      <Td className={`text-xs ${required ? "font-semibold text-amber-800" : "text-slate-500"}`}>
        {required ? "required" : "optional"}
      </Td>
    </>
  );
}

function Explanation({ description, constraints }: { description?: string; constraints: string[] }) {
  return (
    <Td>
      {description && <p>{inline(description)}</p>}
      {constraints.length > 0 && <p className="mt-1 text-xs text-slate-500">{constraints.join(" · ")}</p>}
    </Td>
  );
}
