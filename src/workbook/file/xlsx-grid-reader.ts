/**
 * Read-only .xlsx reader (只读快速读取) for commands that only look at a workbook (check,
 * eliminate): unzips the package, reads workbook.xml, styles.xml, sharedStrings.xml and each
 * worksheet's XML in one forward scan (a byte scan, xlsx-sheet.ts, streamed as the sheet inflates
 * when an InflateRawStream is given), and builds the same Grids as the full exceljs reader
 * (`openFileWorkbook(...).read()`), without exceljs's per-cell objects. A 100,000-row roster reads
 * in a fraction of the time and memory of the full load; `fix` keeps the full reader because it
 * writes the workbook back.
 *
 * Identity with the full reader is the contract (tests/unit/workbook/file/grid-reader.test.ts
 * compares every fixture cell by cell), so exceljs 4.4's reading rules are followed on purpose:
 * - built-in number formats are exceljs's table, plus the implicit zh-CN formats of ids 27–36 and
 *   50–58 (src/values/number-format.ts), which the full reader gets by declaring them in styles.xml
 *   before exceljs loads it (implicit-formats.ts) — so a 2024年3月1日 cell with numFmtId 31 reads as
 *   a date formatted `yyyy"年"m"月"d"日"` in both; custom format codes lose their `\` escapes as in
 *   exceljs's NumFmtXform;
 * - a number in a date-formatted cell goes through exceljs's Date round trip (rounded to the
 *   millisecond), formula results included;
 * - merged cells other than the top-left read as null; overlapping merges make the file unreadable
 *   for exceljs, so they are handed to the full reader (`GridReaderUnsupported`);
 * - shared formulas are translated from their master exactly like exceljs's slideFormula;
 * - a formula cell carrying an external hyperlink reads as its value without a formula;
 * - `_xHHHH_` escapes are decoded in shared strings only; `str` values get exceljs's second
 *   entity decoding.
 * Anything this reader does not handle (zip64, encryption, unusual package layout, CDATA) throws
 * GridReaderUnsupported, and callers fall back to the full reader, so the result never differs.
 * So does a damaged part the full reader refuses: an XML part cut short or with content after its
 * root (read before, a worksheet cut at 60 % gave the check of its first rows and no word of the
 * rest), or a cell naming a shared string the table does not have.
 *
 * The add-in's settings sheet (settings-sheet.ts) is kept out of the Grids, as in the full reader,
 * and `getSetting` reads it with the full reader's decoding (decodeSetting), fed with the cells
 * exceljs reads as plain text: shared strings without runs, `str` and inline strings without runs,
 * no formula and no external hyperlink; a merged cell reads as its merge's top-left cell.
 *
 * No Node APIs: the caller passes a raw-deflate inflater (Node's zlib.inflateRawSync in the CLI) and
 * optionally a raw-deflate stream (zlib.createInflateRaw in the CLI).
 */
import type { Grid } from '../../ledger/grid';
import type { SheetInfo } from '../port';
import { implicitNumberFormat } from '../../values/number-format';
import { decodeSetting, SETTINGS_SHEET } from './settings-sheet';
import { attr, endsWithRoot, excelJsXmlDecode, GridReaderUnsupported, nextTag, textUntil, unescapeOoxml, xmlText, type Tag } from './xlsx-xml';
import { entryData, zipDirectory, type ZipEntry } from './zip-directory';
import { readSheet, SheetFeeder, SheetScanner, type SheetCtx, type SheetRef, type TextCells } from './xlsx-sheet';

export { GridReaderDamaged, GridReaderUnsupported, slideFormula } from './xlsx-xml';

/** Raw DEFLATE (zip method 8) decompressor. */
export type InflateRaw = (data: Uint8Array) => Uint8Array;

/**
 * Raw DEFLATE as a stream: calls `onChunk` with each piece of the output, in order, and resolves
 * at the end (Node's zlib.createInflateRaw in the CLI). With it, a worksheet is scanned as it
 * inflates and never held whole.
 */
export type InflateRawStream = (data: Uint8Array, onChunk: (chunk: Uint8Array) => void) => Promise<void>;

/** The read-only part of the file adapter: enough for check, eliminate and brief models. */
export interface GridBook {
  readonly sheetNames: readonly string[];
  listSheets(): Promise<SheetInfo[]>;
  read(sheets?: readonly string[]): Promise<Grid[]>;
  /** A setting stored by the add-in, decoded exactly as FileWorkbook.getSetting does; null when absent. */
  getSetting(key: string): Promise<string | null>;
}

/** exceljs 4.4's built-in number formats (NumFmtXform.getDefaultFmtCode): only ids with a plain code. */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

// ---------------------------------------------------------------------------------------------
// zip

function entryBytes(b: Uint8Array, e: ZipEntry, inflate: InflateRaw): Uint8Array {
  if (e.method === 0) return entryData(b, e);
  if (e.method === 8) return inflate(entryData(b, e));
  throw new GridReaderUnsupported(`zip method ${e.method}`);
}

/** The compressed bytes of a deflated entry; null for a stored one. */
function deflated(b: Uint8Array, e: ZipEntry): Uint8Array | null {
  return e.method === 8 ? entryData(b, e) : null;
}

// ---------------------------------------------------------------------------------------------
// package parts

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The worksheets workbook.xml lists, in order, with their parts (chart, dialog and macro sheets left out), and the date system. */
export function workbookParts(workbookXml: string, relsXml: string): { sheets: SheetRef[]; date1904: boolean } {
  const rels = new Map<string, string>();
  const types = new Map<string, string>();
  const t = {} as Tag;
  for (let tag = nextTag(relsXml, 0, t); tag; tag = nextTag(relsXml, tag.end, t)) {
    if (tag.name === 'Relationship' && !tag.close) {
      const id = attr(tag.attrs, 'Id');
      const target = attr(tag.attrs, 'Target');
      const type = attr(tag.attrs, 'Type');
      if (id && target) rels.set(id, resolveTarget(target));
      if (id && type) types.set(id, type);
    }
  }
  const sheets: SheetRef[] = [];
  let date1904 = false;
  for (let tag = nextTag(workbookXml, 0, t); tag; tag = nextTag(workbookXml, tag.end, t)) {
    if (tag.close) continue;
    if (tag.name === 'workbookPr') date1904 = attr(tag.attrs, 'date1904') === '1';
    if (tag.name !== 'sheet') continue;
    const rid = attr(tag.attrs, 'r:id') ?? attr(tag.attrs, 'id');
    const path = rid ? rels.get(rid) : undefined;
    const name = attr(tag.attrs, 'name');
    if (!path || name === undefined) throw new GridReaderUnsupported('sheet without a part');
    // A chart sheet (or dialog or macro sheet) has no cells: left out, as exceljs leaves it out.
    const type = types.get(rid as string);
    if (type !== undefined && !/\/worksheet$/.test(type)) continue;
    const state = attr(tag.attrs, 'state');
    sheets.push({ name: excelJsXmlDecode(name), path, visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible' });
  }
  return { sheets, date1904 };
}

/**
 * Number format of each cellXfs index (exceljs's getStyleModel: numFmtId 0 or unknown → none),
 * the implicit zh-CN ids resolved as the full reader's declared styles.xml resolves them.
 */
function styleFormats(xml: string | null): (string | undefined)[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const out: (string | undefined)[] = [];
  let inXfs = false;
  let inNumFmts = false;
  const t = {} as Tag;
  for (let tag = nextTag(xml, 0, t); tag; tag = nextTag(xml, tag.end, t)) {
    if (tag.name === 'numFmts') {
      inNumFmts = !tag.close && !tag.selfClose;
    } else if (inNumFmts && tag.name === 'numFmt' && !tag.close) {
      // Only the list's entries: exceljs indexes numFmts, not the numFmt of a dxf.
      const id = Number(attr(tag.attrs, 'numFmtId'));
      const code = attr(tag.attrs, 'formatCode');
      if (code !== undefined) custom.set(id, code.replace(/[\\](.)/g, '$1'));
    } else if (tag.name === 'cellXfs') {
      inXfs = !tag.close && !tag.selfClose;
    } else if (inXfs && tag.name === 'xf' && !tag.close) {
      const id = parseInt(attr(tag.attrs, 'numFmtId') ?? '0', 10);
      out.push(id ? (custom.get(id) ?? BUILTIN_FORMATS[id] ?? implicitNumberFormat(id)) : undefined);
    }
  }
  return out;
}

/**
 * Shared strings; null for an <si> with no text at all (exceljs reads it as null). `rich` holds
 * the indexes of the <si> with runs (<r>), which exceljs reads as rich text, not as a JS string.
 */
function sharedStrings(xml: string | null): { strings: (string | null)[]; rich: Set<number> } {
  const out: (string | null)[] = [];
  const rich = new Set<number>();
  if (xml === null) return { strings: out, rich };
  const t = {} as Tag;
  let parts: string[] | null = null;
  let phonetic = 0;
  let from = 0;
  for (;;) {
    // The usual entry, <si><t>text</t></si>, without a tag scan (what the general loop gives it).
    // One pass over its text notes what needs decoding: & (entities), CR (line ends), _ (_xHHHH_).
    const lt = xml.charCodeAt(from) === 60 /* < */ ? from : xml.indexOf('<', from);
    if (lt >= 0 && parts === null && phonetic === 0 && xml.startsWith('<si><t>', lt)) {
      let end = lt + 7;
      let special = false;
      for (let c = xml.charCodeAt(end); c !== 60 && end < xml.length; c = xml.charCodeAt(++end)) {
        if (c === 38 || c === 13 || c === 95) special = true;
      }
      if (end < xml.length && xml.startsWith('</t></si>', end)) {
        const raw = xml.slice(lt + 7, end);
        out.push(special ? unescapeOoxml(xmlText(raw)) : raw);
        from = end + 9;
        continue;
      }
    }
    const tag = nextTag(xml, from, t);
    if (!tag) break;
    from = tag.end;
    switch (tag.name) {
      case 'si':
        if (!tag.close) {
          parts = tag.selfClose ? null : [];
          if (tag.selfClose) out.push(null);
        } else {
          out.push(parts === null || parts.length === 0 ? null : parts.join(''));
          parts = null;
        }
        break;
      case 'r':
        if (!tag.close && parts && phonetic === 0) rich.add(out.length);
        break;
      case 'rPh':
        if (!tag.selfClose) phonetic += tag.close ? -1 : 1;
        break;
      case 't':
        if (!tag.close && parts && phonetic === 0) {
          if (tag.selfClose) parts.push('');
          else {
            const x = textUntil(xml, tag.end);
            parts.push(unescapeOoxml(xmlText(x.text)));
          }
        }
        break;
      default:
        break;
    }
  }
  return { strings: out, rich };
}

/**
 * The settings sheet's cells as exceljs's `cell.value` gives them, for decodeSetting: the plain
 * texts collected by readSheet, anything else undefined; a merged cell other than the top-left one
 * reads as the top-left one (exceljs's merge cells give their master's value).
 */
function settingsCells(xml: Uint8Array, ref: SheetRef, ctx: SheetCtx): { rowCount: number; cell: (row: number, col: number) => unknown } {
  const texts: TextCells = new Map();
  const grid = readSheet(xml, ref, ctx, texts);
  const cell = (row: number, col: number): unknown => {
    const m = grid.merges.find((b) => row - 1 >= b.top && row - 1 <= b.bottom && col - 1 >= b.left && col - 1 <= b.right);
    return m ? texts.get(m.top + 1)?.get(m.left + 1) : texts.get(row)?.get(col);
  };
  return { rowCount: grid.rowCount, cell };
}

// ---------------------------------------------------------------------------------------------

/**
 * Open workbook bytes for reading only. Throws GridReaderUnsupported for anything it leaves to the
 * full reader (including every damaged or non-xlsx input: the full reader words those errors).
 * With `inflateStream`, worksheets are scanned while they inflate (read() and listSheets()).
 */
export function openGridBook(bytes: Uint8Array, inflate: InflateRaw, inflateStream?: InflateRawStream): GridBook {
  const dir = zipDirectory(bytes);
  const utf8 = new TextDecoder('utf-8');
  const raw = (path: string): Uint8Array | null => {
    const e = dir.get(path);
    return e ? entryBytes(bytes, e, inflate) : null;
  };
  const text = (path: string): string | null => {
    const b = raw(path);
    return b ? utf8.decode(b) : null;
  };
  const wbXml = text('xl/workbook.xml');
  const relsXml = text('xl/_rels/workbook.xml.rels');
  if (wbXml === null || relsXml === null) throw new GridReaderUnsupported('no xl/workbook.xml');
  // Every part read whole, or the full reader decides (a sheet is checked as it is scanned).
  endsWithRoot(wbXml, 'workbook', 'xl/workbook.xml');
  endsWithRoot(relsXml, 'Relationships', 'xl/_rels/workbook.xml.rels');
  const { sheets: all, date1904 } = workbookParts(wbXml, relsXml);
  for (const s of all) if (!dir.has(s.path)) throw new GridReaderUnsupported(`missing ${s.path}`);
  const sheets = all.filter((s) => s.name !== SETTINGS_SHEET);
  const settingsRef = all.find((s) => s.name === SETTINGS_SHEET);
  let ctx: SheetCtx | null = null;
  const context = (): SheetCtx => {
    if (ctx) return ctx;
    const sst = text('xl/sharedStrings.xml');
    const styles = text('xl/styles.xml');
    if (sst !== null) endsWithRoot(sst, 'sst', 'xl/sharedStrings.xml');
    if (styles !== null) endsWithRoot(styles, 'styleSheet', 'xl/styles.xml');
    const shared = sharedStrings(sst);
    return (ctx = { formats: styleFormats(styles), strings: shared.strings, richStrings: shared.rich, date1904 });
  };
  /** One worksheet: streamed when it is deflated and a stream is given, else inflated whole. */
  const sheetGrid = async (s: SheetRef): Promise<Grid> => {
    const c = context();
    const compressed = inflateStream ? deflated(bytes, dir.get(s.path) as ZipEntry) : null;
    if (!inflateStream || !compressed) return readSheet(raw(s.path) as Uint8Array, s, c);
    const feeder = new SheetFeeder(new SheetScanner(s, c));
    await inflateStream(compressed, (chunk) => feeder.push(chunk));
    return feeder.end();
  };
  let settings: ReturnType<typeof settingsCells> | null = null;
  return {
    sheetNames: sheets.map((s) => s.name),
    async listSheets(): Promise<SheetInfo[]> {
      const out: SheetInfo[] = [];
      for (const s of sheets) out.push({ name: s.name, visibility: s.visibility, protected: (await sheetGrid(s)).protected });
      return out;
    },
    async read(names?: readonly string[]): Promise<Grid[]> {
      const out: Grid[] = [];
      for (const name of names ?? sheets.map((s) => s.name)) {
        const s = sheets.find((x) => x.name === name);
        if (!s) throw new GridReaderUnsupported(`sheet ${name}`);
        out.push(await sheetGrid(s));
      }
      return out;
    },
    async getSetting(key: string): Promise<string | null> {
      if (!settingsRef) return null;
      settings ??= settingsCells(raw(settingsRef.path) as Uint8Array, settingsRef, context());
      return decodeSetting(settings.rowCount, settings.cell, key);
    },
  };
}
