/**
 * `cadre-ledger lrmx FILE.xlsx PERSON.lrmx [MORE.lrmx …] -o OUT.xlsx [--lang L]` — import people
 * from .lrmx files (the 任免审批表 program's format, src/brief/lrmx.ts) into the workbook's roster
 * (花名册): one appended row each, in the roster's recognised columns, saved to a copy. A person
 * the roster already holds is reported, not added twice. Exit codes: 0 written, 2 unusable input.
 * Writing .lrmx is `forms --lrmx`.
 */
import { msg, say, type Locale, type Msg } from '../i18n/message';
import { decodeLrmx, lrmxImportPlan, parseLrmx, type LrmxPerson } from '../brief/lrmx';
import { checkWorkbook } from '../ledger/check-workbook';
import { BriefUsageError, openWithPolicy, readBytes, write } from './brief';
import { nodeIo, type CliIo } from './io';
import { outputNotes, xlsxOutputName } from './xlsx-output';

export const LRMX_USAGE: Msg = msg(
  `用法：cadre-ledger lrmx 文件.xlsx 人员.lrmx [更多.lrmx …] -o 输出.xlsx [--lang zh-CN|en-US]
  把任免审批表程序的 .lrmx 文件中的人员导入花名册（每人追加一行，只填花名册已有的列），另存为新文件；花名册中已有的人员不重复添加。原文件不会被修改。
  生成 .lrmx：cadre-ledger forms 文件.xlsx -o 文件夹/ --lrmx`,
  `Usage: cadre-ledger lrmx FILE.xlsx PERSON.lrmx [MORE.lrmx …] -o OUT.xlsx [--lang zh-CN|en-US]
  Imports the people of .lrmx files (the 任免审批表 program's format) into the roster (one appended row each, only in the roster's columns) and saves a copy; people the roster already holds are not added twice. The input is never changed.
  To write .lrmx: cadre-ledger forms FILE.xlsx -o DIR/ --lrmx`,
);

export async function runLrmx(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  const li = argv.indexOf('--lang');
  const lang: Locale = argv[li + 1] === 'en-US' && li >= 0 ? 'en-US' : 'zh-CN';
  const files: string[] = [];
  let outputArg: string | null = null;
  let help = false;
  try {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '-h' || a === '--help') help = true;
      else if (a === '-o' || a === '--output') outputArg = argv[++i] ?? null;
      else if (a.startsWith('--output=')) outputArg = a.slice(9);
      else if (a === '--lang') i++;
      else if (a.startsWith('-') && a.length > 1) throw new BriefUsageError(msg(`不认识的选项 ${a}`, `Unknown option ${a}`));
      else files.push(a);
    }
    if (help) {
      io.out(`${say(LRMX_USAGE, lang)}\n`);
      return 0;
    }
    const [book, ...people] = files;
    const asked = outputArg;
    if (!book || !people.length) throw new BriefUsageError(msg('需要一个 .xlsx 文件和至少一个 .lrmx 文件', 'Needs one .xlsx file and at least one .lrmx file'));
    if (!asked) throw new BriefUsageError(msg('lrmx 需要用 -o 指定输出的 .xlsx 文件；原文件不会被修改', 'lrmx needs -o OUT.xlsx; the input is never changed'));
    const output = xlsxOutputName(asked);
    if (await io.samePath(book, output))
      throw new BriefUsageError(
        msg(`输出文件不能与原文件相同（${output}）；原文件不会被修改`, `The output must differ from the input (${output}); the input is never changed`),
      );
    const persons: LrmxPerson[] = [];
    for (const f of people) {
      const r = parseLrmx(decodeLrmx(await readBytes(f, io)));
      if (!r.ok) throw new BriefUsageError(msg(`${f}：${r.reason}`, `${f}: not a .lrmx form (${r.reason})`));
      persons.push(r.person);
    }
    const asOf = io.today();
    const { book: wb, format, inForce } = await openWithPolicy('lrmx', book, null, io, lang);
    const roster = checkWorkbook(await wb.read(), { policy: inForce.policy, asOf, calendar: inForce.calendar }).ledgers.find((l) => l.model.kind === 'roster');
    if (!roster) throw new BriefUsageError(msg(`${book} 中没有识别到花名册，无法导入`, `${book} has no roster sheet to import into`));
    const { plan, rows } = lrmxImportPlan(roster, persons);
    await wb.apply(plan, msg('导入 .lrmx', 'Import .lrmx'));
    await write(output, await wb.save(), io);
    const lines = rows.map((r) =>
      say(
        r.existed
          ? msg(
              `${r.name}：花名册“${roster.model.sheet}”第${r.row}行已有此人，未重复添加`,
              `${r.name}: already in "${roster.model.sheet}" row ${r.row}, not added again`,
            )
          : msg(`${r.name} → 花名册“${roster.model.sheet}”第${r.row}行`, `${r.name} → "${roster.model.sheet}" row ${r.row}`),
        lang,
      ),
    );
    const notes = outputNotes(format, asked, output).map((n) => say(n, lang));
    io.out(`${[...lines, say(msg(`已另存 → ${output}`, `Saved to ${output}`), lang), ...notes].join('\n')}\n`);
    return 0;
  } catch (e) {
    if (e instanceof BriefUsageError) {
      io.err(`cadre-ledger lrmx: ${say(e.userMessage, lang)}\n`);
      return 2;
    }
    throw e;
  }
}
