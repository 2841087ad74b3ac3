/**
 * 生成常委会材料 over any WorkbookPort: build the brief model from the open workbook as of a
 * chosen date, preview its sections (titles, one-line summaries, the policy values in force),
 * write the brief worksheet (asking first when a sheet of that name exists: never overwritten
 * silently) and render the .docx for download. The model and renderers live in src/brief; this
 * module only sequences them.
 */
import { COLUMN_MAP_SETTING_KEY, parseTaughtMap } from '../../ledger/taught-map';
import { msg, plural, type Msg } from '../../i18n/message';
import { buildBrief, type BriefModel, type PolicyItem } from '../../brief/brief-model';
import { SECTION_TITLES, type SectionId } from '../../brief/brief-document';
import { renderSheet } from '../../brief/render-sheet';
import { briefDocxFileName, DOCX_MIME, renderDocx } from '../../brief/render-docx';
import type { Policy } from '../../policy/policy';
import type { WorkCalendar } from '../../calendar';
import { parseIso, type LocalDate } from '../../values/local-date';
import type { WorkbookPort } from '../../workbook/port';
import { ledgerGrids } from '../check/controller';

export interface SectionPreview {
  readonly id: SectionId;
  readonly heading: Msg;
  readonly summary: Msg;
}

export interface BriefPreview {
  readonly model: BriefModel;
  readonly sheetName: string;
  readonly sections: readonly SectionPreview[];
  readonly policy: readonly PolicyItem[];
}

const ORDER: readonly SectionId[] = ['appointees', 'probation', 'elimination', 'investigations', 'policy', 'sources'];
const NUMBERS = ['一', '二', '三', '四', '五', '六'];

export const SECTION_TITLES_EN: Readonly<Record<SectionId, string>> = {
  appointees: 'Proposed appointees (two finalists per post)',
  probation: 'Probation reviews due',
  elimination: 'Bottom elimination and admonition proposals',
  investigations: 'Joint investigation: half or more votes "incompetent"',
  policy: 'Policy in force',
  sources: 'Data sources',
};

/** The as-of date typed in the date field (YYYY-MM-DD), or a message naming what is expected. */
export function parseAsOf(text: string): { date: LocalDate } | { error: Msg } {
  const date = parseIso(text);
  return date
    ? { date }
    : { error: msg(`截止日期“${text}”无效：请按 年-月-日 填写，例如 2025-03-10`, `As-of date "${text}" is not valid: use year-month-day, e.g. 2025-03-10`) };
}

/** What a section could not read (issue 11), joined; null when it read everything. */
function gapSummary(id: SectionId, m: BriefModel): Msg | null {
  const g = id === 'policy' || id === 'sources' ? undefined : m.gaps?.[id];
  if (!g?.length) return null;
  return msg(g.map((x) => x['zh-CN']).join('；'), g.map((x) => x['en-US']).join('; '));
}

function summaryOf(id: SectionId, m: BriefModel): Msg {
  const gap = gapSummary(id, m);
  const content = contentSummary(id, m);
  if (!gap) return content;
  // Never "none" when the source could not be read: the gap replaces it, or follows the figures.
  const empty =
    id === 'appointees'
      ? !m.appointees.length
      : id === 'probation'
        ? !m.probation.length
        : id === 'investigations'
          ? !m.investigations.length
          : !m.elimination?.items.length;
  return empty ? gap : msg(`${content['zh-CN']}；未能核对：${gap['zh-CN']}`, `${content['en-US']}; not checked: ${gap['en-US']}`);
}

function contentSummary(id: SectionId, m: BriefModel): Msg {
  switch (id) {
    case 'appointees': {
      const people = m.appointees.reduce((n, p) => n + p.finalists.length, 0);
      return m.appointees.length
        ? msg(
            `${m.appointees.length} 个职位，${people} 名拟任人选`,
            `${m.appointees.length} ${plural(m.appointees.length, 'post', 'posts')}, ${people} proposed ${plural(people, 'appointee', 'appointees')}`,
          )
        : msg('本期无提请研究的拟任人选', 'No appointees to propose this time');
    }
    case 'probation': {
      const c = { confirm: 0, revoke: 0, assess: 0 };
      for (const p of m.probation) c[p.conclusion]++;
      return m.probation.length
        ? msg(
            `${m.probation.length} 人试用期满：建议正式任职 ${c.confirm} 人，解除试任职务 ${c.revoke} 人，尚待考核 ${c.assess} 人`,
            `${m.probation.length} probation ${plural(m.probation.length, 'period', 'periods')} ended: confirm ${c.confirm}, revoke ${c.revoke}, still to assess ${c.assess}`,
          )
        : msg('本期无需作出试用期满考核结论的人员', 'No probation period needs a conclusion this time');
    }
    case 'elimination': {
      const e = m.elimination;
      if (!e) return msg('工作簿中没有年度考核测评表', 'The workbook has no annual assessment tally');
      return e.items.length
        ? msg(
            `测评人数 ${e.population} 人：末位淘汰 ${e.counts.removal} 人，诫勉 ${e.counts.admonition} 人（初步人选 ${e.counts.preliminary} 人）`,
            `${e.population} assessed: removal ${e.counts.removal}, admonition ${e.counts.admonition} (preliminary ${e.counts.preliminary})`,
          )
        : msg('本期无末位淘汰和诫勉人选', 'No one for bottom elimination or admonition this time');
    }
    case 'investigations':
      return m.investigations.length
        ? msg(
            `${m.investigations.length} 人不称职票达到二分之一，建议联合调查`,
            `${m.investigations.length} ${plural(m.investigations.length, 'person', 'people')} with half or more "incompetent" votes: joint investigation proposed`,
          )
        : msg('本期无不称职票达到二分之一的人员', 'No one has half or more "incompetent" votes');
    case 'policy': {
      const changed = m.policy.filter((p) => p.changed).length;
      return msg(
        `${m.policy.length} 项政策设置，其中 ${changed} 项对默认值作了调整`,
        `${m.policy.length} policy ${plural(m.policy.length, 'value', 'values')}, ${changed} changed from the defaults`,
      );
    }
    case 'sources':
      return m.sources.length
        ? msg(
            `取自 ${m.sources.length} 张台账：${m.sources.map((s) => `“${s.sheet}”`).join('、')}`,
            `From ${m.sources.length} ledger ${plural(m.sources.length, 'sheet', 'sheets')}: ${m.sources.map((s) => `"${s.sheet}"`).join(', ')}`,
          )
        : msg('本工作簿中未识别到干部台账', 'No cadre ledger was recognised in this workbook');
  }
}

export function previewBriefModel(model: BriefModel, sheetName: string): BriefPreview {
  return {
    model,
    sheetName,
    sections: ORDER.map((id, i) => ({
      id,
      heading: msg(`${NUMBERS[i]}、${SECTION_TITLES[id]}`, `${i + 1}. ${SECTION_TITLES_EN[id]}`),
      summary: summaryOf(id, model),
    })),
    policy: model.policy,
  };
}

/** Read the workbook once and build the preview. */
export async function prepareBrief(port: WorkbookPort, policy: Policy, asOf: LocalDate, calendar?: WorkCalendar): Promise<BriefPreview> {
  const grids = ledgerGrids(await port.read());
  const taught = parseTaughtMap(await port.getSetting(COLUMN_MAP_SETTING_KEY)).map;
  const model = buildBrief(grids, policy, asOf, { calendar, taught });
  return previewBriefModel(model, renderSheet(model).spec.name);
}

export type WriteBriefResult =
  { readonly status: 'written'; readonly sheet: string; readonly masked: number } | { readonly status: 'exists'; readonly sheet: string };

/**
 * Write the brief worksheet. When a sheet of that name exists and `replace` is not set, nothing
 * is written and 'exists' comes back, so the pane can ask the user first.
 */
export async function writeBriefSheet(port: WorkbookPort, model: BriefModel, options: { replace?: boolean } = {}): Promise<WriteBriefResult> {
  const { spec, privacy } = renderSheet(model);
  const names = (await port.listSheets()).map((s) => s.name.toLowerCase());
  const exists = names.includes(spec.name.toLowerCase());
  if (exists && !options.replace) return { status: 'exists', sheet: spec.name };
  await port.writeSheet(spec, { replace: exists });
  return { status: 'written', sheet: spec.name, masked: privacy.length };
}

export interface BriefFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly mime: string;
  readonly masked: number;
}

export async function briefDocxFile(model: BriefModel): Promise<BriefFile> {
  const { bytes, privacy } = await renderDocx(model);
  return { bytes, fileName: briefDocxFileName(model.date), mime: DOCX_MIME, masked: privacy.length };
}
