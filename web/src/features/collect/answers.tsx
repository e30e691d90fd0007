// A submission's answers as the form asks them: each question by its label (in the reader's
// language when the form has a translation for it, else the form's default), grouped by the
// form's groups, repeat entries numbered, a choice shown by its label. Without the form's
// schema (a form version gone, or not readable), by instance path as before.
import { Fragment, type ComponentChildren } from 'preact';
import type { Lang } from '../../i18n';
import { useI18n } from '../../i18n';
import { Ltr } from '../../components/registry_bits';
import type { FormSchema, SchemaField } from './types';

type Labels = Record<string, string>;

// Names of the languages the app speaks, as XLSForm language names start.
const LANGUAGE_NAMES: Record<Lang, string[]> = {
  en: ['english'],
  ps: ['pashto', 'پښتو'],
  uk: ['ukrainian', 'українська'],
  mr: ['marathi', 'मराठी'],
  prs: ['dari', 'دری', 'persian', 'فارسی'],
  ur: ['urdu', 'اردو'],
};

// The itext language of `languages` that is `lang`: "Pashto (ps)", "ps" or "Pashto".
export function languageFor(languages: string[], lang: Lang): string | undefined {
  return languages.find((l) => {
    const code = /\(([^)]+)\)\s*$/.exec(l)?.[1]?.toLowerCase();
    const name = l
      .replace(/\([^)]*\)\s*$/, '')
      .trim()
      .toLowerCase();
    return code === lang || l.toLowerCase() === lang || LANGUAGE_NAMES[lang].includes(name);
  });
}

// The text of a label in the reader's language, else the form's default, else an inline label,
// else any; undefined when the question has no label.
export function labelText(label: Labels, schema: FormSchema, lang: Lang): string | undefined {
  const mine = languageFor(schema.languages, lang);
  for (const l of [mine, schema.default_language, '']) {
    if (l !== undefined && label[l]) return label[l];
  }
  return Object.values(label).find((v) => v);
}

interface Leaf {
  path: string; // with repeat positions: /data/hh/person[2]/pname
  field: SchemaField | undefined;
  value: string;
}
interface Group {
  key: string; // with positions
  field: SchemaField | undefined;
  position: number | null; // a repeat entry's number
  items: (Leaf | Group)[];
}

const withoutPositions = (path: string) => path.replace(/\[\d+\]/g, '');

// The values as a tree of the form's groups and repeat entries, in document order; the meta
// group (instance IDs, shown above) is left out.
export function answerTree(values: [string, string][], schema: FormSchema): Group {
  const byPath = new Map(schema.fields.map((f) => [f.path, f]));
  const root: Group = { key: '', field: undefined, position: null, items: [] };
  for (const [path, value] of values) {
    const parts = path.split('/').filter(Boolean);
    if (parts[1] === 'meta') continue;
    let node = root;
    let key = '/' + parts[0];
    for (const part of parts.slice(1, -1)) {
      key += '/' + part;
      const last = node.items[node.items.length - 1];
      if (last && 'items' in last && last.key === key) {
        node = last;
        continue;
      }
      const position = /\[(\d+)\]$/.exec(part);
      const group: Group = {
        key,
        field: byPath.get(withoutPositions(key)),
        position: position ? Number(position[1]) : null,
        items: [],
      };
      node.items.push(group);
      node = group;
    }
    node.items.push({ path, field: byPath.get(withoutPositions(path)), value });
  }
  return root;
}

// A choice question's answer by its choices' labels (a select's answer lists values by spaces).
function shownValue(leaf: Leaf, schema: FormSchema, lang: Lang): string {
  const choices = leaf.field?.choices ?? [];
  if (choices.length === 0 || leaf.value === '') return leaf.value;
  const names = leaf.field?.type === 'select' ? leaf.value.split(/\s+/) : [leaf.value];
  return names
    .map((v) => {
      const c = choices.find((x) => x.value === v);
      return (c && labelText(c.label, schema, lang)) || v;
    })
    .join(', ');
}

export function Answers({ values, schema }: { values: [string, string][]; schema: FormSchema }) {
  const { lang } = useI18n();
  return <GroupItems group={answerTree(values, schema)} schema={schema} lang={lang} />;
}

function GroupItems(p: { group: Group; schema: FormSchema; lang: Lang }) {
  // Runs of answers make one list; each group or repeat entry its own block.
  const blocks: ComponentChildren[] = [];
  let run: Leaf[] = [];
  const flush = () => {
    if (run.length) blocks.push(<LeafList key={blocks.length} leaves={run} {...p} />);
    run = [];
  };
  for (const item of p.group.items) {
    if ('items' in item) {
      flush();
      blocks.push(<GroupBlock key={blocks.length} group={item} schema={p.schema} lang={p.lang} />);
    } else run.push(item);
  }
  flush();
  return <>{blocks}</>;
}

function GroupBlock(p: { group: Group; schema: FormSchema; lang: Lang }) {
  const name = p.group.field && labelText(p.group.field.label, p.schema, p.lang);
  return (
    <section
      class="subform"
      style={{ paddingInlineStart: '10px' }}
      data-testid="col-answer-group"
      data-path={p.group.key}
    >
      <h3 class="small-heading">
        {name ? <bdi>{name}</bdi> : <Ltr>{withoutPositions(p.group.key)}</Ltr>}
        {p.group.position !== null && (
          <span data-testid="col-answer-entry"> {String(p.group.position)}</span>
        )}
      </h3>
      <GroupItems {...p} />
    </section>
  );
}

function LeafList(p: { leaves: Leaf[]; schema: FormSchema; lang: Lang }) {
  return (
    <dl class="facts">
      {p.leaves.map((leaf) => {
        const label = leaf.field && labelText(leaf.field.label, p.schema, p.lang);
        return (
          <Fragment key={leaf.path}>
            <dt data-testid="col-answer-label">
              {label ? <bdi>{label}</bdi> : <Ltr>{leaf.path}</Ltr>}
            </dt>
            <dd data-testid="col-sub-value" data-path={leaf.path}>
              <bdi dir="auto">{shownValue(leaf, p.schema, p.lang)}</bdi>
            </dd>
          </Fragment>
        );
      })}
    </dl>
  );
}
