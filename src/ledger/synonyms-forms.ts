/**
 * Header synonyms from the field set of the standard 干部任免审批表 and 干部花名册 (中组部 2006 版
 * and its 填表说明), the 公务员信息采集表 (A01 人员基本信息集), and the exports of cadre
 * information systems (titles of github.com/xvchaoqun/owip's cadre exports: 所在单位及职务,
 * 现职务始任时间, 现职级始任时间, 最高学历学位 …). Data only; read with SYNONYMS (synonyms.ts) —
 * an entry already there wins. tests/unit/ledger/synonyms-forms.test.ts checks each entry.
 */
import type { FieldKey } from './fields';

export const FORM_SYNONYMS: Readonly<Partial<Record<FieldKey, readonly string[]>>> = {
  staffNo: ['工作证号', '工号', '人员编号', '职工号'],
  politicalStatus: ['政治面貌', '党派', '党派名称', '政治身份'],
  health: ['健康状况', '身体状况', '健康情况'],
  age: ['年龄', '现年龄', '年龄岁'],
  major: ['所学专业', '专业', '毕业专业', '最高学历专业'],
  proTitle: ['专业技术职务', '专业技术职称', '职称', '专技职务', '专业技术资格'],
  postFirstSince: ['现职务始任时间', '任职始任日期', '任职始任时间', '始任时间', '现职务始任日期'],
  postYears: ['现职务始任年限', '任现职务年限', '现职务年限', '任现职年限'],
  levelYears: ['任现职级年限', '现职级年限', '现职级始任年限', '任现级别年限'],
  // Existing fields under the forms' and exports' wording.
  name: ['干部名称'],
  birth: ['出生年月(岁)', '出生年月年龄'],
  idNumber: ['身份证件号码', '公民身份证件号码', '身份证件号'],
  partyJoin: ['党派加入时间', '加入党派日期', '入党年月日', '参加党派时间'],
  workStart: ['参加工作时间(年月)', '工作起始时间'],
  education: ['最高学历学位', '最高学位', '学历(学位)', '学历及学位'],
  unit: ['任职单位', '所在部门', '所属单位', '工作单位名称'],
  post: ['所在单位及职务', '单位职务', '工作单位及职务全称', '现任职务全称', '任职单位及职务', '职务名称'],
  postLevel: ['行政级别', '现职级别', '职务层次级别', '职级层次'],
  levelSince: ['现职级始任时间', '任现职务层次时间', '任现职级时间年月', '现职级时间', '任现级别时间年月', '任同职务层次时间'],
  grade: ['年度考核结果等次', '考核等次结果'],
};
