import { describe, expect, it } from "vitest";
import { kpiReport, renderHtml, RetentionOptionsError } from "retention-metrics";
import { FRAGMENT_CLASS } from "../../src/report/renderHtml";
import { scopeCss } from "../../src/report/scopeCss";
import { purchases } from "../api/validCalls";

const report = kpiReport(purchases, { asOf: "2024-04-01" });
const page = renderHtml(report);
const fragment = renderHtml(report, { fragment: true });

/** Every selector of every rule of a flat style sheet. */
function selectors(css: string): string[] {
  return [...css.matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap((rule) => rule[1]!.split(",").map((selector) => selector.trim()));
}

describe("renderHtml(report, { fragment: true })", () => {
  it("is a fragment: no doctype, html, head or body; one wrapper of the library's class", () => {
    expect(fragment).not.toMatch(/<!doctype|<html|<head|<body|<\/body>|<\/html>/i);
    expect(fragment.startsWith(`<div class="${FRAGMENT_CLASS}" lang="en"><style>`)).toBe(true);
    expect(fragment.trimEnd().endsWith("</article></div>")).toBe(true);
  });

  it("scopes every selector of its style under the wrapper, so the host page keeps its styles", () => {
    const styles = [...fragment.matchAll(/<style>(.*?)<\/style>/gs)].map((match) => match[1]!);
    expect(styles).toHaveLength(1);
    const all = selectors(styles[0]!);
    expect(all.length).toBeGreaterThan(20);
    const escaping = all.filter((selector) => selector !== `.${FRAGMENT_CLASS}` && !selector.startsWith(`.${FRAGMENT_CLASS} `));
    expect(escaping).toEqual([]);
    expect(styles[0]).not.toMatch(/@import|@media|@font-face|:root|\bhtml\b|\bbody\b/);
  });

  it("keeps the page's rules, only scoped", () => {
    const pageStyle = /<style>(.*?)<\/style>/s.exec(page)![1]!;
    expect(selectors(/<style>(.*?)<\/style>/s.exec(fragment)![1]!)).toEqual(selectors(pageStyle).map((s) => (s === "body" ? `.${FRAGMENT_CLASS}` : `.${FRAGMENT_CLASS} ${s}`)));
  });

  it("holds the same content as the page's <main>", () => {
    const main = /<main>(.*)<\/main>/s.exec(page)![1]!;
    const article = /<article>(.*)<\/article>/s.exec(fragment)![1]!;
    expect(article).toBe(main);
  });

  it("leaves the page as it was when fragment is false or absent", () => {
    expect(renderHtml(report, { fragment: false })).toBe(page);
    expect(page.startsWith("<!doctype html>")).toBe(true);
  });

  it("checks the option", () => {
    expect(() => renderHtml(report, { fragment: "yes" as never })).toThrow(RetentionOptionsError);
    expect(() => renderHtml(report, { fragment: 1 as never })).toThrow(/fragment: renderHtml expects true or false/);
  });
});

describe("scopeCss", () => {
  it("puts the scope before each selector and turns body into the scope", () => {
    expect(scopeCss("body{margin:0}\nth,td{padding:4px}.a .b{color:red}", ".r")).toBe(".r{margin:0}.r th,.r td{padding:4px}.r .a .b{color:red}");
  });
});
