/**
 * The policy and work calendar a CLI command runs under (SPEC §2, §7). Precedence, lowest first:
 * the built-in defaults, the overrides stored in the workbook (settings `policy` and `calendar`,
 * as the add-in saves them from 政策设置), then `--policy P.json` key by key on top. The calendar
 * comes from the workbook only. A refused value in either source stops the command (exit 2) with
 * one line naming the source and the key; the command never runs under values nobody chose.
 */
import { msg, type Msg } from '../i18n/message';
import type { WorkCalendar } from '../calendar';
import type { Policy } from '../policy/policy';
import { layerOverrides, resolvePolicy } from '../policy/validate';
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

/**
 * Resolve the layers. `policyText` is the --policy file's text (null without --policy). Returns
 * the policy and calendar, or the first problem as a message naming its source.
 */
export async function policyInForce(
  file: string,
  getSetting: GetSetting,
  policyFile: string | null,
  policyText: string | null,
): Promise<{ ok: true; value: PolicyInForce } | { ok: false; error: Msg }> {
  const stored = await loadWorkbookPolicy(getSetting);
  if (stored.errors.length) return { ok: false, error: workbookSource(file, stored.errors[0]) };
  if (policyFile === null || policyText === null) return { ok: true, value: { policy: stored.policy, calendar: stored.calendar } };
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
  if (alone.errors.length) return { ok: false, error: fileSource(policyFile, alone.errors[0]) };
  const layered = resolvePolicy(layerOverrides(stored.overrides, fromFile));
  if (layered.errors.length) return { ok: false, error: bothSources(file, policyFile, layered.errors[0]) };
  return { ok: true, value: { policy: layered.policy, calendar: stored.calendar } };
}

/** The precedence as the usage texts state it. */
export const POLICY_PRECEDENCE: Msg = msg(
  `政策设置的优先顺序（后者覆盖前者）：内置默认值 → 工作簿中保存的设置（加载项“政策设置”页，含工作日历调整）→ --policy 文件中的各项。`,
  `Policy precedence (later wins): built-in defaults → the settings stored in the workbook (the add-in's 政策设置 page, incl. calendar adjustments) → each key of the --policy file.`,
);
