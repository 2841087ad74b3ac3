/**
 * The fields (字段) a cadre ledger column can hold, with how each value is read. Keys are English
 * and stable: they are the `columns` keys of the CLI's JSON (SPEC §7).
 */
import { msg, type Msg } from '../i18n/message';
import { FORM_FIELDS } from './fields-forms';

/** How a field's cells are parsed (src/values). */
export type FieldType = 'seq' | 'name' | 'date' | 'id' | 'count' | 'ratio' | 'text';

export interface FieldSpec {
  readonly type: FieldType;
  readonly label: Msg;
}

const RULE_FIELDS = {
  seq: { type: 'seq', label: msg('序号', 'No.') },
  name: { type: 'name', label: msg('姓名', 'Name') },
  sex: { type: 'text', label: msg('性别', 'Sex') },
  ethnicity: { type: 'text', label: msg('民族', 'Ethnicity') },
  birth: { type: 'date', label: msg('出生年月', 'Date of birth') },
  idNumber: { type: 'id', label: msg('身份证号', 'ID number') },
  nativePlace: { type: 'text', label: msg('籍贯', 'Native place') },
  partyJoin: { type: 'date', label: msg('入党时间', 'Joined the Party') },
  workStart: { type: 'date', label: msg('参加工作时间', 'Started work') },
  education: { type: 'text', label: msg('学历', 'Education') },
  fullTimeEducation: { type: 'text', label: msg('全日制教育学历学位', 'Full-time education') },
  fullTimeSchool: { type: 'text', label: msg('全日制教育毕业院校及专业', 'Full-time school and major') },
  partTimeEducation: { type: 'text', label: msg('在职教育学历学位', 'In-service education') },
  partTimeSchool: { type: 'text', label: msg('在职教育毕业院校及专业', 'In-service school and major') },
  unit: { type: 'text', label: msg('工作单位', 'Unit') },
  post: { type: 'text', label: msg('现任职务', 'Current post') },
  postLevel: { type: 'text', label: msg('职级', 'Post level') },
  postSince: { type: 'date', label: msg('任现职时间', 'In current post since') },
  levelSince: { type: 'date', label: msg('任现职级时间', 'At current level since') },
  remark: { type: 'text', label: msg('备注', 'Remark') },
  // 民主推荐 recommendation tally
  recommendKind: { type: 'text', label: msg('推荐方式', 'Recommendation kind') },
  candidateStatus: { type: 'text', label: msg('人员类别', 'Candidate status') },
  targetPost: { type: 'text', label: msg('推荐(拟任)职位', 'Post recommended for') },
  votes: { type: 'count', label: msg('得票数', 'Votes') },
  eligible: { type: 'count', label: msg('应到人数', 'Eligible voters') },
  present: { type: 'count', label: msg('实到人数', 'Voters present') },
  valid: { type: 'count', label: msg('有效票', 'Valid ballots') },
  voteRatio: { type: 'ratio', label: msg('得票率', 'Vote ratio') },
  votePass: { type: 'text', label: msg('是否达标', 'Meets the threshold') },
  recommender: { type: 'text', label: msg('推荐人', 'Recommender') },
  material: { type: 'text', label: msg('推荐材料', 'Recommendation material') },
  form: { type: 'text', label: msg('推荐表', 'Recommendation form') },
  // 考察 inspection
  inspectionResult: { type: 'text', label: msg('考察结果', 'Inspection result') },
  committeePick: { type: 'text', label: msg('常委会确定', 'Committee pick') },
  // 任前公示 notice
  noticeStart: { type: 'date', label: msg('公示开始日期', 'Notice start') },
  noticeEnd: { type: 'date', label: msg('公示截止日期', 'Notice end') },
  basicInfo: { type: 'text', label: msg('基本情况', 'Basic information') },
  achievements: { type: 'text', label: msg('主要政绩', 'Main achievements') },
  audit: { type: 'text', label: msg('经济审计', 'Economic audit') },
  assets: { type: 'text', label: msg('家庭财产申报结果', 'Family assets declaration') },
  currentTitle: { type: 'text', label: msg('现任职务(职称)', 'Current post (title)') },
  proposedPost: { type: 'text', label: msg('拟任职务或使用意向', 'Proposed post or use') },
  // 试用期 probation
  probationStart: { type: 'date', label: msg('试用期开始', 'Probation start') },
  probationEnd: { type: 'date', label: msg('试用期满', 'Probation end') },
  report1: { type: 'date', label: msg('第一次汇报', 'Report 1') },
  report2: { type: 'date', label: msg('第二次汇报', 'Report 2') },
  report3: { type: 'date', label: msg('第三次汇报', 'Report 3') },
  report4: { type: 'date', label: msg('第四次汇报', 'Report 4') },
  probationResult: { type: 'text', label: msg('期满考核结果', 'Probation assessment') },
  // 年度考核测评 assessment tally
  excellentVotes: { type: 'count', label: msg('优秀票', 'Excellent votes') },
  competentVotes: { type: 'count', label: msg('称职票', 'Competent votes') },
  basicVotes: { type: 'count', label: msg('基本称职票', 'Basically competent votes') },
  incompetentVotes: { type: 'count', label: msg('不称职票', 'Incompetent votes') },
  incompetentRatio: { type: 'ratio', label: msg('不称职票比例', 'Incompetent ratio') },
  grade: { type: 'text', label: msg('考核等次', 'Grade') },
  investigation: { type: 'text', label: msg('是否触发联合调查', 'Joint investigation triggered') },
  // 信访举报 complaints
  complaintDate: { type: 'date', label: msg('受理日期', 'Received on') },
  complaintSource: { type: 'text', label: msg('来源', 'Source') },
  complaintIssue: { type: 'text', label: msg('反映问题', 'Issue') },
  complaintSeverity: { type: 'text', label: msg('问题性质', 'Seriousness') },
  handling: { type: 'text', label: msg('处理方式', 'Handling') },
  handlingResult: { type: 'text', label: msg('办理结果', 'Result') },
  // 辞职 resignation
  resignKind: { type: 'text', label: msg('辞职类型', 'Resignation kind') },
  resignDate: { type: 'date', label: msg('申请日期', 'Applied on') },
  classifiedPost: { type: 'text', label: msg('涉密岗位', 'Classified post') },
  approval: { type: 'text', label: msg('审批情况', 'Approval') },
  leftDate: { type: 'date', label: msg('离岗日期', 'Left on') },
  resignReason: { type: 'text', label: msg('辞职原因', 'Grounds for resigning') },
  resignApplication: { type: 'text', label: msg('书面申请', 'Written application') },
  approvalDate: { type: 'date', label: msg('批准日期', 'Approved on') },
  // 任前公示 outcome (二.4), read by the brief
  noticeResult: { type: 'text', label: msg('公示结果', 'Notice outcome') },
  // 调整意向与经济审计 (三.5)
  adjustIntent: { type: 'text', label: msg('调整意向', 'Adjustment intention') },
  auditDate: { type: 'date', label: msg('审计日期', 'Audited on') },
  decisionDate: { type: 'date', label: msg('决定日期', 'Decided on') },
  // 组织生活 attendance (三.4)
  meetingsHeld: { type: 'count', label: msg('应参加次数', 'Meetings to attend') },
  meetingsAttended: { type: 'count', label: msg('实参加次数', 'Meetings attended') },
  // 问题发生时间 for accountability (二.6)
  problemDate: { type: 'date', label: msg('问题发生时间', 'Problem occurred on') },
  // 干部任免审批表 items (src/brief/form-model.ts); the synonyms are in their own block of synonyms.ts
  birthPlace: { type: 'text', label: msg('出生地', 'Place of birth') },
  // (健康状况 health and 专业技术职务 proTitle are roster fields too: fields-forms.ts)
  expertise: { type: 'text', label: msg('熟悉专业有何专长', 'Expertise') },
  resume: { type: 'text', label: msg('简历', 'Curriculum vitae') },
  rewards: { type: 'text', label: msg('奖惩情况', 'Rewards and sanctions') },
  annualResults: { type: 'text', label: msg('年度考核结果', 'Annual assessment results') },
  removalPost: { type: 'text', label: msg('拟免职务', 'Post to be relieved of') },
  appointReason: { type: 'text', label: msg('任免理由', 'Grounds for the appointment') },
  reportingUnit: { type: 'text', label: msg('呈报单位', 'Submitting unit') },
} as const satisfies Record<string, FieldSpec>;

export const FIELDS = { ...RULE_FIELDS, ...FORM_FIELDS } as const;

export type FieldKey = keyof typeof FIELDS;

export const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];

export function fieldType(f: FieldKey): FieldType {
  return FIELDS[f].type;
}
