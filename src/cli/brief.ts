/**
 * `cadre-ledger brief FILE.xlsx -o BRIEF.docx [--sheet OUT.xlsx] [--title T] [--as-of D]
 * [--policy P.json] [--lang L]` — the standing-committee brief (常委会议研究材料, SPEC §7).
 *
 * Wired into main.ts with one line before its own argument parsing:
 *   if (argv[0] === 'brief') return runBrief(argv.slice(1), io);
 * so it parses its own arguments (brief has options the other commands lack). Exit codes as the
 * other commands: 0 written, 2 unusable input or arguments. The input is never changed; --sheet
 * writes a copy of the workbook with the print-ready brief sheet added.
 */
import { COLUMN_MAP_SETTING_KEY, EMPTY_TAUGHT, mergeTaught, parseMapArg, parseTaughtMap, teach, type TaughtMap } from '../ledger/taught-map';
import { msg, say, type Locale, type Msg } from '../i18n/message';
import { buildBrief } from '../brief/brief-model';
import { renderDocx } from '../brief/render-docx';
import { renderSheet } from '../brief/render-sheet';
import { openAnyFileWorkbook } from '../workbook/file/open-workbook';
import type { FileWorkbook } from '../workbook/file/file-workbook';
import type { GetSetting } from '../policy/workbook-policy';
import { aboutFile, openReadOnly, readerUse } from './read-only-book';
import type { Grid } from '../ledger/grid';
import type { WorkbookFormat } from '../workbook/file/open-workbook';
import { convertedNote } from '../workbook/file/format-messages';
import { PortError } from '../workbook/port';
import { formatIso, parseIso, type LocalDate } from '../values/local-date';
import { nodeIo, type CliIo } from './io';
import { POLICY_PRECEDENCE, policyInForce, type PolicyInForce } from './policy';
import { outputNotes, xlsxOutputName } from './xlsx-output';

export interface BriefArgs {
  readonly file: string | null;
  readonly output: string | null;
  readonly sheetOutput: string | null;
  readonly title: string | null;
  readonly asOf: LocalDate | null;
  readonly policyFile: string | null;
  /** --map 'Sheet!Header=field' (repeatable), over the workbook's stored column mapping. */
  readonly map: TaughtMap;
  readonly lang: Locale;
  readonly help: boolean;
}

export const BRIEF_USAGE: Msg = msg(
  `用法：cadre-ledger brief 文件.xlsx -o 材料.docx [--sheet 输出.xlsx] [--title 标题] [--as-of YYYY-MM-DD] [--policy 设置.json] [--map '工作表!表头=字段'] [--lang zh-CN|en-US]
  按台账生成常委会议研究材料（Word 文档，GB/T 9704 版式）；--sheet 另存一份加入打印用材料工作表的工作簿。原文件不会被修改。
  材料中“适用的政策规定”一节列出实际适用的各项设置，并标明哪些已调整。
  ${POLICY_PRECEDENCE['zh-CN']}`,
  `Usage: cadre-ledger brief FILE.xlsx -o BRIEF.docx [--sheet OUT.xlsx] [--title TITLE] [--as-of YYYY-MM-DD] [--policy P.json] [--map 'Sheet!Header=field'] [--lang zh-CN|en-US]
  Writes the standing-committee brief as a Word document (GB/T 9704 layout); --sheet also saves a copy of the workbook with the print-ready brief sheet. The input is never changed.
  The brief's section "policy in force" lists every value used and marks the changed ones.
  ${POLICY_PRECEDENCE['en-US']}`,
);

/**
 * The options brief and forms share: --as-of, --lang (read before the loop; checked here),
 * --map, the input file, and the refusal of unknown options and extra arguments. 'ok' or the refusal.
 */
export function commonOption(
  flag: string,
  raw: string,
  value: () => string | null,
  a: { asOf: LocalDate | null; file: string | null; map: TaughtMap },
): Msg | 'ok' {
  if (flag === '--map') {
    const v = value();
    if (v === null) return msg("--map 后面应写 '工作表!表头=字段'", "--map needs 'Sheet!Header=field'");
    const m = parseMapArg(v);
    if (!m.ok) return m.message;
    a.map = teach(a.map, m.sheet, m.column.header, m.column.field);
    return 'ok';
  }
  if (flag === '--as-of') {
    const v = value();
    const d = v === null ? null : parseIso(v);
    if (d === null) return msg(`--as-of 应为 YYYY-MM-DD 格式的日期，实际为“${v ?? ''}”`, `--as-of expects a date as YYYY-MM-DD, got "${v ?? ''}"`);
    a.asOf = d;
    return 'ok';
  }
  if (flag === '--lang') {
    const v = value();
    return v === 'zh-CN' || v === 'en-US' ? 'ok' : msg(`--lang 只能是 zh-CN 或 en-US，实际为“${v ?? ''}”`, `--lang must be zh-CN or en-US, got "${v ?? ''}"`);
  }
  if (raw.startsWith('-') && raw.length > 1) return msg(`不认识的选项 ${raw}`, `Unknown option ${raw}`);
  if (a.file !== null) return msg(`多余的参数“${raw}”`, `Unexpected argument "${raw}"`);
  a.file = raw;
  return 'ok';
}

export type ParsedBriefArgs = { ok: true; args: BriefArgs } | { ok: false; error: Msg; lang: Locale };

/** --lang, read before the other options so that a refusal is worded in the language asked for. */
export function langOf(argv: readonly string[]): Locale {
  const li = argv.findIndex((x) => x === '--lang' || x.startsWith('--lang='));
  const v = li >= 0 ? (argv[li].includes('=') ? argv[li].split('=')[1] : argv[li + 1]) : undefined;
  return v === 'en-US' ? 'en-US' : 'zh-CN';
}

/**
 * Walk the arguments of brief and forms: each token's flag (`--x` of `--x=v`), the raw token, and
 * value(), which takes the `=v` part or the next argument that is not an option. The first refusal
 * a visitor returns stops the walk and is returned.
 */
export function walkArgs(argv: readonly string[], visit: (flag: string, raw: string, value: () => string | null) => Msg | void): Msg | null {
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string | null => {
      if (eq > 0) return raw.slice(eq + 1);
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith('-') && v.length > 1)) return null;
      i++;
      return v;
    };
    const refused = visit(flag, raw, value);
    if (refused) return refused;
  }
  return null;
}

/** An option's value handed to `assign`, or the refusal `what` when it has none. */
export function given(v: string | null, what: Msg, assign: (v: string) => void): Msg | void {
  if (v === null) return what;
  assign(v);
}

export function parseBriefArgs(argv: readonly string[]): ParsedBriefArgs {
  const a = {
    file: null as string | null,
    output: null as string | null,
    sheetOutput: null as string | null,
    title: null as string | null,
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
      case '-o':
      case '--output':
        return given(value(), msg(`${flag} 后面应写 .docx 文件名`, `${flag} needs a .docx file name`), (v) => (a.output = v));
      case '--sheet':
        return given(value(), msg('--sheet 后面应写输出的 .xlsx 文件名', '--sheet needs an output .xlsx file name'), (v) => (a.sheetOutput = v));
      case '--title':
        return given(value(), msg('--title 后面应写材料标题', '--title needs the title text'), (v) => (a.title = v));
      case '--policy':
        return given(value(), msg('--policy 后面应写政策设置 JSON 文件名', '--policy needs a policy JSON file name'), (v) => (a.policyFile = v));
      default: {
        const r = commonOption(flag, raw, value, a);
        return r === 'ok' ? undefined : r;
      }
    }
  });
  return error ? { ok: false, error, lang: a.lang } : { ok: true, args: a };
}

/** Unusable input or arguments of brief and forms: one line on stderr, exit 2. */
export class BriefUsageError extends Error {
  constructor(readonly userMessage: Msg) {
    super(userMessage['en-US']);
  }
}

function readProblem(file: string, e: unknown): Msg {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return msg(`找不到文件 ${file}`, `File not found: ${file}`);
  return msg(`无法读取 ${file}：${(e as Error).message}`, `Cannot read ${file}: ${(e as Error).message}`);
}

export async function readBytes(file: string, io: CliIo): Promise<Uint8Array> {
  try {
    return await io.readFile(file);
  } catch (e) {
    throw new BriefUsageError(readProblem(file, e));
  }
}

export async function write(file: string, data: Uint8Array, io: CliIo): Promise<void> {
  try {
    await io.writeFile(file, data);
  } catch (e) {
    throw new BriefUsageError(msg(`无法写入 ${file}：${(e as Error).message}`, `Cannot write ${file}: ${(e as Error).message}`));
  }
}

/** A reader's refusal (PortError) as the command's refusal, prefixed with the file's name. */
function refusal(file: string): (e: unknown) => never {
  return (e) => {
    if (e instanceof PortError) throw new BriefUsageError(aboutFile(file, e.userMessage));
    throw e;
  };
}

async function policyText(policyFile: string | null, io: CliIo): Promise<string | null> {
  return policyFile ? new TextDecoder('utf-8').decode(await readBytes(policyFile, io)) : null;
}

/**
 * The policy in force for the workbook and the columns the user taught, from its stored settings
 * and the command's options; a refused policy throws BriefUsageError, warnings go to stderr with
 * the command's name.
 */
async function inForceFor(
  command: string,
  file: string,
  policyFile: string | null,
  text: string | null,
  io: CliIo,
  lang: Locale,
  map: TaughtMap,
  getSetting: GetSetting,
) {
  const inForce = await policyInForce(file, getSetting, policyFile, text);
  if (!inForce.ok) throw new BriefUsageError(inForce.error);
  for (const w of inForce.warnings) io.err(`cadre-ledger ${command}: ${say(w, lang)}\n`);
  // The columns the user taught: stored in the workbook, then --map on top (SPEC precedence).
  const taught = mergeTaught(parseTaughtMap(await getSetting(COLUMN_MAP_SETTING_KEY)).map, map);
  return { inForce: inForce.value, taught };
}

/**
 * The workbook to edit (full reader, so a copy can be written; .xls/.et/.ods converted to .xlsx in
 * memory), the format it was read from, and the policy in force for it; refused input throws
 * BriefUsageError.
 */
export async function openWithPolicy(command: string, file: string, policyFile: string | null, io: CliIo, lang: Locale, map: TaughtMap = EMPTY_TAUGHT) {
  const text = await policyText(policyFile, io);
  const { book, format } = await openAnyFileWorkbook(await readBytes(file, io)).catch(refusal(file));
  return { book, format, ...(await inForceFor(command, file, policyFile, text, io, lang, map, (k) => book.getSetting(k))) };
}

/**
 * The workbook's Grids read by the fast read-only reader (src/cli/read-only-book.ts: a 100,000-row
 * roster in under a second and ~200 MB, where the full reader takes ~6 s and ~900 MB), the format
 * and the policy in force; with `forEdit` (--sheet: a copy of the workbook is to be written) also
 * `book`, the same bytes opened by the full reader — before any output is written, so a file it
 * refuses is refused with nothing written.
 */
export async function readWithPolicy(
  command: string,
  file: string,
  policyFile: string | null,
  io: CliIo,
  lang: Locale,
  map: TaughtMap,
  forEdit: boolean,
): Promise<{ grids: Grid[]; format: WorkbookFormat; inForce: PolicyInForce; taught: TaughtMap; book: FileWorkbook | null }> {
  const text = await policyText(policyFile, io);
  const bytes = await readBytes(file, io);
  const read = await openReadOnly(bytes).catch(refusal(file));
  const got = await inForceFor(command, file, policyFile, text, io, lang, map, (k) => read.getSetting(k).catch(refusal(file)));
  const grids = await read.read().catch(refusal(file));
  let book: FileWorkbook | null = null;
  if (forEdit) {
    book = (await openAnyFileWorkbook(bytes).catch(refusal(file))).book;
    readerUse.edit++;
  }
  return { grids, format: read.format, book, ...got };
}

/**
 * The frame brief and forms share: a refused argument or --help answered, then the command's body;
 * a BriefUsageError from the body is one line on stderr and exit 2.
 */
export async function runParsed<A extends { readonly lang: Locale; readonly help: boolean }>(
  command: string,
  parsed: { ok: true; args: A } | { ok: false; error: Msg; lang: Locale },
  usage: Msg,
  io: CliIo,
  body: (args: A) => Promise<number>,
): Promise<number> {
  if (!parsed.ok) {
    io.err(`cadre-ledger ${command}: ${say(parsed.error, parsed.lang)}\n`);
    return 2;
  }
  const args = parsed.args;
  if (args.help) {
    io.out(`${say(usage, args.lang)}\n`);
    return 0;
  }
  try {
    return await body(args);
  } catch (e) {
    if (e instanceof BriefUsageError) {
      io.err(`cadre-ledger ${command}: ${say(e.userMessage, args.lang)}\n`);
      return 2;
    }
    throw e;
  }
}

/** Run `brief` with the arguments after the command word. Returns the exit code. */
export async function runBrief(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  return runParsed('brief', parseBriefArgs(argv), BRIEF_USAGE, io, async (args) => {
    const lang = args.lang;
    if (args.file === null) throw new BriefUsageError(msg('缺少要处理的 .xlsx 文件名', 'Missing the .xlsx file to work on'));
    if (args.output === null) throw new BriefUsageError(msg('brief 需要用 -o 指定输出的 .docx 文件', 'brief needs -o BRIEF.docx'));
    const sheetOutput = args.sheetOutput === null ? null : xlsxOutputName(args.sheetOutput);
    for (const out of [args.output, sheetOutput]) {
      if (out !== null && (await io.samePath(args.file, out))) {
        throw new BriefUsageError(
          msg(`输出文件不能与原文件相同（${out}）；原文件不会被修改`, `The output must differ from the input (${out}); the input is never changed`),
        );
      }
    }
    const asOf = args.asOf ?? io.today();
    const { grids, format, inForce, taught, book } = await readWithPolicy('brief', args.file, args.policyFile, io, lang, args.map, sheetOutput !== null);
    const model = buildBrief(grids, inForce.policy, asOf, { title: args.title ?? undefined, calendar: inForce.calendar, taught });
    const docx = await renderDocx(model);
    await write(args.output, docx.bytes, io);
    const lines = [
      say(
        msg(
          `已生成常委会议研究材料（截至 ${formatIso(asOf)}）→ ${args.output}`,
          `Standing-committee brief (as of ${formatIso(asOf)}) written to ${args.output}`,
        ),
        lang,
      ),
    ];
    if (args.sheetOutput && sheetOutput && book) {
      const sheet = renderSheet(model);
      await book.writeSheet(sheet.spec, { replace: true });
      await write(sheetOutput, await book.save(), io);
      lines.push(
        say(msg(`打印用工作表“${sheet.spec.name}”已加入 → ${sheetOutput}`, `Print-ready sheet "${sheet.spec.name}" added in ${sheetOutput}`), lang),
        ...outputNotes(format, args.sheetOutput, sheetOutput).map((n) => say(n, lang)),
      );
    } else if (format !== 'xlsx') lines.push(say(convertedNote(format, false), lang));
    if (docx.privacy.length) {
      lines.push(
        say(
          msg(
            `注意：台账文字中有 ${docx.privacy.length} 处身份证号或出生日期，已在材料中遮蔽，请核对原台账`,
            `Note: ${docx.privacy.length} ID numbers or birth dates in ledger text were masked in the brief; check the ledger`,
          ),
          lang,
        ),
      );
    }
    io.out(`${lines.join('\n')}\n`);
    return 0;
  });
}
