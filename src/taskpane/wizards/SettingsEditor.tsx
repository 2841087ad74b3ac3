/**
 * Wizard 7's editor (also the 政策设置 page): every policy key with an input, its default and its
 * source, the refusal of a bad value shown next to its key, reset per key and for all, and the
 * work-calendar adjustments. The values are the settings wizard's OptionValues (text per key);
 * every check is src/wizards/settings.ts.
 */
import { useMemo, type ReactElement } from 'react';
import {
  Button,
  Field,
  Input,
  Select,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { W2 } from '../../i18n/strings-wizards-2';
import { DEFAULT_POLICY, POLICY_SOURCES } from '../../policy/policy';
import { flattenPolicy, policyKeyKind, POLICY_KEYS } from '../../policy/validate';
import { statutoryYearRange } from '../../calendar';
import type { OptionValues } from '../../wizards/types';
import { CAL_OPTS, formatSettingValue, runSettings } from '../../wizards/settings';
import { formatPolicyValue } from '../policy-table';
import { useLocale, useT } from '../i18n';
import type { OptionsPanelProps } from './panels';

const DEFAULTS = flattenPolicy(DEFAULT_POLICY);

/** Every key at its default and no calendar adjustments. */
export function allDefaults(): OptionValues {
  const out: Record<string, OptionValues[string]> = {};
  for (const key of POLICY_KEYS) {
    const kind = policyKeyKind(key)?.t;
    out[key] = kind === 'bool' ? (DEFAULTS[key] as boolean) : kind === 'enum' ? (DEFAULTS[key] as string) : formatSettingValue(key, DEFAULTS[key]);
  }
  out[CAL_OPTS.holidays] = '';
  out[CAL_OPTS.workdays] = '';
  out[CAL_OPTS.years] = '';
  return out;
}

export function SettingsEditor({ value, onChange }: { value: OptionValues; onChange: (v: OptionValues) => void }): ReactElement {
  const t = useT();
  const { locale } = useLocale();
  const defaults = useMemo(allDefaults, []);
  // One check of everything per edit: refusals carry the key they name.
  const checked = useMemo(() => runSettings(value, {}, {}), [value]);
  const errorOf = (key: string): string | undefined => {
    const m = checked.refused.find((x) => x['en-US'].includes(`${key} `) || x['en-US'].includes(`${key}(`) || x['en-US'].endsWith(key));
    return m ? t(m) : undefined;
  };
  const calError = checked.refused.find((m) => !POLICY_KEYS.some((k) => m['en-US'].includes(k)));
  const set = (key: string, v: OptionValues[string]): void => onChange({ ...value, [key]: v });
  const range = statutoryYearRange();

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
      <Text block>{t(W2.setIntro)}</Text>
      <div>
        <Button onClick={() => onChange({ ...value, ...defaults })} data-testid="settings-reset-all">
          {t(W2.setResetAll)}
        </Button>
      </div>
      <div style={{ overflowX: 'auto' }}>
        <Table size="extra-small" aria-label={t(W2.setTitle)} data-testid="policy-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(W2.setColKey)}</TableHeaderCell>
              <TableHeaderCell>{t(W2.setColValue)}</TableHeaderCell>
              <TableHeaderCell>{t(W2.setColDefault)}</TableHeaderCell>
              <TableHeaderCell>{t(W2.setColSource)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {POLICY_KEYS.map((key) => {
              const kind = policyKeyKind(key);
              const v = value[key];
              const err = errorOf(key);
              const changed = JSON.stringify(v) !== JSON.stringify(defaults[key]);
              const label = t(W2.setValueLabel, { key });
              const id = `setting-${key.replace('.', '-')}`;
              let input: ReactElement;
              if (kind?.t === 'bool') {
                input = <Switch checked={v === true} onChange={(_, d) => set(key, d.checked)} aria-label={label} data-testid={id} />;
              } else if (kind?.t === 'enum') {
                input = (
                  <Select
                    size="small"
                    style={{ width: '100%', minWidth: 0 }}
                    value={typeof v === 'string' ? v : ''}
                    onChange={(_, d) => set(key, d.value)}
                    aria-label={label}
                    data-testid={id}
                  >
                    {kind.values.map((x) => (
                      <option key={x} value={x}>
                        {formatPolicyValue(key, x, locale)}
                      </option>
                    ))}
                  </Select>
                );
              } else {
                input = (
                  <Input
                    size="small"
                    style={{ width: '100%', minWidth: 0 }}
                    value={typeof v === 'string' ? v : ''}
                    onChange={(_, d) => set(key, d.value)}
                    aria-label={label}
                    data-testid={id}
                  />
                );
              }
              return (
                <TableRow
                  key={key}
                  data-key={key}
                  data-changed={changed ? 'yes' : 'no'}
                  style={err ? { background: '#fde7e9' } : changed ? { background: '#fff8e1' } : undefined}
                >
                  <TableCell>
                    <Text size={200} style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                      {key}
                    </Text>
                    {changed ? (
                      <Text size={100} block>
                        {t(W2.setChanged)}
                      </Text>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <Field validationMessage={err} validationState={err ? 'error' : 'none'}>
                      {input}
                    </Field>
                  </TableCell>
                  <TableCell>
                    <Text size={200}>{formatPolicyValue(key, DEFAULTS[key], locale)}</Text>
                    {changed ? (
                      <Button
                        size="small"
                        appearance="subtle"
                        onClick={() => set(key, defaults[key])}
                        aria-label={t(W2.setResetKey, { key })}
                        data-testid={`reset-${key}`}
                      >
                        {t(W2.setReset)}
                      </Button>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <Text size={200}>{POLICY_SOURCES[key] ? t(POLICY_SOURCES[key]) : ''}</Text>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <fieldset style={{ border: '1px solid #e0e0e0', borderRadius: 4, padding: 8, display: 'grid', gap: 6 }} data-testid="calendar-editor">
        <legend>{t(W2.calTitle)}</legend>
        <Text size={200}>{t(W2.calIntro)}</Text>
        <Text size={200}>{t(W2.calKnownYears, range)}</Text>
        <Field label={t(W2.calExtraHolidays)} hint={t(W2.calDatesHelp)}>
          <Input value={String(value[CAL_OPTS.holidays] ?? '')} onChange={(_, d) => set(CAL_OPTS.holidays, d.value)} data-testid="cal-holidays" />
        </Field>
        <Field label={t(W2.calExtraWorkdays)} hint={t(W2.calDatesHelp)}>
          <Input value={String(value[CAL_OPTS.workdays] ?? '')} onChange={(_, d) => set(CAL_OPTS.workdays, d.value)} data-testid="cal-workdays" />
        </Field>
        <Field label={t(W2.calYears)} hint={t(W2.calYearsHelp)}>
          <Textarea value={String(value[CAL_OPTS.years] ?? '')} onChange={(_, d) => set(CAL_OPTS.years, d.value)} resize="vertical" data-testid="cal-years" />
        </Field>
        {calError ? (
          <Text role="alert" style={{ color: '#a4262c' }} data-testid="cal-error">
            {t(calError)}
          </Text>
        ) : null}
      </fieldset>
    </div>
  );
}

/** The settings wizard's options step. */
export function SettingsOptions({ fields, value, onChange }: OptionsPanelProps): ReactElement {
  const t = useT();
  const write = fields.find((f) => f.key === 'writeSheet');
  return (
    <>
      <SettingsEditor value={value} onChange={onChange} />
      {write ? (
        <Switch
          label={t(write.label)}
          checked={value.writeSheet === true}
          onChange={(_, d) => onChange({ ...value, writeSheet: d.checked })}
          data-testid="opt-writeSheet"
        />
      ) : null}
    </>
  );
}
