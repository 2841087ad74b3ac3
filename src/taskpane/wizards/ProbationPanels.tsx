/** Wizard 5's result header: the counts and, first, whose probation ends within dueSoonDays. */
import type { ReactElement } from 'react';
import { Card, Text } from '@fluentui/react-components';
import { W2 } from '../../i18n/strings-wizards-2';
import { formatIso } from '../../values/local-date';
import type { ProbationResult } from '../../wizards/probation';
import { useT } from '../i18n';
import type { ResultPanelProps } from './panels';

export function ProbationResultPanel({ result }: ResultPanelProps): ReactElement {
  const t = useT();
  const r = result as ProbationResult;
  const soon = r.people.filter((p) => p.upcoming);
  return (
    <Card data-testid="probation-panel">
      <Text weight="semibold" data-testid="probation-counts">
        {t(W2.probCounts, {
          total: r.counts.total,
          soon: r.counts.upcoming,
          days: r.dueSoonDays,
          awaiting: r.counts.awaiting,
          inProbation: r.counts.inProbation,
          concluded: r.counts.concluded,
          overdue: r.counts.overdueReports,
        })}
      </Text>
      <Text weight="semibold">{t(W2.probUpcoming, { days: r.dueSoonDays })}</Text>
      {soon.length ? (
        <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="probation-upcoming">
          {soon.map((p) => (
            <li key={p.row}>
              <Text size={200}>
                {p.name} · {p.end ? formatIso(p.end) : ''} · {p.daysLeft}
              </Text>
            </li>
          ))}
        </ul>
      ) : (
        <Text size={200}>{t(W2.probNoneUpcoming, { days: r.dueSoonDays })}</Text>
      )}
    </Card>
  );
}
