/** The findings of a check, grouped by sheet and code; a cell address selects (or shows) the cell. */
import { useState, type ReactElement } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Text } from '@fluentui/react-components';
import { C } from '../../i18n/strings-check';
import { S } from '../../i18n/strings';
import { cellRef, type LedgerFinding } from '../../ledger/findings';
import { ALL_CODES } from '../../ledger/codes';
import type { Msg } from '../../i18n/message';
import type { Severity } from '../../values/finding';
import { useLocale, useT } from '../i18n';
import { codeTitle } from './code-title';
import type { CodeGroup, SheetGroup } from './controller';

const PAGE = 100;
/** What each code means and what to do (the documented code table). */
const DOCS = new Map(ALL_CODES.map((c) => [c.code, c.doc]));
const SEVERITY = { error: S.sevError, warning: S.sevWarning, info: S.sevInfo } as const;
export const SEVERITY_COLOR: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = { error: 'danger', warning: 'warning', info: 'informative' };

export function FindingsList({ groups, onPick }: { groups: readonly SheetGroup[]; onPick: (f: LedgerFinding) => void }): ReactElement {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div data-testid="findings" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {groups.map((g) => (
        <section key={g.sheet} data-testid="finding-sheet" data-sheet={g.sheet} aria-label={g.sheet}>
          <h3 style={{ margin: '4px 0', display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <span>{g.sheet}</span>
            <Badge appearance="filled" color="brand" data-testid="finding-sheet-count">
              {t(C.sheetCount, { n: g.total })}
            </Badge>
          </h3>
          <Accordion multiple collapsible>
            {g.codes.map((c) => (
              <AccordionItem key={c.code} value={c.code}>
                <AccordionHeader size="small" data-testid="finding-code" data-code={c.code}>
                  <span style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
                    <Badge appearance="tint" color={SEVERITY_COLOR[c.severity]}>
                      {t(SEVERITY[c.severity])}
                    </Badge>
                    <span data-testid="finding-code-title">{codeTitle(DOCS.get(c.code), c.code, locale, locale === 'zh-CN' ? 40 : 70)}</span>
                    <code style={{ fontSize: 11, color: '#605e5c' }}>{c.code}</code>
                    <Badge appearance="outline" data-testid="finding-code-count">
                      {t(C.codeCount, { n: c.findings.length })}
                    </Badge>
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  {DOCS.get(c.code) ? (
                    <Text as="p" size={200} style={{ margin: '0 0 4px', color: '#605e5c' }} data-testid="finding-code-doc">
                      {t(DOCS.get(c.code) as Msg)}
                    </Text>
                  ) : null}
                  <CodeItems group={c} onPick={onPick} />
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </section>
      ))}
    </div>
  );
}

function CodeItems({ group, onPick }: { group: CodeGroup; onPick: (f: LedgerFinding) => void }): ReactElement {
  const t = useT();
  const [shown, setShown] = useState(PAGE);
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 4 }}>
      {group.findings.slice(0, shown).map((f, i) => (
        <li key={`${f.row}:${f.col}:${i}`} style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
          <Button size="small" appearance="transparent" onClick={() => onPick(f)} data-testid="finding-cell" style={{ minWidth: 48, fontFamily: 'monospace' }}>
            {cellRef(f)}
          </Button>
          <Text size={200}>{t(f.message)}</Text>
        </li>
      ))}
      {group.findings.length > shown ? (
        <li>
          <Button size="small" appearance="subtle" onClick={() => setShown((n) => n + PAGE)}>
            {t(C.showMore, { n: Math.min(PAGE, group.findings.length - shown) })}
          </Button>
        </li>
      ) : null}
    </ul>
  );
}
