import type { z } from "zod";
import type { IssueCollector } from "./errors";

/**
 * Checks every row of `rows` against `schema`, adding one issue per problem to `issues`
 * with the row index and the path `[collection, field...]`. Rows that pass `quickCheck`
 * (which accepts exactly what the schema accepts) skip the schema; the rest are parsed by
 * it so its messages explain the problem.
 */
export function validateRows(
  collection: string,
  rows: readonly unknown[],
  schema: z.ZodType,
  quickCheck: (row: unknown) => boolean,
  issues: IssueCollector,
): void {
  if (!Array.isArray(rows)) {
    issues.add({ index: 0, path: [collection], code: "invalid_type", message: `expected an array of ${collection}` });
    return;
  }
  for (let index = 0; index < rows.length; index++) {
    if (quickCheck(rows[index])) continue;
    const parsed = schema.safeParse(rows[index]);
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      issues.add({
        index,
        path: [collection, ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))],
        code: issue.code,
        message: issue.message,
      });
    }
  }
}
