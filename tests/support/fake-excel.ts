/**
 * A strict in-memory fake of the Excel JS API subset the Office adapter uses (DESIGN.md "Testing
 * without Excel"). What it enforces, as Excel does:
 *
 * - Proxies queue work; nothing happens until `context.sync()`, which runs the queue in order.
 * - Reading a property that was not loaded and synced throws PropertyNotLoaded.
 * - Each sync is one request: its bytes (UTF-8 JSON of the queued writes and load requests) and
 *   its response bytes (JSON of the loaded data) are counted; above the limit (5 MB, Excel on the
 *   web) the sync fails with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded.
 * - Strings written to `values` or `formulas` are entered like typed input: "=…" becomes a formula,
 *   "+…"/"-…"/"@…" that are not numbers become formulas too, "123" / "-5" / "12%" become numbers,
 *   "TRUE" a Boolean, "#N/A" an error; a leading apostrophe stores the rest as text (quote prefix);
 *   a cell formatted "@" (Text) keeps what is written as text. (Excel also turns date-like text
 *   into dates; the fake does not model that, the adapter guards such text anyway.)
 * - Reading `formulas` gives the formula, or the value for a constant; a quote-prefixed text comes
 *   back without its apostrophe (OfficeDev/office-js#6687). Empty cells read as "".
 * - Writing to a protected sheet fails with AccessDenied; a missing sheet with ItemNotFound;
 *   calling a method on a null object fails with InvalidOperation.
 *
 * Formula results come from `evaluate` (default: the result the workbook was seeded with for the
 * same formula text, #NAME? for `_xldudf_` names, 0 otherwise).
 */
import type { CellValue, RangeBox } from '../../src/ledger/grid';
import { columnIndex, columnLetter, isCellError } from '../../src/ledger/grid';

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  quotePrefix: boolean;
}

export interface FakeConditionalFormat {
  id: string;
  type: 'Custom' | 'CellValue';
  formula: string;
  fill: string | null;
  boxes: RangeBox[];
}

type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export class FakeSheet {
  rows: (FakeCell | undefined)[][] = [];
  hiddenRows = new Set<number>();
  merges: RangeBox[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  /** Everything else set on the sheet or its ranges (formats, widths, page layout), in order. */
  log: { target: string; prop: string; value: unknown }[] = [];
  frozenRows = 0;
  constructor(
    public name: string,
    public visibility: Visibility = 'Visible',
    public isProtected = false,
  ) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.rows[r]?.[c];
  }

  put(r: number, c: number, cell: FakeCell | undefined): void {
    if (!this.rows[r]) this.rows[r] = [];
    this.rows[r][c] = cell;
  }

  /** Bounding box of cells with a value or formula; null when there is none. */
  usedBox(): RangeBox | null {
    let top = -1,
      bottom = -1,
      left = Infinity,
      right = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const x = row[c];
        if (!x || (x.value === null && x.formula === null)) continue;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    return top < 0 ? null : { top, left, bottom, right };
  }
}

export interface FakeStats {
  runs: number;
  syncs: number;
  requestBytes: number[];
  /** Sizes of the answers delivered; refused answers (above the limit) are only counted. */
  responseBytes: number[];
  refusedResponses: number;
  /** Milliseconds spent inside sync() executing "Excel's" side, to subtract from wall time. */
  fakeMs: number;
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const ERROR_LITERAL = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!)$/;
const NUMBER_LITERAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/;

function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function boxA1(b: RangeBox): string {
  const tl = `${columnLetter(b.left)}${b.top + 1}`;
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${columnLetter(b.right)}${b.bottom + 1}`;
}

function parseBox(address: string): RangeBox {
  const part = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(part.trim());
  if (!m) {
    const rows = /^\$?(\d+):\$?(\d+)$/.exec(part.trim());
    if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: 16383 };
    throw new FakeExcelError('InvalidArgument', `Bad address ${address}`);
  }
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? columnIndex(m[3]) : left };
}

const intersects = (a: RangeBox, b: RangeBox): boolean => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  /** The active sheet and the selected range, as set by Worksheet.activate / Range.select. */
  activeSheet: string | null = null;
  selection: { sheet: string; box: RangeBox } | null = null;
  readonly stats: FakeStats = { runs: 0, syncs: 0, requestBytes: [], responseBytes: [], refusedResponses: 0, fakeMs: 0 };
  /** Excel on the web refuses requests and answers above 5 MB; desktop Excel has no such limit. */
  requestLimit = 5 * 1024 * 1024;
  responseLimit = 5 * 1024 * 1024;

  /** Model desktop Excel (no payload limit on answers) or Excel on the web (5 MB). */
  static desktop(): FakeExcel {
    const fx = new FakeExcel();
    fx.responseLimit = Infinity;
    return fx;
  }
  private seeded = new Map<string, CellValue>();
  private nextCf = 1;
  evaluate: (formula: string) => CellValue = (f) => (this.seeded.has(f) ? (this.seeded.get(f) as CellValue) : /_xldudf_/i.test(f) ? { error: '#NAME?' } : 0);

  /** Excel.run: a fresh request context per batch. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.stats.runs++;
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  addSheet(name: string, opts: { protected?: boolean; visibility?: Visibility } = {}): FakeSheet {
    const s = new FakeSheet(name, opts.visibility ?? 'Visible', opts.protected ?? false);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Seed a cell directly (no request): a formula with its current result, or a constant. */
  seed(sheet: string, r: number, c: number, cell: { value?: CellValue; formula?: string; numberFormat?: string; quotePrefix?: boolean }): void {
    if (cell.formula !== undefined) this.seeded.set(cell.formula, cell.value ?? 0);
    this.sheet(sheet).put(r, c, {
      value: cell.value ?? null,
      formula: cell.formula ?? null,
      numberFormat: cell.numberFormat ?? 'General',
      quotePrefix: cell.quotePrefix ?? false,
    });
  }

  resetStats(): void {
    Object.assign(this.stats, { runs: 0, syncs: 0, requestBytes: [], responseBytes: [], refusedResponses: 0, fakeMs: 0 });
  }

  newCfId(): string {
    return `{cf-${this.nextCf++}}`;
  }

  /** Values, formulas and number formats of every sheet, for "identical" assertions. */
  contents(): Record<string, { cells: Record<string, [CellValue, string | null, string]>; visibility: string }> {
    const out: Record<string, { cells: Record<string, [CellValue, string | null, string]>; visibility: string }> = {};
    for (const s of this.sheets) {
      const cells: Record<string, [CellValue, string | null, string]> = {};
      s.rows.forEach((row, r) =>
        row?.forEach((x, c) => {
          // An empty-text cell and a blank cell both read as "" through `values` and `formulas`
          // (only `valueTypes`, which the adapter does not load, tells them apart), so the
          // observable contents treat them alike.
          const value = x?.value === '' ? null : x?.value;
          if (x && (value !== null || x.formula !== null || x.numberFormat !== 'General'))
            cells[`${columnLetter(c)}${r + 1}`] = [value ?? null, x.formula, x.numberFormat];
        }),
      );
      out[s.name] = { cells, visibility: s.visibility };
    }
    return out;
  }

  /** Enter a matrix entry into a cell the way typing does. */
  enter(sheet: FakeSheet, r: number, c: number, entry: unknown): void {
    if (entry === null || entry === undefined) return; // null leaves the cell unchanged
    const old = sheet.cell(r, c);
    const numberFormat = old?.numberFormat ?? 'General';
    const set = (value: CellValue, formula: string | null, quotePrefix = false): void => sheet.put(r, c, { value, formula, numberFormat, quotePrefix });
    if (typeof entry === 'number' || typeof entry === 'boolean') return set(entry, null);
    if (typeof entry !== 'string') throw new FakeExcelError('InvalidArgument', `Unsupported cell entry ${JSON.stringify(entry)}`);
    const s = entry;
    if (s === '') return set(null, null);
    if (s.startsWith("'")) return set(s.slice(1) === '' ? null : s.slice(1), null, true);
    if (numberFormat === '@') return set(s, null);
    if (s.startsWith('=') && s.length > 1) return set(this.evaluate(s), s);
    if (ERROR_LITERAL.test(s)) return set({ error: s }, null);
    if (NUMBER_LITERAL.test(s)) return set(s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s), null);
    if (/^(true|false)$/i.test(s)) return set(s.toLowerCase() === 'true', null);
    if (/^[+\-@]/.test(s)) {
      const f = `=${s}`;
      return set(this.evaluate(f), f);
    }
    return set(s, null);
  }
}

// ---------------------------------------------------------------------------------------------

interface Op {
  readonly payload: unknown;
  /** Runs "in Excel"; a load returns its data and the commit that makes it readable. */
  exec(): { data: unknown; commit: () => void } | void;
}

class FakeContext {
  queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly fx: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const fx = this.fx;
    const t0 = performance.now();
    try {
      fx.stats.syncs++;
      const req = utf8Bytes(JSON.stringify(ops.map((o) => o.payload)));
      fx.stats.requestBytes.push(req);
      if (req > fx.requestLimit) throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${req} bytes).`);
      const loads: { data: unknown; commit: () => void }[] = [];
      for (const op of ops) {
        const r = op.exec();
        if (r) loads.push(r);
      }
      const res = utf8Bytes(JSON.stringify(loads.map((l) => l.data)));
      if (res > fx.responseLimit) fx.stats.refusedResponses++;
      else fx.stats.responseBytes.push(res);
      if (res > fx.responseLimit)
        throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${res} bytes).`);
      for (const l of loads) l.commit();
    } finally {
      fx.stats.fakeMs += performance.now() - t0;
    }
  }
}

function propsOf(spec: string | string[] | undefined): string[] {
  if (spec === undefined) return [];
  const list = Array.isArray(spec) ? spec : spec.split(',');
  return list.map((s) => s.trim()).filter(Boolean);
}

/** Base of every proxy: loaded properties are readable, everything else throws. */
class ProxyBase {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}
  protected get fx(): FakeExcel {
    return this.ctx.fx;
  }
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeExcelError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }
  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }
  protected queue(payload: unknown, exec: Op['exec']): void {
    this.ctx.queue.push({ payload, exec });
  }
}

/** Records allowed property sets on nested format-like objects (font.bold, fill.color, …). */
function recorder(onSet: (path: string, value: unknown) => void, allowed: readonly string[], prefix = ''): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get(_t, prop) {
      if (typeof prop !== 'string') return undefined;
      const path = prefix ? `${prefix}.${prop}` : prop;
      if (allowed.includes(`${path}()`)) {
        return (...args: unknown[]) => {
          onSet(`${path}()`, args);
          return recorder(onSet, allowed, path);
        };
      }
      if (allowed.some((a) => a.startsWith(`${path}.`))) return recorder(onSet, allowed, path);
      throw new FakeExcelError('PropertyNotLoaded', `The fake does not support reading '${path}'.`);
    },
    set(_t, prop, value) {
      const path = prefix ? `${prefix}.${String(prop)}` : String(prop);
      if (!allowed.includes(path)) throw new FakeExcelError('InvalidArgument', `The fake does not support setting '${path}'.`);
      onSet(path, value);
      return true;
    },
  });
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  constructor(ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
  }
}

class WorksheetCollectionProxy extends ProxyBase {
  get items(): WorksheetProxy[] {
    return this.read<WorksheetProxy[]>('items');
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.fx.findSheet(name);
      if (!s) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist (sheet ${name}).`);
      return s;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.fx.findSheet(name) ?? null);
  }

  add(name: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    this.queue({ op: 'worksheets.add', name }, () => {
      if (this.fx.findSheet(name)) throw new FakeExcelError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      created = this.fx.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => {
      if (!created) throw new FakeExcelError('InvalidOperation', 'sheet not created yet');
      return created;
    });
  }

  load(spec?: string | string[]): this {
    const props = propsOf(spec).map((p) => p.replace(/^items\//, ''));
    this.queue({ op: 'worksheets.load', props }, () => {
      const sheets = [...this.fx.sheets];
      const data = sheets.map((s) => WorksheetProxy.snapshot(s, props));
      return {
        data,
        commit: () => {
          const items = sheets.map((s, i) => {
            const p = new WorksheetProxy(this.ctx, () => s);
            p.accept(data[i]);
            return p;
          });
          this.loaded.set('items', items);
          this.loaded.set('isNullObject', false);
        },
      };
    });
    return this;
  }
}

const SHEET_LAYOUT_PROPS = [
  'orientation',
  'paperSize',
  'leftMargin',
  'rightMargin',
  'topMargin',
  'bottomMargin',
  'zoom',
  'setPrintTitleRows()',
  'setPrintArea()',
];

class WorksheetProxy extends ProxyBase {
  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet | null,
  ) {
    super(ctx);
  }

  static snapshot(s: FakeSheet | null, props: string[]): Record<string, unknown> {
    const d: Record<string, unknown> = { isNullObject: s === null };
    if (!s) return d;
    for (const p of props) {
      if (p === 'name') d.name = s.name;
      else if (p === 'visibility') d.visibility = s.visibility;
      else if (p === 'protection/protected') d['protection/protected'] = s.isProtected;
      else if (p !== 'isNullObject') throw new FakeExcelError('InvalidArgument', `The fake cannot load worksheet '${p}'.`);
    }
    return d;
  }

  accept(d: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(d)) this.loaded.set(k, v);
  }

  /** The sheet for an operation that needs it; fails like Excel on a null object. */
  target(forWrite: boolean): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeExcelError('InvalidOperation', 'The operation is not allowed on a null object.');
    if (forWrite && s.isProtected) throw new FakeExcelError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${s.name}).`);
    return s;
  }

  get name(): string {
    return this.read<string>('name');
  }
  get visibility(): Visibility {
    return this.read<Visibility>('visibility');
  }
  set visibility(v: Visibility) {
    this.queue({ op: 'sheet.visibility', v }, () => {
      this.target(false).visibility = v;
    });
  }
  get protection(): { protected: boolean } {
    const read = (): boolean => this.read<boolean>('protection/protected');
    return {
      get protected(): boolean {
        return read();
      },
    };
  }
  get freezePanes(): { freezeRows(n: number): void } {
    return {
      freezeRows: (n: number) =>
        this.queue({ op: 'freezeRows', n }, () => {
          this.target(true).frozenRows = n;
        }),
    };
  }
  get pageLayout(): Record<string, unknown> {
    return recorder(
      (path, value) =>
        this.queue({ op: 'pageLayout', path, value }, () => {
          this.target(false).log.push({ target: 'pageLayout', prop: path, value });
        }),
      SHEET_LAYOUT_PROPS,
    );
  }

  load(spec?: string | string[]): this {
    const props = propsOf(spec);
    this.queue({ op: 'sheet.load', props }, () => {
      const d = WorksheetProxy.snapshot(this.resolve(), props);
      return { data: d, commit: () => this.accept(d) };
    });
    return this;
  }

  activate(): void {
    this.queue({ op: 'sheet.activate' }, () => {
      const s = this.target(false);
      if (s.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `A hidden sheet cannot be activated (${s.name}).`);
      this.fx.activeSheet = s.name;
    });
  }

  delete(): void {
    this.queue({ op: 'sheet.delete' }, () => {
      const s = this.target(false);
      const i = this.fx.sheets.indexOf(s);
      this.fx.sheets.splice(i, 1);
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.target(false);
      return { sheet: s, box: address ? parseBox(address) : { top: 0, left: 0, bottom: 1_048_575, right: 16_383 } };
    });
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.target(false), box: { top: row, left: col, bottom: row + rowCount - 1, right: col + colCount - 1 } }));
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== true) throw new FakeExcelError('InvalidArgument', 'The fake only models getUsedRange(true).');
    return new RangeProxy(this.ctx, () => {
      const s = this.target(false);
      return { sheet: s, box: s.usedBox() ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => {
      const s = this.target(false);
      return { sheet: s, boxes: address.split(',').map((a) => parseBox(a)) };
    });
  }
}

interface Resolved {
  sheet: FakeSheet;
  box: RangeBox;
}

const RANGE_FORMAT_PROPS = [
  'font.bold',
  'font.name',
  'font.size',
  'fill.color',
  'horizontalAlignment',
  'verticalAlignment',
  'wrapText',
  'columnWidth',
  'rowHeight',
  'borders.getItem()',
  'borders.getItem.style',
];

class RangeProxy extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => Resolved | null,
  ) {
    super(ctx);
  }

  private target(forWrite: boolean): Resolved {
    const r = this.resolve();
    if (!r) throw new FakeExcelError('InvalidOperation', 'The operation is not allowed on a null object.');
    if (forWrite && r.sheet.isProtected)
      throw new FakeExcelError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${r.sheet.name}).`);
    return r;
  }

  get values(): unknown[][] {
    return this.read('values');
  }
  set values(m: unknown[][]) {
    this.writeMatrix('values', m);
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(m: unknown[][]) {
    this.writeMatrix('formulas', m);
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(m: unknown[][]) {
    this.queue({ op: 'range.numberFormat', m }, () => {
      const { sheet, box } = this.target(true);
      this.eachEntry(box, m, (r, c, e) => {
        if (e === null) return;
        if (typeof e !== 'string') throw new FakeExcelError('InvalidArgument', 'numberFormat entries are strings');
        const x = sheet.cell(r, c);
        sheet.put(r, c, { value: x?.value ?? null, formula: x?.formula ?? null, quotePrefix: x?.quotePrefix ?? false, numberFormat: e === '' ? 'General' : e });
      });
    });
  }
  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get format(): Record<string, unknown> {
    return recorder(
      (path, value) =>
        this.queue({ op: 'range.format', path, value }, () => {
          const { sheet, box } = this.target(true);
          if (path === 'borders.getItem()') return; // returns the border below; recorded there
          // Excel refuses a row height outside 0–409 points (InvalidArgument).
          if (path === 'rowHeight' && (typeof value !== 'number' || !(value >= 0 && value <= 409)))
            throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (rowHeight ${String(value)}).`);
          sheet.log.push({ target: boxA1(box), prop: path, value });
        }),
      RANGE_FORMAT_PROPS,
    );
  }

  private eachEntry(box: RangeBox, m: unknown, f: (r: number, c: number, e: unknown) => void): void {
    const h = box.bottom - box.top + 1;
    const w = box.right - box.left + 1;
    if (!Array.isArray(m)) {
      for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) f(box.top + r, box.left + c, m);
      return;
    }
    if (m.length !== h || m.some((row) => !Array.isArray(row) || row.length !== w)) {
      throw new FakeExcelError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${h}×${w}).`,
      );
    }
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) f(box.top + r, box.left + c, (m[r] as unknown[])[c]);
  }

  private writeMatrix(prop: 'values' | 'formulas', m: unknown[][]): void {
    this.queue({ op: `range.${prop}`, m }, () => {
      const { sheet, box } = this.target(true);
      this.eachEntry(box, m, (r, c, e) => this.fx.enter(sheet, r, c, e));
    });
  }

  load(spec?: string | string[]): this {
    const props = propsOf(spec);
    this.queue({ op: 'range.load', props }, () => {
      const r = this.resolve();
      const d: Record<string, unknown> = { isNullObject: r === null };
      if (r) {
        const { sheet, box } = r;
        const matrix = (f: (x: FakeCell | undefined) => unknown): unknown[][] => {
          const out: unknown[][] = [];
          for (let i = box.top; i <= box.bottom; i++) {
            const row: unknown[] = [];
            for (let j = box.left; j <= box.right; j++) row.push(f(sheet.cell(i, j)));
            out.push(row);
          }
          return out;
        };
        const shown = (x: FakeCell | undefined): unknown => (!x || x.value === null ? '' : isCellError(x.value) ? x.value.error : x.value);
        for (const p of props) {
          if (p === 'values') d.values = matrix(shown);
          else if (p === 'formulas') d.formulas = matrix((x) => (x?.formula ? x.formula : shown(x)));
          else if (p === 'numberFormat') d.numberFormat = matrix((x) => x?.numberFormat ?? 'General');
          else if (p === 'address') d.address = `${quoteSheet(sheet.name)}!${boxA1(box)}`;
          else if (p === 'rowCount') d.rowCount = box.bottom - box.top + 1;
          else if (p === 'columnCount') d.columnCount = box.right - box.left + 1;
          else throw new FakeExcelError('InvalidArgument', `The fake cannot load range '${p}'.`);
        }
      }
      return { data: d, commit: () => Object.entries(d).forEach(([k, v]) => this.loaded.set(k, v)) };
    });
    return this;
  }

  clear(applyTo?: string): void {
    this.queue({ op: 'range.clear', applyTo }, () => {
      const { sheet, box } = this.target(true);
      for (let r = box.top; r <= Math.min(box.bottom, sheet.rows.length - 1); r++) {
        for (let c = box.left; c <= box.right; c++) {
          const x = sheet.cell(r, c);
          if (!x) continue;
          if (applyTo === 'Contents') sheet.put(r, c, { ...x, value: null, formula: null, quotePrefix: false });
          else sheet.put(r, c, undefined);
        }
      }
    });
  }

  select(): void {
    this.queue({ op: 'range.select' }, () => {
      const { sheet, box } = this.target(false);
      if (this.fx.activeSheet !== sheet.name) throw new FakeExcelError('InvalidSelection', `Range.select needs its sheet (${sheet.name}) to be active.`);
      this.fx.selection = { sheet: sheet.name, box };
    });
  }

  merge(across?: boolean): void {
    this.queue({ op: 'range.merge', across }, () => {
      const { sheet, box } = this.target(true);
      if (sheet.merges.some((m) => intersects(m, box))) throw new FakeExcelError('MergedRangeConflict', 'overlapping merge');
      sheet.merges.push(box);
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => {
      const { sheet, box } = this.target(false);
      const boxes = sheet.merges.filter((m) => intersects(m, box));
      if (boxes.length > 512) throw new FakeExcelError('GeneralException', 'More than 512 merged areas.');
      return boxes.length ? { sheet, boxes } : null;
    });
  }

  getSpecialCellsOrNullObject(type: string): RangeAreasProxy {
    if (type !== 'Visible') throw new FakeExcelError('InvalidArgument', 'The fake only models Visible special cells.');
    return new RangeAreasProxy(this.ctx, () => {
      const { sheet, box } = this.target(false);
      const boxes: RangeBox[] = [];
      let start = -1;
      for (let r = box.top; r <= box.bottom + 1; r++) {
        const visible = r <= box.bottom && !sheet.hiddenRows.has(r);
        if (visible && start < 0) start = r;
        if (!visible && start >= 0) {
          boxes.push({ top: start, bottom: r - 1, left: box.left, right: box.right });
          start = -1;
        }
      }
      return boxes.length ? { sheet, boxes } : null;
    });
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.ctx, () => {
      const r = this.target(false);
      return { sheet: r.sheet, boxes: [r.box] };
    });
  }
}

class RangeAreasProxy extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => { sheet: FakeSheet; boxes: RangeBox[] } | null,
  ) {
    super(ctx);
  }
  get address(): string {
    return this.read('address');
  }
  load(spec?: string | string[]): this {
    const props = propsOf(spec);
    this.queue({ op: 'areas.load', props }, () => {
      const r = this.resolve();
      const d: Record<string, unknown> = { isNullObject: r === null };
      for (const p of props) {
        if (p !== 'address') throw new FakeExcelError('InvalidArgument', `The fake cannot load RangeAreas '${p}'.`);
        if (r) d.address = r.boxes.map((b) => `${quoteSheet(r.sheet.name)}!${boxA1(b)}`).join(', ');
      }
      return { data: d, commit: () => Object.entries(d).forEach(([k, v]) => this.loaded.set(k, v)) };
    });
    return this;
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.ctx, () => {
      const r = this.resolve();
      if (!r) throw new FakeExcelError('InvalidOperation', 'The operation is not allowed on a null object.');
      return r;
    });
  }
}

class ConditionalFormatCollectionProxy extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => { sheet: FakeSheet; boxes: RangeBox[] },
  ) {
    super(ctx);
  }
  get items(): ConditionalFormatProxy[] {
    return this.read('items');
  }
  add(type: string): ConditionalFormatProxy {
    if (type !== 'Custom') throw new FakeExcelError('InvalidArgument', 'The fake only models custom conditional formats.');
    let made: { sheet: FakeSheet; cf: FakeConditionalFormat } | null = null;
    this.queue({ op: 'cf.add', type }, () => {
      const { sheet, boxes } = this.resolve();
      if (sheet.isProtected) throw new FakeExcelError('AccessDenied', `Protected sheet (${sheet.name}).`);
      const cf: FakeConditionalFormat = { id: this.fx.newCfId(), type: 'Custom', formula: '', fill: null, boxes };
      sheet.conditionalFormats.push(cf);
      made = { sheet, cf };
    });
    return new ConditionalFormatProxy(this.ctx, () => {
      if (!made) throw new FakeExcelError('InvalidOperation', 'conditional format not created');
      return made;
    });
  }
  load(spec?: string | string[]): this {
    const props = propsOf(spec).map((p) => p.replace(/^items\//, ''));
    this.queue({ op: 'cf.load', props }, () => {
      const { sheet, boxes } = this.resolve();
      const cfs = sheet.conditionalFormats.filter((cf) => cf.boxes.some((b) => boxes.some((x) => intersects(b, x))));
      const data = cfs.map((cf) => {
        const d: Record<string, unknown> = {};
        for (const p of props) {
          if (p === 'id') d.id = cf.id;
          else if (p === 'type') d.type = cf.type;
          else if (p === 'customOrNullObject/rule/formula') d.custom = cf.type === 'Custom' ? { formula: cf.formula } : null;
          else throw new FakeExcelError('InvalidArgument', `The fake cannot load conditional format '${p}'.`);
        }
        return d;
      });
      return {
        data,
        commit: () => {
          this.loaded.set(
            'items',
            cfs.map((cf, i) => new ConditionalFormatProxy(this.ctx, () => ({ sheet, cf }), data[i])),
          );
        },
      };
    });
    return this;
  }
}

class ConditionalFormatProxy extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => { sheet: FakeSheet; cf: FakeConditionalFormat },
    data?: Record<string, unknown>,
  ) {
    super(ctx);
    if (data) for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
  }
  get id(): string {
    return this.read('id');
  }
  get type(): string {
    return this.read('type');
  }
  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string } } {
    const c = this.read<{ formula: string } | null>('custom');
    return { isNullObject: c === null, rule: { formula: c?.formula ?? '' } };
  }
  get custom(): Record<string, unknown> {
    return recorder(
      (path, value) =>
        this.queue({ op: 'cf.custom', path, value }, () => {
          const { cf } = this.resolve();
          if (path === 'rule.formula') cf.formula = String(value);
          else cf.fill = String(value);
        }),
      ['rule.formula', 'format.fill.color'],
    );
  }
  delete(): void {
    this.queue({ op: 'cf.delete' }, () => {
      const { sheet, cf } = this.resolve();
      if (sheet.isProtected) throw new FakeExcelError('AccessDenied', `Protected sheet (${sheet.name}).`);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    });
  }
}
