// Synthetic Exchange front-end IIS W3C logs with known counts, for the page's triage tests and
// benchmark (the Rust generator, examples/gen_logs.rs, serves the CLI; this one runs inside the
// node test so that no build step is needed). Lines are shaped like the real logs in
// tests/fixtures/triage/iis-exchange-frontend-custom-fields.log: two #Fields blocks (IIS writes a
// new one after a restart), `+` for spaces, custom sc(x-ms-diagnostics) field, mostly 200s.
import { deflateRawSync, crc32 } from "node:zlib";

export const FIELDS_A = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken";
export const FIELDS_B = "#Fields: date time cs-method cs-uri-stem cs-username cs(User-Agent) sc-status sc-substatus sc-win32-status sc(WWW-Authenticate) sc(x-ms-diagnostics)";
const DIAG = '2000008;reason="The+token+should+have+valid+permissions+or+linked+account+associated+with+partner+application+\'Microsoft+Graph\'.";error_category="invalid_grant"';

/**
 * A log of about `bytes` bytes. Every 50th request of block A is a 401.1 (win32 2148074254), every
 * 97th a 500; every 40th request of block B is a 401 with x-ms-diagnostics 2000008. Returns the
 * text and the counts the summary must show.
 */
export function iisLog(bytes) {
  const out = ["#Software: Microsoft Internet Information Services 10.0", "#Version: 1.0", "#Date: 2024-05-02 10:00:00", FIELDS_A];
  const truth = { lines: 4, requests: 0, failures: 0, errors: 0, s401_1: 0, s500: 0, s401_0: 0, d2000008: 0 };
  let size = out.join("\r\n").length + 2;
  let n = 0;
  let block = "A";
  const clock = (i) => {
    const s = 36000 + Math.floor(i / 20);
    const hh = String(Math.floor(s / 3600) % 24).padStart(2, "0");
    const mm = String(Math.floor(s / 60) % 60).padStart(2, "0");
    const ss = String(s % 60).padStart(2, "0");
    return `2024-05-02 ${hh}:${mm}:${ss}`;
  };
  while (size < bytes) {
    if (n > 0 && n % 5000 === 0) {
      block = block === "A" ? "B" : "A";
      out.push(block === "A" ? FIELDS_A : FIELDS_B);
      size += out[out.length - 1].length + 2;
      truth.lines++;
    }
    let line;
    if (block === "A") {
      let st = "200 0 0";
      if (n % 97 === 0) { st = "500 0 0"; truth.s500++; truth.failures++; truth.errors++; }
      else if (n % 50 === 0) { st = "401 1 2148074254"; truth.s401_1++; truth.failures++; }
      line = `${clock(n)} 10.0.0.5 POST /EWS/Exchange.asmx - 443 CONTOSO\\user${n % 7} 10.0.1.${n % 200} Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.17328) ${st} ${n % 300}`;
    } else {
      let st = "200 0 0 - -";
      if (n % 40 === 0) { st = `401 0 0 Bearer+error="invalid_token" ${DIAG}`; truth.s401_0++; truth.d2000008++; truth.failures++; truth.errors++; }
      line = `${clock(n)} GET /api/v2.0/me/messages - Microsoft+Graph ${st}`;
    }
    out.push(line);
    size += line.length + 2;
    truth.lines++;
    truth.requests++;
    n++;
  }
  const text = out.join("\r\n") + "\r\n";
  truth.bytes = Buffer.byteLength(text);
  return { text, truth };
}

/** A zip archive (no library): each entry `{ name, data, store }` deflated unless `store`. */
export function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const { name, data, store } of entries) {
    const packed = store ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(store ? 0 : 8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(store ? 0 : 8, 10);
    dir.writeUInt32LE(crc32(data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/** UTF-16LE with a byte order mark, as Windows PowerShell 5.1's `>` writes. */
export function utf16le(text) {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}
