/**
 * `cadre-ledger forms FILE.xlsx -o DIR/ [--one-file] [--lrmx] [--sheet OUT.xlsx] [--as-of D]
 * [--policy P.json] [--lang L]` — a 干部任免审批表 per proposed cadre (src/brief/form-model.ts):
 * one .docx each in DIR (or all in one .docx with --one-file), .lrmx files for the 任免审批表
 * program with --lrmx, and with --sheet a copy of the workbook with a worksheet per person.
 * Exit codes as the other commands: 0 written, 2 unusable input or arguments. The input is never
 * changed; file names hold the name and post, never an ID number.
 */
import * as path from 'path';
import { msg, plural, say, type Locale, type Msg } from '../i18n/message';
import { buildForms, formFileName } from '../brief/form-model';
import { formToLrmx } from '../brief/lrmx';
import { renderFormsDocx } from '../brief/render-form-docx';
import { formSheetName, renderFormSheet } from '../brief/render-form-sheet';
import { formatIso, type LocalDate } from '../values/local-date';
import { BriefUsageError, commonOption, given, langOf, readWithPolicy, runParsed, walkArgs, write } from './brief';
import { EMPTY_TAUGHT, type TaughtMap } from '../ledger/taught-map';
import { nodeIo, type CliIo } from './io';
import { POLICY_PRECEDENCE } from './policy';
import { outputNotes, xlsxOutputName } from './xlsx-output';

export interface FormsArgs {
  readonly file: string | null;
  readonly outDir: string | null;
  readonly oneFile: boolean;
  readonly lrmx: boolean;
  readonly sheetOutput: string | null;
  readonly asOf: LocalDate | null;
  readonly policyFile: string | null;
  /** --map 'Sheet!Header=field' (repeatable), over the workbook's stored column mapping. */
  readonly map: TaughtMap;
  readonly lang: Locale;
  readonly help: boolean;
}

export const FORMS_USAGE: Msg = msg(
  `用法：cadre-ledger forms 文件.xlsx -o 输出文件夹/ [--one-file] [--lrmx] [--sheet 输出.xlsx] [--as-of YYYY-MM-DD] [--policy 设置.json] [--map '工作表!表头=字段'] [--lang zh-CN|en-US]
  为每名拟任人选（一职双备人选、任前公示人选）生成一份干部任免审批表（Word，A4 一页）；--one-file 合成一个文件；
  --lrmx 另存任免审批表程序可打开的 .lrmx 文件；--sheet 另存一份工作簿，每人一张审批表工作表。
  各项取自花名册、任前公示、考察和年度考核台账；台账没有的项目留空待手填。年龄按 --as-of 日期（默认今天）计算。
  文件名只含姓名和拟任职务，不含身份证号。原文件不会被修改。
  ${POLICY_PRECEDENCE['zh-CN']}`,
  `Usage: cadre-ledger forms FILE.xlsx -o DIR/ [--one-file] [--lrmx] [--sheet OUT.xlsx] [--as-of YYYY-MM-DD] [--policy P.json] [--map 'Sheet!Header=field'] [--lang zh-CN|en-US]
  Writes a 干部任免审批表 (appointment-approval form, Word, one A4 page) for each proposed cadre (the 一职双备 pair, people under public notice);
  --one-file puts them all in one document; --lrmx also writes .lrmx files for the 任免审批表 program; --sheet saves a copy of the workbook with one form sheet per person.
  Items come from the roster, notice, inspection and annual-assessment ledgers; items the ledgers lack stay blank for hand entry. Ages are as of --as-of (default today).
  File names hold the name and proposed post, never an ID number. The input is never changed.
  ${POLICY_PRECEDENCE['en-US']}`,
);

export type ParsedFormsArgs = { ok: true; args: FormsArgs } | { ok: false; error: Msg; lang: Locale };

export function parseFormsArgs(argv: readonly string[]): ParsedFormsArgs {
  const a = {
    file: null as string | null,
    outDir: null as string | null,
    oneFile: false,
    lrmx: false,
    sheetOutput: null as string | null,
    asOf: null as LocalDate | null,
    policyFile: null as string | null,
    map: EMPTY_TAUGHT as TaughtMap,
    lang: langOf(argv),
    help: false,
  };
  const error = walkArgs(argv, (flag, raw, value) => {
    switch (flag) {
      case '-h':
      case '--help':
        a.help = true;
        return;
      case '--one-file':
        a.oneFile = true;
        return;
      case '--lrmx':
        a.lrmx = true;
        return;
      case '-o':
      case '--output':
      case '--sheet':
      case '--policy':
        return given(value(), msg(`${flag} 后面应写文件或文件夹名`, `${flag} needs a file or folder name`), (v) => {
          if (flag === '--sheet') a.sheetOutput = v;
          else if (flag === '--policy') a.policyFile = v;
          else a.outDir = v;
        });
      default: {
        const r = commonOption(flag, raw, value, a);
        return r === 'ok' ? undefined : r;
      }
    }
  });
  return error ? { ok: false, error, lang: a.lang } : { ok: true, args: a };
}

/** Run `forms` with the arguments after the command word. Returns the exit code. */
export async function runForms(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  return runParsed('forms', parseFormsArgs(argv), FORMS_USAGE, io, async (args) => {
    const lang = args.lang;
    if (args.file === null) throw new BriefUsageError(msg('缺少要处理的 .xlsx 文件名', 'Missing the .xlsx file to work on'));
    if (args.outDir === null) throw new BriefUsageError(msg('forms 需要用 -o 指定输出文件夹', 'forms needs -o DIR/ for the output folder'));
    const sheetOutput = args.sheetOutput === null ? null : xlsxOutputName(args.sheetOutput);
    if (sheetOutput !== null && (await io.samePath(args.file, sheetOutput)))
      throw new BriefUsageError(
        msg(
          `输出文件不能与原文件相同（${sheetOutput}）；原文件不会被修改`,
          `The output must differ from the input (${sheetOutput}); the input is never changed`,
        ),
      );
    const asOf = args.asOf ?? io.today();
    const { grids, format, inForce, taught, book } = await readWithPolicy('forms', args.file, args.policyFile, io, lang, args.map, sheetOutput !== null);
    const forms = buildForms(grids, inForce.policy, asOf, { calendar: inForce.calendar, taught });
    const lines: string[] = [];
    if (!forms.length) {
      io.out(
        `${say(msg(`截至 ${formatIso(asOf)}，台账中没有拟任人选（一职双备或任前公示），未生成审批表`, `As of ${formatIso(asOf)} the ledgers hold no proposed cadre (一职双备 pair or public notice); no form written`), lang)}\n`,
      );
      return 0;
    }
    try {
      await io.makeDir?.(args.outDir);
    } catch (e) {
      throw new BriefUsageError(msg(`无法创建文件夹 ${args.outDir}：${(e as Error).message}`, `Cannot create folder ${args.outDir}: ${(e as Error).message}`));
    }
    const out = (name: string) => path.join(args.outDir as string, name);
    const written: string[] = [];
    if (args.oneFile) {
      const name = out(`干部任免审批表（${formatIso(asOf)}）.docx`);
      await write(name, (await renderFormsDocx(forms)).bytes, io);
      written.push(name);
    } else {
      for (const [i, f] of forms.entries()) {
        const name = out(formFileName(f, 'docx', i + 1));
        await write(name, (await renderFormsDocx([f])).bytes, io);
        written.push(name);
      }
    }
    if (args.lrmx) {
      for (const [i, f] of forms.entries()) {
        const name = out(formFileName(f, 'lrmx', i + 1));
        await write(name, new TextEncoder().encode(formToLrmx(f)), io);
        written.push(name);
      }
    }
    lines.push(
      say(
        msg(
          `已生成 ${forms.length} 人的干部任免审批表（截至 ${formatIso(asOf)}）：`,
          `Appointment-approval forms for ${forms.length} ${plural(forms.length, 'person', 'people')} (as of ${formatIso(asOf)}):`,
        ),
        lang,
      ),
      ...forms.map((f) => `  ${f.name}（${f.post}）`),
      ...written.map((w) => `→ ${w}`),
    );
    if (args.sheetOutput && sheetOutput && book) {
      const taken = new Set((await book.listSheets()).map((s) => s.name));
      for (const f of forms) {
        const name = formSheetName(f, taken);
        taken.add(name);
        await book.writeSheet(renderFormSheet(f, name), { replace: true });
      }
      await write(sheetOutput, await book.save(), io);
      lines.push(
        say(msg(`每人一张审批表工作表，已另存 → ${sheetOutput}`, `One form sheet per person saved in ${sheetOutput}`), lang),
        ...outputNotes(format, args.sheetOutput, sheetOutput).map((n) => say(n, lang)),
      );
    }
    const unreadable = forms.flatMap((f) => f.unreadable.map((u) => `${f.name}：${u}`));
    for (const u of unreadable) lines.push(say(msg(`注意：${u}`, `Note (unreadable cell): ${u}`), lang));
    const masked = forms.reduce((n, f) => n + f.privacy.length, 0);
    if (masked)
      lines.push(
        say(
          msg(
            `注意：台账文字中有 ${masked} 处身份证号或出生日期，已在审批表中遮蔽，请核对原台账`,
            `Note: ${masked} ID numbers or birth dates in ledger text were masked in the forms; check the ledger`,
          ),
          lang,
        ),
      );
    io.out(`${lines.join('\n')}\n`);
    return 0;
  });
}
