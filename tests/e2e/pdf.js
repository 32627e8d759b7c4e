// The text of a PDF that Chromium printed (page.pdf), read back without a PDF library:
// enough of the format for Skia's output (flate streams, fonts with a ToUnicode map,
// text shown with Tj and TJ), so a test can assert on what a printed page says.
import { inflateSync } from 'node:zlib';

/** Every `N 0 obj … endobj` of `pdf` by number: its dictionary text and its stream,
 *  inflated when it is flate-encoded. */
function objects(pdf) {
  const text = pdf.toString('latin1');
  const out = new Map();
  const re = /(\d+) 0 obj\b/g;
  let m;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    let dict = body;
    let stream = null;
    if (s >= 0) {
      dict = body.slice(0, s);
      let from = start + s + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const until = text.lastIndexOf('endstream', end);
      let raw = pdf.subarray(from, until);
      if (/\/FlateDecode/.test(dict)) {
        try {
          raw = inflateSync(raw);
        } catch {
          raw = Buffer.alloc(0);
        }
      }
      stream = raw.toString('latin1');
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

/** A ToUnicode CMap as a map from glyph code (hex) to text. */
function cmap(stream) {
  const map = new Map();
  const hex = (h) => Buffer.from(h.length % 4 ? h.padStart(h.length + 2, '0') : h, 'hex').swap16().toString('utf16le');
  for (const block of stream.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, to] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(code.toLowerCase(), hex(to));
  }
  for (const block of stream.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, to] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const first = parseInt(to, 16);
      for (let c = parseInt(lo, 16); c <= parseInt(hi, 16); c++) {
        const code = c.toString(16).padStart(lo.length, '0');
        map.set(code, hex((first + c - parseInt(lo, 16)).toString(16).padStart(to.length, '0')));
      }
    }
  }
  return map;
}

/** The text of `pdf` (a Buffer), page after page, a line per text line. */
export function pdfText(pdf) {
  const objs = objects(pdf);
  // Font resource name -> code map, from every page's resources.
  const fonts = new Map();
  const fontMap = (ref) => {
    const font = objs.get(ref);
    const to = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
    const stream = to && objs.get(Number(to[1]))?.stream;
    return stream ? cmap(stream) : new Map();
  };
  for (const { dict } of objs.values()) {
    const block = /\/Font\s*<<([^>]*)>>/.exec(dict);
    if (!block) continue;
    for (const [, name, ref] of block[1].matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
      if (!fonts.has(name)) fonts.set(name, fontMap(Number(ref)));
    }
  }
  const decode = (map, hex) => {
    const width = [...map.keys()][0]?.length ?? 4;
    let s = '';
    for (let i = 0; i < hex.length; i += width) s += map.get(hex.slice(i, i + width).toLowerCase()) ?? '';
    return s;
  };
  const lines = [];
  for (const { dict, stream } of objs.values()) {
    if (!stream || !/BT[\s\S]*ET/.test(stream) || /\/Subtype\s*\/(Image|Type1C|CIDFontType0C|OpenType)/.test(dict)) continue;
    let map = new Map();
    let line = '';
    let lastY = null;
    const tokens = /\/(\S+)\s+[\d.]+\s+Tf|(-?[\d.]+)\s+(-?[\d.]+)\s+Td|[\d.-]+\s+[\d.-]+\s+[\d.-]+\s+[\d.-]+\s+[\d.-]+\s+(-?[\d.]+)\s+Tm|<([0-9a-fA-F]*)>\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ|\bET\b/g;
    for (const t of stream.matchAll(tokens)) {
      if (t[1]) map = fonts.get(t[1]) ?? new Map();
      else if (t[3] !== undefined || t[4] !== undefined) {
        const y = t[3] !== undefined ? Number(t[3]) : Number(t[4]);
        if (t[4] !== undefined ? lastY !== null && y !== lastY : y !== 0) {
          if (line.trim()) lines.push(line.trim());
          line = '';
        }
        lastY = t[4] !== undefined ? y : lastY;
      } else if (t[5] !== undefined) line += decode(map, t[5]);
      else if (t[6] !== undefined) {
        for (const [, hex, gap] of t[6].matchAll(/<([0-9a-fA-F]*)>|(-?[\d.]+)/g)) {
          if (hex !== undefined) line += decode(map, hex);
          else if (Number(gap) < -200) line += ' ';
        }
      }
    }
    if (line.trim()) lines.push(line.trim());
  }
  return lines.join('\n');
}
