/** Home: which workbook is open, and its sheets. Standalone mode adds the file picker. */
import { useRef, type ChangeEvent, type ReactElement } from 'react';
import {
  Badge,
  Button,
  Card,
  CardHeader,
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
import { recognizeSheet } from '../../ledger/recognize';
import { taughtFor } from '../../ledger/taught-map';
import { KIND_LABEL } from '../../ledger/sheet-kind';
import type { HostInfo } from '../host';
import { useT } from '../i18n';
import { useSession } from '../session';
import { errorMsg, sheetTitle, useWorkbookRead } from '../use-grids';

export function HomePage({ host }: { host: HostInfo }): ReactElement {
  const t = useT();
  const session = useSession();
  const read = useWorkbookRead();
  const input = useRef<HTMLInputElement>(null);

  const onPick = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    if (file) void session.openFile(file);
    e.target.value = '';
  };

  const label = session.workbook ? (typeof session.workbook.label === 'string' ? session.workbook.label : t(session.workbook.label)) : null;

  return (
    <section aria-labelledby="home-title">
      <Card>
        <CardHeader
          header={<Title3 id="home-title">{t(S.currentWorkbook)}</Title3>}
          description={<Text data-testid="workbook-label">{label ?? t(S.noWorkbook)}</Text>}
        />
        {host.kind === 'standalone' ? (
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <input
              ref={input}
              type="file"
              accept=".xlsx,.xlsm,.xls,.et,.ett,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
              onChange={onPick}
              hidden
              aria-hidden="true"
              tabIndex={-1}
              data-testid="file-input"
            />
            <Button appearance="primary" onClick={() => input.current?.click()} aria-label={t(S.openWorkbookHint)} disabled={session.busy}>
              {t(S.openWorkbook)}
            </Button>
            {session.workbook?.source !== 'sample' ? (
              <Button onClick={() => void session.openSample()} disabled={session.busy}>
                {t(S.openSample)}
              </Button>
            ) : null}
          </div>
        ) : (
          <div>
            <Button onClick={session.reload}>{t(S.refresh)}</Button>
          </div>
        )}
      </Card>

      {session.workbook?.note ? (
        <MessageBar intent="info" data-testid="format-note">
          <MessageBarBody>{t(session.workbook.note)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {session.error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t(S.openFailed, { reason: session.error })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {read.error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t(S.readFailed, { reason: errorMsg(read.error) })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {session.busy || read.loading ? <Spinner size="small" label={t(S.readingWorkbook)} /> : null}

      {read.sheets.length > 0 ? (
        <Table aria-label={t(S.sheetsCaption)} size="small" data-testid="sheet-table" style={{ marginTop: 12 }}>
          <caption style={{ textAlign: 'left', padding: '4px 0' }}>
            <Text weight="semibold">{t(S.sheetsCaption)}</Text> · <Text>{t(S.sheetCount, { n: read.sheets.length })}</Text>
          </caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(S.colSheet)}</TableHeaderCell>
              <TableHeaderCell>{t(S.colKind)}</TableHeaderCell>
              <TableHeaderCell>{t(S.colTitle)}</TableHeaderCell>
              <TableHeaderCell>{t(S.colSize)}</TableHeaderCell>
              <TableHeaderCell>{t(S.colStatus)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {read.sheets.map((s) => {
              const grid = read.grids.find((g) => g.sheet === s.name);
              const model = grid ? recognizeSheet(grid, taughtFor(read.taught, grid.sheet)) : null;
              return (
                <TableRow key={s.name}>
                  <TableCell data-testid="sheet-name">{s.name}</TableCell>
                  <TableCell data-testid="sheet-kind" data-kind={model?.kind ?? ''}>
                    {model ? t(KIND_LABEL[model.kind]) : ''}
                    {model && model.headerTop >= 0 ? (
                      <Text size={100} block>
                        {t(S.headerRows, { from: model.headerTop + 1, to: model.headerBottom + 1 })}
                      </Text>
                    ) : null}
                  </TableCell>
                  <TableCell>{sheetTitle(grid)}</TableCell>
                  <TableCell>{grid ? `${grid.rowCount} × ${grid.colCount}` : ''}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={s.visibility === 'visible' ? 'success' : 'warning'}>
                      {t(s.visibility === 'visible' ? S.statusVisible : s.visibility === 'hidden' ? S.statusHidden : S.statusVeryHidden)}
                    </Badge>{' '}
                    {s.protected ? (
                      <Badge appearance="tint" color="informative">
                        {t(S.statusProtected)}
                      </Badge>
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
