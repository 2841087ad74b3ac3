/**
 * Strings of 生成任免审批表 on the 常委会材料 screen, zh-CN and en-US (apart from strings-check.ts
 * so parallel work does not collide).
 */
import { msg } from './message';

export const F = {
  title: msg('干部任免审批表', 'Appointment-approval forms (干部任免审批表)'),
  intro: msg(
    '为每名拟任人选（一职双备人选、任前公示人选）生成一份干部任免审批表：各项取自花名册、任前公示、考察和年度考核台账，台账没有的项目留空待手填；年龄按上面的截止日期计算；不含身份证号。',
    'One appointment-approval form per proposed cadre (the 一职双备 pair, people under public notice): items come from the roster, notice, inspection and annual-assessment ledgers; items the ledgers lack stay blank for hand entry; ages are as of the date above; no ID numbers.',
  ),
  generate: msg('生成任免审批表（.docx）', 'Generate the forms (.docx)'),
  writeSheets: msg('每人写入一张审批表工作表', 'Write one form sheet per person'),
  none: msg(
    '台账中没有拟任人选（一职双备或任前公示），无需生成审批表。',
    'The ledgers hold no proposed cadre (一职双备 pair or public notice); there is no form to make.',
  ),
  people: msg('拟任人选 {n} 人：{names}', '{n} proposed: {names}'),
  ready: msg('已生成“{name}”（{n} 份审批表）。', '“{name}” was generated ({n} forms).'),
  sheetsWritten: msg('已写入工作表：{names}。', 'Sheets written: {names}.'),
  sheetsExist: msg('已有同名工作表：{names}。要替换吗？', 'Sheets of these names exist: {names}. Replace them?'),
  unreadable: msg('{name}：{note}', '{name} (unreadable cell, left blank): {note}'),
} as const;
