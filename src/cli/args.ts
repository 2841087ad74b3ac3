/**
 * Command-line arguments of `cadre-ledger` (SPEC §7). Parsing never throws: a problem comes back
 * as a bilingual message and the caller exits with code 2.
 */
import { msg, type Locale, type Msg } from '../i18n/message';
import { parseIso, type LocalDate } from '../values/local-date';
import { POLICY_PRECEDENCE } from './policy';
import { EMPTY_TAUGHT, parseMapArg, teach, type TaughtMap } from '../ledger/taught-map';

/** `brief` is added by the brief module (src/brief) next to these. */
export type Command = 'check' | 'fix' | 'eliminate';

export interface CliArgs {
  readonly command: Command | null;
  readonly file: string | null;
  readonly output: string | null;
  readonly json: boolean;
  readonly asOf: LocalDate | null;
  readonly policyFile: string | null;
  /** --map 'Sheet!Header=field' (repeatable): taught columns, over the workbook's stored ones. */
  readonly map: TaughtMap;
  readonly lang: Locale;
  readonly help: boolean;
}

export type ParsedArgs = { ok: true; args: CliArgs } | { ok: false; error: Msg; lang: Locale };

const COMMANDS: readonly Command[] = ['check', 'fix', 'eliminate'];

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let command: Command | null = null;
  let file: string | null = null;
  let output: string | null = null;
  let json = false;
  let asOf: LocalDate | null = null;
  let policyFile: string | null = null;
  let map: TaughtMap = EMPTY_TAUGHT;
  let lang: Locale = 'zh-CN';
  let help = false;
  const langIdx = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (langIdx >= 0) {
    const v = argv[langIdx].includes('=') ? argv[langIdx].split('=')[1] : argv[langIdx + 1];
    if (v === 'en-US' || v === 'zh-CN') lang = v;
  }
  const fail = (error: Msg): ParsedArgs => ({ ok: false, error, lang });
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith('-') && v.length > 1)) return null;
      i++;
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        help = true;
        break;
      case '--json':
        json = true;
        break;
      case '-o':
      case '--output': {
        const v = value();
        if (v === null) return fail(msg(`${flag} 后面应写输出文件名`, `${flag} needs an output file name`));
        output = v;
        break;
      }
      case '--as-of': {
        const v = value();
        const d = v === null ? null : parseIso(v);
        if (d === null) return fail(msg(`--as-of 应为 YYYY-MM-DD 格式的日期，实际为“${v ?? ''}”`, `--as-of expects a date as YYYY-MM-DD, got "${v ?? ''}"`));
        asOf = d;
        break;
      }
      case '--policy': {
        const v = value();
        if (v === null) return fail(msg('--policy 后面应写政策设置 JSON 文件名', '--policy needs a policy JSON file name'));
        policyFile = v;
        break;
      }
      case '--map': {
        const v = value();
        if (v === null) return fail(msg("--map 后面应写 '工作表!表头=字段'", "--map needs 'Sheet!Header=field'"));
        const m = parseMapArg(v);
        if (!m.ok) return fail(m.message);
        map = teach(map, m.sheet, m.column.header, m.column.field);
        break;
      }
      case '--lang': {
        const v = value();
        if (v !== 'zh-CN' && v !== 'en-US')
          return fail(msg(`--lang 只能是 zh-CN 或 en-US，实际为“${v ?? ''}”`, `--lang must be zh-CN or en-US, got "${v ?? ''}"`));
        break;
      }
      default:
        if (raw.startsWith('-') && raw.length > 1) return fail(msg(`不认识的选项 ${raw}`, `Unknown option ${raw}`));
        if (command === null) {
          if (!(COMMANDS as readonly string[]).includes(raw))
            return fail(msg(`不认识的命令“${raw}”，应为 check、fix 或 eliminate`, `Unknown command "${raw}"; expected check, fix or eliminate`));
          command = raw as Command;
        } else if (file === null) file = raw;
        else return fail(msg(`多余的参数“${raw}”`, `Unexpected argument "${raw}"`));
    }
  }
  return { ok: true, args: { command, file, output, json, asOf, policyFile, map, lang, help } };
}

export const USAGE: Msg = msg(
  `用法：
  cadre-ledger check 文件.xlsx [--json] [--policy 设置.json] [--as-of YYYY-MM-DD]
      检查台账，列出每个问题所在的单元格。退出码：0 无问题，1 有问题，2 文件无法读取或参数、政策设置有误。
  cadre-ledger fix 文件.xlsx -o 输出.xlsx [--json] [--policy 设置.json] [--as-of YYYY-MM-DD]
      按安全规则修复（日期、姓名、身份证号文本、公式列），写入新文件，从不修改原文件。
  cadre-ledger eliminate 文件.xlsx [--json] [--policy 设置.json]
      末位淘汰排名表（四.4），含免职、诫勉、初步淘汰档次及并列标记。
选项：
  --json            输出 JSON
  --as-of 日期      检查日期（默认今天），使结果可复现
  --policy 文件     政策设置覆盖（JSON，只写要改的项，如 {"notice":{"days":7}}）
  --map '表!表头=字段'  指定列（可重复），如 --map '试用期干部!任职时间=probationStart'；优先于工作簿中保存的指定
  --lang zh-CN|en-US  界面语言（默认 zh-CN）
  -h, --help        显示本帮助
也可读取旧版 .xls、WPS 表格 .et 和 .ods（按内容识别）；fix 总是写出 .xlsx。加密、.xlsb、.csv 等无法如实读取的文件退出码为 2。
${POLICY_PRECEDENCE['zh-CN']}
常委会议研究材料：cadre-ledger brief --help
干部任免审批表：cadre-ledger forms --help；导入 .lrmx：cadre-ledger lrmx --help`,
  `Usage:
  cadre-ledger check FILE.xlsx [--json] [--policy P.json] [--as-of YYYY-MM-DD]
      Check the ledgers and list every problem with its cell. Exit: 0 none, 1 some, 2 unreadable file, bad arguments or policy.
  cadre-ledger fix FILE.xlsx -o OUT.xlsx [--json] [--policy P.json] [--as-of YYYY-MM-DD]
      Apply the safe fixes (dates, names, IDs as text, formula columns) into a new file; the input is never changed.
  cadre-ledger eliminate FILE.xlsx [--json] [--policy P.json]
      The bottom-elimination table (四.4) with removal, admonition and preliminary tiers and tie flags.
Options:
  --json            print JSON
  --as-of DATE      the as-of date (default today), for reproducible results
  --policy FILE     policy overrides (JSON, only the keys to change, e.g. {"notice":{"days":7}})
  --map 'Sheet!Header=field'  teach a column (repeatable), e.g. --map '试用期干部!任职时间=probationStart'; wins over the mapping stored in the workbook
  --lang zh-CN|en-US  language (default zh-CN)
  -h, --help        show this help
Legacy .xls, WPS .et and .ods are read too (told by content); fix always writes .xlsx. Encrypted, .xlsb, .csv and other files that cannot be read faithfully exit with 2.
${POLICY_PRECEDENCE['en-US']}
Standing-committee brief: cadre-ledger brief --help
Appointment-approval forms (干部任免审批表): cadre-ledger forms --help; .lrmx import: cadre-ledger lrmx --help`,
);
