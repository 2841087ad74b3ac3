/**
 * Fields of the standard 干部任免审批表 / 干部花名册 and of cadre-system exports that the rules do
 * not compute with but a roster carries (政治面貌, 健康状况, 专业技术职务, 现职务始任时间 …):
 * recognising them keeps the columns from being reported as unknown and lets a user's mapping
 * name them. Kept apart from fields.ts so the rule fields stay one short list.
 */
import { msg } from '../i18n/message';
import type { FieldSpec } from './fields';

export const FORM_FIELDS = {
  /** 工作证号 of a system export (not an ID number). */
  staffNo: { type: 'text', label: msg('工作证号', 'Staff number') },
  /** 政治面貌 / 党派 */
  politicalStatus: { type: 'text', label: msg('政治面貌', 'Political status') },
  /** 健康状况 */
  health: { type: 'text', label: msg('健康状况', 'Health') },
  /** 年龄: computed by the exporting system; the rules use the birth date. */
  age: { type: 'text', label: msg('年龄', 'Age') },
  /** 所学专业 */
  major: { type: 'text', label: msg('所学专业', 'Major') },
  /** 专业技术职务 (职称) */
  proTitle: { type: 'text', label: msg('专业技术职务', 'Professional title') },
  /** 现职务始任时间: first appointed to a post of this kind (任现职时间 is the latest appointment). */
  postFirstSince: { type: 'date', label: msg('现职务始任时间', 'First in a post of this kind since') },
  /** 现职务始任年限 as the exporting system computed it. */
  postYears: { type: 'text', label: msg('现职务始任年限', 'Years in post') },
  /** 任现职级年限 as the exporting system computed it. */
  levelYears: { type: 'text', label: msg('任现职级年限', 'Years at level') },
} as const satisfies Record<string, FieldSpec>;
