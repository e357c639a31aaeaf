/*
 * Test helper: opens a local HTML file in Debian's headless Chromium (driven by playwright-core,
 * which downloads no browser) and hands the tab to the test, with every console error, page
 * error and non-file request collected; the browser and its profile are removed afterwards.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
/** Where browser tests keep their screenshots and pages. */
export const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
/** Debian's chromium is installed by .ci/run; on a machine without it browser tests are skipped outside CI. */
export const CHROMIUM_AVAILABLE = existsSync(CHROMIUM) || process.env.CI !== undefined;

/** What the page did besides what the test looks at. */
export interface PageTrouble {
  /** Console errors and uncaught page errors. */
  readonly errors: string[];
  /** Requests for anything but a local file (a page must need no network). */
  readonly requests: string[];
}

/** Opens `file` at `viewport` and runs `use` on the tab; `extraArgs` are added to Chromium's flags. */
export async function withChromiumPage<T>(file: string, viewport: { width: number; height: number }, use: (tab: Page, trouble: PageTrouble) => Promise<T>, extraArgs: readonly string[] = []): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), "retention-metrics-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", ...extraArgs],
    viewport,
  });
  try {
    const tab = await context.newPage();
    const trouble: PageTrouble = { errors: [], requests: [] };
    tab.on("console", (message) => {
      if (message.type() === "error") trouble.errors.push(message.text());
    });
    tab.on("pageerror", (error) => trouble.errors.push(error.message));
    tab.on("request", (request) => {
      if (!request.url().startsWith("file:")) trouble.requests.push(request.url());
    });
    await tab.goto(`file://${file}`);
    return await use(tab, trouble);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
