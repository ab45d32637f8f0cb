// Browser tests for what a report may repeat: the redacted copy, secrets in every copy, pasted HTML
// and script that must stay inert text, and invisible characters that must show.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { serveDist, launch, openPage, paste, reportText, fixture, root } from "./harness.mjs";

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

/** Replaces the clipboard with a recorder: every text the page copies lands in window.__copies. */
async function recordCopies(page) {
  await page.evaluate(() => {
    window.__copies = [];
    navigator.clipboard.writeText = (text) => {
      window.__copies.push(text);
      return Promise.resolve();
    };
  });
}

/** The texts copied since the last call. */
async function takeCopies(page) {
  return page.evaluate(() => window.__copies.splice(0));
}

/** Opens every raw JSON view, then presses every copy button of the report and returns what each copied. */
async function pressEveryCopyButton(page) {
  await page.$$eval(".report-pane .raw button.button", (buttons) => buttons.forEach((b) => b.click()));
  await page.waitForTimeout(100);
  const pressed = await page.$$eval(".report-pane button.copy", (buttons) => {
    buttons.forEach((b) => b.click());
    return buttons.length;
  });
  await page.waitForTimeout(100);
  const copies = await takeCopies(page);
  assert.ok(copies.length >= pressed - 5 && pressed > 10, `${pressed} buttons pressed, ${copies.length} copies recorded`);
  return copies;
}

const b64url = (obj) => Buffer.from(JSON.stringify(obj)).toString("base64url");

// A token, a user and an address that the redacted copy must hide (the docs sample and an IIS line).
const DOCS_TOKEN = fixture("jwt/040-jwt-v1-access-token-docs.json").input;
const IIS = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\n" +
  "2024-05-13 08:01:02 10.0.0.5 POST /EWS/Exchange.asmx - 443 CONTOSO\\megan 203.0.113.9 Microsoft+Office/16.0 401 1 2148074254 15\n";

test("'Copy redacted report' hides users, tenants, object ids and addresses, and a toggle keeps its kind", async () => {
  const { page, requests, errors } = await openPage(context, server.url);
  await paste(page, `${DOCS_TOKEN}\n\n${IIS}`);
  await page.waitForSelector(".artifact .verdict");
  await recordCopies(page);
  const button = page.getByRole("button", { name: /^Copy redacted report/ });
  await button.click();
  let [copy] = await takeCopies(page);
  const personal = ["abeli@microsoft.com", "AbeLi@microsoft.com", "Lincoln", "CONTOSO\\megan"];
  const tenant = ["fa15d692-e9c7-4460-a743-29f2956fd429", "02223b6b-aa1d-42d4-9ec0-1b2bb9194438"];
  const ips = ["222.222.222.22", "203.0.113.9"];
  for (const value of [...personal, ...tenant, ...ips]) {
    assert.ok(!copy.includes(value), `the redacted copy repeats ${value}`);
  }
  for (const placeholder of ["<upn-1>", "<tenant-1>", "<oid-1>", "<ip-1>", "<user-1>", "<signature-1>"]) {
    assert.ok(copy.includes(placeholder), `${placeholder} in the redacted copy`);
  }
  assert.ok(copy.includes("Issuer and tid do not match"), "the findings are still there");
  // The toggle is a labelled checkbox a keyboard reaches and flips with the space bar.
  const ip = page.getByRole("checkbox", { name: "IP addresses" });
  assert.equal(await ip.isChecked(), true, "every kind is on when the page opens");
  await ip.focus();
  await page.keyboard.press("Space");
  assert.equal(await ip.isChecked(), false);
  await button.focus();
  await page.keyboard.press("Enter");
  [copy] = await takeCopies(page);
  for (const value of ips) assert.ok(copy.includes(value), `with IP addresses off, ${value} stays`);
  for (const value of [...personal, ...tenant]) assert.ok(!copy.includes(value), `${value} is still hidden`);
  // The plain copy is unchanged: it is the user's own report.
  await page.click("button:has-text('Copy report as text')");
  [copy] = await takeCopies(page);
  assert.ok(copy.includes("abeli@microsoft.com"), "'Copy report as text' copies the report as shown");
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, [server.url]);
  await page.close();
});

test("the redact controls in light and dark at 1280 and 400 px", async () => {
  for (const [width, scheme] of [[1280, "light"], [1280, "dark"], [400, "light"], [400, "dark"]]) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.url);
    await page.waitForSelector("textarea#paste");
    await paste(page, DOCS_TOKEN);
    await page.waitForSelector(".artifact .verdict");
    await page.locator(".report-actions").scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling at ${width} px (overflow ${overflow}px)`);
    await page.screenshot({ path: join(shots, `redact-${width}-${scheme}.png`), fullPage: false });
    await page.close();
  }
});

// Secrets in several positions; none may appear in the report, any copy or the raw JSON.
const BASIC = Buffer.from("CONTOSO\\megan:CorrectHorseBattery9!").toString("base64");
const PRIVATE_KEY = readFileSync(join(root, "tests/fixtures/certificate/generated/ed25519.key"), "utf8");
const SECRET_PASTE = [
  "POST https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token HTTP/1.1",
  "Content-Type: application/x-www-form-urlencoded",
  "",
  "grant_type=client_credentials&client_id=82195c37-7497-458c-b643-f4a3d0a64190&client_secret=Q8x~Zq7Rb2Lw9Vt4Kp1Ms6Nd3Hf0Jg5Ya8Ec2Xu&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default",
  "",
  "GET /EWS/Exchange.asmx HTTP/1.1",
  `Authorization: Basic ${BASIC}`,
  "",
  "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken",
  "2024-05-13 08:01:02 10.0.0.5 POST /owa/auth.owa username=megan&password=P@ssw0rd!&sig=abc123secretvalue 443 - 10.0.0.6 Mozilla/5.0 401 1 0 12",
  "",
  "https://contoso.blob.core.windows.net/reports/q3.csv?sv=2022-11-02&sp=r&se=2026-01-01T00:00:00Z&sig=S3cr3tValue%2BXyZ%3D",
  "",
  PRIVATE_KEY,
].join("\n");
const SECRETS = [
  "Q8x~Zq7Rb2Lw9Vt4Kp1Ms6Nd3Hf0Jg5Ya8Ec2Xu", "CorrectHorseBattery9!", BASIC, "P@ssw0rd!", "abc123secretvalue", "S3cr3tValue",
  ...PRIVATE_KEY.split("\n").filter((l) => l.length > 20 && !l.startsWith("-----")),
];

/** Records every message the inspection worker sends back (the Report as JSON) in window.__replies. */
async function recordWorkerReplies() {
  await context.addInitScript(() => {
    const Native = window.Worker;
    if (!Native || Native.__recorded) return;
    window.__replies = [];
    const Recorded = function (url, options) {
      const worker = new Native(url, options);
      // The worker answers { id, json } with the Report as JSON text (src/ui/worker.rs).
      worker.addEventListener("message", (e) => {
        const d = e.data;
        window.__replies.push(typeof d?.json === "string" ? d.json : JSON.stringify(d ?? null));
      });
      return worker;
    };
    Recorded.prototype = Native.prototype;
    Recorded.__recorded = true;
    window.Worker = Recorded;
  });
}

test("secrets are never repeated: not in the report, not in any copy, not in the Report's JSON", async () => {
  await recordWorkerReplies();
  const { page, errors } = await openPage(context, server.url);
  await paste(page, SECRET_PASTE);
  await page.waitForSelector(".kind-authz");
  await page.waitForSelector(".kind-log");
  await recordCopies(page);
  const shown = await page.$eval(".report-pane", (el) => el.innerText);
  const copies = await pressEveryCopyButton(page);
  const replies = await page.evaluate(() => window.__replies);
  assert.ok(replies.some((r) => r.includes('"artifacts"') && r.includes("client_secret")), "the worker's Report JSON was recorded");
  const places = {
    "the report": shown,
    ...Object.fromEntries(copies.map((c, i) => [`copy ${i + 1}`, c])),
    ...Object.fromEntries(replies.map((r, i) => [`the Report JSON ${i + 1}`, r])),
  };
  const leaks = [];
  for (const [where, text] of Object.entries(places)) {
    for (const secret of SECRETS) if (text.includes(secret)) leaks.push(`${where} repeats ${secret.slice(0, 12)}…`);
  }
  assert.deepEqual(leaks, []);
  assert.ok(shown.includes("hidden, 39 characters"), "the client secret is named as masked");
  assert.ok(copies.some((c) => c.startsWith("=== [1]")) && copies.some((c) => c.startsWith("NOTE: Redacted copy")), "the whole report and its redacted copy were among the copies");
  assert.deepEqual(errors, []);
  await page.close();
});

// Every payload would set window.__pwned if it ran; the numbers say which one did.
const JWT = [
  b64url({ alg: "RS256", typ: "JWT", kid: "<img src=x onerror=window.__pwned=1>" }),
  b64url({
    aud: "https://graph.microsoft.com", iss: "javascript:window.__pwned=2", idp: "javascript:window.__pwned=3//https://x",
    iat: 1767225000, nbf: 1767225000, exp: 1767228600, appid: "b7d3e0a1-2c4f-4a6b-8d9e-1f2a3b4c5d6e", appidacr: "0",
    name: "<script>window.__pwned=4</script>", upn: "</textarea><img src=x onerror=window.__pwned=5>@contoso.example",
    scp: "<svg onload=window.__pwned=6>", tid: "3f1c2a9e-5b7d-4e21-9c44-0d8e6a1b7f52", ver: "1.0",
  }),
  "c2lnbmF0dXJl",
].join(".");
const HEADERS = [
  'WWW-Authenticate: Bearer realm="<img src=x onerror=window.__pwned=11>", authorization_uri="javascript:window.__pwned=12", error="invalid_token", error_description="<script>window.__pwned=13</script>"',
  'x-ms-diagnostics: 2000001;reason="</textarea><svg onload=window.__pwned=14>";error_category="invalid_token"',
].join("\n");
const LOG = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\n" +
  "2024-05-13 08:01:02 10.0.0.5 GET /EWS/Exchange.asmx q=<script>window.__pwned=21</script> 443 <svg/onload=window.__pwned=22> 10.0.0.6 <img/src=x/onerror=window.__pwned=23> 401 1 0 12\n";
const CERT = readFileSync(join(root, "tests/browser/inputs/injection-cert.pem"), "utf8");
const ERROR_BODY = '{"error":"invalid_client","error_description":"AADSTS7000215: <img src=x onerror=window.__pwned=41> Invalid client secret provided.","error_codes":[7000215],"error_uri":"javascript:window.__pwned=42"}';

test("pasted HTML and script render as inert text: nothing runs, no element or link is made from them", async () => {
  const { page, errors } = await openPage(context, server.url);
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  const before = await page.evaluate(() => document.querySelectorAll("script, img, svg, iframe, object, embed").length);
  await paste(page, [JWT, HEADERS, LOG, CERT, ERROR_BODY].join("\n\n"));
  await page.waitForSelector(".kind-cert");
  await page.waitForSelector(".kind-challenge");
  await page.waitForSelector(".kind-log");
  // Open every raw JSON view too, so that its text is in the page.
  await page.$$eval(".report-pane .raw button.button", (buttons) => buttons.forEach((b) => b.click()));
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => ({
    pwned: window.__pwned,
    made: document.querySelectorAll("script, img, svg, iframe, object, embed").length,
    handlers: document.querySelectorAll("[onerror], [onload], [onclick]").length,
    hrefs: [...document.querySelectorAll("[href], [src], [action], [formaction]")].map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action") ?? e.getAttribute("formaction")),
  }));
  assert.equal(state.pwned, undefined, "no payload ran");
  assert.deepEqual(dialogs, [], "no dialog opened");
  assert.equal(state.made, before, "no element was made from a payload");
  assert.equal(state.handlers, 0, "no event handler attribute is in the page");
  const bad = state.hrefs.filter((h) => h !== "tokenlens.html" && h !== "data:," && (!h.startsWith("https://") || /javascript|pwned|<|>/i.test(h)));
  assert.deepEqual(bad, [], "every link is an https page from knowledge (or the offline copy, or the empty icon)");
  const text = await reportText(page);
  for (const shown of ["<script>window.__pwned=4</script>", "javascript:window.__pwned=2", "<script>window.__pwned=31</script>", "<svg/onload=window.__pwned=22>"]) {
    assert.ok(text.includes(shown.toLowerCase()), `${shown} is shown as text`);
  }
  assert.deepEqual(errors, [], "no page error and no CSP violation");
  await page.close();
});

test("right-to-left overrides and zero-width characters are shown as markers with a warning", async () => {
  const { page, errors } = await openPage(context, server.url);
  const sample = fixture("jwt/own-invisible-characters-in-claims.json");
  await paste(page, sample.input);
  await page.waitForSelector(".artifact .verdict");
  const shown = await page.$eval(".report-pane", (el) => el.innerText);
  assert.ok(shown.includes("⟨U+202E⟩") && shown.includes("adele⟨U+200B⟩@contoso.example"), "the characters are shown as markers");
  assert.ok(!/[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]/.test(shown), "no invisible character reaches the report");
  assert.ok(shown.includes("Hidden characters in pasted values"), "a warning says the values hold them");
  assert.deepEqual(errors, []);
  await page.close();
});
