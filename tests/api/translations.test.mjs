// Every language the app lists speaks every word: the web app's string tables (the shell's, the
// field problems', every feature's), the names of what Mobilise ships (institution types, bands,
// member roles, vulnerability flags, activity types, topics, feedback categories, built-in
// indicators, report templates and their sections) and the exports (a report's CSV in each
// language carries that language's words and names, not English ones). The languages are those
// of web/src/i18n/index.ts (LANGUAGES); adding one there without its tables fails here.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { startServer, login, areaByCode, freshPgDatabase, uniq } from './support.mjs';

const web = new URL('../../web/src/', import.meta.url);
const LANGS = [
  ...readFileSync(new URL('i18n/index.ts', web), 'utf8').matchAll(
    /\{\s*code:\s*'([a-z]{2,3})',\s*name:\s*'[^']*',\s*dir:\s*'(?:ltr|rtl)'/g,
  ),
].map((m) => m[1]);

// The string bundles: a folder holding en.ts and one table per language.
const BUNDLES = [
  'i18n/',
  'i18n/field_errors/',
  ...readdirSync(new URL('features/', web))
    .filter((f) => existsSync(new URL(`features/${f}/strings/en.ts`, web)))
    .map((f) => `features/${f}/strings/`),
];

let vite;
async function loadTable(dir, lang) {
  if (!vite) {
    const require = createRequire(fileURLToPath(new URL('../package.json', web)));
    vite = await import(pathToFileURL(require.resolve('vite')).href);
  }
  const source = readFileSync(new URL(dir + lang + '.ts', web), 'utf8');
  const { code } = await vite.transformWithOxc(source, lang + '.ts', { lang: 'ts' });
  // The shell's tables spread the field problems' (checked as a bundle of their own).
  const alone = code.replace(/^import\s+(\w+)\s+from\s+['"][^'"]+['"];?$/gm, 'const $1 = {};');
  const mod = await import('data:text/javascript;base64,' + Buffer.from(alone).toString('base64'));
  return mod.default;
}

const forms = (v) => (typeof v === 'string' ? [v] : Object.values(v));
const params = (v) =>
  new Set(forms(v).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));

test('the app lists six languages, English first', () => {
  assert.deepEqual(LANGS, ['en', 'ps', 'uk', 'mr', 'prs', 'ur']);
});

const tables = {};
before(async () => {
  for (const dir of BUNDLES)
    tables[dir] = Object.fromEntries(
      await Promise.all(LANGS.map(async (l) => [l, await loadTable(dir, l)])),
    );
});

for (const dir of BUNDLES)
  test(`${dir}: every language has every key, with the English text's {params}`, () => {
    const en = tables[dir].en;
    assert.ok(Object.keys(en).length > 0, dir);
    for (const lang of LANGS.slice(1)) {
      const table = tables[dir][lang];
      const missing = Object.keys(en).filter((k) => !(k in table));
      const extra = Object.keys(table).filter((k) => !(k in en));
      const empty = Object.keys(table).filter((k) => forms(table[k]).some((s) => !s.trim()));
      const noOther = Object.keys(table).filter(
        (k) => typeof table[k] !== 'string' && typeof table[k].other !== 'string',
      );
      const wrong = Object.keys(table).filter((k) => {
        if (!(k in en)) return false;
        const want = params(en[k]);
        const got = params(table[k]);
        return want.size !== got.size || [...want].some((p) => !got.has(p));
      });
      assert.deepEqual(missing, [], `${dir}${lang}.ts lacks keys`);
      assert.deepEqual(extra, [], `${dir}${lang}.ts has keys en.ts does not`);
      assert.deepEqual(empty, [], `${dir}${lang}.ts has empty texts`);
      assert.deepEqual(noOther, [], `${dir}${lang}.ts has plurals without "other"`);
      assert.deepEqual(wrong, [], `${dir}${lang}.ts has texts whose {params} differ from English`);
    }
  });

test('every bundle fetches its table in every language', () => {
  const loaders = [
    'i18n/index.ts',
    ...BUNDLES.filter((d) => d.startsWith('features/')).map((d) => d + 'index.ts'),
  ];
  for (const file of loaders) {
    const text = readFileSync(new URL(file, web), 'utf8');
    // Either every language's file by the glob stringLoaders reads, or one line per language.
    const globbed = text.includes("stringLoaders(import.meta.glob('./{??,???}.ts'))");
    for (const lang of LANGS)
      assert.ok(
        globbed || new RegExp(`\\b${lang}: \\(\\) => import\\('\\./${lang}'\\)`).test(text),
        `${file}: ${lang}`,
      );
  }
  // The glob takes files named by a language code: two or three letters.
  for (const lang of LANGS) assert.match(lang, /^[a-z]{2,3}$/);
});

const KEPT_AS_IN_ENGLISH = [
  'i18n/app.name',
  'i18n/nav.collect',
  'features/collect/strings/col.instanceId',
  'features/reports/strings/set.aoc',
  'features/reports/strings/d2.coc',
];

test('the new languages are translated, not English copied', () => {
  for (const lang of ['mr', 'prs', 'ur']) {
    let total = 0;
    const copied = [];
    for (const dir of BUNDLES)
      for (const [k, v] of Object.entries(tables[dir].en)) {
        const text = forms(v).join(' ');
        // Words that stay as they are in every language: codes, formats, names of products.
        if (!/[a-z]{4}/.test(text.replace(/\{\w+\}|DHIS2|ADX|XLSForm|XForm|Excel|CSV|JSON/g, '')))
          continue;
        total++;
        if (forms(tables[dir][lang][k]).join(' ') === text) copied.push(dir + k);
      }
    // The product's and Collect's own names and DHIS2's terms stay as they are.
    assert.deepEqual(copied, KEPT_AS_IN_ENGLISH, `${lang}: ${copied.length} of ${total} copied`);
  }
});

// Lists of shipped names and the web keys that translate them (registry_data.ts optionLabel,
// fieldwork/common.tsx configured). Checklists and their items have no translation yet: the
// screens show their configured names (docs/adding-a-language.md says so).
const CONFIG_LISTS = [
  ['institution_types', 'cfg.type.'],
  ['member_roles', 'cfg.role.'],
  ['vulnerability_flags', 'cfg.flag.'],
  ['activity_types', 'cfg.activity_type.'],
  ['topics', 'cfg.topic.'],
  ['facility_types', 'cp.ft.'],
  ['risk_categories', 'rk.cat.'],
];

function webWord(key, lang) {
  for (const dir of BUNDLES) if (key in tables[dir][lang]) return tables[dir][lang][key];
  return undefined;
}

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, officer;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      officer = await login(srv.base, 'officer.t1');
    });
    after(async () => {
      await srv?.stop();
    });

    test('every shipped configuration name has a word in every language', async () => {
      const config = (await admin.get('/api/v1/registry/config')).json;
      const cats = (await admin.get('/api/v1/feedback/categories')).json;
      const codes = [
        ...CONFIG_LISTS.flatMap(([list, prefix]) => config[list].map((o) => prefix + o.code)),
        ...config.poverty_band_sets.flatMap((s) => s.bands.map((b) => 'cfg.band.' + b.code)),
        ...cats.map((c) => 'cfg.fbcat.' + c.code),
      ];
      assert.ok(codes.length >= 30, `${codes.length} shipped names`);
      for (const lang of LANGS) {
        const missing = codes.filter((k) => !webWord(k, lang));
        assert.deepEqual(missing, [], `${lang}: shipped names without a word`);
      }
    });

    test('every built-in indicator and report template is named in every language', async () => {
      const indicators = (await admin.get('/api/v1/indicators')).json.items;
      const builtin = indicators.filter((i) => i.builtin);
      assert.ok(builtin.length >= 20, `${builtin.length} built-in indicators`);
      const templates = (await admin.get('/api/v1/report-templates')).json.items;
      const shipped = templates.filter((t) => t.builtin);
      assert.equal(shipped.length, 4);
      for (const lang of LANGS.slice(1)) {
        assert.deepEqual(
          builtin.filter((i) => !i.names?.[lang]).map((i) => i.code),
          [],
          `${lang}: indicators without a name`,
        );
        for (const t of shipped) {
          assert.ok(t.names?.[lang], `${lang}: template ${t.code} has a name`);
          for (const s of t.sections)
            assert.ok(s.names?.[lang], `${lang}: ${t.code} section "${s.title}" has a title`);
        }
      }
    });

    test('an account keeps a language with the digits its user picked, and nothing else', async () => {
      const me = await login(srv.base, 'mobiliser.u1');
      for (const locale of ['mr-u-nu-latn', 'prs-u-nu-arabext', 'ur', 'en']) {
        const r = await me.patch('/api/v1/session', { locale });
        assert.equal(r.status, 200, r.text);
        assert.equal(r.json.user.locale, locale);
      }
      for (const locale of ['fa', 'mr-IN', 'mr-u-nu-thai', 'ur-u-ca-persian', 'MR']) {
        const r = await me.patch('/api/v1/session', { locale });
        assert.equal(r.status, 400, locale);
        assert.ok(r.json.error.fields.locale, locale);
      }
      assert.equal(
        (await me.get('/api/v1/session')).json.user.locale,
        'en',
        'refusals change nothing',
      );
    });

    test("a report's export is written in the language asked for", async () => {
      const tehsil = await areaByCode(admin, 'P1-D1-T1');
      const uc = await admin.post('/api/v1/areas', {
        parent_id: tehsil.id,
        code: `LUC${uniq()}`,
        name: `Language ${uniq()}`,
      });
      assert.equal(uc.status, 201, uc.text);
      const made = await officer.post('/api/v1/reports', {
        template_code: 'MPR',
        area_id: uc.json.id,
        period: '2026-02',
      });
      assert.equal(made.status, 201, made.text);
      const id = made.json.id;
      const expected = {
        mr: ['हा कालावधी', 'नोंदणीकृत कुटुंबे', 'समुदाय संस्था'],
        prs: ['این دوره', 'خانوارهای ثبت‌شده', 'نهادهای اجتماعی'],
        ur: ['یہ مدت', 'رجسٹرڈ گھرانے', 'کمیونٹی ادارے'],
      };
      for (const [lang, words] of Object.entries(expected)) {
        const csv = await officer.get(`/api/v1/reports/${id}/export?format=csv&lang=${lang}`);
        assert.equal(csv.status, 200, csv.text);
        for (const w of words) assert.ok(csv.text.includes(w), `${lang}: "${w}" in the CSV`);
        assert.ok(!csv.text.includes('Households registered'), `${lang}: no English name`);
        assert.ok(!csv.text.includes('This period'), `${lang}: no English heading`);
      }
    });
  });
