/** The policy as a table: key, value in force, source (settings and brief screens). */
import type { ReactElement } from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { S } from '../../i18n/strings';
import type { Policy } from '../../policy/policy';
import { useLocale, useT } from '../i18n';
import { formatPolicyValue, policyRows } from '../policy-table';

export function PolicyTable({ policy, label }: { policy: Policy; label: string }): ReactElement {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Table aria-label={label} size="small" data-testid="policy-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t(S.colKey)}</TableHeaderCell>
          <TableHeaderCell>{t(S.colValue)}</TableHeaderCell>
          <TableHeaderCell>{t(S.colSource)}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {policyRows(policy).map((r) => (
          <TableRow key={r.key}>
            <TableCell>
              <code>{r.key}</code>
            </TableCell>
            <TableCell>{formatPolicyValue(r.key, r.value, locale)}</TableCell>
            <TableCell>{r.source ? r.source[locale] : ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
