/**
 * The policy and work calendar a CLI command runs under (SPEC §2, §7). Precedence, lowest first:
 * the built-in defaults, the overrides stored in the workbook (settings `policy` and `calendar`,
 * as the add-in saves them from 政策设置), then `--policy P.json` key by key on top. The calendar
 * comes from the workbook only. A refused value in either source stops the command (exit 2) with
 * one line naming the source and the key; the command never runs under values nobody chose.
 *
 * Refused: every error of resolvePolicy (a wrong value or an unknown key), and a contradiction
 * that falls back to the defaults (a `policy.inconsistent` warning after which a value asked for
 * is not in force). The other warnings keep the values (e.g. removal + admonition shares above the
 * preliminary share): the command runs and the caller prints each one, naming its source.
 */
import { msg, type Msg } from '../i18n/message';
import type { WorkCalendar } from '../calendar';
import type { Policy } from '../policy/policy';
import { flattenPolicy, layerOverrides, resolvePolicy } from '../policy/validate';
import { loadWorkbookPolicy, type GetSetting } from '../policy/workbook-policy';
import type { Finding } from '../values/finding';

export interface PolicyInForce {
  readonly policy: Policy;
  readonly calendar: WorkCalendar;
}

/** Where an override comes from, for the error line. */
const workbookSource = (file: string, f: Finding): Msg =>
  msg(`${file} 中保存的政策设置有误：${f.message['zh-CN']}`, `The policy stored in ${file} is invalid: ${f.message['en-US']}`);
const fileSource = (policyFile: string, f: Finding): Msg =>
  msg(`政策设置 ${policyFile} 有误：${f.message['zh-CN']}`, `Policy ${policyFile} is invalid: ${f.message['en-US']}`);
const bothSources = (file: string, policyFile: string, f: Finding): Msg =>
  msg(
    `${file} 中保存的政策设置与 ${policyFile} 合并后有误：${f.message['zh-CN']}`,
    `The policy stored in ${file} combined with ${policyFile} is invalid: ${f.message['en-US']}`,
  );

const workbookWarning = (file: string, f: Finding): Msg =>
  msg(`警告：${file} 中保存的政策设置：${f.message['zh-CN']}`, `Warning: the policy stored in ${file}: ${f.message['en-US']}`);
const fileWarning = (policyFile: string, f: Finding): Msg =>
  msg(`警告：政策设置 ${policyFile}：${f.message['zh-CN']}`, `Warning: policy ${policyFile}: ${f.message['en-US']}`);
const bothWarning = (file: string, policyFile: string, f: Finding): Msg =>
  msg(
    `警告：${file} 中保存的政策设置与 ${policyFile} 合并后：${f.message['zh-CN']}`,
    `Warning: the policy stored in ${file} combined with ${policyFile}: ${f.message['en-US']}`,
  );

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === (typeof b[i] === 'string' ? b[i].trim() : b[i]));
  return a === b;
}

/** The known keys whose override is not the value in force (refused or fallen back to a default). */
function notInForce(overrides: unknown, policy: Policy): string[] {
  const inForce = flattenPolicy(policy);
  const out: string[] = [];
  if (!isPlainObject(overrides)) return out;
  for (const [group, values] of Object.entries(overrides)) {
    if (!isPlainObject(values)) continue;
    for (const [key, value] of Object.entries(values)) {
      const path = `${group}.${key}`;
      if (value !== undefined && path in inForce && !sameValue(inForce[path], value)) out.push(path);
    }
  }
  return out;
}

/**
 * Split the findings of one resolved layer: the refusal that stops the command (the first error,
 * else the contradiction that dropped a value asked for), or the warnings to print.
 */
function judge(overrides: unknown, policy: Policy, findings: readonly Finding[]): { refusal: Finding | null; warnings: Finding[] } {
  const error = findings.find((f) => f.severity === 'error');
  if (error) return { refusal: error, warnings: [] };
  const dropped = notInForce(overrides, policy);
  if (dropped.length) {
    const why =
      findings.find((f) => f.code === 'policy.inconsistent' && dropped.some((k) => f.message['en-US'].includes(k))) ??
      findings.find((f) => f.code === 'policy.inconsistent');
    return { refusal: why ?? findings[0] ?? null, warnings: [] };
  }
  return { refusal: null, warnings: [...findings] };
}

export type PolicyResult = { ok: true; value: PolicyInForce; warnings: Msg[] } | { ok: false; error: Msg };

/**
 * Resolve the layers. `policyText` is the --policy file's text (null without --policy). Returns
 * the policy and calendar with the warnings about the values in force (each naming its source),
 * or the first refusal as a message naming its source.
 */
export async function policyInForce(file: string, getSetting: GetSetting, policyFile: string | null, policyText: string | null): Promise<PolicyResult> {
  const stored = await loadWorkbookPolicy(getSetting);
  const fromWorkbook = judge(stored.overrides, stored.policy, stored.errors);
  if (fromWorkbook.refusal) return { ok: false, error: workbookSource(file, fromWorkbook.refusal) };
  if (policyFile === null || policyText === null) {
    return { ok: true, value: { policy: stored.policy, calendar: stored.calendar }, warnings: fromWorkbook.warnings.map((f) => workbookWarning(file, f)) };
  }
  let fromFile: unknown;
  try {
    fromFile = JSON.parse(policyText);
  } catch (e) {
    return {
      ok: false,
      error: msg(`政策设置文件 ${policyFile} 不是有效的 JSON：${(e as Error).message}`, `Policy file ${policyFile} is not valid JSON: ${(e as Error).message}`),
    };
  }
  const alone = resolvePolicy(fromFile);
  const fromPolicyFile = judge(fromFile, alone.policy, alone.errors);
  if (fromPolicyFile.refusal) return { ok: false, error: fileSource(policyFile, fromPolicyFile.refusal) };
  const overrides = layerOverrides(stored.overrides, fromFile);
  const layered = resolvePolicy(overrides);
  const together = judge(overrides, layered.policy, layered.errors);
  if (together.refusal) return { ok: false, error: bothSources(file, policyFile, together.refusal) };
  // The warnings about the values in force, each named after the source that alone gives it.
  const said = (list: readonly Finding[], f: Finding) => list.some((x) => x.message['en-US'] === f.message['en-US']);
  const warnings = together.warnings.map((f) =>
    said(fromWorkbook.warnings, f)
      ? workbookWarning(file, f)
      : said(fromPolicyFile.warnings, f)
        ? fileWarning(policyFile, f)
        : bothWarning(file, policyFile, f),
  );
  return { ok: true, value: { policy: layered.policy, calendar: stored.calendar }, warnings };
}

/** The precedence as the usage texts state it. */
export const POLICY_PRECEDENCE: Msg = msg(
  `政策设置的优先顺序（后者覆盖前者）：内置默认值 → 工作簿中保存的设置（加载项“政策设置”页，含工作日历调整）→ --policy 文件中的各项。`,
  `Policy precedence (later wins): built-in defaults → the settings stored in the workbook (the add-in's 政策设置 page, incl. calendar adjustments) → each key of the --policy file.`,
);
