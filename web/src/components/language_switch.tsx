// The language menu; each language is named in its own script.
import { useId } from 'preact/hooks';
import { chooseLang, isLang, LANGUAGES, useI18n } from '../i18n';

export function LanguageSwitch() {
  const { lang, t } = useI18n();
  const id = useId();
  return (
    <div class="lang-switch">
      <label for={id}>{t('nav.language')}</label>
      <select
        id={id}
        value={lang}
        data-testid="language-switch"
        onChange={(e) => {
          const v = (e.currentTarget as HTMLSelectElement).value;
          if (isLang(v)) chooseLang(v);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
