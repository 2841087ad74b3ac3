/**
 * Implicit number formats in xl/styles.xml (隐含的内置数字格式). A zh-CN Excel saves a date cell
 * formatted 2024年3月1日 as an xf with numFmtId="31" and no <numFmt> element: the format code is
 * implied by the id (ECMA-376 Part 1 §18.8.30, table in src/values/number-format.ts). exceljs 4.4
 * only knows the language-neutral ids, so it reads such a cell as General — the date arrives as a
 * bare serial — and on save writes it back as General, losing the format.
 *
 * declareImplicitFormats rewrites styles.xml so that every implicit id the cellXfs use is declared
 * with its zh-CN code, exactly as if Excel had written the <numFmt>. exceljs then reads those cells
 * as dates with that format, and on save writes the format as an explicit custom <numFmt> (id 164
 * and up) with the same code, which every Excel displays the same way a zh-CN Excel displays the
 * built-in id. The read-only reader (xlsx-grid-reader.ts) resolves the same ids from the same
 * table, so both readers give the same Grid.
 *
 * Pure string work on the XML text: no exceljs, no Node APIs (file-workbook.ts does the zip).
 */
import { implicitNumberFormat } from '../../values/number-format';

const PREFIX = '((?:[A-Za-z_][\\w.-]*:)?)';
const NUM_FMT = new RegExp(`<${PREFIX}numFmt\\b([^>]*?)\\/?>`, 'g');
const NUM_FMTS = new RegExp(`<${PREFIX}numFmts\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/\\1numFmts\\s*>)`);
const CELL_XFS = new RegExp(`<${PREFIX}cellXfs\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/\\1cellXfs\\s*>)`);
const XF = new RegExp(`<${PREFIX}xf\\b([^>]*?)\\/?>`, 'g');
const STYLE_SHEET = new RegExp(`<${PREFIX}styleSheet\\b[^>]*?(\\/?)>`);

/** The value of one attribute in a tag's attribute text (entities left as written). */
function attrOf(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(["'])(.*?)\\1`).exec(attrs);
  return m ? m[2] : undefined;
}

function xmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The numFmtIds that cellXfs use, that have no <numFmt> in the file, and whose zh-CN code is
 * implied (27–36, 50–58), ascending.
 */
export function undeclaredImplicitIds(stylesXml: string): number[] {
  // Declared means listed in numFmts (a dxf's own numFmt does not count: exceljs indexes the list).
  const declared = new Set<number>();
  for (const m of (NUM_FMTS.exec(stylesXml)?.[2] ?? '').matchAll(NUM_FMT)) {
    const id = attrOf(m[2], 'numFmtId');
    if (id !== undefined) declared.add(parseInt(id, 10));
  }
  const xfs = CELL_XFS.exec(stylesXml);
  if (!xfs || xfs[2] === undefined) return [];
  const out = new Set<number>();
  for (const m of xfs[2].matchAll(XF)) {
    const raw = attrOf(m[2], 'numFmtId');
    if (raw === undefined) continue;
    const id = parseInt(raw, 10);
    if (!declared.has(id) && implicitNumberFormat(id) !== undefined) out.add(id);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * styles.xml with a <numFmt> for every implicit id its cellXfs use undeclared; null when there is
 * none (or the part has no styleSheet element to put them in), so callers keep the bytes as they are.
 */
export function declareImplicitFormats(stylesXml: string): string | null {
  const ids = undeclaredImplicitIds(stylesXml);
  if (ids.length === 0) return null;
  const sheet = STYLE_SHEET.exec(stylesXml);
  if (!sheet || sheet[2] === '/') return null;
  const p = sheet[1];
  const entries = ids.map((id) => `<${p}numFmt numFmtId="${id}" formatCode="${xmlAttr(implicitNumberFormat(id) as string)}"/>`).join('');

  const emptyList = new RegExp(`<${p}numFmts\\b([^>]*?)\\/>`).exec(stylesXml);
  if (emptyList) {
    const open = `<${p}numFmts${withCount(emptyList[1], ids.length)}>`;
    return stylesXml.slice(0, emptyList.index) + open + entries + `</${p}numFmts>` + stylesXml.slice(emptyList.index + emptyList[0].length);
  }
  const list = new RegExp(`<${p}numFmts\\b([^>]*)>`).exec(stylesXml);
  const close = list ? stylesXml.indexOf(`</${p}numFmts>`, list.index) : -1;
  if (list && close >= 0) {
    const present = [...stylesXml.slice(list.index, close).matchAll(NUM_FMT)].length;
    const open = `<${p}numFmts${withCount(list[1], present + ids.length)}>`;
    return stylesXml.slice(0, list.index) + open + stylesXml.slice(list.index + list[0].length, close) + entries + stylesXml.slice(close);
  }
  // No numFmts yet: it is the first child of styleSheet (CT_Stylesheet's sequence).
  const at = sheet.index + sheet[0].length;
  return stylesXml.slice(0, at) + `<${p}numFmts count="${ids.length}">${entries}</${p}numFmts>` + stylesXml.slice(at);
}

/** numFmts attribute text with its count set to n (added when absent). */
function withCount(attrs: string, n: number): string {
  return /(^|\s)count\s*=/.test(attrs) ? attrs.replace(/(^|\s)count\s*=\s*(["'])[^"']*\2/, `$1count="${n}"`) : `${attrs} count="${n}"`;
}
