// Reads a PDF back (pdf-lib) to check what was promised: a structure tree (tagged PDF), /Lang, an
// outline, the title, the page count and the text. Text is extracted from the content streams through
// each font's /ToUnicode CMap (PDF 32000-1:2008 §9.10.3), which is how Chromium's PDFs make text
// selectable and copyable. Enough for our own reports; not a general PDF text extractor.
import {
  PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFStream, PDFString, decodePDFRawStream,
  type PDFObject,
} from "pdf-lib";

export interface PdfFacts {
  pages: number;
  tagged: boolean; // /StructTreeRoot in the catalog
  markInfo: boolean; // /MarkInfo << /Marked true >>
  lang: string | null;
  title: string | null;
  outline: string[]; // bookmark titles, depth first
  text: string; // all pages, in content order
  pageTexts: string[]; // the text of each page
}

function str(o: PDFObject | undefined): string | null {
  if (o instanceof PDFString || o instanceof PDFHexString) return o.decodeText();
  return null;
}

function streamBytes(doc: PDFDocument, o: PDFObject | undefined): Uint8Array[] {
  const x = o instanceof PDFRef ? doc.context.lookup(o) : o;
  if (x instanceof PDFArray) return x.asArray().flatMap((e) => streamBytes(doc, e));
  if (x instanceof PDFRawStream) return [decodePDFRawStream(x).decode()];
  if (x instanceof PDFStream) return [x.getContents()];
  return [];
}

const hex = (s: string) => parseInt(s, 16);
const fromUtf16 = (h: string) => {
  let out = "";
  for (let i = 0; i + 4 <= h.length; i += 4) out += String.fromCharCode(hex(h.slice(i, i + 4)));
  return out;
};

/** bfchar/bfrange entries of a ToUnicode CMap → code → text. */
export function parseToUnicode(cmap: string): { map: Map<number, string>; bytes: number } {
  const map = new Map<number, string>();
  let bytes = 1;
  const range = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap);
  if (range) bytes = range[1].length / 2;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(hex(m[1]), fromUtf16(m[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const lo = hex(m[1]);
      const hi = hex(m[2]);
      if (m[4]) {
        const base = hex(m[4]);
        for (let c = lo; c <= hi; c++) map.set(c, fromUtf16((base + c - lo).toString(16).padStart(m[4].length, "0")));
      } else {
        const items = [...m[5].matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => fromUtf16(x[1]));
        for (let c = lo; c <= hi; c++) map.set(c, items[c - lo] ?? "");
      }
    }
  }
  return { map, bytes };
}

function decodeString(raw: Uint8Array, font: { map: Map<number, string>; bytes: number } | undefined): string {
  if (!font) return String.fromCharCode(...raw);
  let out = "";
  for (let i = 0; i + font.bytes <= raw.length; i += font.bytes) {
    let code = 0;
    for (let b = 0; b < font.bytes; b++) code = code * 256 + raw[i + b];
    out += font.map.get(code) ?? "";
  }
  return out;
}

function literalBytes(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\") { out.push(c.charCodeAt(0) & 0xff); continue; }
    const n = s[++i];
    const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, "(": 40, ")": 41, "\\": 92 };
    if (n in esc) out.push(esc[n]);
    else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? "")) oct += s[++i];
      out.push(parseInt(oct, 8) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

const hexBytes = (h: string) => {
  const clean = h.replace(/\s+/g, "");
  const padded = clean.length % 2 ? clean + "0" : clean;
  return Uint8Array.from(padded.match(/../g) ?? [], (x) => hex(x));
};

type FontMap = { map: Map<number, string>; bytes: number };

/**
 * The text shown by one content stream, with fonts looked up by resource name. Chromium (Skia) often
 * places glyphs one by one (Td between glyphs) and writes spaces as glyphs; a new text position (Tm) that
 * jumps back or down, or forward by more than a font size, starts a new word.
 */
export function contentText(content: string, fonts: ReadonlyMap<string, FontMap>): string {
  let out = "";
  let font: FontMap | undefined;
  let size = 10;
  let x = 0;
  let y = 0;
  let lastX: number | null = null;
  let lastY: number | null = null;
  const operands: (string | number | Uint8Array | Uint8Array[])[] = [];
  let array: Uint8Array[] | null = null;
  const token = /\/([^\s/<>[\]()]+)|<([0-9a-fA-F\s]*)>|\((?:\\.|[^\\)])*\)|\[|\]|(-?\d*\.?\d+)|([A-Za-z*'"]+)/g;
  const show = (raw: Uint8Array) => {
    if (lastX !== null && lastY !== null && (Math.abs(y - lastY) > size * 0.5 || x < lastX - 0.5 || x - lastX > size * 1.2)) {
      if (!/\s$/.test(out)) out += " ";
    }
    out += decodeString(raw, font);
    lastX = x;
    lastY = y;
  };
  for (const m of content.matchAll(token)) {
    const t = m[0];
    if (m[1] !== undefined) operands.push(m[1]);
    else if (m[2] !== undefined) (array ?? operands).push(hexBytes(m[2]) as never);
    else if (t.startsWith("(")) (array ?? operands).push(literalBytes(t.slice(1, -1)) as never);
    else if (t === "[") array = [];
    else if (t === "]") { operands.push(array ?? []); array = null; }
    else if (m[3] !== undefined) { if (!array) operands.push(Number(m[3])); }
    else {
      const op = m[4];
      const nums = operands.filter((o): o is number => typeof o === "number");
      if (op === "Tf") { font = fonts.get(String(operands.find((o) => typeof o === "string"))); size = Math.abs(nums[nums.length - 1] ?? size); }
      else if (op === "Tm" && nums.length >= 6) { x = nums[nums.length - 2]; y = nums[nums.length - 1]; }
      else if ((op === "Td" || op === "TD") && nums.length >= 2) { x += nums[nums.length - 2]; y += nums[nums.length - 1]; }
      else if (op === "T*") y += size;
      else if (op === "Tj" || op === "'" || op === '"') { const s = operands[operands.length - 1]; if (s instanceof Uint8Array) show(s); }
      else if (op === "TJ") { const a = operands[operands.length - 1]; if (Array.isArray(a)) for (const s of a) show(s); }
      else if (op === "BT") { x = 0; y = 0; }
      operands.length = 0;
    }
  }
  return out;
}

function pageFonts(doc: PDFDocument, resources: PDFDict | undefined): Map<string, FontMap> {
  const fonts = new Map<string, FontMap>();
  const fontDict = resources?.lookupMaybe(PDFName.of("Font"), PDFDict);
  if (!fontDict) return fonts;
  for (const [name, ref] of fontDict.entries()) {
    const f = doc.context.lookup(ref);
    if (!(f instanceof PDFDict)) continue;
    const tu = f.get(PDFName.of("ToUnicode"));
    const bytes = streamBytes(doc, tu)[0];
    if (!bytes) continue;
    const parsed = parseToUnicode(new TextDecoder("latin1").decode(bytes));
    if (f.get(PDFName.of("Subtype")) === PDFName.of("Type0")) parsed.bytes = 2;
    fonts.set(name.decodeText(), parsed);
  }
  return fonts;
}

function outlineTitles(doc: PDFDocument, first: PDFObject | undefined, out: string[], depth = 0): void {
  let ref = first;
  let guard = 0;
  while (ref && guard++ < 10_000 && depth < 20) {
    const item = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (!(item instanceof PDFDict)) break;
    const title = str(item.get(PDFName.of("Title")));
    if (title !== null) out.push(title);
    outlineTitles(doc, item.get(PDFName.of("First")), out, depth + 1);
    ref = item.get(PDFName.of("Next"));
  }
}

export async function inspectPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = doc.catalog;
  const markInfo = catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict);
  const outlines = catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const outline: string[] = [];
  if (outlines) outlineTitles(doc, outlines.get(PDFName.of("First")), outline);
  const pageTexts = doc.getPages().map((p) => {
    const fonts = pageFonts(doc, p.node.Resources());
    return streamBytes(doc, p.node.get(PDFName.of("Contents")))
      .map((b) => contentText(new TextDecoder("latin1").decode(b), fonts)).join(" ").replace(/[ \t]+/g, " ");
  });
  const text = pageTexts.join("\n");
  return {
    pages: doc.getPageCount(),
    tagged: catalog.has(PDFName.of("StructTreeRoot")),
    markInfo: markInfo?.get(PDFName.of("Marked"))?.toString() === "true",
    lang: str(catalog.get(PDFName.of("Lang"))),
    title: doc.getTitle() ?? null,
    outline,
    text: text.replace(/[ \t]+/g, " "),
    pageTexts,
  };
}

