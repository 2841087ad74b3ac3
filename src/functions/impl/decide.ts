/**
 * From a rule's Decision to a function result: the rule decides, this only picks the Excel error
 * for a Decision without an outcome. The message is the rule's own first error (or warning),
 * prefixed with the arguments it concerns, so "得票数 12 大于计算基数 10" reads as being about the
 * user's cells.
 */
import { msg } from '../../i18n/message';
import type { Decision, Reason } from '../../rules/decision';
import type { ArgName } from './args';
import type { FnError, FnErrorKind } from './result';

/** The reason to show: the first error, else the first warning, else the first reason. */
export function mainReason(reasons: readonly Reason[]): Reason | undefined {
  return reasons.find((r) => r.severity === 'error') ?? reasons.find((r) => r.severity === 'warning') ?? reasons[0];
}

/** An FnError from a rule's reasons, naming `args` when given. */
export function ruleError(reasons: readonly Reason[], args: readonly ArgName[] = [], kind: FnErrorKind = 'invalidValue'): FnError {
  const r = mainReason(reasons);
  const zh = r ? r.message['zh-CN'] : '数据不足以得出结论';
  const en = r ? r.message['en-US'] : 'the data do not support a decision';
  if (args.length === 0) return { error: kind, message: msg(zh, en) };
  const names = args.map((a) => `「${a.zh}」`).join('');
  return { error: kind, message: msg(`${names}${zh}`, `${args.map((a) => a.en).join(', ')}: ${en}`) };
}

/** The outcome, or the rule's error when it has none. */
export function outcomeOr<T>(d: Decision<T | null>, args: readonly ArgName[] = [], kind: FnErrorKind = 'invalidValue'): T | FnError {
  return d.outcome === null ? ruleError(d.reasons, args, kind) : d.outcome;
}
