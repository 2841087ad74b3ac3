/**
 * The workbook-wide cell scan behind 检查台账: things that are wrong in any sheet whatever its
 * kind — error values, CADRE formulas Excel could not resolve (a colleague without the add-in
 * saved the file: SPEC §6 修复公式), protected sheets (read, never changed) and hidden rows (data
 * the user may not see). Pure: Grids in, findings out. Ledger and rule findings are added by the
 * ledger engine.
 */
import { msg } from '../../i18n/message';
import { a1, isCellError, type Grid } from '../../ledger/grid';
import type { Finding } from '../../values/finding';

export interface CellFinding extends Finding {
  readonly sheet: string;
  /** A1 reference, or '' for a finding about the whole sheet. */
  readonly cell: string;
}

export interface ScanResult {
  readonly cells: number;
  readonly findings: readonly CellFinding[];
}

const UNRESOLVED_CADRE = /_xldudf_CADRE|\bCADRE\.[A-Z]+\(/i;

export function scanGrids(grids: readonly Grid[]): ScanResult {
  const findings: CellFinding[] = [];
  let cells = 0;
  for (const g of grids) {
    if (g.protected) {
      findings.push({
        sheet: g.sheet,
        cell: '',
        code: 'sheet.protected',
        severity: 'info',
        message: msg('工作表受保护：只检查，不作任何修改。', 'The sheet is protected: it is checked but never changed.'),
      });
    }
    if (g.hiddenRows.length > 0) {
      findings.push({
        sheet: g.sheet,
        cell: '',
        code: 'sheet.hidden-rows',
        severity: 'info',
        message: msg(
          `有 ${g.hiddenRows.length} 个隐藏行（第 ${g.hiddenRows
            .slice(0, 5)
            .map((r) => r + 1)
            .join('、')}${g.hiddenRows.length > 5 ? '…' : ''} 行），其中的数据同样参与检查。`,
          `${g.hiddenRows.length} hidden rows (row ${g.hiddenRows
            .slice(0, 5)
            .map((r) => r + 1)
            .join(', ')}${g.hiddenRows.length > 5 ? '…' : ''}); their data is checked too.`,
        ),
      });
    }
    for (let r = 0; r < g.values.length; r++) {
      const row = g.values[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        const f = g.formulas[r]?.[c] ?? null;
        if (v === null && f === null) continue;
        cells++;
        if (isCellError(v)) {
          if (f !== null && UNRESOLVED_CADRE.test(f) && v.error === '#NAME?') {
            findings.push({
              sheet: g.sheet,
              cell: a1(r, c),
              code: 'formula.cadre-unresolved',
              severity: 'error',
              message: msg(
                `CADRE 公式未被识别（${v.error}）：加载项未加载时保存过此文件，可用“修复公式”重新输入。`,
                `CADRE formula not recognised (${v.error}): the file was saved without the add-in; “Repair formulas” re-enters it.`,
              ),
            });
          } else {
            findings.push({
              sheet: g.sheet,
              cell: a1(r, c),
              code: 'cell.error-value',
              severity: 'error',
              message: msg(`单元格为错误值 ${v.error}${f ? `（公式 ${f}）` : ''}。`, `The cell holds the error value ${v.error}${f ? ` (formula ${f})` : ''}.`),
            });
          }
        } else if (f !== null && /_xldudf_CADRE/i.test(f)) {
          findings.push({
            sheet: g.sheet,
            cell: a1(r, c),
            code: 'formula.cadre-unresolved',
            severity: 'warning',
            message: msg(
              '公式中含 _xldudf_CADRE：Excel 未能识别 CADRE 函数，可用“修复公式”重新输入。',
              'The formula contains _xldudf_CADRE: Excel did not recognise the CADRE function; “Repair formulas” re-enters it.',
            ),
          });
        }
      }
    }
  }
  return { cells, findings };
}
