/**
 * 指定列 (issue 11): pick the column that holds a field the check could not find (试用期开始 of a
 * probation ledger headed 任职时间 …); the choice is saved in the workbook (column-map.ts) and the
 * check runs again. Lists the taught columns with a way to forget each.
 */
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { Button, Card, Field, Select, Text } from '@fluentui/react-components';
import { CM } from '../../i18n/strings-column-map';
import { FIELDS, type FieldKey } from '../../ledger/fields';
import type { SheetModel } from '../../ledger/recognize';
import type { TaughtMap } from '../../ledger/taught-map';
import type { Policy } from '../../policy/policy';
import type { WorkbookPort } from '../../workbook/port';
import { useT } from '../i18n';
import { fieldChoices, loadTaught, mapTargets, saveTaught, storedHeader } from './column-map';

export function ColumnMapPanel(props: {
  port: WorkbookPort;
  models: readonly SheetModel[];
  policy: Policy;
  busy: boolean;
  onSaved: (text: string) => void;
}): ReactElement {
  const { port, models, policy, busy, onSaved } = props;
  const t = useT();
  const targets = useMemo(() => mapTargets(models, policy), [models, policy]);
  const [sheet, setSheet] = useState(targets[0]?.sheet ?? '');
  const target = targets.find((x) => x.sheet === sheet) ?? targets[0];
  const fields = useMemo(() => fieldChoices(target), [target]);
  const [field, setField] = useState<FieldKey | ''>('');
  const [col, setCol] = useState<number | null>(null);
  const [taught, setTaught] = useState<TaughtMap>(new Map());

  useEffect(() => {
    let live = true;
    void loadTaught(port).then((m) => live && setTaught(m));
    return () => {
      live = false;
    };
  }, [port, models]);

  const chosenField: FieldKey | '' = field || (target?.missing[0] ?? '');
  const header = target?.headers.find((h) => h.col === col) ?? null;
  const label = (f: FieldKey) => t(FIELDS[f].label);

  const save = async () => {
    if (!target || !header || !chosenField) return;
    const h = storedHeader(header.text);
    setTaught(await saveTaught(port, target.sheet, h, chosenField));
    // Start the next choice afresh (the saved field is no longer missing).
    setField('');
    setCol(null);
    onSaved(t(CM.saved, { sheet: target.sheet, header: h, field: label(chosenField) }));
  };
  const forget = async (s: string, h: string) => {
    setTaught(await saveTaught(port, s, h, null));
    onSaved(t(CM.forgotten, { sheet: s, header: h }));
  };

  const entries = [...taught.entries()].flatMap(([s, cols]) => cols.map((c) => ({ sheet: s, ...c })));
  return (
    <Card data-testid="column-map">
      <Text weight="semibold">{t(CM.title)}</Text>
      <Text size={200}>{t(CM.intro)}</Text>
      {targets
        .filter((x) => x.missing.length)
        .map((x) => (
          <Text size={200} key={x.sheet} data-testid="column-map-missing">
            {t(CM.missing, { sheet: x.sheet, fields: x.missing.map(label).join('、') })}
          </Text>
        ))}
      {target ? (
        <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'end' }}>
          <Field label={t(CM.sheet)} size="small">
            <Select
              size="small"
              value={target.sheet}
              onChange={(_, d) => {
                setSheet(d.value);
                setField('');
                setCol(null);
              }}
              data-testid="column-map-sheet"
            >
              {targets.map((x) => (
                <option key={x.sheet} value={x.sheet}>
                  {x.sheet}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t(CM.field)} size="small">
            <Select size="small" value={chosenField} onChange={(_, d) => setField(d.value as FieldKey)} data-testid="column-map-field">
              <option value="">—</option>
              {fields.map((f) => (
                <option key={f} value={f}>
                  {label(f)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t(CM.column)} size="small">
            <Select
              size="small"
              value={col === null ? '' : String(col)}
              onChange={(_, d) => setCol(d.value === '' ? null : Number(d.value))}
              data-testid="column-map-column"
            >
              <option value="">—</option>
              {target.headers.map((h) => (
                <option key={h.col} value={String(h.col)}>
                  {`${h.letter} ${h.text}${h.field ? `（${t(CM.nowRead, { field: label(h.field) })}）` : ''}`}
                </option>
              ))}
            </Select>
          </Field>
          <Button size="small" appearance="primary" disabled={busy || !header || !chosenField} onClick={() => void save()} data-testid="column-map-save">
            {t(CM.save)}
          </Button>
        </div>
      ) : (
        <Text size={200}>{t(CM.runFirst)}</Text>
      )}
      <Text size={200} weight="semibold">
        {t(CM.taught)}
      </Text>
      {entries.length ? (
        entries.map((e) => (
          <div key={`${e.sheet}|${e.header}`} style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }} data-testid="column-map-entry">
            <Text size={200}>{`${e.sheet}!${e.header} → ${label(e.field)}`}</Text>
            <Button size="small" disabled={busy} onClick={() => void forget(e.sheet, e.header)}>
              {t(CM.forget)}
            </Button>
          </div>
        ))
      ) : (
        <Text size={200}>{t(CM.none)}</Text>
      )}
    </Card>
  );
}
