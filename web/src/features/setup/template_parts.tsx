// Parts of the report template editor (setup_templates.tsx): the move/remove tools, the
// translations of a name or title into the app's other languages, and the read-only view.
import { Field } from '../../components/form_fields';
import { LANGUAGES, type Lang, useI18n } from '../../i18n';
import { dimLabel, indicatorName, sectionLabel, type IndicatorDef } from '../reports/common';

export interface Item {
  key: number;
  indicator_code: string;
  by: string[];
}

export interface Section {
  key: number;
  title: string;
  names: Record<string, string>; // the title in other languages
  items: Item[];
}

// The languages a name or title is translated into: the app's own besides English.
export const OTHER_LANGS = LANGUAGES.filter((l) => l.code !== 'en');

// Translations as sent: trimmed, the empty ones left out.
export function cleanNames(names: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(names)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v),
  );
}

// One optional field per other language, typed in that language's direction.
export function Translations(p: {
  label: (lang: Lang) => string;
  names: Record<string, string>;
  onChange: (names: Record<string, string>) => void;
  error: (lang: Lang) => string | undefined;
  testid: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {OTHER_LANGS.map((l) => (
        <Field
          key={l.code}
          label={`${p.label(l.code)} ${t('common.optional')}`}
          value={p.names[l.code] ?? ''}
          dir={l.dir}
          onInput={(v) => p.onChange({ ...p.names, [l.code]: v })}
          error={p.error(l.code)}
          testid={`${p.testid}-${l.code}`}
        />
      ))}
    </>
  );
}

// Move up, move down and remove: small buttons named in full for screen readers and tooltips.
export function Tools(p: {
  testid: string;
  first: boolean;
  last: boolean;
  up: string;
  down: string;
  remove: string;
  onMove: (by: number) => void;
  onRemove: () => void;
}) {
  // One small button: its words (label and tooltip), test id suffix and sign.
  const tool = (
    cls: string,
    name: string,
    sign: string,
    label: string,
    onClick: () => void,
    disabled?: boolean,
  ) => (
    <button
      type="button"
      class={cls + ' icon-button'}
      disabled={disabled}
      aria-label={label}
      title={label}
      data-testid={`${p.testid}-${name}`}
      onClick={onClick}
    >
      <span aria-hidden="true">{sign}</span>
    </button>
  );
  return (
    <span class="tpl-tools">
      {tool('secondary', 'up', '↑', p.up, () => p.onMove(-1), p.first)}
      {tool('secondary', 'down', '↓', p.down, () => p.onMove(1), p.last)}
      {tool('danger', 'remove', '✕', p.remove, p.onRemove)}
    </span>
  );
}

export function TemplateView({ sections, lib }: { sections: Section[]; lib: IndicatorDef[] }) {
  const { t } = useI18n();
  return (
    <div data-testid="template-view">
      {sections.map((s) => (
        <section key={s.key} data-testid="template-section">
          <h2>
            <bdi>{sectionLabel(s.title, { sections: [{ title: s.title, names: s.names }] })}</bdi>
          </h2>
          <ol class="plain-list">
            {s.items.map((i) => (
              <li key={i.key} data-testid="tpl-item" data-code={i.indicator_code}>
                <bdi>{indicatorName(lib, i.indicator_code)}</bdi>
                {i.by.length > 0 && (
                  <span class="muted small">
                    {' '}
                    · {t('rep.byDims', { dims: i.by.map(dimLabel).join(t('common.listSep')) })}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
