// Browser tests of whole-log triage on the page, against the single file opened from file://:
// a dropped log is read in the worker with a progress bar, its summary counts are the known
// counts of the generated log, a large log is read by two workers with the same counts and line
// numbers, archives (gz, zip with a UTF-16 entry) give the same counts, a second
// drop can be cancelled while typing still works, and the CSV export is a local download.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { launch, openPage, paste, reportText, root, dist } from "./harness.mjs";
import { iisLog, zip, utf16le, FIELDS_A } from "./logs.mjs";

const url = "file://" + join(dist, "tokenlens.html");
const shots = join(root, "target", "screenshots");
const work = mkdtempSync(join(tmpdir(), "tokenlens-triage-"));
let context;

before(async () => {
  context = await launch();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  await context?.close();
});

/** Drops files through the picker, watching the progress bar; resolves to what it saw and the counts. */
async function triage(page, files) {
  // A summary still shown from an earlier drop is closed first, so the wait below sees the new one.
  if (await page.locator(".triage").count()) await page.getByRole("button", { name: "Close" }).click();
  await page.evaluate(() => {
    window.__tl_progress = { seen: false, max: 0 };
    new MutationObserver(() => {
      const bar = document.querySelector("progress.triage-progress");
      if (bar) {
        window.__tl_progress.seen = true;
        window.__tl_progress.max = Math.max(window.__tl_progress.max, bar.value / bar.max);
      }
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  await page.setInputFiles("input[type=file]", files);
  await page.waitForSelector(".triage [data-count=failures]", { timeout: 60000 });
  const progress = await page.evaluate(() => window.__tl_progress);
  const counts = await page.$$eval(".triage [data-count]", (els) => Object.fromEntries(els.map((e) => [e.dataset.count, Number(e.textContent)])));
  const groups = await page.$$eval("li.triage-group", (els) => Object.fromEntries(els.map((e) => [`${e.dataset.kind}:${e.dataset.key}`, Number(e.dataset.count)])));
  return { progress, counts, groups };
}

function expectCounts(seen, truth, files = 1) {
  assert.equal(seen.counts.files, files, "files read");
  assert.equal(seen.counts.lines, truth.lines, "lines");
  assert.equal(seen.counts.requests, truth.requests, "requests");
  assert.equal(seen.counts.failures, truth.failures, "failures");
  assert.equal(seen.counts.errors, truth.errors, "failures of error severity");
  assert.equal(seen.groups["status:401.1"] ?? 0, truth.s401_1, "401.1 group");
  assert.equal(seen.groups["status:500.0"] ?? 0, truth.s500, "500.0 group");
  assert.equal(seen.groups["status:401.0"] ?? 0, truth.s401_0, "401.0 group");
  assert.equal(seen.groups["diagnostic:2000008"] ?? 0, truth.d2000008, "2000008 group");
}

test("a dropped IIS log is triaged in the worker with exact counts, explained per line and exported as CSV", async () => {
  const { page, requests, errors } = await openPage(context, url);
  const { text, truth } = iisLog(4_000_000);
  const seen = await triage(page, { name: "u_ex240502.log", mimeType: "text/plain", buffer: Buffer.from(text) });
  assert.ok(seen.progress.seen, "a progress bar was shown");
  expectCounts(seen, truth);
  assert.equal(await page.inputValue("textarea#paste"), "", "the log did not go into the paste box");
  assert.match(await page.textContent(".triage-totals"), /MB\/s/);
  assert.equal(await page.$$eval(".triage-chart rect.bar", (r) => r.length) > 0, true, "the failure chart has bars");
  assert.match(await page.getAttribute(".triage-chart svg", "aria-labelledby"), /chart-title/);

  // Each group opens its example lines; a line's button puts it in the paste box to be explained.
  const group = page.locator('li.triage-group[data-kind="diagnostic"][data-key="2000008"]');
  await group.locator("summary").click();
  await group.getByRole("button", { name: /Explain line/ }).first().click();
  const pasted = await page.inputValue("textarea#paste");
  assert.match(pasted, /2000008/);
  await page.waitForSelector(".report-pane .artifact .verdict");
  assert.match(await reportText(page), /2000008/);

  // Filters narrow the groups shown and what is exported.
  await page.selectOption(".triage-filters select", "status");
  assert.equal(await page.locator('li.triage-group[data-kind="endpoint"]').count(), 0, "only status groups shown");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const file = await download;
  const csv = readFileSync(await file.path(), "utf8");
  assert.equal(file.suggestedFilename(), "tokenlens-triage.csv");
  assert.match(csv, /^kind,key,detail,label,count,severity,first,last\n/);
  assert.ok(csv.includes(`"status","500.0",`) && csv.includes(`,${truth.s500},error,`), csv);
  assert.ok(csv.includes(`"status","401.1","win32 2148074254",`), "401.1 row with its win32 status");
  assert.ok(!csv.includes(`"endpoint"`), "the filter applies to the export");
  await page.selectOption(".triage-filters select", "");

  await page.locator(".triage").screenshot({ path: join(shots, "triage-1280-light.png") });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 400, height: 900 });
  await page.locator(".triage").screenshot({ path: join(shots, "triage-400-dark.png") });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 400 px (${overflow} px)`);

  // Accessibility of the summary, in dark and in light.
  const axe = readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8");
  for (const scheme of ["dark", "light"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(axe);
    const violations = await page.evaluate(async () =>
      (await window.axe.run(document.querySelector(".triage"), { resultTypes: ["violations"] })).violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`));
    assert.deepEqual(violations, [], `axe (${scheme})`);
  }
  assert.deepEqual(errors, [], "no page errors");
  assert.deepEqual(requests, [url], "the page requests nothing but itself");
  await page.close();
});

test("a large log is read by two workers at once, with the counts and line numbers of one run", async () => {
  const { page, errors, requests } = await openPage(context, url);
  // The parts of a run the page hands to workers (`part` 0 and 1 when a file is read in halves).
  await page.evaluate(() => {
    window.__tl_parts = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (m, t) {
      if (m && m.triage && m.part !== undefined) window.__tl_parts.push(m.part);
      return post.call(this, m, t);
    };
  });
  // Logs over 32 MiB whose middle falls under each of the two kinds of #Fields line: under the
  // file's first one the second worker's guess is right; under the other its first lines are read
  // again with the header in force. A last request by a user of its own, under a header of its
  // own, must keep its line number (the last line) although the second worker read it.
  const cases = new Set();
  for (let bytes = 34_000_000; cases.size < 2 && bytes < 42_000_000; bytes += 330_000) {
    const { text, truth } = iisLog(bytes);
    const full = Buffer.from(
      text + `${FIELDS_A}\r\n2024-05-02 23:59:59 10.0.0.5 POST /EWS/Exchange.asmx - 443 CONTOSO\\lastuser 10.0.1.9 Microsoft+Office/16.0 500 0 0 1\r\n`,
    );
    const cut = full.indexOf(10, Math.floor(full.length / 2)) + 1;
    const header = full.lastIndexOf("#Fields:", cut);
    const underFirst = full.subarray(header, full.indexOf(13, header)).toString() === FIELDS_A;
    if (cases.has(underFirst)) continue;
    cases.add(underFirst);
    Object.assign(truth, { lines: truth.lines + 2, requests: truth.requests + 1, failures: truth.failures + 1, errors: truth.errors + 1, s500: truth.s500 + 1 });
    const path = join(work, `u_ex_split_${underFirst ? "a" : "b"}.log`);
    writeFileSync(path, full);
    await page.evaluate(() => { window.__tl_parts = []; });
    const seen = await triage(page, path);
    assert.deepEqual(await page.evaluate(() => window.__tl_parts.sort()), [0, 1], "two workers read the file, a half each");
    expectCounts(seen, truth);
    const last = page.locator('li.triage-group[data-kind="user"]', { hasText: "lastuser" });
    await last.locator("summary").click();
    const label = await last.getByRole("button", { name: /Explain line/ }).first().getAttribute("aria-label");
    assert.equal(label, `Explain line ${truth.lines} of u_ex_split_${underFirst ? "a" : "b"}.log`, `the last line keeps its number (cut ${underFirst ? "under the first header" : "under another header"})`);
  }
  assert.equal(cases.size, 2, "both kinds of cut were tried");
  assert.deepEqual(errors, [], "no page errors");
  assert.deepEqual(requests, [url], "the page requests nothing but itself");
  await page.close();
});

test("gz and zip archives (with a UTF-16 entry) give the same counts", async () => {
  const { page, errors } = await openPage(context, url);
  const a = iisLog(1_200_000);
  const seen = await triage(page, { name: "u_ex240502.log.gz", mimeType: "application/gzip", buffer: gzipSync(Buffer.from(a.text)) });
  expectCounts(seen, a.truth);
  const archive = zip([
    { name: "W3SVC1/u_ex240502.log", data: Buffer.from(a.text) },
    { name: "W3SVC1/u_ex240503.log", data: utf16le(a.text), store: true },
    { name: "W3SVC1/u_ex240504.log.gz", data: gzipSync(Buffer.from(a.text)), store: true },
  ]);
  const both = await triage(page, { name: "logs.zip", mimeType: "application/zip", buffer: archive });
  const triple = Object.fromEntries(Object.entries(a.truth).map(([k, v]) => [k, v * 3]));
  expectCounts(both, triple, 3);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a small text file still goes into the paste box; a log of any size goes to triage", async () => {
  const { page } = await openPage(context, url);
  await page.setInputFiles("input[type=file]", { name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("AADSTS700016: Application not found in the directory.\n") });
  await page.waitForFunction(() => document.querySelector("textarea#paste").value.includes("AADSTS700016"));
  assert.equal(await page.locator(".triage").count(), 0, "no triage for a small text file");
  const small = iisLog(20_000);
  const seen = await triage(page, { name: "u_ex_small.log", mimeType: "text/plain", buffer: Buffer.from(small.text) });
  expectCounts(seen, small.truth);
  await page.close();
});

test("a second drop can be cancelled, and typing works during and after the run", async () => {
  const { page, errors } = await openPage(context, url);
  const big = join(work, "u_ex_big.log");
  writeFileSync(big, iisLog(150_000_000).text);
  await page.setInputFiles("input[type=file]", big);
  await page.waitForSelector("progress.triage-progress");
  await paste(page, "AADSTS50011");
  await page.waitForFunction(() => document.querySelector(".report-pane").innerText.includes("50011"));
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.waitForSelector(".triage [role=status]");
  assert.match(await page.textContent(".triage"), /Cancelled after/);
  assert.equal(await page.locator(".triage [data-count]").count(), 0, "no summary after a cancel");
  await paste(page, "AADSTS700016");
  await page.waitForFunction(() => document.querySelector(".report-pane").innerText.includes("700016"));
  assert.deepEqual(errors, []);
  await page.close();
});
