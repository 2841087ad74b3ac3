/**
 * A strict in-memory fake of the WPS 表格 (ET) object-model subset the WPS adapter uses
 * (src/workbook/wps/et.ts), over the same sheet store as the Excel fake (FakeExcel: seed,
 * contents, sheet(…).cell(…)), so both adapters run the same suites against the same data.
 *
 * What it enforces, as ET does (lib.et.d.ts of npm et-jsapi-declare, Excel VBA semantics where
 * that file says nothing — see et.ts):
 * - Every object is strict: reading or setting a member the fake does not model throws, so the
 *   adapter cannot rely on anything untested. Every member access is counted (`calls`).
 * - A string written to Range.Formula is entered like typing (FakeExcel.enter): "=…" becomes a
 *   formula, "'…" stays text with the apostrophe hidden, "00123" becomes 123.
 * - Range.Value2 / Formula of several cells are 2-D arrays, of one cell a scalar; an empty cell's
 *   Value2 is undefined; an error cell's Value2 is Excel's CVErr number.
 * - Range.NumberFormat and MergeCells give null for a mixed range; NumberFormat takes only a string.
 * - Writing to a protected sheet (ProtectContents) throws; Worksheet.Delete with DisplayAlerts
 *   on throws (it would block on WPS's confirmation prompt); SpecialCells throws when no cell
 *   qualifies; Sheets.Item of a missing name throws.
 */
import type { CellValue, RangeBox } from '../../src/ledger/grid';
import { columnIndex, columnLetter, isCellError } from '../../src/ledger/grid';
import { FakeExcel, type FakeSheet } from './fake-excel';

const CVERR: Record<string, number> = {
  '#DIV/0!': -2146826281,
  '#N/A': -2146826246,
  '#NAME?': -2146826259,
  '#NULL!': -2146826288,
  '#NUM!': -2146826252,
  '#REF!': -2146826265,
  '#VALUE!': -2146826273,
};
const VISIBILITY: Record<number, FakeSheet['visibility']> = { [-1]: 'Visible', 0: 'Hidden', 2: 'VeryHidden' };
const VISIBLE_CODE: Record<FakeSheet['visibility'], number> = { Visible: -1, Hidden: 0, VeryHidden: 2 };

export class EtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EtError';
  }
}

function parseA1(a: string): RangeBox {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(a.trim());
  if (!m) throw new EtError(`Bad address ${a}`);
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? columnIndex(m[3]) : left };
}

function a1(b: RangeBox, abs: boolean): string {
  const d = abs ? '$' : '';
  const tl = `${d}${columnLetter(b.left)}${d}${b.top + 1}`;
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${d}${columnLetter(b.right)}${d}${b.bottom + 1}`;
}

const intersects = (a: RangeBox, b: RangeBox): boolean => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const inside = (a: RangeBox, b: RangeBox): boolean => a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;

function hex(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).toUpperCase().padStart(6, '0')}`;
}

export class FakeEt extends FakeExcel {
  /** Member accesses (property reads and sets, method fetches) on any ET object. */
  calls = 0;
  displayAlerts = true;
  /** The Application object a WPS add-in sees as window.Application. */
  readonly application: unknown;

  constructor() {
    super();
    this.responseLimit = Infinity;
    this.application = this.strict('Application', {
      get ActiveWorkbook() {
        return workbook;
      },
      get ActiveWindow() {
        return win;
      },
      get DisplayAlerts() {
        return fx.displayAlerts;
      },
      set DisplayAlerts(v: boolean) {
        fx.displayAlerts = v;
      },
      CalculateFull: () => undefined,
    });
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fx = this;
    let splitRow = 0;
    const win = this.strict('Window', {
      set SplitColumn(v: number) {
        if (v !== 0) throw new EtError('the fake only splits rows');
      },
      set SplitRow(v: number) {
        splitRow = v;
      },
      set FreezePanes(v: boolean) {
        if (!fx.activeSheet) throw new EtError('no active sheet');
        fx.sheet(fx.activeSheet).frozenRows = v ? splitRow : 0;
      },
    });
    const workbook = this.strict('Workbook', { Worksheets: this.sheetsObject() });
  }

  override resetStats(): void {
    super.resetStats();
    this.calls = 0;
  }

  /** A proxy that counts every member access and throws on members the target does not define. */
  strict<T extends object>(kind: string, target: T): T {
    return new Proxy(target, {
      get: (t, prop, receiver) => {
        if (typeof prop !== 'string') return Reflect.get(t, prop, receiver);
        if (prop === 'then' || prop === 'toJSON') return undefined; // await / JSON probes, not ET calls
        if (!(prop in t)) throw new EtError(`ET fake: ${kind}.${prop} is not modelled`);
        this.calls++;
        return Reflect.get(t, prop, receiver);
      },
      set: (t, prop, value, receiver) => {
        const d = typeof prop === 'string' ? findSetter(t, prop) : undefined;
        if (!d) throw new EtError(`ET fake: ${kind}.${String(prop)} cannot be set`);
        this.calls++;
        return Reflect.set(t, prop, value, receiver);
      },
    });
  }

  private sheetsObject(): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fx = this;
    const byIndex = (i: number | string): FakeSheet => {
      const s = typeof i === 'number' ? this.sheets[i - 1] : this.findSheet(i);
      if (!s) throw new EtError(`Sheets.Item(${i}): no such sheet`);
      return s;
    };
    return this.strict('Sheets', {
      get Count() {
        return fx.sheets.length;
      },
      Item: (i: number | string) => this.worksheet(byIndex(i)),
      Add: (before?: unknown, after?: { readonly Name: string }) => {
        if (before !== undefined) throw new EtError('the fake only adds after a sheet');
        let n = this.sheets.length + 1;
        while (this.findSheet(`Sheet${n}`)) n++;
        const s = this.addSheet(`Sheet${n}`);
        if (after !== undefined) {
          this.sheets.pop();
          this.sheets.splice(this.sheets.findIndex((x) => x.name === after.Name) + 1, 0, s);
        }
        return this.worksheet(s);
      },
    });
  }

  private worksheet(s: FakeSheet): { readonly Name: string } {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fx = this;
    const writable = (): FakeSheet => {
      if (s.isProtected) throw new EtError(`Sheet ${s.name} is protected`);
      return s;
    };
    return this.strict('Worksheet', {
      get Name() {
        return s.name;
      },
      set Name(v: string) {
        const other = fx.findSheet(v);
        if (other && other !== s) throw new EtError(`A sheet named ${v} already exists`);
        s.name = v;
      },
      get Visible() {
        return VISIBLE_CODE[s.visibility];
      },
      set Visible(v: number) {
        const vis = VISIBILITY[v];
        if (!vis) throw new EtError(`Bad XlSheetVisibility ${v}`);
        s.visibility = vis;
      },
      get ProtectContents() {
        return s.isProtected;
      },
      get UsedRange() {
        return fx.range(s, [s.usedBox() ?? { top: 0, left: 0, bottom: 0, right: 0 }], writable);
      },
      get Cells() {
        return fx.range(s, [{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }], writable);
      },
      Range: (address: string) => fx.range(s, address.split(',').map(parseA1), writable),
      get PageSetup() {
        const log = (prop: string) => ({
          set(v: unknown) {
            s.log.push({ target: 'pageLayout', prop, value: v });
          },
          enumerable: true,
          configurable: true,
        });
        const page = {};
        for (const p of [
          'Orientation',
          'PaperSize',
          'TopMargin',
          'BottomMargin',
          'LeftMargin',
          'RightMargin',
          'Zoom',
          'FitToPagesWide',
          'FitToPagesTall',
          'PrintTitleRows',
          'PrintArea',
        ])
          Object.defineProperty(page, p, log(p));
        return fx.strict('PageSetup', page);
      },
      Activate: () => {
        if (s.visibility !== 'Visible') throw new EtError(`A hidden sheet cannot be activated (${s.name})`);
        fx.activeSheet = s.name;
      },
      Delete: () => {
        if (fx.displayAlerts) throw new EtError('Worksheet.Delete would wait for the confirmation prompt (DisplayAlerts is on)');
        fx.sheets.splice(fx.sheets.indexOf(s), 1);
      },
    });
  }

  private range(s: FakeSheet, boxes: RangeBox[], writable: () => FakeSheet): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fx = this;
    const box = boxes[0];
    const single = (): RangeBox => {
      if (boxes.length !== 1) throw new EtError('the fake reads matrices of single-area ranges only');
      return box;
    };
    const matrix = (f: (r: number, c: number) => unknown): unknown => {
      const b = single();
      if (b.top === b.bottom && b.left === b.right) return f(b.top, b.left);
      const out: unknown[][] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const row: unknown[] = [];
        for (let c = b.left; c <= b.right; c++) row.push(f(r, c));
        out.push(row);
      }
      return out;
    };
    const cellsOf = function* (): Generator<[number, number]> {
      for (const b of boxes) for (let r = b.top; r <= Math.min(b.bottom, s.rows.length - 1); r++) for (let c = b.left; c <= b.right; c++) yield [r, c];
    };
    const formatAt = (r: number, c: number): string => s.cell(r, c)?.numberFormat ?? 'General';
    const log = (prop: string, value: unknown): void => {
      writable();
      s.log.push({ target: boxes.map((b) => a1(b, false)).join(','), prop, value });
    };
    const logged = (kind: string, props: string[], prefix = ''): unknown => {
      const o = {};
      for (const p of props) Object.defineProperty(o, p, { set: (v: unknown) => log(`${prefix}${p}`, v), enumerable: true });
      return fx.strict(kind, o);
    };
    const entry = (v: unknown, f: (r: number, c: number, e: unknown) => void): void => {
      const b = single();
      const h = b.bottom - b.top + 1;
      const w = b.right - b.left + 1;
      if (!Array.isArray(v)) {
        for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) f(b.top + r, b.left + c, v);
        return;
      }
      if (v.length !== h || v.some((row) => !Array.isArray(row) || row.length !== w)) throw new EtError(`array is not ${h}×${w}`);
      for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) f(b.top + r, b.left + c, (v[r] as unknown[])[c]);
    };
    const enter = (v: unknown): void => {
      const sheet = writable();
      entry(v, (r, c, e) => fx.enter(sheet, r, c, e === null || e === undefined ? '' : e));
    };
    return this.strict('Range', {
      get Value2() {
        return matrix((r, c) => {
          const x = s.cell(r, c);
          if (!x || x.value === null) return undefined;
          return isCellError(x.value) ? (CVERR[x.value.error] ?? x.value.error) : x.value;
        });
      },
      get Formula() {
        return matrix((r, c) => {
          const x = s.cell(r, c);
          if (!x || (x.value === null && !x.formula)) return '';
          if (x.formula) return x.formula;
          const v = x.value as CellValue;
          return isCellError(v) ? v.error : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
        });
      },
      set Formula(v: unknown) {
        enter(v);
      },
      get NumberFormat() {
        const b = single();
        const first = formatAt(b.top, b.left);
        for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (formatAt(r, c) !== first) return null;
        return first;
      },
      set NumberFormat(v: unknown) {
        if (typeof v !== 'string') throw new EtError('NumberFormat takes one format string');
        const sheet = writable();
        for (const b of boxes)
          for (let r = b.top; r <= b.bottom; r++)
            for (let c = b.left; c <= b.right; c++) {
              const x = sheet.cell(r, c);
              sheet.put(r, c, {
                value: x?.value ?? null,
                formula: x?.formula ?? null,
                quotePrefix: x?.quotePrefix ?? false,
                numberFormat: v === '' ? 'General' : v,
              });
            }
      },
      get Row() {
        return box.top + 1;
      },
      get Column() {
        return box.left + 1;
      },
      get Rows() {
        return fx.strict('Rows', { Count: single().bottom - box.top + 1 });
      },
      get Columns() {
        return fx.strict('Columns', { Count: single().right - box.left + 1 });
      },
      Address: (rowAbs = true, colAbs = true) => boxes.map((b) => a1(b, rowAbs && colAbs)).join(','),
      SpecialCells: (type: number) => {
        if (type !== 12) throw new EtError('the fake only models xlCellTypeVisible');
        const b = single();
        const out: RangeBox[] = [];
        let start = -1;
        for (let r = b.top; r <= b.bottom + 1; r++) {
          const visible = r <= b.bottom && !s.hiddenRows.has(r);
          if (visible && start < 0) start = r;
          if (!visible && start >= 0) {
            out.push({ top: start, bottom: r - 1, left: b.left, right: b.right });
            start = -1;
          }
        }
        if (out.length === 0) throw new EtError('No cells were found.');
        return fx.range(s, out, writable);
      },
      get MergeCells() {
        const b = single();
        const hit = s.merges.filter((m) => intersects(m, b));
        if (hit.length === 0) return false;
        return hit.length === 1 && inside(b, hit[0]) ? true : null;
      },
      get MergeArea() {
        const b = single();
        return fx.range(s, [s.merges.find((m) => inside(b, m)) ?? b], writable);
      },
      Merge: () => {
        const sheet = writable();
        const b = single();
        if (sheet.merges.some((m) => intersects(m, b))) throw new EtError('overlapping merge');
        sheet.merges.push(b);
      },
      ClearContents: () => {
        const sheet = writable();
        for (const [r, c] of cellsOf()) {
          const x = sheet.cell(r, c);
          if (x) sheet.put(r, c, { ...x, value: null, formula: null, quotePrefix: false });
        }
      },
      Select: () => {
        if (fx.activeSheet !== s.name) throw new EtError(`Range.Select needs its sheet (${s.name}) to be active`);
        fx.selection = { sheet: s.name, box };
      },
      get FormatConditions() {
        return fx.formatConditions(s, boxes, writable);
      },
      get Interior() {
        return logged('Interior', ['Color']);
      },
      get Font() {
        return logged('Font', ['Bold', 'Name', 'Size'], 'Font.');
      },
      get Borders() {
        return logged('Borders', ['LineStyle'], 'Borders.');
      },
      set HorizontalAlignment(v: number) {
        log('HorizontalAlignment', v);
      },
      set VerticalAlignment(v: number) {
        log('VerticalAlignment', v);
      },
      set WrapText(v: boolean) {
        log('WrapText', v);
      },
      set ColumnWidth(v: number) {
        log('ColumnWidth', v);
      },
      set RowHeight(v: number) {
        // ET, like Excel, takes 0–409.5 points.
        if (typeof v !== 'number' || !(v >= 0 && v <= 409.5)) throw new Error(`Range.RowHeight: 无效的参数 ${String(v)}`);
        log('RowHeight', v);
      },
    });
  }

  private formatConditions(s: FakeSheet, boxes: RangeBox[], writable: () => FakeSheet): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fx = this;
    const mine = () => s.conditionalFormats.filter((cf) => cf.boxes.some((b) => boxes.some((x) => intersects(b, x))));
    const condition = (cf: FakeSheet['conditionalFormats'][number]): unknown =>
      fx.strict('FormatCondition', {
        get Type() {
          return cf.type === 'Custom' ? 2 : 1;
        },
        get Formula1() {
          return cf.formula;
        },
        get Interior() {
          return fx.strict('Interior', {
            set Color(v: number) {
              writable();
              cf.fill = hex(v);
            },
          });
        },
        Delete: () => {
          writable();
          s.conditionalFormats = s.conditionalFormats.filter((x) => x !== cf);
        },
      });
    return this.strict('FormatConditions', {
      get Count() {
        return mine().length;
      },
      Item: (i: number) => {
        const cf = mine()[i - 1];
        if (!cf) throw new EtError(`FormatConditions.Item(${i}): out of range`);
        return condition(cf);
      },
      Add: (type: number, _operator: unknown, formula1: string) => {
        if (type !== 2) throw new EtError('the fake only models xlExpression rules');
        writable();
        const cf = { id: fx.newCfId(), type: 'Custom' as const, formula: formula1, fill: null, boxes: boxes.map((b) => ({ ...b })) };
        s.conditionalFormats.push(cf);
        return condition(cf);
      },
    });
  }
}

function findSetter(o: object, prop: string): PropertyDescriptor | undefined {
  for (let p: object | null = o; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, prop);
    if (d) return d.set ? d : undefined;
  }
  return undefined;
}
