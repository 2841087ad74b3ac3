/**
 * Wizard 6's own UI: the population filter (levels, 实职 only, and each row included or excluded
 * with a reason) as the options step, and above the ranked table the counts with their
 * arithmetic, the ties that need a decision and, beside them, the 四.2 trigger list. The filter's
 * automatic decisions come from src/wizards/elimination.ts (autoPopulation).
 */
import { Fragment, useMemo, useState, type ReactElement } from 'react';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { W2 } from '../../i18n/strings-wizards-2';
import { autoPopulation, decodeOverrides, encodeOverrides, TIER_TEXT, type EliminationWizardResult, type PopulationOverride } from '../../wizards/elimination';
import { useT } from '../i18n';
import type { OptionsPanelProps, ResultPanelProps } from './panels';

export function EliminationOptions({ fields, value, onChange, inputs }: OptionsPanelProps): ReactElement {
  const t = useT();
  const [showAll, setShowAll] = useState(false);
  const sheet = inputs.sources.main ?? null;
  const levelsField = fields.find((f) => f.key === 'levels');
  const levels = Array.isArray(value.levels) ? (value.levels as readonly string[]) : inputs.policy.elimination.levels;
  const realPostOnly = value.realPostOnly !== false;
  const overrides = useMemo(() => decodeOverrides(value.overrides), [value.overrides]);
  const setOverrides = (list: readonly PopulationOverride[]): void => onChange({ ...value, overrides: encodeOverrides(list) });

  const rows = useMemo(
    () =>
      (sheet?.rows ?? [])
        .filter((r) => r.names.name !== undefined)
        .map((r) => {
          const a = autoPopulation(sheet!, r, { levels, realPostOnly });
          const o = overrides.find((x) => x.row === r.row) ?? null;
          return {
            row: r.row,
            name: r.names.name ?? '',
            level: r.texts.postLevel ?? '',
            post: r.texts.post ?? '',
            auto: a.auto,
            why: a.why,
            override: o,
            included: o ? o.include : a.auto === 'in',
          };
        }),
    [sheet, levels, realPostOnly, overrides],
  );
  const n = rows.filter((r) => r.included).length;
  const unknown = rows.filter((r) => r.auto === 'unknown' && !r.override).length;
  const shown = showAll ? rows : rows.filter((r) => !r.included || r.override || r.auto !== 'in');

  const toggle = (row: number, auto: string, include: boolean): void => {
    const rest = overrides.filter((o) => o.row !== row);
    const autoIn = auto === 'in';
    setOverrides(include === autoIn ? rest : [...rest, { row, include, reason: overrides.find((o) => o.row === row)?.reason ?? '' }]);
  };
  const setReason = (row: number, reason: string): void => setOverrides(overrides.map((o) => (o.row === row ? { ...o, reason } : o)));

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="population-filter">
      <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend>{t(W2.optLevels)}</legend>
        {levelsField && levelsField.kind === 'multiselect'
          ? levelsField.choices.map((c) => (
              <Switch
                key={c.value}
                label={t(c.label)}
                checked={levels.includes(c.value)}
                onChange={(_, d) => onChange({ ...value, levels: d.checked ? [...levels, c.value] : levels.filter((x) => x !== c.value) })}
                data-testid={`level-${c.value}`}
              />
            ))
          : null}
      </fieldset>
      <Switch
        label={t(W2.optRealPost)}
        checked={realPostOnly}
        onChange={(_, d) => onChange({ ...value, realPostOnly: d.checked })}
        data-testid="opt-realPostOnly"
      />
      <Field label={t(W2.optDecisionDate)} hint={t(W2.optDecisionDateHelp)}>
        <Input
          type="date"
          value={typeof value.decisionDate === 'string' ? value.decisionDate : ''}
          onChange={(_, d) => onChange({ ...value, decisionDate: d.value || null })}
          data-testid="opt-decisionDate"
        />
      </Field>
      <Text weight="semibold" data-testid="population-summary">
        {t(W2.popTitle)} · {t(W2.popSummary, { n, out: rows.length - n - unknown, unknown })}
      </Text>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button size="small" onClick={() => setShowAll((s) => !s)} aria-pressed={showAll} data-testid="population-show-all">
          {t(showAll ? W2.popShowOpen : W2.popShowAll)}
        </Button>
        {overrides.length ? (
          <Button size="small" onClick={() => setOverrides([])} data-testid="population-reset">
            {t(W2.popReset)}
          </Button>
        ) : null}
      </div>
      <div style={{ overflowX: 'auto', maxHeight: 360, overflowY: 'auto' }}>
        <Table size="extra-small" aria-label={t(W2.popTitle)} data-testid="population-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(W2.popColDecision)}</TableHeaderCell>
              <TableHeaderCell>{t(W2.popColName)}</TableHeaderCell>
              <TableHeaderCell>{t(W2.popColAuto)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((r) => (
              <Fragment key={r.row}>
                <TableRow data-row={r.row + 1} data-included={r.included ? 'yes' : 'no'}>
                  <TableCell>
                    <Checkbox
                      checked={r.included}
                      onChange={(_, d) => toggle(r.row, r.auto, d.checked === true)}
                      aria-label={t(W2.popIncludeLabel, { name: r.name, row: r.row + 1 })}
                      data-testid={`include-${r.row + 1}`}
                    />
                  </TableCell>
                  <TableCell>
                    <Text size={200}>{r.name}</Text>
                    <Text size={100} block>
                      {r.level} {r.post}
                    </Text>
                  </TableCell>
                  <TableCell>
                    <Badge size="small" appearance="tint" color={r.auto === 'in' ? 'success' : r.auto === 'out' ? 'subtle' : 'warning'}>
                      {t(r.auto === 'in' ? W2.popIn : r.auto === 'out' ? W2.popOut : W2.popUnknown)}
                    </Badge>
                    <Text size={100} block>
                      {t(r.why)}
                    </Text>
                  </TableCell>
                </TableRow>
                {r.override ? (
                  // the reason on its own line under the row, the table's full width (the pane is 320–350 px)
                  <TableRow data-reason-for={r.row + 1}>
                    <TableCell colSpan={3}>
                      <Field
                        label={t(W2.popColReason)}
                        size="small"
                        validationMessage={r.override.reason.trim() ? undefined : t(W2.popReasonNeeded)}
                        validationState={r.override.reason.trim() ? 'none' : 'warning'}
                      >
                        <Input
                          size="small"
                          value={r.override.reason}
                          onChange={(_, d) => setReason(r.row, d.value)}
                          aria-label={t(W2.popReasonLabel, { name: r.name })}
                          data-testid={`reason-${r.row + 1}`}
                          style={{ width: '100%' }}
                        />
                      </Field>
                    </TableCell>
                  </TableRow>
                ) : null}
              </Fragment>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

export function EliminationResult({ result }: ResultPanelProps): ReactElement {
  const t = useT();
  const r = result as EliminationWizardResult;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="elimination-panel">
      <Card style={{ flex: '1 1 260px' }} data-testid="elimination-counts">
        <Text weight="semibold">
          {t(W2.countsTitle)} · {t(W2.countsN, { n: r.n })}
        </Text>
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {r.countLines.map((l) => (
            <li key={l.tier}>
              <Text size={200}>{t(l.text)}</Text>
            </li>
          ))}
        </ul>
        <Text weight="semibold">{t(W2.decisionsTitle)}</Text>
        {r.decisions.length ? (
          <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="elimination-decisions">
            {[...new Set(r.decisions.map((d) => d.rank))].map((rank) => {
              const group = r.decisions.filter((d) => d.rank === rank);
              return (
                <li key={String(rank)}>
                  <Text size={200}>
                    {t(W2.decisionGroup, { rank: rank ?? '', n: group.length, tier: group[0].tier ? t(TIER_TEXT[group[0].tier]) : '' })}
                    {group.map((d) => d.name).join(t({ 'zh-CN': '、', 'en-US': ', ' }))}
                  </Text>
                </li>
              );
            })}
          </ul>
        ) : (
          <Text size={200}>{t(W2.decisionsNone)}</Text>
        )}
      </Card>
      <Card style={{ flex: '1 1 220px' }} data-testid="elimination-triggers">
        <Text weight="semibold">{t(W2.triggersTitle)}</Text>
        {r.triggers.length ? (
          <Table size="extra-small" aria-label={t(W2.triggersTitle)}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t(W2.colName)}</TableHeaderCell>
                <TableHeaderCell>{t(W2.colVotes)}</TableHeaderCell>
                <TableHeaderCell>{t(W2.colRatio)}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {r.triggers.map((x) => (
                <TableRow key={x.row}>
                  <TableCell>
                    {x.name}
                    <Text size={100} block>
                      {t(x.inPopulation ? W2.inPopulation : W2.notInPopulation)}
                    </Text>
                  </TableCell>
                  <TableCell>
                    {x.incompetentVotes}/{x.validVotes}
                  </TableCell>
                  <TableCell>{x.ratioText}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Text size={200}>{t(W2.triggersNone)}</Text>
        )}
      </Card>
    </div>
  );
}
