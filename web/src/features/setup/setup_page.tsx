// The set-up landing page: the three set-up screens, each with what it is for.
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { ReportsTabs } from '../reports/common';
import { ReadOnlyNote, useProgrammeAdmin } from './common';

export function SetupPage() {
  const { t } = useI18n();
  const may = useProgrammeAdmin();
  const items: { path: string[]; title: string; text: string; testid: string }[] = [
    {
      path: ['setup', 'settings'],
      title: t('set.title'),
      text: t('setup.settingsText'),
      testid: 'setup-settings',
    },
    {
      path: ['setup', 'templates'],
      title: t('tpl.title'),
      text: t('setup.templatesText'),
      testid: 'setup-templates',
    },
    {
      path: ['setup', 'dhis2'],
      title: t('d2.title'),
      text: t('setup.dhis2Text'),
      testid: 'setup-dhis2',
    },
  ];
  return (
    <section class="card" aria-labelledby="setup-heading" data-testid="setup">
      <ReportsTabs current="setup" />
      <h1 id="setup-heading">{t('setup.title')}</h1>
      <p class="muted">{t('setup.intro')}</p>
      {may === false && <ReadOnlyNote />}
      <ul class="record-list">
        {items.map((x) => (
          <li key={x.testid}>
            <a class="record-link" href={href(...x.path)} data-testid={x.testid}>
              <span class="record-title">{x.title}</span>
              <span class="record-meta">{x.text}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
