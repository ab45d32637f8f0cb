// Whole-log triage in the worker (appended to the worker's script by scripts/inline-wasm.mjs; the
// wasm entry points are in src/ui/triage/entry.rs). Files are read in 4 MB Blob slices, never
// whole; .gz goes through DecompressionStream("gzip"); a .zip is read by its central directory,
// each entry through DecompressionStream("deflate-raw"): the browser inflates, so the page carries
// no zip or deflate code of its own (no small zip crate fits the page's size budget).
const tlSlice = 4 << 20;
// A stream of the blob's slices; `seen` counts the bytes read for the progress bar. The next slice
// is read while the current one is fed to the core, so reading and counting overlap.
function tlSlices(blob, seen) {
  let at = 0, next = null;
  const read = () => {
    const slice = at < blob.size ? blob.slice(at, at + tlSlice).arrayBuffer() : null;
    at += tlSlice;
    return slice;
  };
  return new ReadableStream({
    async pull(c) {
      const slice = next || read();
      if (!slice) { c.close(); return; }
      const bytes = new Uint8Array(await slice);
      next = read();
      seen(bytes.length);
      c.enqueue(bytes);
    },
  }, { highWaterMark: 0 });
}
async function tlFeed(origin, stream) {
  tokenlensTriageFile(origin);
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const refused = tokenlensTriageFeed(value);
    if (refused) { reader.cancel(); throw new Error(refused); }
  }
  tokenlensTriageEnd();
}
// A plain file: read through the blob's byte stream into one 4 MB buffer that is filled again for
// every slice (a "bring your own buffer" reader), so that reading a long file leaves no garbage
// behind: a new ArrayBuffer per slice made Chromium's memory grow with the file until the
// collector caught up. `feed` copies each slice into the core before the buffer is filled again.
// Browsers whose Blob stream is not a byte stream read slices as above.
async function tlRead(blob, seen, feed) {
  let reader;
  try { reader = blob.stream().getReader({ mode: "byob" }); } catch {
    const slices = tlSlices(blob, seen).getReader();
    for (;;) { const { done, value } = await slices.read(); if (done) return; feed(value); }
  }
  let buf = new ArrayBuffer(tlSlice);
  for (let done = false; !done;) {
    let filled = 0;
    while (filled < tlSlice) {
      const r = await reader.read(new Uint8Array(buf, filled, tlSlice - filled));
      if (r.value) buf = r.value.buffer;
      if (r.done) { done = true; break; }
      filled += r.value.byteLength;
    }
    if (filled === 0) break;
    seen(filled);
    try { feed(new Uint8Array(buf, 0, filled)); } catch (e) { reader.cancel(); throw e; }
  }
}
const tlFeedOrRefuse = (bytes) => { const refused = tokenlensTriageFeed(bytes); if (refused) throw new Error(refused); };
async function tlFeedPlain(origin, blob, seen) {
  tokenlensTriageFile(origin);
  await tlRead(blob, seen, tlFeedOrRefuse);
  tokenlensTriageEnd();
}
// A large plain log read by two workers at once (src/ui/triage/run.rs starts them with a
// MessagePort between them): both find the same cut, the first line boundary after the middle.
// The second worker reads from the cut to the end and sends its result over the port; the first
// reads up to the cut, reads the second half's first lines again if the header in force differs
// (src/triage/split.rs), joins the halves and answers the page. A file that cannot be split
// (no #Fields line, UTF-16, binary, an archive) is read whole by the first worker.
async function tlCut(file) {
  for (let at = Math.floor(file.size / 2); at < file.size;) {
    const bytes = new Uint8Array(await file.slice(at, at + 65536).arrayBuffer());
    const nl = bytes.indexOf(10);
    if (nl >= 0) return at + nl + 1;
    at += bytes.length;
  }
  return file.size;
}
// Counts a half's bytes read and tells the page about ten times a second, naming the half.
function tlHalfProgress(m, total) {
  let done = 0, shown = 0;
  return (n) => {
    done += n;
    const now = performance.now();
    if (now - shown > 100) { shown = now; self.postMessage({ triage: m.triage, part: m.part, done, total }); }
  };
}
async function tlHalf(m) {
  const file = m.files[0];
  const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
  const split = tokenlensTriageSplittable(head);
  if (m.part === 1) {
    if (!split) return;
    const seen = tlHalfProgress(m, file.size);
    const cut = await tlCut(file);
    tokenlensTriageSecondStart(file.name, head);
    await tlRead(file.slice(cut), seen, (b) => tokenlensTriageSecondFeed(b));
    m.port.postMessage({ json: tokenlensTriageSecondEnd() });
    return;
  }
  if (!split) return tlTriage(m);
  const second = new Promise((ok) => { m.port.onmessage = (e) => ok(e.data.json); });
  const seen = tlHalfProgress(m, file.size);
  tokenlensTriageStart();
  const cut = await tlCut(file);
  try {
    tokenlensTriageFile(file.name);
    await tlRead(file.slice(0, cut), seen, tlFeedOrRefuse);
    const again = tokenlensTriageJoinStart(await second, head);
    if (again >= 0) await tlRead(file.slice(cut, cut + again), () => {}, (b) => tokenlensTriageJoinFeed(b));
    tokenlensTriageJoinEnd();
  } catch (e) {
    tokenlensTriageSkip(`${file.name}: ${(e && e.message) || e}`);
  }
  self.postMessage({ triage: m.triage, part: 0, done: file.size, total: file.size, json: tokenlensTriageSummary() });
}
async function tlZip(file, seen) {
  const tailAt = Math.max(0, file.size - 65557);
  const tail = new DataView(await file.slice(tailAt).arrayBuffer());
  let end = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) if (tail.getUint32(i, true) === 0x06054b50) { end = i; break; }
  if (end < 0) throw new Error(`${file.name}: no zip directory found`);
  let count = tail.getUint16(end + 10, true), size = tail.getUint32(end + 12, true), at = tail.getUint32(end + 16, true);
  const locator = end - 20;
  if (at === 0xffffffff && locator >= 0 && tail.getUint32(locator, true) === 0x07064b50) {
    const z64at = Number(tail.getBigUint64(locator + 8, true));
    const z64 = new DataView(await file.slice(z64at, z64at + 56).arrayBuffer());
    count = Number(z64.getBigUint64(32, true)); size = Number(z64.getBigUint64(40, true)); at = Number(z64.getBigUint64(48, true));
  }
  const dir = new DataView(await file.slice(at, at + size).arrayBuffer());
  const utf8 = new TextDecoder();
  for (let p = 0, i = 0; i < count && p + 46 <= dir.byteLength; i++) {
    if (dir.getUint32(p, true) !== 0x02014b50) throw new Error(`${file.name}: damaged zip directory`);
    const flags = dir.getUint16(p + 8, true), method = dir.getUint16(p + 10, true);
    let packed = dir.getUint32(p + 20, true), local = dir.getUint32(p + 42, true);
    const nameLen = dir.getUint16(p + 28, true), extraLen = dir.getUint16(p + 30, true);
    const name = utf8.decode(new Uint8Array(dir.buffer, p + 46, nameLen));
    // ZIP64: the extra field 0x0001 holds, in order, the 64-bit sizes and offset that read 0xffffffff.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen;) {
      const id = dir.getUint16(e, true), len = dir.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        if (dir.getUint32(p + 24, true) === 0xffffffff) q += 8;
        if (packed === 0xffffffff) { packed = Number(dir.getBigUint64(q, true)); q += 8; }
        if (local === 0xffffffff) local = Number(dir.getBigUint64(q, true));
      }
      e += 4 + len;
    }
    p += 46 + nameLen + extraLen + dir.getUint16(p + 32, true);
    if (name.endsWith("/")) continue;
    const origin = `${file.name}!${name}`;
    if (flags & 1) { tokenlensTriageSkip(`${origin}: encrypted, not read`); continue; }
    if (method !== 0 && method !== 8) { tokenlensTriageSkip(`${origin}: compression method ${method} is not read (only stored and deflate)`); continue; }
    const head = new DataView(await file.slice(local, local + 30).arrayBuffer());
    const start = local + 30 + head.getUint16(26, true) + head.getUint16(28, true);
    let stream = tlSlices(file.slice(start, start + packed), seen);
    if (method === 8) stream = stream.pipeThrough(new DecompressionStream("deflate-raw"));
    if (name.endsWith(".gz")) stream = stream.pipeThrough(new DecompressionStream("gzip"));
    try { await tlFeed(origin, stream); } catch (e) { tokenlensTriageSkip(`${origin}: ${(e && e.message) || e}`); }
  }
}
async function tlTriage(m) {
  const total = m.files.reduce((n, f) => n + f.size, 0);
  let done = 0, shown = 0;
  const seen = (n) => {
    done += n;
    const now = performance.now();
    if (now - shown > 100) { shown = now; self.postMessage({ triage: m.triage, done, total }); }
  };
  tokenlensTriageStart();
  for (const file of m.files) {
    const base = done;
    try {
      const magic = new Uint8Array(await file.slice(0, 4).arrayBuffer());
      if (magic[0] === 0x1f && magic[1] === 0x8b) {
        await tlFeed(file.name, tlSlices(file, seen).pipeThrough(new DecompressionStream("gzip")));
      } else if (magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 3 && magic[3] === 4) {
        await tlZip(file, seen);
      } else {
        await tlFeedPlain(file.name, file, seen);
      }
    } catch (e) {
      tokenlensTriageSkip(String((e && e.message) || e).startsWith(file.name) ? e.message : `${file.name}: ${(e && e.message) || e}`);
    }
    done = base + file.size;
  }
  self.postMessage({ triage: m.triage, done: total, total, json: tokenlensTriageSummary() });
}
