/**
 * Optional per-wizard UI (the UI layer's extension point; types.ts "Adding a wizard", step 3).
 * WizardFrame renders a wizard's option fields and result table generically. A wizard that needs
 * more registers here, keyed by its id:
 * - `Options`: replaces the generic option form of the results step (value/onChange are the
 *   OptionValues the run gets; `fields` are the wizard's optionFields with defaults);
 * - `Result`: rendered above the generic result table (e.g. counts, a chart-like summary).
 * Keep one line per wizard in PANELS.
 */
import type { ComponentType } from 'react';
import type { OptionField, OptionValues, WizardInputs, WizardResult } from '../../wizards/types';
import { ProbationResultPanel } from './ProbationPanels';
import { EliminationOptions, EliminationResult } from './EliminationPanels';
import { SettingsOptions } from './SettingsEditor';

export interface OptionsPanelProps {
  readonly fields: readonly OptionField[];
  readonly value: OptionValues;
  readonly onChange: (next: OptionValues) => void;
  readonly inputs: Omit<WizardInputs, 'options'>;
}

export interface ResultPanelProps {
  readonly result: WizardResult;
  readonly options: OptionValues;
}

export interface WizardPanels {
  readonly Options?: ComponentType<OptionsPanelProps>;
  readonly Result?: ComponentType<ResultPanelProps>;
}

export const PANELS: Readonly<Record<string, WizardPanels>> = {
  // 'wizard-id': { Options: MyOptions },
  probation: { Result: ProbationResultPanel },
  elimination: { Options: EliminationOptions, Result: EliminationResult },
  settings: { Options: SettingsOptions },
};
