/** 关于: version, how the pane runs, privacy, keyboard use. */
import type { ReactElement } from 'react';
import { Text, Title3 } from '@fluentui/react-components';
import { S } from '../../i18n/strings';
import { APP_VERSION, OFFICE_JS_SOURCE } from '../build-info';
import type { HostInfo } from '../host';
import { useT } from '../i18n';

export function AboutPage({ host }: { host: HostInfo }): ReactElement {
  const t = useT();
  const rows: [string, string][] = [
    [t(S.aboutVersion), APP_VERSION],
    [t(S.aboutMode), t(host.label ?? (host.kind === 'excel' ? S.modeExcel : S.modeStandalone))],
    [t(S.aboutOfficeJs), t(OFFICE_JS_SOURCE === 'cdn' ? S.officeJsCdn : S.officeJsLocal)],
    [t(S.aboutSource), t(S.sourceText)],
    [t(S.aboutPrivacy), t(S.privacyText)],
    [t(S.aboutKeyboard), t(S.keyboardText)],
  ];
  return (
    <section aria-labelledby="about-title">
      <Title3 as="h2" id="about-title">
        {t(S.appTitle)}
      </Title3>
      <Text as="p">{t(S.appSubtitle)}</Text>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k} style={{ marginBottom: 8 }}>
            <dt>
              <Text weight="semibold">{k}</Text>
            </dt>
            <dd style={{ marginLeft: 0 }}>
              <Text>{v}</Text>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
