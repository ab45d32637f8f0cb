// Trunk post_build hook: turns the staged build into one self-contained HTML page.
//
// The wasm-bindgen glue and the wasm (xz-compressed, as base64) are inlined into a single module
// script that unpacks the wasm with the xz-embedded decoder of the npm package xz-decompress (a
// 12 KB wasm of its own) and starts the app with initSync, so the page makes no fetch at all (the
// CSP says connect-src 'none') and the same file works when opened from disk. xz (LZMA2) packs
// the wasm about 19% smaller than Zopfli's gzip, which the browser's DecompressionStream would
// read: measured on one build, the page went from 949.5 to 806.5 KiB raw and from 679.9 to 566.5
// KiB gzipped, and the median time to ready from 374 to 417 ms (tests/browser/bench.mjs). The CSP meta tag gets the hashes of the inlined
// script and style. The result is written as index.html and as tokenlens.html (the offline copy).
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from "node:fs";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error("inline-wasm: TRUNK_STAGING_DIR is not set and no folder was given");
  process.exit(1);
}
const files = readdirSync(dir);
const glueName = files.find((f) => f.endsWith(".js") && f.startsWith("tokenlens-web"));
const wasmName = files.find((f) => f.endsWith("_bg.wasm"));
if (!glueName || !wasmName) {
  console.error(`inline-wasm: expected the glue .js and _bg.wasm in ${dir}, found ${files.join(", ")}`);
  process.exit(1);
}
let html = readFileSync(join(dir, "index.html"), "utf8");
const glue = readFileSync(join(dir, glueName), "utf8");
const wasm = readFileSync(join(dir, wasmName));

// Remove what Trunk added to load the module and preload the wasm: both would be requests.
html = html.replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, "");
html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "");

// xz from xz-utils at its strongest preset, with the CRC32 check that xz-embedded reads.
const xz = spawnSync("xz", ["-9e", "--check=crc32", "-c"], { input: wasm, maxBuffer: 1 << 28 });
if (xz.error || xz.status !== 0) {
  console.error(`inline-wasm: xz failed (${xz.error ? xz.error.message : xz.stderr}); install xz-utils`);
  process.exit(1);
}
const packed = xz.stdout;
// The decoder: the package's minified UMD bundle, run with a plain object as its root so that it
// defines XzReadableStream there (inside a module script `this` would be undefined).
const require = createRequire(import.meta.url);
const xzDecoder = readFileSync(
  join(require.resolve("xz-decompress/package.json"), "..", "dist/package/xz-decompress.min.js"),
  "utf8",
);
// The inspection worker runs the same glue and module; it is started from a blob: URL (the CSP
// allows worker-src blob:) and gets the compiled module from the page (src/ui/worker.rs).
// Chromium refuses module workers from blob: URLs in a page opened from file://, so the worker gets
// the glue as a classic script: its exports become plain declarations. The page does not carry
// a second copy of the glue for that: it reads its own inline script and converts the glue part
// with this same function (shipped as its source text), which is checked here on the real glue.
function tlClassic(moduleGlue) {
  return moduleGlue
    .replace(/^export \{[^}]*\};?\s*$/gm, "")
    .replace(/^export (function|class|const|let) /gm, "$1 ")
    .replace(/import\.meta\.url/g, "self.location.href");
}
const classicGlue = tlClassic(glue);
if (/^\s*(export|import)\b/m.test(classicGlue)) {
  console.error("inline-wasm: the wasm-bindgen glue has an import or export the worker cannot take");
  process.exit(1);
}
// Signature checks: the core lists the checks it could not answer (tokenlensPendingChecks); the
// worker verifies them with WebCrypto and inspects again with the answers, so the report it sends
// is the final one. The first run is synchronous, so a trap in it is an error event as before; a
// trap in a later run is thrown again outside the promise, where it becomes one too.
// Whole-log triage (src/ui/triage/): the worker reads dropped files in slices and feeds the core.
// Its comment lines and indentation are left out of the page.
const triageSource = readFileSync(new URL("./triage-worker.js", import.meta.url), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("//"))
  .join("\n");
const workerSource = `
const tlBytes = (s) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
async function tlVerify(c) {
  try {
    const kind = c.name === "ECDSA" ? { name: c.name, namedCurve: c.curve }
      : c.name === "Ed25519" ? { name: c.name } : { name: c.name, hash: c.hash };
    const key = await crypto.subtle.importKey("spki", tlBytes(c.spki), kind, false, ["verify"]);
    const how = c.name === "ECDSA" ? { name: c.name, hash: c.hash }
      : c.name === "RSA-PSS" ? { name: c.name, saltLength: c.salt } : { name: c.name };
    return (await crypto.subtle.verify(how, key, tlBytes(c.sig), tlBytes(c.msg))) ? "ok" : "invalid";
  } catch (e) {
    return e && e.name === "NotSupportedError" ? "unsupported" : "error:" + ((e && e.message) || e);
  }
}
async function tlAnswer(m, json) {
  const answers = [];
  for (let round = 0; round < 3; round++) {
    const checks = JSON.parse(tokenlensPendingChecks());
    if (checks.length === 0) break;
    for (const c of checks) answers.push([c.id, await tlVerify(c)]);
    json = tokenlensInspect(m.text, m.keys, m.now, m.offset, m.random, JSON.stringify(answers));
  }
  self.postMessage({ id: m.id, json });
}
self.onmessage = (event) => {
  const m = event.data;
  if (m.module) { initSync({ module: m.module }); return; }
  if (m.warm) { tokenlensTriageWarm(); return; }
  if (m.triage) { (m.part === undefined ? tlTriage(m) : tlHalf(m)).catch((e) => setTimeout(() => { throw e; })); return; }
  if (m.panic) tokenlensSelfTestPanic();
  const json = tokenlensInspect(m.text, m.keys, m.now, m.offset, m.random, "[]");
  tlAnswer(m, json).catch((e) => setTimeout(() => { throw e; }));
};
${triageSource}`;
// JSON string escaping, with "<" escaped as well so that no "</script>" can end the inline script.
const workerLiteral = JSON.stringify(workerSource).replace(/</g, "\\u003c");
const glueEnd = "\n//__tl_glue_end\n";
if (glue.includes(glueEnd)) {
  console.error("inline-wasm: the glue already holds the end marker");
  process.exit(1);
}
const script =
  glue +
  glueEnd +
  `const __tl_b64 = "${packed.toString("base64")}";\n` +
  "const __tl_packed = Uint8Array.from(atob(__tl_b64), (c) => c.charCodeAt(0));\n" +
  "const __tl_xz = {};\n" +
  `(function () {\n${xzDecoder}\n}).call(__tl_xz);\n` +
  "const __tl_stream = new __tl_xz[\"xz-decompress\"].XzReadableStream(new Blob([__tl_packed]).stream());\n" +
  "const __tl_module = await WebAssembly.compile(await new Response(__tl_stream).arrayBuffer());\n" +
  "globalThis.__tl_module = __tl_module;\n" +
  `${tlClassic.toString()}\n` +
  "const __tl_own = [...document.scripts].find((s) => s.text.includes(\"const __tl_b64\")).text;\n" +
  `const __tl_glue = tlClassic(__tl_own.slice(0, __tl_own.indexOf(${JSON.stringify(glueEnd)})));\n` +
  `globalThis.__tl_worker_url = URL.createObjectURL(new Blob([__tl_glue, ${workerLiteral}], { type: "text/javascript" }));\n` +
  "initSync({ module: __tl_module });\n";
const hash = (text) => "'sha256-" + createHash("sha256").update(text, "utf8").digest("base64") + "'";

const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]));
html = html.replace(
  /script-src 'self' 'wasm-unsafe-eval'/,
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
);
html = html.replace(/style-src 'self'/, `style-src ${styles.join(" ") || "'none'"}`);
if (!html.includes("connect-src 'none'")) {
  console.error("inline-wasm: the CSP meta tag with connect-src 'none' is missing from index.html");
  process.exit(1);
}
html = html.replace("</body>", () => `<script type="module">${script}</script>\n</body>`);

writeFileSync(join(dir, "index.html"), html);
writeFileSync(join(dir, "tokenlens.html"), html);
unlinkSync(join(dir, glueName));
unlinkSync(join(dir, wasmName));
console.log(
  `inline-wasm: ${wasm.length} bytes of wasm inlined as ${packed.length} in xz; page is ${html.length} bytes`,
);
