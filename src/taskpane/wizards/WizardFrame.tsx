/**
 * The four steps every wizard goes through (src/wizards/types.ts): source sheet (auto-detected,
 * changeable) → column mapping → options and results with reasons → write the output sheet
 * (asking before replacing one). Runs are cancellable and show progress; the pane stays
 * responsive because `run` yields between chunks. Thin shell: every decision is in src/wizards.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import {
  Badge,
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { isMsg, msg, phrase, type Msg, type Phrase } from '../../i18n/message';
import { W } from '../../i18n/strings-wizards';
import { FIELDS, type FieldKey } from '../../ledger/fields';
import { columnLetter } from '../../ledger/grid';
import type { TypedSheet } from '../../ledger/rows';
import { KIND_LABEL } from '../../ledger/sheet-kind';
import type { WorkCalendar } from '../../calendar';
import type { Policy } from '../../policy/policy';
import { todayLocal } from '../../values/local-date';
import {
  CHAIN_SETTING_KEY,
  defaultOptions,
  detectSources,
  isCancelled,
  loadWizardPolicy,
  missingFields,
  missingOptions,
  parseChain,
  portMessage,
  recognizeAll,
  typeSource,
  writeOutput,
  type ConflictAnswer,
  type WriteOutcome,
} from '../../wizards/framework';
import { WIZARDS } from '../../wizards/registry';
import {
  isStacked,
  type AnyWizard,
  type ChainOutputs,
  type OptionField,
  type OptionValues,
  type RecognizedSheet,
  type ResultCell,
  type ResultText,
  type SourceChoice,
  type WizardInputs,
  type WizardResult,
} from '../../wizards/types';
import type { WorkbookPort } from '../../workbook/port';
import { phraseText, useT } from '../i18n';
import { useSession } from '../session';
import { errorMsg, useWorkbookRead } from '../use-grids';
import { PANELS } from './panels';
import { workbookBaseName } from '../download';

type Step = 0 | 1 | 2 | 3;

/** The list separator of each language (、 in Chinese, a comma in English). */
const LIST_SEP: Msg = msg('、', ', ');

/** Several messages as one, joined language by language (、 / , unless told otherwise). */
function joinMsgs(list: readonly Msg[], sep: string | Msg = LIST_SEP): Msg {
  const s = (l: keyof Msg): string => (typeof sep === 'string' ? sep : sep[l]);
  return msg(list.map((m) => m['zh-CN']).join(s('zh-CN')), list.map((m) => m['en-US']).join(s('en-US')));
}
const STEP_NAMES: readonly Msg[] = [W.step1, W.step2, W.step3, W.step4];

interface Conflict {
  readonly existing: string;
  readonly suggestion: string;
  readonly resolve: (a: ConflictAnswer) => void;
}

/** A FileWorkbook (standalone) can give its bytes back for download; the Office port cannot. */
function canSave(port: WorkbookPort): port is WorkbookPort & { save(): Promise<Uint8Array> } {
  return typeof (port as { save?: unknown }).save === 'function';
}

function canSelect(port: WorkbookPort): port is WorkbookPort & { select(sheet: string, row: number, col: number): Promise<void> } {
  return typeof (port as { select?: unknown }).select === 'function';
}

export function WizardFrame({ wizard, onClose }: { wizard: AnyWizard; onClose: () => void }): ReactElement {
  const t = useT();
  const session = useSession();
  const read = useWorkbookRead();
  const port = session.workbook?.port ?? null;
  const recognized = useMemo(() => recognizeAll(read.grids, read.taught), [read.grids, read.taught]);
  const [chain, setChain] = useState<ChainOutputs>({});
  const [policy, setPolicy] = useState<{ policy: Policy; calendar: WorkCalendar; errors: Msg[] } | null>(null);
  const [step, setStep] = useState<Step>(wizard.sources.length ? 0 : 2);
  const [picked, setPicked] = useState<Record<string, string | null> | null>(null);
  const [mappings, setMappings] = useState<Record<string, Map<FieldKey, number>>>({});
  const [options, setOptions] = useState<OptionValues | null>(null);
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<WizardResult | null>(null);
  // Kept as a Phrase (message + values), worded at render so it follows the language switch.
  const [message, setMessage] = useState<{ intent: 'error' | 'warning' | 'success' | 'info'; text: Phrase } | null>(null);
  const [outName, setOutName] = useState<string>('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [newName, setNewName] = useState('');
  const [written, setWritten] = useState<WriteOutcome | null>(null);
  const abort = useRef<AbortController | null>(null);
  const asOf = useMemo(() => todayLocal(), []);

  useEffect(() => {
    if (!port) return;
    let live = true;
    void Promise.all([port.getSetting(CHAIN_SETTING_KEY), loadWizardPolicy(port)]).then(([raw, p]) => {
      if (!live) return;
      setChain(parseChain(raw));
      setPolicy({ policy: p.policy, calendar: p.calendar, errors: p.errors.map((e) => e.message) });
    });
    return () => {
      live = false;
    };
  }, [port, session.generation]);

  const choices: SourceChoice[] = useMemo(() => detectSources(wizard, recognized, chain, WIZARDS), [wizard, recognized, chain]);

  // First detection: pick the best sheet of each source and its recognised mapping.
  useEffect(() => {
    if (picked || read.loading || recognized.length === 0 || !policy) return;
    const p: Record<string, string | null> = {};
    const m: Record<string, Map<FieldKey, number>> = {};
    for (const c of choices) {
      p[c.spec.role] = c.best?.sheet ?? null;
      const rs = recognized.find((r) => r.model.sheet === c.best?.sheet);
      if (rs) m[c.spec.role] = new Map(rs.model.columns);
    }
    setPicked(p);
    setMappings(m);
  }, [picked, read.loading, recognized, choices, policy]);

  const pickSheet = (role: string, sheet: string | null): void => {
    setPicked((p) => ({ ...(p ?? {}), [role]: sheet }));
    const rs = recognized.find((r) => r.model.sheet === sheet);
    setMappings((m) => ({ ...m, [role]: new Map(rs?.model.columns ?? []) }));
    setResult(null);
    setOptions(null);
  };

  const typed: Record<string, TypedSheet | null> = useMemo(() => {
    const out: Record<string, TypedSheet | null> = {};
    for (const spec of wizard.sources) {
      const rs = recognized.find((r) => r.model.sheet === picked?.[spec.role]);
      out[spec.role] = rs ? typeSource(rs, mappings[spec.role] ?? rs.model.columns, asOf) : null;
    }
    return out;
  }, [wizard, recognized, picked, mappings, asOf]);

  const baseInputs: Omit<WizardInputs, 'options'> | null = useMemo(
    () => (policy ? { sources: typed, policy: policy.policy, calendar: policy.calendar, asOf } : null),
    [typed, policy, asOf],
  );
  const fields: readonly OptionField[] = useMemo(() => (baseInputs && step >= 2 ? wizard.optionFields(baseInputs) : []), [wizard, baseInputs, step]);

  useEffect(() => {
    if (step === 2 && options === null && fields) setOptions(defaultOptions(fields));
  }, [step, options, fields]);

  useEffect(() => {
    setOutName(wizard.outputSheetName(options ?? {}) ?? '');
  }, [wizard, options]);

  const sourceProblems = (): string[] => {
    const out: string[] = [];
    for (const spec of wizard.sources) {
      const sheet = picked?.[spec.role] ?? null;
      if (!sheet) {
        if (!spec.optional) out.push(t(W.noCandidates, { role: t(spec.label) }));
        continue;
      }
      const miss = missingFields(spec, mappings[spec.role] ?? new Map());
      if (miss.length) out.push(`${sheet}: ${t(W.missingRequired, { fields: miss.map((f) => t(FIELDS[f].label)).join(t(LIST_SEP)) })}`);
    }
    return out;
  };

  const run = useCallback(async () => {
    if (!baseInputs || !options) return;
    const missing = missingOptions(fields, options);
    if (missing.length) {
      setMessage({
        intent: 'warning',
        text: phrase(W.fillRequired, { fields: joinMsgs(missing.map((f) => (f.group ? joinMsgs([f.group, f.label], ' · ') : f.label))) }),
      });
      return;
    }
    const ctl = new AbortController();
    abort.current = ctl;
    setMessage(null);
    setResult(null);
    setWritten(null);
    setRunning({ done: 0, total: 0 });
    try {
      const r = await wizard.run({ ...baseInputs, options }, { signal: ctl.signal, onProgress: (done, total) => setRunning({ done, total }) });
      setResult(r);
    } catch (e) {
      if (isCancelled(e)) setMessage({ intent: 'info', text: phrase(W.cancelled) });
      else setMessage({ intent: 'error', text: phrase(W.runFailed, { reason: portMessage(e) }) });
    } finally {
      setRunning(null);
      abort.current = null;
    }
  }, [baseInputs, options, fields, wizard]);

  const write = useCallback(async () => {
    if (!port || !result || !options) return;
    setMessage(null);
    const opts = { ...options };
    const def = { ...wizard, outputSheetName: () => outName || wizard.outputSheetName(opts) };
    try {
      const out = await writeOutput(
        port,
        def,
        result,
        opts,
        (existing, suggestion) =>
          new Promise<ConflictAnswer>((resolve) => {
            setNewName(suggestion);
            setConflict({ existing, suggestion, resolve });
          }),
      );
      setConflict(null);
      if (!out.written) {
        setMessage({ intent: 'info', text: phrase(W.writeCancelled) });
        return;
      }
      setWritten(out);
      if (out.sheet && canSelect(port) && session.workbook?.source === 'excel') await port.select(out.sheet, 0, 0).catch(() => undefined);
      session.reload();
    } catch (e) {
      setConflict(null);
      setMessage({ intent: 'error', text: phrase(W.writeFailed, { reason: portMessage(e) }) });
    }
  }, [port, result, options, wizard, outName, session]);

  const download = async (): Promise<void> => {
    if (!port || !canSave(port)) return;
    const bytes = await port.save();
    const blob = new Blob([new Uint8Array(bytes)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    const label = session.workbook?.label;
    const base = typeof label === 'string' ? workbookBaseName(label) : t(label ?? W.pageTitle);
    a.href = url;
    a.download = t(W.resultFileName, { base });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  if (!port)
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t(W.noWorkbook)}</MessageBarBody>
      </MessageBar>
    );
  if (read.error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t(errorMsg(read.error))}</MessageBarBody>
      </MessageBar>
    );

  const problems = picked ? sourceProblems() : [];
  const nextIndex = WIZARDS.findIndex((w) => w.id === wizard.id) + 1;
  const next = WIZARDS[nextIndex];

  return (
    <section aria-labelledby="wizard-title" data-testid={`wizard-${wizard.id}`} style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
      <div>
        <Title3 id="wizard-title" as="h2">
          {t(wizard.title)}
        </Title3>
        <Text block size={200}>
          {t(wizard.description)}
        </Text>
      </div>
      <nav aria-label={t(W.steps)}>
        <ol style={{ display: 'flex', gap: 6, listStyle: 'none', padding: 0, margin: 0, flexWrap: 'wrap' }}>
          {STEP_NAMES.map((name, i) => (
            <li key={i} aria-current={i === step ? 'step' : undefined}>
              <Badge appearance={i === step ? 'filled' : 'outline'} color={i < step ? 'success' : 'brand'}>
                {i + 1}. {t(name)}
              </Badge>
            </li>
          ))}
        </ol>
      </nav>
      <Text weight="semibold" data-testid="wizard-step" aria-live="polite">
        {t(W.stepOf, { n: step + 1, total: 4, name: t(STEP_NAMES[step]) })}
      </Text>
      {policy && policy.errors.length ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(W.policyErrors, { list: policy.errors.map((e) => t(e)).join(t(LIST_SEP)) })}</MessageBarBody>
        </MessageBar>
      ) : null}

      {step === 0 ? <SourceStep choices={choices} picked={picked} onPick={pickSheet} /> : null}
      {step === 1 ? (
        <MappingStep
          wizard={wizard}
          picked={picked}
          recognized={recognized}
          mappings={mappings}
          onChange={(role, m) => {
            setMappings((x) => ({ ...x, [role]: m }));
            setResult(null);
          }}
        />
      ) : null}
      {step === 2 && options && baseInputs ? (
        <ResultsStep
          wizard={wizard}
          fields={fields}
          options={options}
          onOptions={(o) => {
            setOptions(o);
            setResult(null);
          }}
          inputs={baseInputs}
          result={result}
          running={running}
          onRun={() => void run()}
          onCancel={() => abort.current?.abort()}
        />
      ) : null}
      {step === 3 && result ? (
        <Card>
          <Field label={t(W.outputName)}>
            <Input value={outName} onChange={(_, d) => setOutName(d.value)} data-testid="output-name" disabled={Boolean(written)} />
          </Field>
          {!written ? (
            <Button appearance="primary" onClick={() => void write()} data-testid="write-output">
              {t(W.write)}
            </Button>
          ) : (
            <>
              <MessageBar intent="success" data-testid="written">
                <MessageBarBody>{t(written.replaced ? W.writtenReplaced : W.written, { sheet: written.sheet ?? '' })}</MessageBarBody>
              </MessageBar>
              {canSave(port) && session.workbook?.source !== 'excel' ? (
                <div>
                  <Button appearance="primary" onClick={() => void download()} data-testid="download">
                    {t(W.download)}
                  </Button>
                  <Text block size={200}>
                    {t(W.downloadHint)}
                  </Text>
                </div>
              ) : null}
            </>
          )}
        </Card>
      ) : null}

      {message ? (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'} data-testid="wizard-message" layout="multiline">
          <MessageBarBody>{phraseText(t, message.text)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {step <= 1 && problems.length ? (
        <MessageBar intent="warning" data-testid="source-problems" layout="multiline">
          <MessageBarBody>{problems.join('；')}</MessageBarBody>
        </MessageBar>
      ) : null}

      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        {step > (wizard.sources.length ? 0 : 2) ? (
          <Button onClick={() => setStep((s) => (s - 1) as Step)} disabled={Boolean(running)}>
            {t(W.back)}
          </Button>
        ) : null}
        {step < 3 ? (
          <Button
            appearance="primary"
            data-testid="wizard-next"
            onClick={() => setStep((s) => (s + 1) as Step)}
            disabled={Boolean(running) || (step <= 1 && (!picked || problems.length > 0)) || (step === 2 && !result)}
          >
            {t(W.next)}
          </Button>
        ) : null}
        {written && next ? (
          <Button onClick={onClose} data-testid="next-wizard">
            {t(W.nextWizard, { name: t(next.title) })}
          </Button>
        ) : null}
        <Button appearance="subtle" onClick={onClose} disabled={Boolean(running)}>
          {t(W.close)}
        </Button>
      </div>

      <Dialog open={Boolean(conflict)} modalType="alert">
        <DialogSurface aria-describedby="conflict-desc">
          <DialogBody>
            <DialogTitle>{conflict ? t(W.exists, { sheet: conflict.existing }) : ''}</DialogTitle>
            <DialogContent id="conflict-desc">
              <Text block>{t(W.existsAsk)}</Text>
              <Field label={t(W.newNameLabel)}>
                <Input value={newName} onChange={(_, d) => setNewName(d.value)} data-testid="conflict-name" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                data-testid="conflict-rename"
                onClick={() => conflict?.resolve({ action: 'rename', name: newName.trim() || (conflict?.suggestion ?? '') })}
              >
                {t(W.newName)}
              </Button>
              <Button data-testid="conflict-replace" onClick={() => conflict?.resolve({ action: 'replace' })}>
                {t(W.replace)}
              </Button>
              <Button data-testid="conflict-cancel" onClick={() => conflict?.resolve({ action: 'cancel' })}>
                {t(W.cancel)}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

function SourceStep({
  choices,
  picked,
  onPick,
}: {
  choices: readonly SourceChoice[];
  picked: Record<string, string | null> | null;
  onPick: (role: string, sheet: string | null) => void;
}): ReactElement {
  const t = useT();
  return (
    <Card>
      {choices.map((c) => {
        const all = [c.best, ...c.alternatives].filter((x): x is NonNullable<typeof x> => Boolean(x));
        const current = picked?.[c.spec.role] ?? '';
        const cand = all.find((a) => a.sheet === current);
        return (
          <Field
            key={c.spec.role}
            label={t(c.spec.label)}
            hint={cand ? t(W.detected, { why: t(cand.why) }) : all.length === 0 ? t(W.noCandidates, { role: t(c.spec.label) }) : undefined}
          >
            <Select value={current} onChange={(_, d) => onPick(c.spec.role, d.value || null)} data-testid={`source-${c.spec.role}`}>
              {c.spec.optional || all.length === 0 ? <option value="">{t(W.noneOptional)}</option> : null}
              {all.map((a) => (
                <option key={a.sheet} value={a.sheet}>
                  {a.sheet} · {t(KIND_LABEL[a.kind])}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </Card>
  );
}

function MappingStep({
  wizard,
  picked,
  recognized,
  mappings,
  onChange,
}: {
  wizard: AnyWizard;
  picked: Record<string, string | null> | null;
  recognized: readonly RecognizedSheet[];
  mappings: Record<string, Map<FieldKey, number>>;
  onChange: (role: string, m: Map<FieldKey, number>) => void;
}): ReactElement {
  const t = useT();
  return (
    <>
      {wizard.sources.map((spec) => {
        const rs = recognized.find((r) => r.model.sheet === picked?.[spec.role]);
        if (!rs) return null;
        const mapping = mappings[spec.role] ?? new Map<FieldKey, number>();
        const headerRow = rs.model.headerBottom >= 0 ? rs.model.headerBottom : 0;
        const headerText = (c: number): string => {
          const top = rs.grid.values[rs.model.headerTop]?.[c];
          const v = rs.grid.values[headerRow]?.[c];
          const s = [top, v].filter((x) => typeof x === 'string' && x.trim()).map((x) => String(x).replace(/\s+/g, ''));
          return [...new Set(s)].join(' | ');
        };
        const cols = Array.from({ length: rs.grid.colCount }, (_, c) => c);
        const fields: FieldKey[] = [...spec.requiredFields, ...(spec.optionalFields ?? [])];
        return (
          <Card key={spec.role}>
            <Table size="small" aria-label={t(W.mappingFor, { sheet: rs.model.sheet })}>
              <caption style={{ textAlign: 'left' }}>
                <Text weight="semibold">{t(W.mappingFor, { sheet: rs.model.sheet })}</Text>
              </caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t(W.fieldCol)}</TableHeaderCell>
                  <TableHeaderCell>{t(W.columnCol)}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {fields.map((f) => {
                  const required = spec.requiredFields.includes(f);
                  const col = mapping.get(f);
                  const id = `map-${spec.role}-${f}`;
                  return (
                    <TableRow key={f}>
                      <TableCell>
                        <label htmlFor={id}>
                          {t(FIELDS[f].label)}
                          {required ? (
                            <Badge size="small" appearance="tint" color={col === undefined ? 'danger' : 'brand'} style={{ marginLeft: 4 }}>
                              {t(W.required)}
                            </Badge>
                          ) : null}
                        </label>
                      </TableCell>
                      <TableCell>
                        <Select
                          id={id}
                          size="small"
                          value={col === undefined ? '' : String(col)}
                          data-testid={id}
                          onChange={(_, d) => {
                            const next = new Map(mapping);
                            if (d.value === '') next.delete(f);
                            else next.set(f, Number(d.value));
                            onChange(spec.role, next);
                          }}
                        >
                          <option value="">{t(W.notMapped)}</option>
                          {cols.map((c) => (
                            <option key={c} value={String(c)}>
                              {columnLetter(c)} {headerText(c)}
                            </option>
                          ))}
                        </Select>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Card>
        );
      })}
    </>
  );
}

function OptionInput({
  field,
  value,
  onChange,
}: {
  field: OptionField;
  value: OptionValues[string];
  onChange: (v: OptionValues[string]) => void;
}): ReactElement {
  const t = useT();
  const label = t(field.label);
  const common = { 'data-testid': `opt-${field.key}` };
  switch (field.kind) {
    case 'date':
      return (
        <Field label={label} hint={field.help ? t(field.help) : undefined} required={field.required}>
          <Input type="date" value={typeof value === 'string' ? value : ''} onChange={(_, d) => onChange(d.value || null)} {...common} />
        </Field>
      );
    case 'number':
      return (
        <Field label={label} hint={field.help ? t(field.help) : undefined} required={field.required}>
          <Input
            type="number"
            inputMode="numeric"
            min={field.min}
            max={field.max}
            step={field.integer ? 1 : 'any'}
            value={typeof value === 'number' ? String(value) : ''}
            onChange={(_, d) => onChange(d.value === '' || !Number.isFinite(Number(d.value)) ? null : Number(d.value))}
            {...common}
          />
        </Field>
      );
    case 'text':
      return (
        <Field label={label} hint={field.help ? t(field.help) : undefined} required={field.required}>
          <Input value={typeof value === 'string' ? value : ''} onChange={(_, d) => onChange(d.value)} {...common} />
        </Field>
      );
    case 'boolean':
      return <Switch label={label} checked={value === true} onChange={(_, d) => onChange(d.checked)} {...common} />;
    case 'select':
      return (
        <Field label={label} hint={field.help ? t(field.help) : undefined}>
          <Select value={typeof value === 'string' ? value : field.default} onChange={(_, d) => onChange(d.value)} {...common}>
            {field.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {t(c.label)}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'multiselect': {
      const list = Array.isArray(value) ? (value as readonly string[]) : field.default;
      return (
        <fieldset style={{ border: 'none', padding: 0 }} {...common}>
          <legend>{label}</legend>
          {field.choices.map((c) => (
            <Switch
              key={c.value}
              label={t(c.label)}
              checked={list.includes(c.value)}
              onChange={(_, d) => onChange(d.checked ? [...list, c.value] : list.filter((x) => x !== c.value))}
            />
          ))}
        </fieldset>
      );
    }
  }
}

function ResultsStep({
  wizard,
  fields,
  options,
  onOptions,
  inputs,
  result,
  running,
  onRun,
  onCancel,
}: {
  wizard: AnyWizard;
  fields: readonly OptionField[];
  options: OptionValues;
  onOptions: (o: OptionValues) => void;
  inputs: Omit<WizardInputs, 'options'>;
  result: WizardResult | null;
  running: { done: number; total: number } | null;
  onRun: () => void;
  onCancel: () => void;
}): ReactElement {
  const t = useT();
  const panels = PANELS[wizard.id] ?? {};
  const groups: { group: Msg | undefined; fields: OptionField[] }[] = [];
  for (const f of fields) {
    const last = groups[groups.length - 1];
    if (last && (last.group?.['zh-CN'] ?? '') === (f.group?.['zh-CN'] ?? '')) last.fields.push(f);
    else groups.push({ group: f.group, fields: [f] });
  }
  return (
    <>
      {fields.length ? (
        <Card>
          <Text weight="semibold">{t(W.options)}</Text>
          {panels.Options ? (
            <panels.Options fields={fields} value={options} onChange={onOptions} inputs={inputs} />
          ) : (
            groups.map((g, i) => (
              <fieldset
                key={i}
                style={{ border: g.group ? `1px solid #e0e0e0` : 'none', borderRadius: 4, padding: g.group ? 8 : 0, margin: 0, display: 'grid', gap: 6 }}
              >
                {g.group ? <legend>{t(g.group)}</legend> : null}
                {g.fields.map((f) => (
                  <OptionInput key={f.key} field={f} value={options[f.key] ?? null} onChange={(v) => onOptions({ ...options, [f.key]: v })} />
                ))}
              </fieldset>
            ))
          )}
        </Card>
      ) : null}
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <Button appearance="primary" onClick={onRun} disabled={Boolean(running)} data-testid="wizard-run">
          {t(result ? W.rerun : W.run)}
        </Button>
        {running ? (
          <Button onClick={onCancel} data-testid="wizard-cancel">
            {t(W.cancel)}
          </Button>
        ) : null}
      </div>
      {running ? (
        <Field validationMessage={running.total ? t(W.progress, { done: running.done, total: running.total }) : t(W.running)} validationState="none">
          <ProgressBar value={running.total ? running.done / running.total : undefined} aria-label={t(W.running)} />
        </Field>
      ) : null}
      {result ? <ResultView wizard={wizard} result={result} options={options} /> : null}
    </>
  );
}

const FLAG_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;
/** The badge words match the findings list's severities (错误/警告/提示, Error/Warning/Info). */
const FLAG_TEXT = { error: W.flagError, warning: W.flagWarning, info: W.flagInfo } as const;
/**
 * The results table fits the task pane (320–350 px) in both languages: each wizard shows few
 * columns and stacks what belongs together in one cell (a name with its post under it, see
 * StackedCell); the flag badge opens the reasons line under the row instead of taking a column.
 * Columns size to their content (auto layout); a word is never broken inside (Chinese data such as
 * a post keeps its characters together, `keep-all`, so a column never shrinks to one character),
 * and the box scrolls sideways only if a wizard still shows too much (the e2e test fails then).
 */
const HEADER_STYLE = { whiteSpace: 'normal', overflowWrap: 'normal', wordBreak: 'keep-all', verticalAlign: 'bottom' } as const;
const CELL_STYLE = { overflowWrap: 'normal', wordBreak: 'keep-all', verticalAlign: 'top', paddingTop: 4, paddingBottom: 4 } as const;
/** The badge keeps its word on one line (a squeezed 警告 would stand one character a line). */
const BADGE_STYLE = { flexShrink: 0, whiteSpace: 'nowrap' } as const;
const SUB_LINE_STYLE = { color: tokens.colorNeutralForeground3 } as const;

const CJK_CHAR = /[\u3400-\u9fff]/;
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/**
 * Text of a cell, broken only between words: after a space or a Chinese list mark (；、，). A
 * piece without Chinese (a date 2026-01-14, 20/40, 55.3%, a setting key) is never broken inside,
 * e.g. not at its hyphens; Chinese pieces stay together by the cell's `keep-all`.
 */
function Words({ text }: { text: string }): ReactElement {
  const pieces = text.split(/(?<=[ ；、，])/);
  return (
    <>
      {pieces.map((p, k) => (
        <span key={k}>
          {CJK_CHAR.test(p) ? p : <span style={NO_WRAP}>{p}</span>}
          {k < pieces.length - 1 ? <wbr /> : null}
        </span>
      ))}
    </>
  );
}

function CellView({ cell }: { cell: ResultCell }): ReactElement {
  const t = useT();
  const text = (c: ResultText): ReactElement => <Words text={c === null ? '—' : isMsg(c) ? t(c) : String(c)} />;
  if (!isStacked(cell)) return text(cell);
  const lines = cell.lines.filter((l) => l !== null && l !== '');
  if (lines.length === 0) return <>—</>;
  return (
    <>
      {lines.map((l, k) =>
        k === 0 ? (
          <Text key={k} block size={200}>
            {text(l)}
          </Text>
        ) : (
          <Text key={k} block size={100} style={SUB_LINE_STYLE}>
            {text(l)}
          </Text>
        ),
      )}
    </>
  );
}

function ResultView({ wizard, result, options }: { wizard: AnyWizard; result: WizardResult; options: OptionValues }): ReactElement {
  const t = useT();
  const panels = PANELS[wizard.id] ?? {};
  return (
    <div data-testid="wizard-result" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {panels.Result ? <panels.Result result={result} options={options} /> : null}
      <section aria-label={t(W.summary)} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        {result.summary.map((r, i) => (
          <MessageBar
            key={i}
            intent={r.severity === 'error' ? 'error' : r.severity === 'warning' ? 'warning' : 'info'}
            data-testid="result-summary"
            layout="multiline"
          >
            <MessageBarBody>{t(r.message)}</MessageBarBody>
          </MessageBar>
        ))}
      </section>
      {result.rows.length === 0 ? (
        <Text>{t(W.noRows)}</Text>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Table size="extra-small" aria-label={t(W.resultsTable)} data-testid="result-table" style={{ tableLayout: 'auto', width: '100%' }}>
            <TableHeader>
              <TableRow>
                {result.columns.map((c, i) => (
                  <TableHeaderCell key={i} style={HEADER_STYLE}>
                    {t(c)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.flatMap((row, i) => {
                const bg = row.flag === 'error' ? '#fde7e9' : row.flag === 'warning' ? '#fff4ce' : undefined;
                return [
                  <TableRow key={`r${i}`} data-flag={row.flag ?? 'ok'} style={{ background: bg, borderBottom: 'none' }}>
                    {row.cells.map((c, k) => (
                      <TableCell key={k} style={CELL_STYLE}>
                        <CellView cell={c} />
                      </TableCell>
                    ))}
                  </TableRow>,
                  <TableRow key={`d${i}`} style={{ background: bg }}>
                    <TableCell colSpan={row.cells.length} aria-label={t(W.reasons)}>
                      <div style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
                        {row.flag ? (
                          <Badge size="small" color={FLAG_COLOR[row.flag]} appearance="filled" data-testid="result-flag" style={BADGE_STYLE}>
                            {t(FLAG_TEXT[row.flag])}
                          </Badge>
                        ) : (
                          <Badge size="small" color="success" appearance="tint" data-testid="result-flag" style={BADGE_STYLE}>
                            {t(W.flagOk)}
                          </Badge>
                        )}
                        <div style={{ minWidth: 0 }}>
                          <ul style={{ margin: '0 0 4px 0', paddingLeft: 16 }}>
                            {row.reasons.map((r, k) => (
                              <li key={k}>
                                <Text size={200}>{t(r.message)}</Text>
                              </li>
                            ))}
                          </ul>
                          {row.sourceRow ? <Text size={100}>{t(W.sourceRow, { row: row.sourceRow })}</Text> : null}
                        </div>
                      </div>
                    </TableCell>
                  </TableRow>,
                ];
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
