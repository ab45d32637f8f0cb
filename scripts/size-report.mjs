// Size benchmark: prints where the bytes of the page go. Run after `trunk build --release`:
//   node scripts/size-report.mjs [path/to/tokenlens-web.wasm] [dist/index.html]
//
// The per-crate table reads the name section of the wasm that cargo writes before wasm-bindgen
// and wasm-opt (default: $CARGO_TARGET_DIR/wasm32-unknown-unknown/release/tokenlens-web.wasm), so
// its numbers are before wasm-opt shrinks the code; the crate of a function is the first path
// segment of its demangled name (for `<T as Trait>::f`, the crate of T). "gz" is each crate's code
// gzipped on its own (the column does not add up to the whole, which compresses better together).
// It also prints the data segments, the string literals of src/knowledge/ per file, and the single
// file raw and gzipped with its SHA-256.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";
import { createHash } from "node:crypto";
import { join } from "node:path";

const target = process.env.CARGO_TARGET_DIR || "target";
const wasmPath = process.argv[2] || join(target, "wasm32-unknown-unknown/release/tokenlens-web.wasm");
const htmlPath = process.argv[3] || "dist/index.html";
const gz = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
const kib = (n) => (n / 1024).toFixed(1).padStart(8);

const b = readFileSync(wasmPath);
let p = 8;
const leb = () => {
  let r = 0, s = 0, x;
  do { x = b[p++]; r += (x & 127) * 2 ** s; s += 7; } while (x & 128);
  return r;
};
const str = () => { const n = leb(); const s = b.subarray(p, p + n).toString(); p += n; return s; };

let imports = 0;
const bodies = [];
const names = new Map();
const sections = [];
let data = [];
while (p < b.length) {
  const id = b[p++];
  const len = leb();
  const start = p;
  let label = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount"][id];
  if (id === 2) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      str(); str();
      const kind = b[p++];
      if (kind === 0) { leb(); imports++; }
      else if (kind === 1) { p++; if (b[p++] & 1) { leb(); leb(); } else leb(); }
      else if (kind === 2) { if (b[p++] & 1) { leb(); leb(); } else leb(); }
      else if (kind === 3) p += 2;
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) { const size = leb(); bodies.push(b.subarray(p, p + size)); p += size; }
  } else if (id === 11) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      const flags = leb();
      if (flags === 2) leb();
      if (flags !== 1) { while (b[p] !== 0x0b) p++; p++; }
      const size = leb();
      data.push(b.subarray(p, p + size));
      p += size;
    }
  } else if (id === 0) {
    const name = str();
    label = `custom ${name}`;
    if (name === "name") {
      while (p < start + len) {
        const sub = b[p++];
        const subLen = leb();
        const subStart = p;
        if (sub === 1) {
          const n = leb();
          for (let i = 0; i < n; i++) { const idx = leb(); names.set(idx, str()); }
        }
        p = subStart + subLen;
      }
    }
  }
  sections.push([label, len]);
  p = start + len;
}

// Legacy Rust mangling: _ZN <len><ident>... E, with $LT$ and friends for punctuation.
function demangle(sym) {
  if (!sym.startsWith("_ZN")) return sym;
  let i = 3;
  const parts = [];
  while (i < sym.length && sym[i] !== "E") {
    let n = 0;
    while (sym[i] >= "0" && sym[i] <= "9") n = n * 10 + (sym.charCodeAt(i++) - 48);
    if (n === 0) break;
    parts.push(sym.slice(i, i + n));
    i += n;
  }
  const unesc = (s) => s.replace(/^_\$/, "$").replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">")
    .replace(/\$u20\$/g, " ").replace(/\$RF\$/g, "&").replace(/\$C\$/g, ",").replace(/\$u5b\$/g, "[")
    .replace(/\$u5d\$/g, "]").replace(/\$BP\$/g, "*").replace(/\$u7b\$/g, "{").replace(/\$u7d\$/g, "}")
    .replace(/\$LP\$/g, "(").replace(/\$RP\$/g, ")").replace(/\.\./g, "::");
  return parts.map(unesc).join("::");
}
function crateOf(name) {
  // v0 mangling (_R...): the first crate root, `C`, an optional `s<hash>_`, then `<len><name>`.
  const v0 = name.startsWith("_R") && name.match(/C(?:s[0-9A-Za-z]*_)?(\d+)([A-Za-z_][A-Za-z0-9_]*)/);
  if (v0) return v0[2].slice(0, Number(v0[1]));
  let s = demangle(name).replace(/^<+/, "").replace(/^(&|\*const |\*mut |mut |dyn |\[|\(|impl )+/, "");
  const m = s.match(/^[A-Za-z_][A-Za-z0-9_]*/);
  if (!m) return "(other)";
  return m[0];
}

const perCrate = new Map();
bodies.forEach((body, i) => {
  const name = names.get(imports + i) || "(unnamed)";
  const crate = crateOf(name);
  if (!perCrate.has(crate)) perCrate.set(crate, []);
  perCrate.get(crate).push(body);
});
const codeTotal = bodies.reduce((a, x) => a + x.length, 0);
const rows = [...perCrate].map(([crate, list]) => {
  const all = Buffer.concat(list);
  return [crate, all.length, gz(all), list.length];
}).sort((a, c) => c[1] - a[1]);

console.log(`wasm before wasm-opt: ${wasmPath}`);
console.log("sections (KiB):");
for (const [label, len] of sections) if (len > 4096) console.log(`  ${kib(len)}  ${label}`);
console.log(`\ncode per crate (KiB raw, KiB gzipped alone, functions), of ${kib(codeTotal).trim()} KiB code:`);
for (const [crate, raw, z, n] of rows.slice(0, 40)) console.log(`  ${kib(raw)} ${kib(z)} ${String(n).padStart(6)}  ${crate}`);
const rest = rows.slice(40);
if (rest.length) console.log(`  ${kib(rest.reduce((a, r) => a + r[1], 0))}            ${rest.length} more crates`);
const dataAll = Buffer.concat(data);
console.log(`\ndata segments: ${kib(dataAll.length).trim()} KiB raw, ${kib(gz(dataAll)).trim()} KiB gzipped`);

// String literals in the knowledge tables: the text the page carries for its explanations.
const kdir = "src/knowledge";
if (existsSync(kdir)) {
  const krows = [];
  // A table split into a folder counts as one entry (all of its .rs files).
  const rsFiles = (path) => statSync(path).isDirectory()
    ? readdirSync(path).flatMap((f) => rsFiles(join(path, f)))
    : path.endsWith(".rs") ? [path] : [];
  for (const file of readdirSync(kdir)) {
    const src = rsFiles(join(kdir, file))
      .map((f) => readFileSync(f, "utf8").replace(/#\[cfg\(test\)\][\s\S]*$/, ""))
      .join("\n");
    if (!src) continue;
    const lits = [...src.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join("\n");
    krows.push([file, Buffer.byteLength(lits), gz(Buffer.from(lits))]);
  }
  krows.sort((a, c) => c[1] - a[1]);
  const all = krows.reduce((a, r) => a + r[1], 0);
  console.log(`\nknowledge text (string literals outside tests), ${kib(all).trim()} KiB in all:`);
  for (const [file, raw, z] of krows.slice(0, 15)) console.log(`  ${kib(raw)} ${kib(z)}  ${file}`);
}

for (const f of [join(target, "wasm-opt/release/tokenlens-web_bg.wasm")]) {
  if (existsSync(f)) { const w = readFileSync(f); console.log(`\nwasm after wasm-opt: ${kib(w.length).trim()} KiB raw, ${kib(gz(w)).trim()} KiB gzipped`); }
}
if (existsSync(htmlPath)) {
  const h = readFileSync(htmlPath);
  const sha = createHash("sha256").update(h).digest("hex");
  console.log(`single file ${htmlPath}: ${h.length} bytes (${kib(h.length).trim()} KiB) raw, ${gz(h)} bytes (${kib(gz(h)).trim()} KiB) gzipped, SHA-256 ${sha}`);
}
