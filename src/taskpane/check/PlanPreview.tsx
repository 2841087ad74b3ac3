/** The preview of an EditPlan: every cell to change (sheet, cell, old → new, why), each with a tick box. */
import { useMemo, useState, type ReactElement } from 'react';
import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { C } from '../../i18n/strings-check';
import { S } from '../../i18n/strings';
import { useLocale, useT } from '../i18n';
import { PLAN_LABELS, previewRows, type PreparedPlan } from './changes';

const PAGE = 200;

export interface PlanPreviewProps {
  readonly prepared: PreparedPlan;
  readonly unticked: ReadonlySet<string>;
  readonly onToggle: (key: string, ticked: boolean) => void;
  readonly onToggleAll: (ticked: boolean) => void;
  readonly onApply: () => void;
  readonly onCancel: () => void;
  readonly busy: boolean;
}

export function PlanPreview({ prepared, unticked, onToggle, onToggleAll, onApply, onCancel, busy }: PlanPreviewProps): ReactElement {
  const t = useT();
  const { locale } = useLocale();
  const rows = useMemo(() => previewRows(prepared.plan), [prepared]);
  const [shown, setShown] = useState(PAGE);
  const ticked = rows.length - rows.filter((r) => unticked.has(r.key)).length;
  const skippedReasons = new Map<string, number>();
  for (const s of prepared.skipped) skippedReasons.set(s.reason[locale], (skippedReasons.get(s.reason[locale]) ?? 0) + 1);
  return (
    <div data-testid="plan-preview" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <h3 style={{ margin: 0 }}>{t(C.previewTitle, { what: t(PLAN_LABELS[prepared.kind]) })}</h3>
      {prepared.notices.map((n) => (
        <MessageBar key={n['en-US']} intent="warning">
          <MessageBarBody>{t(n)}</MessageBarBody>
        </MessageBar>
      ))}
      {[...skippedReasons].map(([reason, n]) => (
        <MessageBar key={reason} intent="info">
          <MessageBarBody>{t(C.skippedCells, { n, reason })}</MessageBarBody>
        </MessageBar>
      ))}
      {rows.length === 0 ? (
        <Text data-testid="preview-count">{t(C.previewNone)}</Text>
      ) : (
        <>
          <Text data-testid="preview-count">{t(C.previewCount, { n: rows.length, ticked })}</Text>
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button size="small" onClick={() => onToggleAll(true)}>
              {t(C.tickAll)}
            </Button>
            <Button size="small" onClick={() => onToggleAll(false)}>
              {t(C.untickAll)}
            </Button>
          </div>
          <div style={{ overflowX: 'auto' }}>
            <Table aria-label={t(C.previewTitle, { what: t(PLAN_LABELS[prepared.kind]) })} size="extra-small" data-testid="preview-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: 40 }}>{t(C.colApply)}</TableHeaderCell>
                  <TableHeaderCell style={{ width: 76 }}>{t(S.colCell)}</TableHeaderCell>
                  <TableHeaderCell>{t(C.colChange)}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.slice(0, shown).map((r) => (
                  <TableRow key={r.key} data-testid="preview-row" data-key={r.key}>
                    <TableCell>
                      <Checkbox
                        checked={!unticked.has(r.key)}
                        onChange={(_, d) => onToggle(r.key, d.checked === true)}
                        aria-label={`${r.sheet}!${r.cell}`}
                        data-testid="preview-tick"
                      />
                    </TableCell>
                    <TableCell>
                      <div style={{ display: 'flex', flexDirection: 'column', padding: '4px 0' }}>
                        <Text size={100} title={t(S.colSheet)}>
                          {r.sheet}
                        </Text>
                        <Text weight="semibold" style={{ fontFamily: 'monospace' }}>
                          {r.cell}
                        </Text>
                      </div>
                    </TableCell>
                    <TableCell>
                      <div style={{ display: 'flex', flexDirection: 'column', gap: 2, padding: '4px 0' }}>
                        <span style={{ wordBreak: 'break-all' }}>
                          <span aria-label={t(C.colOld)} style={{ color: '#a4262c', textDecoration: 'line-through' }}>
                            {r.old === '' ? t(C.cellEmpty) : r.old}
                          </span>
                          {' → '}
                          <span aria-label={t(C.colNew)} style={{ color: '#107c10', fontWeight: 600 }}>
                            {r.new === '' ? t(C.cellEmpty) : r.new}
                          </span>
                        </span>
                        <Text size={200} style={{ color: '#605e5c' }}>
                          {t(r.why)}
                        </Text>
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {rows.length > shown ? (
            <Button size="small" appearance="subtle" onClick={() => setShown((n) => n + PAGE)}>
              {t(C.showMore, { n: Math.min(PAGE, rows.length - shown) })}
            </Button>
          ) : null}
        </>
      )}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        {rows.length > 0 ? (
          <Button appearance="primary" onClick={onApply} disabled={busy || ticked === 0} data-testid="apply-plan">
            {t(C.apply, { n: ticked })}
          </Button>
        ) : null}
        <Button onClick={onCancel} disabled={busy}>
          {t(C.cancel)}
        </Button>
      </div>
    </div>
  );
}
