/** 常委会议研究材料: what the brief rests on — the ledgers in this workbook and the policy in force. */
import type { ReactElement } from 'react';
import { Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3 } from '@fluentui/react-components';
import { S } from '../../i18n/strings';
import { DEFAULT_POLICY } from '../../policy/policy';
import { useT } from '../i18n';
import { useSession } from '../session';
import { sheetTitle, useWorkbookRead } from '../use-grids';
import { PolicyTable } from './PolicyTable';

export function BriefPage(): ReactElement {
  const t = useT();
  const session = useSession();
  const read = useWorkbookRead();
  const visible = read.sheets.filter((s) => s.visibility === 'visible');
  return (
    <section aria-labelledby="brief-title">
      <Title3 as="h2" id="brief-title">
        {t(S.briefTitle)}
      </Title3>
      <Text as="p">{t(S.briefIntro)}</Text>
      <h3>{t(S.briefSources)}</h3>
      {!session.workbook ? <Text as="p">{t(S.noWorkbook)}</Text> : null}
      {read.loading ? <Spinner size="small" label={t(S.readingWorkbook)} /> : null}
      {visible.length > 0 ? (
        <Table aria-label={t(S.briefSources)} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(S.colSheet)}</TableHeaderCell>
              <TableHeaderCell>{t(S.colTitle)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.map((s) => (
              <TableRow key={s.name}>
                <TableCell>{s.name}</TableCell>
                <TableCell>{sheetTitle(read.grids.find((g) => g.sheet === s.name))}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <h3>{t(S.briefPolicy)}</h3>
      <PolicyTable policy={DEFAULT_POLICY} label={t(S.briefPolicy)} />
    </section>
  );
}
