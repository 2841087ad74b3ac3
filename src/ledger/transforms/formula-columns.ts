/**
 * Live formula columns (公式列): a recommendation tally gets 得票率 (=CADRE.VOTERATIO) and, when it
 * says who is an incumbent, 是否达标 (=CADRE.VOTEPASS); an assessment tally gets 不称职票比例 and
 * 是否触发联合调查 (=CADRE.INCOMPETENTTRIGGER). Columns go right of the used area, so no existing
 * cell is overwritten. Each formula carries its cached result, computed by the same rules, so
 * colleagues without the add-in see the right value (SPEC §6).
 */
import { msg } from '../../i18n/message';
import { voteRatio, recommendationPass } from '../../rules/recommendation';
import { incompetentTrigger } from '../../rules/dismissal';
import type { CellValue } from '../grid';
import { a1 } from '../grid';
import type { FieldKey } from '../fields';
import type { TypedRow, TypedSheet } from '../rows';
import type { CheckContext } from '../checks/context';
import { candidateStatusOf } from '../checks/recommendation';
import type { EditSink } from './sink';

const VALUE_ERROR: CellValue = { error: '#VALUE!' };

interface NewColumn {
  readonly header: string;
  readonly numberFormat?: string;
  readonly formula: (r: number) => string;
  readonly cached: (row: TypedRow) => CellValue;
}

function addColumns(sheet: TypedSheet, cols: readonly NewColumn[], sink: EditSink): void {
  const start = sheet.grid.colCount;
  const headerRow = sheet.model.headerTop;
  cols.forEach((c, i) => {
    const col = start + i;
    sink.add(headerRow, col, 'fix.formula-column', { value: c.header }, msg(`新增公式列“${c.header}”`, `New formula column "${c.header}"`));
    const why = msg(`“${c.header}”公式（附计算结果，便于未安装加载项的同事查看）`, `"${c.header}" formula (with its result for colleagues without the add-in)`);
    for (const row of sheet.rows) {
      // The formula and its cached result are built only for fix (check counts the cells).
      const write = () => ({ formula: c.formula(row.row), cached: c.cached(row), ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}) });
      sink.add(row.row, col, 'fix.formula-column', write, why);
    }
  });
}

const ref = (col: number) => (r: number) => a1(r, col);

export function formulaColumns(sheet: TypedSheet, ctx: CheckContext, sink: EditSink): void {
  const cols = sheet.model.columns;
  const kind = sheet.model.kind;
  if (kind === 'recommendation') {
    const baseField: FieldKey = ctx.policy.recommend.denominator;
    const v = cols.get('votes');
    const b = cols.get(baseField);
    if (v === undefined || b === undefined) return;
    const V = ref(v);
    const B = ref(b);
    const add: NewColumn[] = [];
    if (!cols.has('voteRatio')) {
      add.push({
        header: '得票率',
        numberFormat: '0.00%',
        formula: (r) => `=CADRE.VOTERATIO(${V(r)},${B(r)})`,
        cached: (row) => {
          const [votes, base] = [row.counts.votes, row.counts[baseField]];
          if (votes === undefined || base === undefined) return VALUE_ERROR;
          return voteRatio(votes, base).outcome ?? VALUE_ERROR;
        },
      });
    }
    const s = cols.get('candidateStatus');
    if (s !== undefined && !cols.has('votePass')) {
      const S = ref(s);
      add.push({
        header: '是否达标',
        formula: (r) => `=CADRE.VOTEPASS(${V(r)},${B(r)},${S(r)})`,
        cached: (row) => {
          const status = candidateStatusOf(row.texts.candidateStatus);
          const votes = row.counts.votes;
          if (status === null || votes === undefined) return VALUE_ERROR;
          const tally = { eligible: row.counts.eligible ?? null, present: row.counts.present ?? null, valid: row.counts.valid ?? null };
          return recommendationPass({ votes, tally, status }, ctx.policy).outcome ?? VALUE_ERROR;
        },
      });
    }
    return addColumns(sheet, add, sink);
  }
  if (kind === 'assessment') {
    const i = cols.get('incompetentVotes');
    const t = cols.get('valid');
    if (i === undefined || t === undefined) return;
    const I = ref(i);
    const T = ref(t);
    const add: NewColumn[] = [];
    if (!cols.has('incompetentRatio')) {
      add.push({
        header: '不称职票比例',
        numberFormat: '0.00%',
        formula: (r) => `=CADRE.VOTERATIO(${I(r)},${T(r)})`,
        cached: (row) => {
          const [inc, valid] = [row.counts.incompetentVotes, row.counts.valid];
          return inc === undefined || valid === undefined ? VALUE_ERROR : (voteRatio(inc, valid).outcome ?? VALUE_ERROR);
        },
      });
    }
    if (!cols.has('investigation'))
      add.push({
        header: '是否触发联合调查',
        formula: (r) => `=CADRE.INCOMPETENTTRIGGER(${I(r)},${T(r)})`,
        cached: (row) => {
          const [inc, valid] = [row.counts.incompetentVotes, row.counts.valid];
          return inc === undefined || valid === undefined ? VALUE_ERROR : (incompetentTrigger(inc, valid, ctx.policy).outcome ?? VALUE_ERROR);
        },
      });
    return addColumns(sheet, add, sink);
  }
}
