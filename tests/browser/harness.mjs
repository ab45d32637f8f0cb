// Shared browser-test harness: serves dist/ on loopback, starts Debian's Chromium through
// playwright-core, records every request, and offers small helpers to paste and read the report.
import http from "node:http";
import { readFileSync, existsSync, mkdtempSync } from "node:fs";
import { join, extname, resolve } from "node:path";
import { tmpdir } from "node:os";
import { chromium } from "playwright-core";

export const root = resolve(new URL("../..", import.meta.url).pathname);
export const dist = join(root, "dist");

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".wasm": "application/wasm" };

/** Serves dist/ on 127.0.0.1 at a free port; resolves to { url, close }. */
export function serveDist() {
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error("dist/index.html is missing: run `trunk build --release` first");
  }
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = join(dist, path === "/" ? "index.html" : path);
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404);
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      ok({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

/** Starts headless Chromium with a fresh profile; network-quiet flags as the machine requires. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "tokenlens-chromium-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    viewport: { width: 1280, height: 900 },
  });
}

/** True for a blob: URL made by the page at `pageUrl` (blob:null/... for a file:// page). */
export function isOwnBlob(requestUrl, pageUrl) {
  const origin = pageUrl.startsWith("file:") ? "null" : new URL(pageUrl).origin;
  return requestUrl.startsWith(`blob:${origin}/`);
}

/** Opens the page and records every request it makes, apart from its own blob: worker. */
export async function openPage(context, url) {
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  // The inspection worker is started from a blob: URL of the page's own code: that is no request.
  page.on("request", (r) => { if (!isOwnBlob(r.url(), url)) requests.push(r.url()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector("textarea#paste", { timeout: 20000 });
  return { page, requests, errors };
}

/** Replaces the paste box content as a user's paste would, and waits for the report to update. */
export async function paste(page, text, selector = "textarea#paste") {
  await page.evaluate(([sel, value]) => {
    const area = document.querySelector(sel);
    area.focus();
    area.value = value;
    area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, [selector, text]);
  await page.waitForTimeout(50);
  await page.waitForFunction(() => !document.querySelector(".report-pane .empty") || document.querySelector("textarea#paste").value === "", null, { timeout: 10000 });
}

/** The report pane as text, whitespace collapsed and lower-cased, for check groups. */
export async function reportText(page) {
  const text = await page.$eval(".report-pane", (el) => el.innerText);
  return text.replace(/\s+/g, " ").toLowerCase();
}

/**
 * Returns the check groups of a fixture that the text does not satisfy. Checks are written against
 * the plain-text report ("name: value"); the page shows name and value in table cells, so colons
 * are ignored on both sides.
 */
export function missingChecks(text, checks) {
  const norm = (s) => s.replace(/:/g, " ").replace(/\s+/g, " ").toLowerCase();
  const page = norm(text);
  return checks.filter((group) => !group.some((alt) => page.includes(norm(alt))));
}

export function fixture(path) {
  return JSON.parse(readFileSync(join(root, "tests/fixtures", path), "utf8"));
}
