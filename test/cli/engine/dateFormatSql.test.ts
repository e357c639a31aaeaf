import { describe, expect, it } from "vitest";
import { strptimeFormat } from "../../../src/cli/engine/dateFormatSql";
import { CliError } from "../../../src/cli/errors";

describe("strptimeFormat", () => {
  it("translates the date-fns tokens the in-memory reader reads", () => {
    expect(strptimeFormat("dd.MM.yyyy")).toBe("%d.%m.%Y");
    expect(strptimeFormat("yyyyMMdd")).toBe("%Y%m%d");
    expect(strptimeFormat("yyyy-MM-dd'T'HH:mm:ss.SSSX")).toBe("%Y-%m-%dT%H:%M:%S.%g%z");
    expect(strptimeFormat("d MMM yyyy h:mm a")).toBe("%d %b %Y %I:%M %p");
    expect(strptimeFormat("MMMM d, yyyy")).toBe("%B %d, %Y");
  });

  it("keeps literal text literal: a percent sign is doubled, quoted letters unquoted, '' is a quote", () => {
    expect(strptimeFormat("yyyy-MM-dd '100%'")).toBe("%Y-%m-%d 100%%");
    expect(strptimeFormat("dd''MM''yyyy")).toBe("%d'%m'%Y");
  });

  it("refuses tokens strptime cannot read, naming them", () => {
    expect(() => strptimeFormat("yyyy-MM-dd HH:mm:ss.S")).toThrow(CliError);
    expect(() => strptimeFormat("yyyy-MM-dd HH:mm:ss.SS")).toThrow(/uses SS, which --engine duckdb cannot read/);
    expect(() => strptimeFormat("QQ yyyy")).toThrow(/uses QQ/);
  });
});
