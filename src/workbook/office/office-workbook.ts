/**
 * The Office adapter (Office 适配器) of WorkbookPort over the Excel JS API. Every method is one
 * `Excel.run` (DESIGN.md "Excel JS API rules"); reads load all needed properties together and sync
 * once; writes are range matrices packed below Excel on the web's 5 MB request limit; nothing
 * reads or writes cell by cell, so the number of requests does not grow with the number of rows.
 *
 * - apply: refuses (before writing anything) when a target sheet is missing or protected, reads
 *   the exact current state of every planned cell, stores the undo snapshot in the very hidden
 *   sheet `_cadre_undo` first (so "Undo last change" works after the task pane was reopened:
 *   `lastUndo()`), then writes. Excel's own undo stack is cleared by add-in writes, hence ours.
 * - Text the add-in writes that could be read as a formula, number or date is written with a
 *   leading apostrophe (src/ledger/text-entry.ts).
 * - Features above ExcelApi 1.7 are checked at run time (requirements.ts); what is missing is
 *   skipped with a message collected in `takeNotices()`.
 *
 * Construct with the host's Excel.run: `new OfficeWorkbook((batch) => Excel.run(batch))`.
 */
import { msg, type Msg } from '../../i18n/message';
import type { Grid } from '../../ledger/grid';
import type { CellState, EditPlan, UndoSnapshot } from '../../ledger/edit-plan';
import { checkPlan } from '../../ledger/apply-plan';
import { cellBlocks, entryBytes, packBlocks } from '../../ledger/chunk';
import { cellKey as key, planWrites, snapshotOf, undoWrites } from '../plan-writes';
import type { CellMark, SheetInfo, SheetSpec, WorkbookPort } from '../port';
import { PortError } from '../port';
import { Notices } from '../notices';
import { cellValueOf, formulaOf, isInternalSheet, loadSheetInfos, readGrids } from './office-read';
import { REQUEST_BUDGET, writeCells } from './office-write';
import { loadUndo, queueClearUndo, readSetting, saveUndo, UNDO_SHEET, writeSetting } from './office-store';
import { addMarks, removeMarks } from './office-marks';
import { writeSpec } from './office-sheet-spec';
import { detectCapabilities, NOTICES, officeSetSupported, type Capabilities, type SetSupported } from './requirements';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Office.context.requirements.isSetSupported by default. */
  readonly isSetSupported?: SetSupported;
  /** Bytes per request; 4 MiB by default (below the 5 MB limit of Excel on the web). */
  readonly requestBudget?: number;
  readonly now?: () => Date;
}

const sheetMissing = (s: string): Msg => msg(`找不到工作表“${s}”`, `Sheet "${s}" not found`);
const sheetProtected = (s: string): Msg =>
  msg(`工作表“${s}”受保护，未做任何修改；请先撤销工作表保护`, `Sheet "${s}" is protected; nothing was changed. Unprotect it first`);

export class OfficeWorkbook implements WorkbookPort {
  private readonly caps: Capabilities;
  private readonly budget: number;
  private readonly now: () => Date;
  private readonly notices = new Notices();

  constructor(
    private readonly run: ExcelRun,
    options: OfficeWorkbookOptions = {},
  ) {
    this.caps = detectCapabilities(options.isSetSupported ?? officeSetSupported);
    this.budget = options.requestBudget ?? REQUEST_BUDGET;
    this.now = options.now ?? (() => new Date());
  }

  /** What this Excel supports (for the task pane to hide what cannot work). */
  get capabilities(): Capabilities {
    return this.caps;
  }

  /** Messages about skipped features and sheets since the last call, then forgets them. */
  takeNotices(): Msg[] {
    return this.notices.take();
  }

  private note(m: Msg): void {
    this.notices.add(m);
  }

  private session<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (!this.caps.core) return Promise.reject(new PortError('unsupported', NOTICES.core));
    return this.run(batch);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.session(async (ctx) => (await loadSheetInfos(ctx)).filter((s) => !isInternalSheet(s.name)));
  }

  async read(sheets?: readonly string[]): Promise<Grid[]> {
    return this.session(async (ctx) => {
      const infos = (await loadSheetInfos(ctx)).filter((s) => !isInternalSheet(s.name));
      let chosen = infos;
      if (sheets) {
        const byName = new Map(infos.map((i) => [i.name, i]));
        chosen = sheets.map((n) => {
          const i = byName.get(n);
          if (!i) throw new PortError('sheet-missing', sheetMissing(n));
          return i;
        });
      }
      const notices: Msg[] = [];
      const grids = await readGrids(ctx, chosen, this.caps, notices);
      notices.forEach((n) => this.note(n));
      return grids;
    });
  }

  async apply(plan: EditPlan, label: Msg): Promise<UndoSnapshot> {
    return this.session(async (ctx) => {
      const all = await loadSheetInfos(ctx);
      const problem = checkPlan(
        plan,
        all.filter((s) => !isInternalSheet(s.name)),
      );
      if (problem) throw new PortError(problem.code, problem.message);
      const states = await this.readStates(ctx, plan);
      const snapshot = snapshotOf(plan, states, label, this.now());
      // The snapshot is stored before the edits, so an interrupted apply can still be undone.
      await saveUndo(
        ctx,
        snapshot,
        all.some((s) => s.name === UNDO_SHEET),
      );
      await writeCells(ctx, planWrites(plan, states), this.budget);
      return snapshot;
    });
  }

  /** The exact current state of every planned cell, read as rectangles in requests below the budget. */
  private async readStates(ctx: Excel.RequestContext, plan: EditPlan): Promise<Map<string, CellState>> {
    const states = new Map<string, CellState>();
    const sheets = [...new Set(plan.edits.map((e) => e.sheet))];
    // Estimated answer size from the plan's old states (what the preview showed is in the cells).
    const blocks = sheets.flatMap((sheet) =>
      cellBlocks(plan.edits.filter((e) => e.sheet === sheet).map((e) => ({ row: e.row, col: e.col, item: { sheet, old: e.old } }))),
    );
    const rowBytes = (items: readonly { old: CellState }[]): number =>
      items.reduce((n, x) => n + 2 * entryBytes(x.old.formula ?? x.old.value) + entryBytes(x.old.numberFormat) + 8, 2);
    for (const batch of packBlocks(blocks, rowBytes, this.budget)) {
      const ranges = batch.map((b) => {
        const r = ctx.workbook.worksheets.getItem(b.items[0][0].sheet).getRangeByIndexes(b.top, b.left, b.items.length, b.items[0].length);
        r.load('values,formulas,numberFormat');
        return { b, r };
      });
      await ctx.sync();
      for (const { b, r } of ranges) {
        b.items.forEach((row, i) =>
          row.forEach((x, j) => {
            const raw = r.values[i][j];
            states.set(key(x.sheet, b.top + i, b.left + j), {
              value: cellValueOf(raw),
              formula: formulaOf(r.formulas[i][j], raw),
              numberFormat: typeof r.numberFormat[i][j] === 'string' && r.numberFormat[i][j] !== '' ? r.numberFormat[i][j] : 'General',
            });
          }),
        );
      }
    }
    return states;
  }

  async undo(snapshot: UndoSnapshot): Promise<void> {
    return this.session(async (ctx) => {
      const infos = await loadSheetInfos(ctx);
      const byName = new Map(infos.map((i) => [i.name, i]));
      for (const sheet of new Set(snapshot.cells.map((c) => c.sheet))) {
        const info = byName.get(sheet);
        if (!info) throw new PortError('sheet-missing', msg(`找不到工作表“${sheet}”，无法撤销`, `Sheet "${sheet}" not found; cannot undo`));
        if (info.protected) throw new PortError('sheet-protected', sheetProtected(sheet));
      }
      for (const s of snapshot.createdSheets) if (byName.has(s)) ctx.workbook.worksheets.getItem(s).delete();
      if (byName.has(UNDO_SHEET)) queueClearUndo(ctx);
      await writeCells(ctx, undoWrites(snapshot), this.budget);
      await ctx.sync();
    });
  }

  /** The snapshot of the last apply still stored in the workbook, or null. */
  async lastUndo(): Promise<UndoSnapshot | null> {
    return this.session((ctx) => loadUndo(ctx));
  }

  async writeSheet(spec: SheetSpec, options: { replace?: boolean } = {}): Promise<void> {
    return this.session(async (ctx) => {
      const infos = await loadSheetInfos(ctx);
      const existing = infos.find((i) => i.name.toLowerCase() === spec.name.toLowerCase());
      if (existing) {
        if (!options.replace) throw new PortError('sheet-exists', msg(`工作表“${spec.name}”已存在`, `Sheet "${spec.name}" already exists`));
        if (existing.protected) throw new PortError('sheet-protected', sheetProtected(existing.name));
        ctx.workbook.worksheets.getItem(existing.name).delete();
      }
      const ws = ctx.workbook.worksheets.add(spec.name);
      const notices: Msg[] = [];
      await writeSpec(ctx, ws, spec, this.caps, notices);
      notices.forEach((n) => this.note(n));
    });
  }

  async markCells(marks: readonly CellMark[]): Promise<void> {
    if (marks.length === 0) return;
    return this.session(async (ctx) => {
      const notices: Msg[] = [];
      await addMarks(ctx, await loadSheetInfos(ctx), marks, this.caps, notices);
      notices.forEach((n) => this.note(n));
    });
  }

  async clearMarks(): Promise<void> {
    return this.session(async (ctx) => removeMarks(ctx, await loadSheetInfos(ctx)));
  }

  /** Show a cell to the user: activate its sheet and select the cell, in one Excel.run. */
  async select(sheet: string, row: number, col: number): Promise<void> {
    return this.session(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load('visibility');
      await ctx.sync();
      if (ws.isNullObject) throw new PortError('sheet-missing', sheetMissing(sheet));
      if (ws.visibility !== 'Visible')
        throw new PortError('unsupported', msg(`工作表“${sheet}”已隐藏，请先取消隐藏`, `Sheet "${sheet}" is hidden; unhide it first`));
      ws.activate();
      ws.getRangeByIndexes(row, col, 1, 1).select();
      await ctx.sync();
    });
  }

  async getSetting(k: string): Promise<string | null> {
    return this.session((ctx) => readSetting(ctx, k));
  }

  async setSetting(k: string, value: string | null): Promise<void> {
    return this.session((ctx) => writeSetting(ctx, k, value));
  }
}
