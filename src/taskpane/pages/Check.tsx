/** 检查台账: every problem in the workbook, by sheet and cell. */
import { useMemo, type ReactElement } from 'react';
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
} from '@fluentui/react-components';
import { S } from '../../i18n/strings';
import type { Severity } from '../../values/finding';
import { scanGrids } from '../check/scan';
import { useLocale, useT } from '../i18n';
import { useSession } from '../session';
import { errorMessage, useWorkbookRead } from '../use-grids';

const SEVERITY = { error: S.sevError, warning: S.sevWarning, info: S.sevInfo } as const;
const COLOR: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = { error: 'danger', warning: 'warning', info: 'informative' };

export function CheckPage(): ReactElement {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession();
  const read = useWorkbookRead();
  const result = useMemo(() => (read.grids.length ? scanGrids(read.grids) : null), [read.grids]);

  return (
    <section aria-labelledby="check-title">
      <Title3 as="h2" id="check-title">
        {t(S.checkTitle)}
      </Title3>
      <Text as="p">{t(S.checkIntro)}</Text>
      <Button appearance="primary" onClick={session.reload} disabled={!session.workbook || read.loading}>
        {t(S.runCheck)}
      </Button>
      {!session.workbook ? <Text as="p">{t(S.noWorkbook)}</Text> : null}
      {read.loading ? <Spinner size="small" label={t(S.checking)} /> : null}
      {read.error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t(S.readFailed, { reason: errorMessage(read.error) })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {result && !read.loading ? (
        <>
          <MessageBar intent={result.findings.some((f) => f.severity === 'error') ? 'warning' : 'success'} style={{ marginTop: 12 }}>
            <MessageBarBody data-testid="check-summary">
              {result.findings.length === 0 ? t(S.checkNone, { cells: result.cells }) : t(S.checkSummary, { cells: result.cells, n: result.findings.length })}
            </MessageBarBody>
          </MessageBar>
          {result.findings.length > 0 ? (
            <Table aria-label={t(S.findingsCaption)} size="small" style={{ marginTop: 12 }}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t(S.colSheet)}</TableHeaderCell>
                  <TableHeaderCell>{t(S.colCell)}</TableHeaderCell>
                  <TableHeaderCell>{t(S.colSeverity)}</TableHeaderCell>
                  <TableHeaderCell>{t(S.colProblem)}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.findings.map((f, i) => (
                  <TableRow key={`${f.sheet}!${f.cell}#${i}`}>
                    <TableCell>{f.sheet}</TableCell>
                    <TableCell>{f.cell}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={COLOR[f.severity]}>
                        {t(SEVERITY[f.severity])}
                      </Badge>
                    </TableCell>
                    <TableCell>
                      {f.message[locale]} <Text size={100}>({f.code})</Text>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
