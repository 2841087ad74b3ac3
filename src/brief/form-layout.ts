/**
 * The 干部任免审批表's table as cells on a 7-column grid, drawn by both renderers (.docx and
 * worksheet) so they print the same form. Layout after the 中组部 template as public copies of it
 * show it (e.g. the adform_zzb Word templates of xvchaoqun/owip, and the cell map of a public
 * LrmHelper/Word exporter: row 1 姓名 性别 出生年月(岁) 照片; row 2 民族 籍贯 出生地; row 3 入党时间
 * 参加工作时间 健康状况; row 4 专业技术职务 熟悉专业有何专长; 学历学位 全日制教育/在职教育 with
 * 毕业院校系及专业; 现任职务; 拟任职务; 拟免职务; 简历 (the tall cell) — then 奖惩情况, 年度考核结果,
 * 任免理由, 家庭主要成员及重要社会关系 (称谓 姓名 年龄 政治面貌 工作单位及职务), 呈报单位, 审批机关意见,
 * 行政机关任免意见). The template prints on two sides; here everything is one A4 page when the
 * 简历 is of usual length (heights below are minimums; a long 简历 grows its cell onto page 2).
 * Pure.
 */
import type { AppointmentForm, FormItem } from './form-model';

export interface FormCell {
  readonly row: number;
  readonly col: number;
  readonly colSpan: number;
  readonly rowSpan: number;
  readonly text: string;
  /** label = the form's printed heading; value = what the ledgers fill (blank for hand entry). */
  readonly kind: 'label' | 'value';
  readonly align: 'center' | 'left' | 'right';
  /** Top-aligned (简历, 奖惩情况 …) rather than centred. */
  readonly top?: boolean;
  /** Which item fills it (for tests and the worksheet's notes). */
  readonly item?: FormItem;
}

export interface FormLayout {
  readonly title: string;
  /** Column widths in millimetres; they add up to the type width (174 mm on A4 with 18 mm sides). */
  readonly columnsMm: readonly number[];
  /** Minimum row heights in millimetres. */
  readonly rowsMm: readonly number[];
  readonly cells: readonly FormCell[];
  /** The line under the table. */
  readonly footer: string;
}

export const FORM_TITLE = '干部任免审批表';
export const FORM_COLUMNS_MM = [20, 27, 18, 27, 24, 26, 32] as const;
/** Rows of the 家庭主要成员及重要社会关系 table below its heading (the template has room for five to six). */
export const FAMILY_ROWS = 5;
const SEAL = '（盖章）\n年    月    日';

/** The form's cells for one cadre. */
export function formLayout(form: AppointmentForm): FormLayout {
  const cells: FormCell[] = [];
  const rows: number[] = [];
  const v = (k: FormItem) => form.items[k]?.text ?? '';
  const label = (row: number, col: number, text: string, colSpan = 1, rowSpan = 1) =>
    cells.push({ row, col, colSpan, rowSpan, text, kind: 'label', align: 'center' });
  const value = (row: number, col: number, item: FormItem | null, colSpan = 1, opts: Partial<FormCell> = {}, text?: string) =>
    cells.push({ row, col, colSpan, rowSpan: 1, text: text ?? (item ? v(item) : ''), kind: 'value', align: 'center', ...(item ? { item } : {}), ...opts });

  // Rows 0–3: the photo takes the last column.
  rows.push(10, 10, 10, 12);
  label(0, 0, '姓  名');
  value(0, 1, 'name');
  label(0, 2, '性  别');
  value(0, 3, 'sex');
  label(0, 4, '出生年月\n（  岁）');
  value(0, 5, 'birth', 1, {}, form.birthLine ?? '');
  cells.push({ row: 0, col: 6, colSpan: 1, rowSpan: 4, text: '（照片）', kind: 'label', align: 'center' });
  label(1, 0, '民  族');
  value(1, 1, 'ethnicity');
  label(1, 2, '籍  贯');
  value(1, 3, 'nativePlace');
  label(1, 4, '出 生 地');
  value(1, 5, 'birthPlace');
  label(2, 0, '入  党\n时  间');
  value(2, 1, 'partyJoin');
  label(2, 2, '参加工\n作时间');
  value(2, 3, 'workStart');
  label(2, 4, '健康状况');
  value(2, 5, 'health');
  label(3, 0, '专业技\n术职务');
  value(3, 1, 'proTitle', 2);
  label(3, 3, '熟悉专业\n有何专长');
  value(3, 4, 'expertise', 2);
  // Rows 4–5: 学历学位.
  rows.push(12, 12);
  label(4, 0, '学  历\n学  位', 1, 2);
  label(4, 1, '全日制\n教  育');
  value(4, 2, 'fullTimeEducation', 2);
  label(4, 4, '毕业院校\n系及专业');
  value(4, 5, 'fullTimeSchool', 2);
  label(5, 1, '在  职\n教  育');
  value(5, 2, 'partTimeEducation', 2);
  label(5, 4, '毕业院校\n系及专业');
  value(5, 5, 'partTimeSchool', 2);
  // Rows 6–8: posts.
  rows.push(10, 10, 10);
  (
    [
      ['现 任 职 务', 'currentPost'],
      ['拟 任 职 务', 'proposedPost'],
      ['拟 免 职 务', 'removalPost'],
    ] as const
  ).forEach(([t, k], i) => {
    label(6 + i, 0, t, 2);
    value(6 + i, 2, k, 5, { align: 'left' });
  });
  // Row 9: 简历.
  rows.push(46);
  label(9, 0, '简\n\n\n\n历');
  value(9, 1, 'resume', 6, { align: 'left', top: true });
  // Rows 10–12.
  rows.push(12, 10, 12);
  label(10, 0, '奖惩\n情况');
  value(10, 1, 'rewards', 6, { align: 'left', top: true });
  label(11, 0, '年度考\n核结果');
  value(11, 1, 'annualResults', 6, { align: 'left' });
  label(12, 0, '任免\n理由');
  value(12, 1, 'appointReason', 6, { align: 'left', top: true });
  // Rows 13…: 家庭主要成员及重要社会关系 (the ledgers hold none: blank for hand entry).
  const fam = 13;
  label(fam, 0, '家庭\n主要\n成员\n及重\n要社\n会关\n系', 1, FAMILY_ROWS + 1);
  rows.push(6.5);
  ['称谓', '姓  名', '年龄', '政治\n面貌'].forEach((t, i) => label(fam, 1 + i, t));
  label(fam, 5, '工作单位及职务', 2);
  for (let r = 1; r <= FAMILY_ROWS; r++) {
    rows.push(6.5);
    for (const c of [1, 2, 3, 4]) value(fam + r, c, null);
    value(fam + r, 5, null, 2);
  }
  // 呈报单位 and the two opinions, with room for the seal and date.
  const end = fam + FAMILY_ROWS + 1;
  rows.push(16, 18);
  label(end, 0, '呈报\n单位');
  value(end, 1, 'reportingUnit', 6, { align: 'left', top: true }, v('reportingUnit') ? `${v('reportingUnit')}\n${SEAL}` : SEAL);
  label(end + 1, 0, '审批\n机关\n意见');
  value(end + 1, 1, null, 3, { align: 'right' }, SEAL);
  label(end + 1, 4, '行政机关\n任免意见');
  value(end + 1, 5, null, 2, { align: 'right' }, SEAL);
  return {
    title: FORM_TITLE,
    columnsMm: FORM_COLUMNS_MM,
    rowsMm: rows,
    cells,
    footer: '填表人：                              填表时间：        年    月    日',
  };
}
