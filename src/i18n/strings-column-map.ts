/** Strings of 指定列 (teaching a column) on the 检查台账 screen, zh-CN and en-US. */
import { msg } from './message';

export const CM = {
  title: msg('指定列', 'Teach a column'),
  intro: msg(
    '表头名称不认识或有歧义时，在这里指定一次：按工作表和表头文字保存在工作簿中，检查、修复、向导、常委会材料和命令行都会使用；插入列后仍然有效。',
    'When a header is unknown or ambiguous, name it here once: it is saved in the workbook by sheet and header text, and the check, fixes, wizards, brief and CLI all use it; it survives inserted columns.',
  ),
  missing: msg('“{sheet}”缺少：{fields}', '“{sheet}” lacks: {fields}'),
  sheet: msg('工作表', 'Sheet'),
  field: msg('字段', 'Field'),
  column: msg('列（表头）', 'Column (header)'),
  nowRead: msg('现识别为 {field}', 'now read as {field}'),
  save: msg('保存指定并重新检查', 'Save and check again'),
  saved: msg('已指定：“{sheet}”的表头“{header}”为{field}。', 'Saved: header “{header}” of “{sheet}” is {field}.'),
  taught: msg('已指定的列', 'Taught columns'),
  none: msg('尚未指定任何列。', 'No column taught yet.'),
  forget: msg('取消指定', 'Forget'),
  forgotten: msg('已取消指定“{sheet}”的表头“{header}”。', 'Forgot header “{header}” of “{sheet}”.'),
  runFirst: msg('先检查台账，再指定列。', 'Check the ledger first, then teach columns.'),
};
