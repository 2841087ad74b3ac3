/**
 * The two sharing transforms for CADRE custom-function formulas, as EditPlans over a Grid:
 *
 * - 「公式转为数值」 (formulas to values): before a ledger goes to colleagues or units without the
 *   add-in, where CADRE formulas would show #NAME?, replace them by their current results.
 * - 「修复公式」 (repair formulas): Excel writes a custom function it does not know as
 *   `_xldudf_CADRE_…`, sometimes with a workbook prefix such as `[2]!` or `Other.xla!`
 *   (OfficeDev/office-js#2568, #3872), and a formula entered while the add-in was missing can stay
 *   #NAME? after it loads until the cell is re-entered (OfficeDev/office-js#6611, #6395).
 *   Writing the formula again (with the prefix removed) re-resolves it.
 *
 * Pure: the adapter reads the Grid, the user previews the plan, the adapter applies it (undoable).
 */
import { msg } from '../../i18n/message';
import { isCellError, type CellValue, type Grid, type RangeBox } from '../grid';
import type { CellEdit, EditPlan } from '../edit-plan';

/** `[2]!_xldudf_CADRE_VOTEPASS(` / `_xldudf_CADRE_VOTEPASS(` → the function name. */
const XLDUDF = /(?:(?:'[^']*'|[^\s(),=+\-*/&^<>:;{}"'!]+)!)?_xldudf_CADRE_([A-Za-z0-9_]+)(?=\s*\()/g;
const CADRE_CALL = /(^|[^A-Za-z0-9_.])CADRE\.[A-Za-z][A-Za-z0-9_]*\s*\(/i;

/** True when a formula calls a CADRE function, healthy or in Excel's `_xldudf_` form. */
export function isCadreFormula(formula: string | null): boolean {
  if (formula === null) return false;
  XLDUDF.lastIndex = 0;
  return CADRE_CALL.test(formula) || XLDUDF.test(formula);
}

/** The formula with every `_xldudf_CADRE_NAME(` (and its workbook prefix) back to `CADRE.NAME(`. */
export function repairedFormula(formula: string): string {
  return formula.replace(XLDUDF, (_m, name: string) => `CADRE.${name.toUpperCase()}`);
}

/** Results that are not a value of the function: Excel did not (yet) know or finish it. */
function isUnresolved(v: CellValue): boolean {
  return isCellError(v) && /^#(NAME\?|BUSY!|GETTING_DATA|CALC!)$/i.test(v.error);
}

const inBox = (box: RangeBox | undefined, r: number, c: number): boolean => !box || (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right);

/** A cell the transform could not handle, with the reason, for the preview. */
export interface SkippedCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly reason: ReturnType<typeof msg>;
}

/**
 * 「公式转为数值」: every CADRE formula in the sheet (or in `box`) becomes its current value; the
 * number format stays. Cells whose result is #NAME? (or still calculating) have no value to keep:
 * they are skipped and listed, to be repaired first.
 */
export function cadreFormulasToValues(grid: Grid, box?: RangeBox): { plan: EditPlan; skipped: SkippedCell[] } {
  const edits: CellEdit[] = [];
  const skipped: SkippedCell[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      const f = grid.formulas[r][c];
      if (!inBox(box, r, c) || !isCadreFormula(f)) continue;
      const value = grid.values[r][c];
      if (isUnresolved(value)) {
        skipped.push({
          sheet: grid.sheet,
          row: r,
          col: c,
          reason: msg('公式尚无结果（#NAME? 或计算中），请先「修复公式」', 'The formula has no result yet (#NAME? or calculating); repair formulas first'),
        });
        continue;
      }
      edits.push({
        sheet: grid.sheet,
        row: r,
        col: c,
        old: { value, formula: f, numberFormat: grid.numberFormats[r][c] },
        new: { value },
        why: msg(
          '公式转为数值：发给未安装加载项的单位时显示当前结果，而不是 #NAME?',
          'Formula to value: units without the add-in see the current result instead of #NAME?',
        ),
        code: 'share.formula-to-value',
      });
    }
  }
  return { plan: { edits }, skipped };
}

/**
 * 「修复公式」: CADRE formulas in the `_xldudf_` form get their real name back; CADRE formulas
 * showing #NAME? are entered again as they are. Everything else is left alone.
 */
export function repairCadreFormulas(grid: Grid, box?: RangeBox): EditPlan {
  const edits: CellEdit[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      const f = grid.formulas[r][c];
      if (f === null || !inBox(box, r, c) || !isCadreFormula(f)) continue;
      const fixed = repairedFormula(f);
      const value = grid.values[r][c];
      if (fixed === f && !isUnresolved(value)) continue;
      edits.push({
        sheet: grid.sheet,
        row: r,
        col: c,
        old: { value, formula: f, numberFormat: grid.numberFormats[r][c] },
        new: { formula: fixed },
        why:
          fixed !== f
            ? msg(
                '修复公式：Excel 把 CADRE 函数改写成了 _xldudf_ 形式，恢复原函数名',
                'Repair formula: Excel rewrote the CADRE function as _xldudf_; restore its name',
              )
            : msg('修复公式：公式仍显示 #NAME?，重新录入使其重新计算', 'Repair formula: the formula still shows #NAME?; enter it again so it recalculates'),
        code: fixed !== f ? 'share.repair-xldudf' : 'share.reenter-name-error',
      });
    }
  }
  return { edits };
}
