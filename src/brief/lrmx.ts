/**
 * .lrmx — the file the 任免审批表 desktop program (中组部 任免表编辑器 3.x) exchanges forms in.
 * No official specification is public; the structure here is the one several independent public
 * implementations agree on, and only that much is used:
 * - XML, root <Person>, one element per item with pinyin names, no attributes, no namespace;
 * - dates as yyyyMM (出生年月, 入党时间, 参加工作时间; 8 digits also occur), 计算年龄时间 yyyyMMdd;
 * - 学历 and 学位 apart, each with its 毕业院校系 (QuanRiZhiJiaoYu_* / ZaiZhiJiaoYu_*);
 * - <JiaTingChengYuan> holds <Item> (ChengWei, XingMing, ChuShengRiQi, ZhengZhiMianMao,
 *   GongZuoDanWeiJiZhiWu); <ZhaoPian> a base64 photo; <Version> the program version.
 * Sources: xvchaoqun/owip (Java, "输出中组部任免审批表": setNodeText over a template, Version
 * 3.2.1.6); a C# LrmHelper that deserialises .lrmx with XmlSerializer(typeof(Person)) and adds the
 * dot to yyyyMM dates; a Java createLrmxStr exporter (PersonXml, JiaTingChengYuanXml/ItemXml); a
 * Python .lrmx template with the full element order below (Version 3.2.1.16); the RMeditor .lrmx
 * editor's README (root <Person>, 34 pinyin fields). Element order follows the Python template.
 *
 * Privacy: <ShenFenZheng> (ID number) is written empty — the ID is not an item of the form — and
 * no photo is written. Reading takes the ID so an imported row can be matched to the roster.
 * Pure: strings in, strings out (the caller decodes bytes: decodeLrmx).
 */
import { msg } from '../i18n/message';
import { looksLikeFormula, type CellEdit, type EditPlan } from '../ledger/edit-plan';
import type { FieldKey } from '../ledger/fields';
import type { TypedSheet } from '../ledger/rows';
import { formatIso, type LocalDate } from '../values/local-date';
import type { AppointmentForm, FormItem } from './form-model';

/** Element order of <Person> (the public 3.2.1.16 template). */
export const LRMX_ELEMENTS = [
  'XingMing',
  'XingBie',
  'ChuShengNianYue',
  'MinZu',
  'JiGuan',
  'ChuShengDi',
  'RuDangShiJian',
  'CanJiaGongZuoShiJian',
  'JianKangZhuangKuang',
  'ZhuanYeJiShuZhiWu',
  'ShuXiZhuanYeYouHeZhuanChang',
  'QuanRiZhiJiaoYu_XueLi',
  'QuanRiZhiJiaoYu_XueWei',
  'QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi',
  'QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
  'ZaiZhiJiaoYu_XueLi',
  'ZaiZhiJiaoYu_XueWei',
  'ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi',
  'ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
  'XianRenZhiWu',
  'NiRenZhiWu',
  'NiMianZhiWu',
  'JianLi',
  'JiangChengQingKuang',
  'NianDuKaoHeJieGuo',
  'RenMianLiYou',
  'JiaTingChengYuan',
  'ChengBaoDanWei',
  'JiSuanNianLingShiJian',
  'TianBiaoShiJian',
  'TianBiaoRen',
  'ShenFenZheng',
  'ZhaoPian',
  'Version',
] as const;

export type LrmxElement = (typeof LRMX_ELEMENTS)[number];

/** The version written; the one of the public template this layout follows. */
export const LRMX_VERSION = '3.2.1.16';

export interface LrmxFamilyMember {
  readonly ChengWei: string;
  readonly XingMing: string;
  readonly ChuShengRiQi: string;
  readonly ZhengZhiMianMao: string;
  readonly GongZuoDanWeiJiZhiWu: string;
}

/** A <Person> as read: every element's text (absent elements are ''), family members apart. */
export interface LrmxPerson {
  readonly values: Readonly<Record<Exclude<LrmxElement, 'JiaTingChengYuan'>, string>>;
  readonly family: readonly LrmxFamilyMember[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const n = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
  });
}

/** yyyyMM from a `1978.05` / `1978` text of the form (other text, e.g. 群众, as it is). */
function compactDate(text: string | undefined): string {
  if (!text) return '';
  const m = /^(\d{4})(?:\.(\d{2}))?$/.exec(text);
  return m ? `${m[1]}${m[2] ?? ''}` : text;
}

/** `1978.05` from yyyyMM or yyyyMMdd (as the program's readers add the dot); other text unchanged. */
export function dottedDate(text: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})?$/.exec(text.trim());
  return m ? `${m[1]}.${m[2]}` : text.trim();
}

const DEGREE = /(学士|硕士|博士)(学位)?$/;

/** `大学本科 农学学士` → 学历 `大学本科`, 学位 `农学学士`; one word → 学历 alone (or 学位 when it is one). */
export function splitEducation(text: string | undefined): { xueLi: string; xueWei: string } {
  const t = (text ?? '').trim();
  if (!t) return { xueLi: '', xueWei: '' };
  const parts = t.split(/\s+/);
  if (parts.length >= 2 && DEGREE.test(parts[parts.length - 1])) return { xueLi: parts.slice(0, -1).join(' '), xueWei: parts[parts.length - 1] };
  return DEGREE.test(t) && !/研究生|本科|专科|大学|中专|高中/.test(t) ? { xueLi: '', xueWei: t } : { xueLi: t, xueWei: '' };
}

/** One form as .lrmx text (UTF-8). No ID number, no photo. */
export function formToLrmx(form: AppointmentForm): string {
  const v = (k: FormItem) => form.items[k]?.text ?? '';
  const full = splitEducation(v('fullTimeEducation'));
  const part = splitEducation(v('partTimeEducation'));
  const asOf: LocalDate = form.asOf;
  const values: Record<LrmxElement, string> = {
    XingMing: form.name,
    XingBie: v('sex'),
    ChuShengNianYue: compactDate(v('birth')),
    MinZu: v('ethnicity'),
    JiGuan: v('nativePlace'),
    ChuShengDi: v('birthPlace'),
    RuDangShiJian: compactDate(v('partyJoin')),
    CanJiaGongZuoShiJian: compactDate(v('workStart')),
    JianKangZhuangKuang: v('health'),
    ZhuanYeJiShuZhiWu: v('proTitle'),
    ShuXiZhuanYeYouHeZhuanChang: v('expertise'),
    QuanRiZhiJiaoYu_XueLi: full.xueLi,
    QuanRiZhiJiaoYu_XueWei: full.xueWei,
    QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: v('fullTimeSchool'),
    QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '',
    ZaiZhiJiaoYu_XueLi: part.xueLi,
    ZaiZhiJiaoYu_XueWei: part.xueWei,
    ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: v('partTimeSchool'),
    ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '',
    XianRenZhiWu: v('currentPost'),
    NiRenZhiWu: v('proposedPost'),
    NiMianZhiWu: v('removalPost'),
    JianLi: v('resume'),
    JiangChengQingKuang: v('rewards'),
    NianDuKaoHeJieGuo: v('annualResults'),
    RenMianLiYou: v('appointReason'),
    JiaTingChengYuan: '',
    ChengBaoDanWei: v('reportingUnit'),
    JiSuanNianLingShiJian: formatIso(asOf).replace(/-/g, ''),
    TianBiaoShiJian: '',
    TianBiaoRen: '',
    ShenFenZheng: '',
    ZhaoPian: '',
    Version: LRMX_VERSION,
  };
  const body = LRMX_ELEMENTS.map((e) => (e === 'JiaTingChengYuan' ? '  <JiaTingChengYuan />' : `  <${e}>${escape(values[e])}</${e}>`));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Person>\n${body.join('\n')}\n</Person>\n`;
}

export type LrmxRead = { readonly ok: true; readonly person: LrmxPerson } | { readonly ok: false; readonly reason: string };

/** The text of `<tag>…</tag>` (or '' for `<tag/>`) inside `xml`, or null when absent. */
function element(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}\\s*/>|<${tag}\\s*>([\\s\\S]*?)</${tag}\\s*>`).exec(xml);
  if (!m) return null;
  const raw = m[1] ?? '';
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(raw);
  return cdata ? cdata[1] : unescape(raw);
}

/**
 * Read a .lrmx text. Refused (with the reason, in Chinese) when it is not a <Person> document or
 * carries a DOCTYPE (entities are never expanded).
 */
export function parseLrmx(xml: string): LrmxRead {
  const text = xml.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, reason: '文件含有 DOCTYPE/ENTITY 声明，不是任免审批表程序生成的 .lrmx 文件' };
  const person = /<Person\s*>([\s\S]*)<\/Person\s*>/.exec(text);
  if (!person) return { ok: false, reason: '文件中没有 <Person> 根元素，不是 .lrmx 任免审批表文件' };
  const inner = person[1];
  const fam = /<JiaTingChengYuan\s*>([\s\S]*?)<\/JiaTingChengYuan\s*>/.exec(inner)?.[1] ?? '';
  const rest = inner.replace(/<JiaTingChengYuan\s*>[\s\S]*?<\/JiaTingChengYuan\s*>/, '');
  const values = {} as Record<Exclude<LrmxElement, 'JiaTingChengYuan'>, string>;
  for (const e of LRMX_ELEMENTS) if (e !== 'JiaTingChengYuan') values[e] = (element(rest, e) ?? '').replace(/\r\n?/g, '\n').trim();
  if (!values.XingMing) return { ok: false, reason: '文件中没有姓名（<XingMing>），无法导入' };
  const family: LrmxFamilyMember[] = [];
  for (const m of fam.matchAll(/<Item\s*>([\s\S]*?)<\/Item\s*>/g)) {
    const get = (t: string) => (element(m[1], t) ?? '').trim();
    const member = {
      ChengWei: get('ChengWei'),
      XingMing: get('XingMing'),
      ChuShengRiQi: get('ChuShengRiQi'),
      ZhengZhiMianMao: get('ZhengZhiMianMao'),
      GongZuoDanWeiJiZhiWu: get('GongZuoDanWeiJiZhiWu'),
    };
    if (Object.values(member).some((x) => x !== '')) family.push(member);
  }
  return { ok: true, person: { values, family } };
}

/** Bytes of a .lrmx file as text: UTF-8 unless its declaration names GB2312/GBK/GB18030. */
export function decodeLrmx(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const enc = /encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1]?.toLowerCase();
  return new TextDecoder(enc && /^gb/.test(enc) ? 'gb18030' : 'utf-8').decode(bytes);
}

const joinEdu = (a: string, b: string) => [a, b].filter(Boolean).join(' ');

/**
 * One person of a .lrmx as roster values by field (import into a roster row): dates with their
 * dot (`1978.05`), 学历 and 学位 joined as the form prints them. Empty items are left out.
 */
export function lrmxRosterValues(p: LrmxPerson): Partial<Record<FieldKey, string>> {
  const v = p.values;
  const out: Partial<Record<FieldKey, string>> = {
    name: v.XingMing,
    sex: v.XingBie,
    birth: dottedDate(v.ChuShengNianYue),
    ethnicity: v.MinZu,
    nativePlace: v.JiGuan,
    birthPlace: v.ChuShengDi,
    partyJoin: dottedDate(v.RuDangShiJian),
    workStart: dottedDate(v.CanJiaGongZuoShiJian),
    health: v.JianKangZhuangKuang,
    proTitle: v.ZhuanYeJiShuZhiWu,
    expertise: v.ShuXiZhuanYeYouHeZhuanChang,
    fullTimeEducation: joinEdu(v.QuanRiZhiJiaoYu_XueLi, v.QuanRiZhiJiaoYu_XueWei),
    fullTimeSchool: v.QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi || v.QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi,
    partTimeEducation: joinEdu(v.ZaiZhiJiaoYu_XueLi, v.ZaiZhiJiaoYu_XueWei),
    partTimeSchool: v.ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi || v.ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi,
    post: v.XianRenZhiWu,
    removalPost: v.NiMianZhiWu,
    resume: v.JianLi,
    rewards: v.JiangChengQingKuang,
    annualResults: v.NianDuKaoHeJieGuo,
    appointReason: v.RenMianLiYou,
    reportingUnit: v.ChengBaoDanWei,
    idNumber: v.ShenFenZheng,
  };
  for (const k of Object.keys(out) as FieldKey[]) if (!out[k]) delete out[k];
  return out;
}

/**
 * The roster row for an imported person: for each column the roster has (field → 0-based column),
 * the value; columns of fields the file does not fill stay null. Text starting with = + - @ is
 * written as text by the workbook port, never as a formula.
 */
export function lrmxRosterRow(p: LrmxPerson, columns: ReadonlyMap<FieldKey, number>, width: number): (string | null)[] {
  const values = lrmxRosterValues(p);
  const row: (string | null)[] = Array.from({ length: width }, () => null);
  for (const [field, col] of columns) {
    const val = values[field];
    if (val !== undefined && col < width) row[col] = val;
  }
  return row;
}

export interface LrmxImport {
  readonly plan: EditPlan;
  /** Per person: the 1-based roster row written, or the row that already holds them (skipped). */
  readonly rows: readonly { readonly name: string; readonly row: number; readonly existed: boolean }[];
}

/**
 * Rows to append to a roster for people read from .lrmx files: one row each below the last used
 * row, only in the roster's recognised columns. A person the roster already holds (same ID number,
 * or same name when either has no ID) is not added again. Text that would read as a formula is
 * written as text (number format @).
 */
export function lrmxImportPlan(roster: TypedSheet, people: readonly LrmxPerson[]): LrmxImport {
  const edits: CellEdit[] = [];
  const rows: { name: string; row: number; existed: boolean }[] = [];
  let next = roster.grid.rowCount;
  const empty = { value: null, formula: null, numberFormat: 'General' } as const;
  for (const p of people) {
    const v = lrmxRosterValues(p);
    const same = roster.rows.find((r) => {
      const id = r.ids.idNumber?.id18;
      return v.idNumber && id ? id === v.idNumber.toUpperCase() : r.names.name === v.name;
    });
    if (same) {
      rows.push({ name: v.name ?? '', row: same.row + 1, existed: true });
      continue;
    }
    const values = lrmxRosterRow(p, roster.model.columns, roster.grid.colCount);
    values.forEach((text, col) => {
      if (text === null) return;
      edits.push({
        sheet: roster.model.sheet,
        row: next,
        col,
        old: empty,
        new: looksLikeFormula(text) ? { value: text, numberFormat: '@' } : { value: text },
        why: msg('从 .lrmx 任免审批表导入', 'Imported from a .lrmx form'),
        code: 'import.lrmx',
      });
    });
    rows.push({ name: v.name ?? '', row: next + 1, existed: false });
    next++;
  }
  return { plan: { edits }, rows };
}
