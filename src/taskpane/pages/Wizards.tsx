/**
 * 程序向导: the wizards in chain order, each with the sheet its source was found in (or that it is
 * missing) and the sheet it last wrote; choosing one opens it in the WizardFrame.
 */
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { Badge, Button, Card, CardHeader, MessageBar, MessageBarBody, Spinner, Text, Title3 } from '@fluentui/react-components';
import { W } from '../../i18n/strings-wizards';
import { CHAIN_SETTING_KEY, detectSources, parseChain, recognizeAll } from '../../wizards/framework';
import { WIZARDS } from '../../wizards/registry';
import type { ChainOutputs } from '../../wizards/types';
import { useT } from '../i18n';
import { useSession } from '../session';
import { useWorkbookRead } from '../use-grids';
import { WizardFrame } from '../wizards/WizardFrame';

export function WizardsPage(): ReactElement {
  const t = useT();
  const session = useSession();
  const read = useWorkbookRead();
  const [open, setOpen] = useState<string | null>(null);
  const [chain, setChain] = useState<ChainOutputs>({});
  const port = session.workbook?.port ?? null;

  useEffect(() => {
    if (!port) return;
    let live = true;
    void port.getSetting(CHAIN_SETTING_KEY).then((raw) => live && setChain(parseChain(raw)));
    return () => {
      live = false;
    };
  }, [port, session.generation]);

  const recognized = useMemo(() => recognizeAll(read.grids, read.taught), [read.grids, read.taught]);
  const wizard = WIZARDS.find((w) => w.id === open);
  if (wizard) return <WizardFrame key={wizard.id} wizard={wizard} onClose={() => setOpen(null)} />;

  return (
    <section aria-labelledby="wizards-title" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Title3 id="wizards-title" as="h2">
        {t(W.pageTitle)}
      </Title3>
      <Text>{t(W.pageIntro)}</Text>
      {!port ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t(W.noWorkbook)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {read.loading ? <Spinner size="tiny" /> : null}
      <ol style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 8 }} aria-label={t(W.pageTitle)}>
        {WIZARDS.map((w, i) => {
          const main = w.sources.length ? detectSources(w, recognized, chain, WIZARDS)[0] : null;
          const out = chain[w.id];
          return (
            <li key={w.id}>
              <Card data-testid={`wizard-card-${w.id}`}>
                <CardHeader
                  header={
                    <Text weight="semibold">
                      {i + 1}. {t(w.title)}
                    </Text>
                  }
                  description={<Text size={200}>{t(w.description)}</Text>}
                  action={
                    <Button
                      appearance="primary"
                      size="small"
                      onClick={() => setOpen(w.id)}
                      disabled={!port}
                      aria-label={`${t(W.open)}：${t(w.title)}`}
                      data-testid={`open-${w.id}`}
                    >
                      {t(W.open)}
                    </Button>
                  }
                />
                <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
                  {main ? (
                    <Badge appearance="tint" color={main.best ? 'success' : 'warning'} data-testid={`source-of-${w.id}`}>
                      {main.best ? t(W.chainSource, { sheet: main.best.sheet }) : t(W.chainNoSource)}
                    </Badge>
                  ) : null}
                  {out ? (
                    <Badge appearance="tint" color="brand">
                      {t(W.chainWritten, { sheet: out.sheet })}
                    </Badge>
                  ) : null}
                </div>
              </Card>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
