// Browser tests: the real page in headless Chromium, pasted into as a user would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serveDist, launch, openPage, paste, reportText, missingChecks, fixture, root, dist, isOwnBlob } from "./harness.mjs";

let server;
let context;
const shots = join(root, "target", "screenshots");

before(async () => {
  server = await serveDist();
  context = await launch();
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  await context?.close();
  await server?.close();
});

/** Every folder of tests/fixtures, as golden.rs walks them. */
function fixtureFolders() {
  return readdirSync(join(root, "tests/fixtures"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

/** Every JSON fixture of every folder, as [path, fixture]. */
function allFixtures() {
  const out = [];
  for (const folder of fixtureFolders()) {
    for (const name of readdirSync(join(root, "tests/fixtures", folder)).filter((n) => n.endsWith(".json")).sort()) {
      out.push([join(folder, name), fixture(join(folder, name))]);
    }
  }
  return out;
}

/** The fixtures the page can show: those whose checks do not name times relative to the test clock. */
function pageFixtures() {
  return allFixtures().filter(([, f]) => !f.fixed_clock);
}

/** The number of entries in the decoder catalogue (src/find.rs), each of which offers one example. */
function decoderCount() {
  return (readFileSync(join(root, "src/find.rs"), "utf8").match(/^\s*Decoder \{$/gm) || []).length;
}

test("pasting a token shows its explanation without pressing a button", async () => {
  const { page, requests, errors } = await openPage(context, server.url);
  const sample = fixture("jwt/040-jwt-v1-access-token-docs.json");
  await paste(page, sample.input);
  await page.waitForSelector(".artifact .verdict");
  await page.screenshot({ path: join(shots, "token-1280-light.png"), fullPage: false });
  const text = await reportText(page);
  assert.deepEqual(missingChecks(text, sample.checks), []);
  assert.ok(text.includes("delegated"), "the verdict names a delegated token");
  assert.deepEqual(errors, [], "no page errors");
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), [], "no request leaves the page");
  assert.deepEqual(requests, [server.url], "the page loads as one file and requests nothing else");
  await page.close();
});

test("every sample fixture shows its facts on the page", async () => {
  const { page, requests } = await openPage(context, server.url);
  const failures = [];
  // Every folder golden.rs walks is pasted, so a new folder or fixture is covered without an edit here.
  const cases = pageFixtures();
  const all = allFixtures().length;
  assert.ok(all > 0 && cases.length >= all * 0.9, `only ${cases.length} of ${all} fixtures can be pasted`);
  for (const [name, f] of cases) {
    await paste(page, "");
    await paste(page, f.keys || "", "textarea#keys");
    await paste(page, f.input);
    await page.waitForTimeout(30);
    const missing = missingChecks(await reportText(page), f.checks);
    if (missing.length) failures.push(`${name}: missing ${JSON.stringify(missing.map((g) => g[0]))}`);
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(requests, [server.url], "pasting many inputs makes no request");
  await page.close();
});

test("nothing typed is stored: storage, cookies and the URL stay empty", async () => {
  const { page } = await openPage(context, server.url);
  const secret = fixture("jwt/040-jwt-v1-access-token-docs.json").input;
  await paste(page, secret);
  await page.waitForSelector(".artifact");
  const state = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    href: location.href,
    dbs: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    caches: typeof caches !== "undefined" ? (await caches.keys()).length : 0,
  }));
  assert.equal(state.local, 0);
  assert.equal(state.session, 0);
  assert.equal(state.cookie, "");
  assert.equal(state.href, server.url);
  assert.equal(state.dbs, 0);
  assert.equal(state.caches, 0);
  await page.close();
});

test("bad input gets a message, and the page keeps working", async () => {
  const { page, errors } = await openPage(context, server.url);
  await paste(page, "eyJhbGciOiJSUzI1NiJ9.!!!not-base64!!!.x and some words");
  await page.waitForTimeout(100);
  await paste(page, "just some words that are not a token");
  await page.waitForSelector(".notice");
  const text = await reportText(page);
  assert.ok(text.includes("nothing here was recognised"), text.slice(0, 200));
  assert.ok(text.includes("expected a jwt"), "the message says what was expected");
  const sample = fixture("jwt/040-jwt-v1-access-token-docs.json");
  await paste(page, sample.input);
  await page.waitForSelector(".artifact .verdict");
  assert.equal(await page.$eval("textarea#paste", (a) => a.value), sample.input, "what was typed is kept");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a dropped certificate file is read in the browser", async () => {
  const { page, requests } = await openPage(context, server.url);
  const pem = fixture("certificate/070-cert-microsoft-rsa-root-2017-rsa4096.json").input;
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""), "base64");
  await page.setInputFiles("input[type=file]", { name: "root.cer", mimeType: "application/pkix-cert", buffer: der });
  await page.waitForSelector(".kind-cert", { timeout: 10000 });
  const text = await reportText(page);
  assert.ok(text.includes("microsoft rsa root certificate authority 2017"), "the certificate's subject is shown");
  assert.deepEqual(requests, [server.url]);
  await page.close();
});

test("a dropped UTF-16 PowerShell file is read as text and a binary file is named", async () => {
  const { page, requests } = await openPage(context, server.url);
  const line = 'x-ms-diagnostics: 2000008;reason="The token does not contain roles";error_category="invalid_token"\r\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line, "utf16le")]);
  await page.setInputFiles("input[type=file]", { name: "out.txt", mimeType: "text/plain", buffer: utf16 });
  await page.waitForSelector(".kind-diag", { timeout: 10000 });
  assert.ok((await reportText(page)).includes("2000008"), "the diagnostics code is read from the UTF-16 file");
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64, 0xff)]);
  await page.setInputFiles("input[type=file]", { name: "tool", mimeType: "application/octet-stream", buffer: elf });
  await page.waitForFunction(() => document.body.innerText.includes("ELF executable"), null, { timeout: 10000 });
  assert.deepEqual(requests, [server.url]);
  await page.close();
});

test("the page is readable at 400 px and in dark mode", async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 900 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(server.url);
  await page.waitForSelector("textarea#paste");
  await paste(page, fixture("jwt/040-jwt-v1-access-token-docs.json").input);
  await page.waitForSelector(".artifact .verdict");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scrolling at 400 px (overflow ${overflow}px)`);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, "rgb(255, 255, 255)", "dark mode follows the system");
  await page.screenshot({ path: join(shots, "token-400-dark.png"), fullPage: true });
  await page.close();
});

test("the downloaded single file works from file:// with no request", async () => {
  const page = await context.newPage();
  const requests = [];
  const url = "file://" + join(dist, "tokenlens.html");
  page.on("request", (r) => { if (!isOwnBlob(r.url(), url)) requests.push(r.url()); });
  await page.goto(url);
  await page.waitForSelector("textarea#paste", { timeout: 20000 });
  await paste(page, fixture("jwt/040-jwt-v1-access-token-docs.json").input);
  await page.waitForSelector(".artifact .verdict");
  assert.deepEqual(requests, [url]);
  const csp = readFileSync(join(dist, "tokenlens.html"), "utf8").match(/Content-Security-Policy" content="([^"]+)"/)[1];
  assert.ok(csp.includes("connect-src 'none'"), csp);
  await page.close();
});

test("keyboard: the paste box has the focus on load and every control is reachable", async () => {
  const { page } = await openPage(context, server.url);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "paste", "typing goes straight into the paste box");
  await page.keyboard.insertText(fixture("jwt/040-jwt-v1-access-token-docs.json").input);
  await page.waitForSelector(".artifact .verdict");
  const reached = new Set();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    reached.add(await page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.id));
  }
  assert.ok([...reached].some((t) => t && t.includes("Copy")), `copy buttons are reachable by Tab: ${[...reached].join(" | ")}`);
  await page.close();
});

const generated = (name) => readFileSync(join(root, "tests/fixtures/certificate/generated", name), "utf8");

test("a pasted chain says which certificate issued which", async () => {
  const { page, requests } = await openPage(context, server.url);
  await paste(page, generated("chain.pem"));
  await page.waitForSelector(".kind-cert");
  const text = await reportText(page);
  assert.equal(await page.$$eval(".report-pane > .kind-cert", (els) => els.length), 3, "three certificate cards");
  assert.ok(text.includes("signed by certificate 2"), "the leaf names its issuer");
  assert.ok(text.includes("self-signed"), "the root is recognised");
  assert.ok(text.includes("x5t#s256") || text.includes("x5t#S256".toLowerCase()), "thumbprint notations are shown");
  assert.deepEqual(requests, [server.url]);
  await page.close();
});

test("a token pasted with its key in the key box is verified offline", async () => {
  const { page, requests } = await openPage(context, server.url);
  await paste(page, generated("rs256.jwt"));
  await page.click(".keybox summary");
  await paste(page, generated("rsa2048.pub.pem"), "textarea#keys");
  await page.waitForFunction(() => document.querySelector(".report-pane").innerText.includes("Signature valid"));
  await paste(page, generated("other-rsa2048.pub.pem"), "textarea#keys");
  await page.waitForFunction(() => document.querySelector(".report-pane").innerText.toLowerCase().includes("signature invalid"));
  assert.deepEqual(requests, [server.url], "verification needs no request");
  await page.close();
});

test("signatures are checked with WebCrypto in the page: RSA, RSA-PSS, ECDSA, EdDSA, certificates and requests", async () => {
  // Each token with its public key in the same paste; the core lists what to verify, the worker
  // verifies it with crypto.subtle and the report is drawn again with the answers.
  for (const [token, key, alg] of [
    ["rs256.jwt", "rsa2048.pub.pem", "RS256"],
    ["ps256.jwt", "rsa2048.pub.pem", "PS256"],
    ["es256.jwt", "p256.pub.pem", "ES256"],
    ["es384.jwt", "p384.pub.pem", "ES384"],
    ["eddsa.jwt", "ed25519.pub.pem", "EdDSA"],
  ]) {
    const { page, requests } = await openPage(context, server.url);
    await paste(page, generated(token) + "\n" + generated(key));
    await page.waitForFunction(() => document.querySelector(".report-pane").innerText.includes("Signature valid"), null, { timeout: 10000 });
    const text = await reportText(page);
    assert.ok(text.includes(`the ${alg.toLowerCase()} signature matches the header and payload`), `${token} with ${key}`);
    assert.deepEqual(requests, [server.url], "verification needs no request");
    await page.close();
  }
  // A wrong key of the right type says invalid, not unchecked.
  const { page } = await openPage(context, server.url);
  await paste(page, generated("es256.jwt") + "\n" + generated("other-p256.pub.pem"));
  await page.waitForFunction(() => document.querySelector(".report-pane").innerText.toLowerCase().includes("signature invalid"));
  // An EC certificate's own DER signature, and a signing request's signature.
  await paste(page, generated("p256.pem") + "\n" + generated("request.csr"));
  await page.waitForSelector(".kind-cert");
  const text = await reportText(page);
  assert.ok(text.includes("the signature verifies with the certificate's own key"), "self-signed EC certificate");
  assert.ok(text.includes("request signature verifies"), "certificate signing request");
  await page.close();
});

test("a fix shared by several findings is shown once, and a translated paste is named by its language", async () => {
  const { page } = await openPage(context, server.url);
  const many = fixture("diagnostics/logs-overview-many-refusals.json");
  await paste(page, many.input);
  await page.waitForSelector(".diagnosis, .artifact");
  const text = await reportText(page);
  const step = "add application permissions (not delegated)";
  assert.equal(text.split(step).length - 1, 1, "the shared step is printed once");
  assert.ok((await page.$$("p.same-fix")).length >= 1, "later findings point to it");
  assert.ok(text.includes("as given in"));
  const german = fixture("diagnostics/known-german-email-router-401.json");
  await paste(page, german.input);
  await page.waitForTimeout(50);
  const note = await page.$eval(".notice", (e) => e.textContent);
  assert.match(note, /The text is in German/);
  await page.close();
});

test("the seed's IIS log line and FREB events lead to the fix", async () => {
  const { page } = await openPage(context, server.url);
  const iis = fixture("diagnostics/007-xmsdiag-2000008-iislog-plus-encoded.json");
  await paste(page, iis.input);
  await page.waitForSelector(".diagnosis, .artifact");
  let text = await reportText(page);
  assert.ok(text.includes("set-partnerapplication"), "the partner application fix is shown");
  assert.ok(text.includes("unsupported by microsoft"), "and marked unsupported");
  const freb = fixture("diagnostics/069-freb-general-set-response-header-v1s2sapponly.json");
  await paste(page, freb.input);
  await page.waitForTimeout(50);
  text = await reportText(page);
  assert.ok(text.includes("oauthhttpmodule"), "the web.config profile workaround is named");
  assert.ok(text.includes("failed request tracing"));
  await page.screenshot({ path: join(shots, "freb-1280.png"), fullPage: false });
  await page.close();
});

test("a newcomer can try an example from the empty page", async () => {
  const { page, requests } = await openPage(context, server.url);
  const buttons = await page.$$eval(".examples button", (els) => els.map((e) => e.textContent));
  assert.ok(decoderCount() > 0, "the decoder catalogue is found in src/find.rs");
  assert.equal(buttons.length, decoderCount(), `one example per decoder: ${buttons.join(", ")}`);
  await page.click(".examples button:has-text('FREB')");
  await page.waitForSelector(".diagnosis");
  const text = await reportText(page);
  assert.ok(text.includes("v1s2sapponly"));
  assert.ok((await page.$eval("textarea#paste", (a) => a.value)).includes("GENERAL_SET_RESPONSE_HEADER"), "the example is in the paste box");
  assert.deepEqual(requests, [server.url]);
  await page.screenshot({ path: join(shots, "example-freb.png"), fullPage: false });
  await page.close();
});

test("copy buttons put the value, the card and the report on the clipboard", async () => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url.replace(/\/$/, "") });
  const { page } = await openPage(context, server.url);
  await paste(page, fixture("jwt/040-jwt-v1-access-token-docs.json").input);
  await page.waitForSelector(".artifact .verdict");
  const read = () => page.evaluate(() => navigator.clipboard.readText());
  await page.click(".artifact table tbody tr:has(code:text-is('appidacr')) button.copy");
  await page.waitForTimeout(100);
  assert.equal(await read(), "0", "a value's copy button copies its raw value");
  await page.click(".artifact .card-head button:has-text('Copy as text')");
  await page.waitForTimeout(100);
  const card = await read();
  assert.ok(card.includes("Delegated (user) access token (v1)") && card.includes("appidacr"), card.slice(0, 200));
  await page.click("button:has-text('Copy report as text')");
  await page.waitForTimeout(100);
  assert.ok((await read()).startsWith("=== [1]"), "the whole report is copied as text");
  await page.close();
});

test("an internal error in the inspection worker leaves the page usable and keeps the text", async () => {
  const { page, requests } = await openPage(context, server.url);
  const token = fixture("jwt/040-jwt-v1-access-token-docs.json").input;
  await paste(page, token);
  await page.waitForSelector(".artifact .verdict");
  // The next input makes the worker panic for real (a test switch in src/ui/worker.rs).
  await page.evaluate(() => { globalThis.__tl_selftest_panic = true; });
  const typed = "x-ms-diagnostics: 2000008;reason=\"The token does not contain roles\"";
  await page.evaluate((value) => {
    const area = document.querySelector("textarea#paste");
    area.value = value;
    area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, typed);
  await page.waitForSelector(".failure", { timeout: 10000 });
  const message = await page.$eval(".failure", (el) => el.innerText);
  assert.match(message, /internal error/i, message);
  assert.ok(await page.$(".failure button"), "the message offers to copy the details");
  assert.equal(await page.$eval("textarea#paste", (el) => el.value), typed, "what was typed is kept");
  // A fresh worker takes the next input.
  await paste(page, token);
  await page.waitForSelector(".artifact .verdict");
  assert.equal(await page.$(".failure"), null, "the message goes away with the next report");
  assert.deepEqual(requests, [server.url]);
  await page.close();
});

test("axe finds no serious or critical accessibility violation, in light and in dark", async () => {
  const axe = readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8");
  const { page } = await openPage(context, server.url);
  const inputs = [
    ["the empty page", null],
    ["a token", fixture("jwt/040-jwt-v1-access-token-docs.json").input],
    ["an IIS log with a diagnosis", fixture("diagnostics/087-seed000-freb-and-decoded-graph-app-token.json").input],
  ];
  const serious = [];
  for (const [what, input] of inputs) {
    if (input) {
      await paste(page, input);
      await page.waitForSelector(".artifact");
    }
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      // Evaluated through the test driver, so the page's CSP needs no exception for it.
      await page.evaluate(axe);
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document, { resultTypes: ["violations"] })).violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`));
      serious.push(...violations.map((v) => `${what}, ${scheme}: ${v}`));
    }
  }
  assert.deepEqual(serious, [], serious.join("\n"));
  await page.close();
});
