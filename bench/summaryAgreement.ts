/**
 * Checks that two `summary` CSVs (ours and a peer's, on a generated file) say the same: the same
 * customers in the same order, equal frequency, orders, revenue and first/last order instants,
 * and recency, T and monetary value equal to 1e-9 relative (peers compute the mean in floating
 * point; ours is exact and rounded to 6 places, so 1e-6 absolute is allowed there). Generated
 * ids hold no comma or quote, so a line splits on commas.
 */
import { readFileSync } from "node:fs";

const close = (a: number, b: number, absolute = 0): boolean => Math.abs(a - b) <= Math.max(absolute, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));

/** `null` when the two agree, else the first difference, in words. */
export function summaryDifference(oursPath: string, peerPath: string): string | null {
  const ours = readFileSync(oursPath, "utf8").trimEnd().split("\n");
  const peer = readFileSync(peerPath, "utf8").trimEnd().split("\n");
  if (ours.length !== peer.length) return `${ours.length - 1} customers here, ${peer.length - 1} there`;
  for (let i = 1; i < ours.length; i++) {
    const a = ours[i]!.split(",");
    const b = peer[i]!.split(",");
    const same =
      a[0] === b[0] &&
      Number(a[1]) === Number(b[1]) &&
      close(Number(a[2]), Number(b[2])) &&
      close(Number(a[3]), Number(b[3])) &&
      close(Number(a[4]), Number(b[4]), 1e-6) &&
      Number(a[5]) === Number(b[5]) &&
      close(Number(a[6]), Number(b[6]), 1e-9) &&
      Date.parse(a[7]!) === Date.parse(b[7]!) &&
      Date.parse(a[8]!) === Date.parse(b[8]!);
    if (!same) return `line ${i + 1}: ${ours[i]!} ≠ ${peer[i]!}`;
  }
  return null;
}
