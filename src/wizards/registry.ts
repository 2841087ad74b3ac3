/**
 * The wizards, in chain order (推荐计票 → 考察对象 → 任前公示 → 常委会表决 → 试用期 → 末位淘汰 → 设置).
 * Each wizard lives in its own file; to add one, add ONE import line and ONE entry line below, in
 * chain order (see types.ts "Adding a wizard"). The task pane lists them in this order.
 */
import type { AnyWizard } from './types';
import { tallyWizard } from './tally';
import { shortlistWizard } from './shortlist';
import { noticeWizard } from './notice';
import { committeeWizard } from './committee';
import { probationWizard } from './probation';
import { eliminationWizard } from './elimination';
import { settingsWizard } from './settings';

export const WIZARDS: readonly AnyWizard[] = [
  // one wizard per line, chain order
  tallyWizard,
  shortlistWizard,
  noticeWizard,
  committeeWizard,
  probationWizard,
  eliminationWizard,
  settingsWizard,
];

export function wizardById(id: string): AnyWizard | undefined {
  return WIZARDS.find((w) => w.id === id);
}
