/** 政策设置: every rule value of SPEC §2 with its source. */
import type { ReactElement } from 'react';
import { Text, Title3 } from '@fluentui/react-components';
import { S } from '../../i18n/strings';
import { DEFAULT_POLICY } from '../../policy/policy';
import { useT } from '../i18n';
import { PolicyTable } from './PolicyTable';

export function SettingsPage(): ReactElement {
  const t = useT();
  return (
    <section aria-labelledby="settings-title">
      <Title3 as="h2" id="settings-title">
        {t(S.settingsTitle)}
      </Title3>
      <Text as="p">{t(S.settingsIntro)}</Text>
      <PolicyTable policy={DEFAULT_POLICY} label={t(S.settingsTitle)} />
    </section>
  );
}
