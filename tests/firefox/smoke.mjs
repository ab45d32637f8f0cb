// Firefox check, run on demand (scripts/firefox-test.sh): opens the downloaded single file from
// file:// in headless Firefox ESR through geckodriver (the W3C WebDriver protocol, spoken with
// fetch; playwright-core drives only its own patched Firefox builds), pastes a token, a certificate
// and an IIS line, and checks that each gets its report, that the worker answered (signature checks
// with WebCrypto) and that the page reported no error.
import { spawn } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const root = resolve(new URL("../..", import.meta.url).pathname);
const file = join(root, "dist", "tokenlens.html");
if (!existsSync(file)) throw new Error("dist/tokenlens.html is missing: run `trunk build --release` first");
const fixture = (p) => JSON.parse(readFileSync(join(root, "tests/fixtures", p), "utf8"));

const port = 4444 + Math.floor(Math.random() * 1000);
const driver = spawn(process.env.GECKODRIVER || "geckodriver", ["--port", String(port)], { stdio: ["ignore", "ignore", "inherit"] });
const base = `http://127.0.0.1:${port}`;

async function call(method, path, body) {
  const res = await fetch(base + path, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
  const json = await res.json();
  if (json.value && json.value.error) throw new Error(`${path}: ${json.value.error}: ${json.value.message}`);
  return json.value;
}

let session;
const failures = [];
try {
  for (let i = 0; ; i++) {
    try { await fetch(base + "/status"); break; } catch (e) { if (i > 50) throw e; await sleep(100); }
  }
  const created = await call("POST", "/session", {
    capabilities: { alwaysMatch: { browserName: "firefox", "moz:firefoxOptions": { args: ["-headless"], binary: process.env.FIREFOX || "/usr/bin/firefox-esr" } } },
  });
  session = `/session/${created.sessionId}`;
  console.log(`firefox ${created.capabilities.browserVersion}`);
  await call("POST", `${session}/url`, { url: "file://" + file });
  const run = (script, ...args) => call("POST", `${session}/execute/sync`, { script, args });
  // Errors the page raises are collected from the moment it loads.
  await run("window.__errors = []; window.addEventListener('error', e => window.__errors.push(String(e.message)));");
  const waitFor = async (script, what, ms = 20000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await run(script)) return true;
      await sleep(100);
    }
    failures.push(`timed out waiting for ${what}`);
    return false;
  };
  await waitFor("return !!document.querySelector('textarea#paste')", "the paste box");
  const norm = (s) => String(s).replace(/:/g, " ").replace(/\s+/g, " ").toLowerCase();
  const cases = [
    ["jwt/040-jwt-v1-access-token-docs.json", "a token"],
    ["certificate/070-cert-microsoft-rsa-root-2017-rsa4096.json", "a certificate"],
  ].map(([p, what]) => [fixture(p).input, what, fixture(p).checks]);
  const iis = "2024-05-01 10:00:00 10.0.0.5 POST /EWS/Exchange.asmx - 443 - 10.0.0.9 Microsoft+Office/16.0 - 401 1 2148074252 15";
  cases.push([iis, "an IIS line", [["401.1"], ["SEC_E_LOGON_DENIED", "logon denied"]]]);
  for (const [text, what, checks] of cases) {
    await run(`const a = document.querySelector('textarea#paste'); a.focus(); a.value = arguments[0];
      a.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));`, text);
    const ok = await waitFor("return document.querySelectorAll('.report-pane .card').length > 0", `the report of ${what}`);
    const report = ok ? norm(await run("return document.querySelector('.report-pane').innerText")) : "";
    for (const group of checks) {
      if (!group.some((alt) => report.includes(norm(alt)))) failures.push(`${what}: the report lacks "${group[0]}"`);
    }
    console.log(`${what}: ${ok ? "report shown" : "no report"}`);
  }
  const errors = await run("return window.__errors");
  if (errors.length) failures.push(`page errors: ${errors.join("; ")}`);
} catch (e) {
  failures.push(String(e));
} finally {
  if (session) await call("DELETE", session).catch(() => {});
  driver.kill();
}
if (failures.length) {
  console.error("FAILED\n" + failures.map((f) => "  " + f).join("\n"));
  process.exit(1);
}
console.log("firefox: every check passed");
