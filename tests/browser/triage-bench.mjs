// Benchmark (not a test): drops a generated IIS log of SIZE_MB (default 100) on the single file
// opened from file:// and prints the page's MB/s (drop to summary shown, measured from Node, which
// includes Playwright handing the file over, and by the page's own clock from the file input's
// change event), the worker's own rate as the page reports it, Chromium's memory and the longest
// main-thread task during the run (PerformanceObserver "longtask"). The file is dropped a second
// after the page is ready. Numbers are printed for people to read, never asserted.
//
//   node tests/browser/triage-bench.mjs [SIZE_MB]
import { writeFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";
import { launch, dist } from "./harness.mjs";
import { iisLog } from "./logs.mjs";

const sizeMb = Number(process.argv[2] || 100);
const work = mkdtempSync(join(tmpdir(), "tokenlens-triage-bench-"));
const file = join(work, "u_ex_bench.log");
// Written in 10 MB pieces with the same counts each, so that no 100 MB string is built.
const piece = iisLog(10_000_000);
const pieces = Math.max(1, Math.round(sizeMb / 10));
writeFileSync(file, "");
for (let i = 0; i < pieces; i++) writeFileSync(file, piece.text, { flag: "a" });
const bytes = statSync(file).size;
const expected = piece.truth.failures * pieces;

// Resident memory of every Chromium process (page, worker, GPU, browser), summed, in MB: sampled
// during the run to print the page's peak above what it held before the drop.
function chromiumMb() {
  try {
    const out = execFileSync("ps", ["-C", "chromium", "-o", "rss="], { encoding: "utf8" });
    return out.split("\n").reduce((sum, kb) => sum + (Number(kb) || 0), 0) / 1024;
  } catch {
    return NaN;
  }
}

const context = await launch();
try {
  const page = await context.newPage();
  await page.goto("file://" + join(dist, "tokenlens.html"));
  await page.waitForSelector("textarea#paste");
  // A person takes a moment to drag a file onto a page that has just opened; in that moment the
  // page starts and warms up the workers of the first run (src/ui/triage/run.rs, prepare).
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    // The page's own clock: from the file input's change event to the summary in the DOM, which
    // leaves out Playwright's hand-over of the file to the browser.
    document.addEventListener("change", () => { window.__tl_change ??= performance.now(); }, true);
    new MutationObserver(() => {
      if (!window.__tl_summary && document.querySelector(".triage [data-count=failures]")) window.__tl_summary = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
    window.__tl_longest = 0;
    window.__tl_tasks = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__tl_tasks++;
        window.__tl_longest = Math.max(window.__tl_longest, e.duration);
      }
    }).observe({ type: "longtask", buffered: false });
  });
  const before = chromiumMb();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, chromiumMb()); }, 50);
  const t0 = Date.now();
  await page.setInputFiles("input[type=file]", file);
  // Typing while the log is read: time from an input event to the report of a short paste.
  await page.waitForSelector("progress.triage-progress");
  const typing = await page.evaluate(async () => {
    const area = document.querySelector("textarea#paste");
    const out = [];
    for (const code of ["AADSTS50011", "AADSTS700016", "AADSTS7000215"]) {
      const t = performance.now();
      area.value = code;
      area.dispatchEvent(new InputEvent("input", { bubbles: true }));
      await new Promise((ok) => {
        const check = () => (document.querySelector(".report-pane").innerText.includes(code.slice(6)) ? ok() : requestAnimationFrame(check));
        check();
      });
      out.push(performance.now() - t);
    }
    return out;
  });
  await page.waitForSelector(".triage [data-count=failures]", { timeout: 600000 });
  const seconds = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  const shown = await page.$eval(".triage [data-count=failures]", (e) => Number(e.textContent));
  const rate = await page.$eval(".triage-totals .timing", (e) => e.textContent.trim());
  const longest = await page.evaluate(() => [window.__tl_longest, window.__tl_tasks]);
  const inPage = await page.evaluate(() => (window.__tl_summary - window.__tl_change) / 1000);
  console.log(`triage in the page: ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(2)} s from drop to summary = ${(bytes / 1e6 / seconds).toFixed(0)} MB/s; the page says: ${rate}`);
  console.log(`in the page's own clock (change event to summary shown): ${inPage.toFixed(2)} s = ${(bytes / 1e6 / inPage).toFixed(0)} MB/s`);
  console.log(`failures counted ${shown}, expected ${expected} (${shown === expected ? "exact" : "DIFFERENT"})`);
  console.log(`Chromium memory (all processes, resident): ${before.toFixed(0)} MB before the drop, peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)} MB)`);
  console.log(`longest main-thread task during the run: ${longest[0].toFixed(0)} ms (${longest[1]} tasks over 50 ms)`);
  console.log(`typing during the run, input to report shown: ${typing.map((t) => t.toFixed(0) + " ms").join(", ")}`);
} finally {
  await context.close();
  rmSync(work, { recursive: true, force: true });
}
