/**
 * `cadre-ledger` (SPEC §7): check | fix | eliminate on .xlsx files, with the same engine as the
 * add-in. Exit codes: 0 no findings (or success), 1 findings, 2 unusable input (unreadable,
 * encrypted, not a workbook, bad arguments or policy). Unusable input gives one clear line on
 * stderr.
 */
import { msg, plural, say, type Locale, type Msg } from '../i18n/message';
import { checkWorkbook } from '../ledger/check-workbook';
import { planWorkbookFixes } from '../ledger/fix-workbook';
import { eliminationOf } from '../ledger/checks/assessment';
import type { CheckContext } from '../ledger/checks/context';
import { openAnyFileWorkbook } from '../workbook/file/open-workbook';
import { PortError } from '../workbook/port';
import { aboutFile, openReadOnly, type ReadOnlyBook } from './read-only-book';

/** Which reader served each read-only command (check, eliminate, brief and forms without a copy). */
export { readerUse } from './read-only-book';
import { parseArgs, USAGE, type CliArgs } from './args';
import { nodeIo, type CliIo } from './io';
import { policyInForce } from './policy';
import { outputNotes, xlsxOutputName } from './xlsx-output';
import {
  checkJsonBytes,
  editJson,
  editLine,
  eliminationJson,
  eliminationText,
  eliminationUnread,
  linesText,
  unrankedLine,
  findingLine,
  sheetLine,
  summaryLine,
} from './output';
import { unreadFor } from '../ledger/unread';
import { COLUMN_MAP_SETTING_KEY, mergeTaught, parseTaughtMap } from '../ledger/taught-map';

/** Thrown inside a command for unusable input: printed as one line, exit 2. */
class UsageError extends Error {
  constructor(readonly userMessage: Msg) {
    super(userMessage['en-US']);
  }
}

export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  // brief and the full reader (exceljs) load only when needed: check and eliminate never use them.
  if (argv[0] === 'brief') return (await import('./brief')).runBrief(argv.slice(1), io);
  if (argv[0] === 'forms') return (await import('./forms')).runForms(argv.slice(1), io);
  if (argv[0] === 'lrmx') return (await import('./lrmx')).runLrmx(argv.slice(1), io);
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.err(`cadre-ledger: ${say(parsed.error, parsed.lang)}\n`);
    return 2;
  }
  const args = parsed.args;
  if (args.help || args.command === null) {
    (args.help ? io.out : io.err)(`${say(USAGE, args.lang)}\n`);
    return args.help ? 0 : 2;
  }
  try {
    if (args.file === null) throw new UsageError(msg('缺少要处理的 .xlsx 文件名', 'Missing the .xlsx file to work on'));
    switch (args.command) {
      case 'check':
        return await runCheck(args, io);
      case 'fix':
        return await runFix(args, io);
      case 'eliminate':
        return await runEliminate(args, io);
    }
  } catch (e) {
    const m = e instanceof UsageError || e instanceof PortError ? e.userMessage : null;
    if (m) {
      io.err(`cadre-ledger: ${say(m, args.lang)}\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * The check context: the policy in force for this workbook (src/cli/policy.ts) and the as-of date.
 * A refused policy value stops the command (exit 2); policy warnings are printed and it goes on.
 */
async function context(args: CliArgs, io: CliIo, book: Pick<ReadOnlyBook, 'getSetting'>): Promise<CheckContext> {
  const file = args.file as string;
  let text: string | null = null;
  if (args.policyFile) {
    try {
      text = new TextDecoder('utf-8').decode(await io.readFile(args.policyFile));
    } catch (e) {
      throw new UsageError(fileProblem(args.policyFile, e));
    }
  }
  const r = await policyInForce(file, book.getSetting, args.policyFile, text);
  if (!r.ok) throw new UsageError(r.error);
  // Warnings keep the values: one line each on stderr, so stdout stays the result (--json: SPEC §7).
  for (const w of r.warnings) io.err(`cadre-ledger: ${say(w, args.lang)}\n`);
  // Taught columns: the workbook's stored mapping, then --map over it (header by header).
  const stored = parseTaughtMap(await book.getSetting(COLUMN_MAP_SETTING_KEY));
  const taught = mergeTaught(stored.map, args.map);
  return { policy: r.value.policy, calendar: r.value.calendar, asOf: args.asOf ?? io.today(), taught, taughtProblems: stored.problems };
}

function fileProblem(file: string, e: unknown): Msg {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return msg(`找不到文件 ${file}`, `File not found: ${file}`);
  if (code === 'EISDIR') return msg(`${file} 是文件夹，不是文件`, `${file} is a folder, not a file`);
  if (code === 'EACCES' || code === 'EPERM') return msg(`没有权限读取 ${file}`, `No permission to read ${file}`);
  return msg(`无法读取 ${file}：${(e as Error).message}`, `Cannot read ${file}: ${(e as Error).message}`);
}

async function readInput(file: string, io: CliIo): Promise<Uint8Array> {
  try {
    return await io.readFile(file);
  } catch (e) {
    throw new UsageError(fileProblem(file, e));
  }
}

/** A reader's refusal, prefixed with the file name. */
async function orRefuse<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof PortError) throw new UsageError(aboutFile(file, e.userMessage));
    throw e;
  }
}

/**
 * A workbook opened to read (check, eliminate; see read-only-book.ts), its refusals and those of
 * the full reader it may fall back to prefixed with the file's name.
 */
async function openLedger(file: string, io: CliIo): Promise<ReadOnlyBook> {
  const bytes = await readInput(file, io);
  const book = await orRefuse(file, () => openReadOnly(bytes));
  return {
    read: () => orRefuse(file, () => book.read()),
    getSetting: (k) => orRefuse(file, () => book.getSetting(k)),
    format: book.format,
  };
}

function print(io: CliIo, lines: readonly string[]): void {
  if (!lines.length) io.out('');
  for (const piece of linesText(lines)) io.out(piece);
}

/**
 * Pieces of UTF-8 output (each one read before the next is made: they share a buffer), as bytes
 * when the IO takes them, otherwise as text (the in-memory IO of the tests).
 */
async function outBytes(io: CliIo, pieces: Iterable<Uint8Array>): Promise<void> {
  if (io.outBytes) {
    for (const piece of pieces) await io.outBytes(piece);
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const piece of pieces) io.out(decoder.decode(piece, { stream: true }));
  const rest = decoder.decode();
  if (rest) io.out(rest);
}

async function runCheck(args: CliArgs, io: CliIo): Promise<number> {
  const file = args.file as string;
  const book = await openLedger(file, io);
  const ctx = await context(args, io, book);
  // Only the models and findings are printed: the Grids and typed rows may go before the output is made.
  const { models, findings } = checkWorkbook(await book.read(), ctx);
  if (args.json) {
    await outBytes(io, checkJsonBytes(file, models, findings, args.lang));
  } else {
    const lang: Locale = args.lang;
    print(io, [
      say(msg(`检查 ${file}（截至 ${iso(ctx)}）`, `Checking ${file} (as of ${iso(ctx)})`), lang),
      ...models.map((m) => sheetLine(m, lang)),
      ...findings.map((f) => findingLine(f, lang)),
      summaryLine(findings, lang),
    ]);
  }
  return findings.length ? 1 : 0;
}

function iso(ctx: CheckContext): string {
  const d = ctx.asOf;
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

async function runFix(args: CliArgs, io: CliIo): Promise<number> {
  const file = args.file as string;
  if (!args.output) throw new UsageError(msg('fix 需要用 -o 指定输出文件；原文件不会被修改', 'fix needs -o OUT.xlsx; the input file is never changed'));
  const output = xlsxOutputName(args.output);
  if (await io.samePath(file, output)) {
    throw new UsageError(
      msg(`输出文件不能与原文件相同（${output}）；fix 从不修改原文件`, `The output must differ from the input (${output}); fix never changes its input`),
    );
  }
  const bytesIn = await readInput(file, io);
  const { book, format } = await orRefuse(file, () => openAnyFileWorkbook(bytesIn));
  const notes = outputNotes(format, args.output, output);
  const ctx = await context(args, io, { getSetting: (k) => book.getSetting(k) });
  const { plan, protectedSheets: skipped } = planWorkbookFixes(await book.read(), ctx);
  await book.apply(plan, msg('安全修复', 'Safe fixes'));
  const bytes = await book.save();
  try {
    await io.writeFile(output, bytes);
  } catch (e) {
    throw new UsageError(msg(`无法写入 ${output}：${(e as Error).message}`, `Cannot write ${output}: ${(e as Error).message}`));
  }
  if (args.json) {
    io.out(`${JSON.stringify({ file, output, inputFormat: format, edits: plan.edits.map((e) => editJson(e, args.lang)), protectedSheets: skipped })}\n`);
    // stdout stays one JSON object; the notes go to stderr, like policy warnings.
    for (const n of notes) io.err(`cadre-ledger: ${say(n, args.lang)}\n`);
  } else {
    const lang = args.lang;
    print(io, [
      say(
        msg(
          `修复 ${file} → ${output}：共修改 ${plan.edits.length} 个单元格`,
          `Fixed ${file} → ${output}: ${plan.edits.length} ${plural(plan.edits.length, 'cell', 'cells')} changed`,
        ),
        lang,
      ),
      ...notes.map((n) => say(n, lang)),
      ...plan.edits.map((e) => editLine(e, lang)),
      ...skipped.map((s) => say(msg(`工作表“${s}”受保护，未修改`, `Sheet "${s}" is protected and was not changed`), lang)),
    ]);
  }
  return 0;
}

async function runEliminate(args: CliArgs, io: CliIo): Promise<number> {
  const file = args.file as string;
  const book = await openLedger(file, io);
  const ctx = await context(args, io, book);
  const result = checkWorkbook(await book.read(), ctx);
  const sheets = result.ledgers.filter((l) => l.model.kind === 'assessment');
  if (!sheets.length) throw new UsageError(msg(`${file} 中没有年度考核测评表，无法排名`, `${file} has no annual assessment tally to rank`));
  const elim = eliminationOf(sheets, ctx.policy);
  if (args.json) {
    // SPEC §7 keys, then `unread`: what could not be read, so a count is never a silent "none".
    const unread = eliminationUnread(elim, unreadFor(sheets, 'elimination'), args.lang);
    io.out(`${JSON.stringify({ ...eliminationJson(elim), unread })}\n`);
    // stdout stays the SPEC §7 object; who could not be ranked goes to stderr, like policy warnings.
    const unranked = unrankedLine(elim, args.lang);
    if (unranked) io.err(`cadre-ledger: ${say(msg('警告：', 'Warning: '), args.lang)}${unranked}\n`);
  } else {
    const missing = unreadFor(sheets, 'elimination').filter((u) => !u.rows.length);
    print(io, [...eliminationText(elim, args.lang), ...missing.map((u) => say(u.message, args.lang))]);
  }
  return 0;
}
