import { toJSONSchema } from "zod/mini";
import { KpiReportJsonSchema } from "../report/schema";

/** A JSON Schema node, as far as the walk below reads it. */
interface JsonSchemaNode {
  readonly type?: string | readonly string[];
  readonly pattern?: string;
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly additionalProperties?: JsonSchemaNode | boolean;
  readonly items?: JsonSchemaNode;
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly oneOf?: readonly JsonSchemaNode[];
}

/** Path segment that matches an array index. */
export const INDEX = "#";
/** Path segment that matches any key of a record (model parameters). */
export const ANY_KEY = "*";

const types = (node: JsonSchemaNode): readonly string[] => (node.type === undefined ? [] : typeof node.type === "string" ? [node.type] : node.type);

/** A leaf `--fail-if` can compare: a number, or money (a string whose pattern accepts "12.50"). */
function isKpi(node: JsonSchemaNode): boolean {
  const kinds = types(node);
  if (kinds.includes("number") || kinds.includes("integer")) return true;
  return kinds.includes("string") && node.pattern !== undefined && new RegExp(node.pattern).test("12.50");
}

function walk(node: JsonSchemaNode, path: readonly string[], out: Set<string>): void {
  for (const alternative of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) walk(alternative, path, out);
  if (isKpi(node)) out.add(path.join("."));
  for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, [...path, key], out);
  if (typeof node.additionalProperties === "object") walk(node.additionalProperties, [...path, ANY_KEY], out);
  if (node.items !== undefined) walk(node.items, [...path, INDEX], out);
}

let cached: readonly (readonly string[])[] | undefined;

/**
 * Every path of the JSON report that holds a KPI (a number or money), read from
 * `KpiReportJsonSchema`, so `--fail-if` knows a mistyped path from a KPI that is absent for
 * this data. Array indices are `#`, record keys `*`.
 */
export function kpiPaths(): readonly (readonly string[])[] {
  if (cached === undefined) {
    const out = new Set<string>();
    walk(toJSONSchema(KpiReportJsonSchema, { unrepresentable: "any" }) as JsonSchemaNode, [], out);
    cached = [...out].filter((path) => path !== "").map((path) => path.split("."));
  }
  return cached;
}

/** True when `path` (its indices as digits) fits the pattern `kpi`. */
export function fits(path: readonly string[], kpi: readonly string[]): boolean {
  return path.length === kpi.length && kpi.every((segment, i) => segment === path[i] || segment === ANY_KEY || (segment === INDEX && /^\d+$/.test(path[i]!)));
}

/** A KPI pattern written as a user would type it, borrowing the user's index or key where it fits. */
export function spell(kpi: readonly string[], like: readonly string[]): string {
  return kpi
    .map((segment, i) => (segment === INDEX ? `[${/^\d+$/.test(like[i] ?? "") ? like[i]! : "0"}]` : segment === ANY_KEY ? (like[i] ?? "name") : segment))
    .join(".")
    .replace(/\.\[/g, "[");
}
