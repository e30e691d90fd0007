// Builds the single-page app into dist/, writes a service worker that precaches the shell, and
// brotli and gzip copies beside each text file for the server to send to browsers that take them.
import { defineConfig, type Plugin } from 'vite';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// A string table of one language (the shell's i18n/<lang>.ts or a feature's strings/<lang>.ts):
// loaded on demand in the user's language only, so not precached for every language.
const LANGUAGE_TABLE = /[\\/](i18n|strings)[\\/](en|ps|uk)\.ts$/;

// The service worker template gets the list of hashed files of this build, so a new build
// replaces the old cache as a whole.
function serviceWorker(): Plugin {
  return {
    name: 'mobilise-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => {
        const item = bundle[f];
        const table = item.type === 'chunk' && LANGUAGE_TABLE.test(item.facadeModuleId ?? '');
        return !f.endsWith('.map') && !table;
      });
      const shell = [
        './',
        './index.html',
        './manifest.webmanifest',
        './icon.svg',
        ...files.filter((f) => f !== 'index.html').map((f) => './' + f),
      ];
      const version = Date.now().toString(36);
      const template = readFileSync(
        fileURLToPath(new URL('./src/sw.template.js', import.meta.url)),
        'utf8',
      );
      const source = template
        .replace('__SHELL_FILES__', JSON.stringify(shell))
        .replace('__CACHE_VERSION__', JSON.stringify('mobilise-shell-' + version));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

// After the build: `<file>.br` (brotli quality 11) and `<file>.gz` (zlib level 9) beside every
// text file, each written only when it is smaller. The server sends the .br to clients that
// accept br, else the .gz to clients that accept gzip (src/api/http/static_files.hpp). Node's
// zlib has brotli: no dependency.
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;

function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'mobilise-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(fileURLToPath(new URL(outDir + '/', import.meta.url)))) {
        if (!COMPRESSIBLE.test(file)) continue;
        const raw = readFileSync(file);
        const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
        if (gz.length < raw.length) writeFileSync(file + '.gz', gz);
        const br = brotliCompressSync(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        });
        if (br.length < raw.length) writeFileSync(file + '.br', br);
      }
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [serviceWorker(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // The set-up screens are a feature of their own but share most of their code with the
        // monitoring screens: one chunk for both is smaller than three (theirs and the shared).
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'reports', test: /features[\\/](reports|setup)[\\/](?!strings|index)/ },
            // The parts the feature screens share (lists, record forms, imports, pickers) and
            // the area import the shell fetches on first use: one chunk rather than one small
            // chunk per combination of features that uses them (smaller gzipped in total).
            {
              name: 'parts',
              test: /(components[\\/](form|picker_parts|lists|registry_bits|import_panel|loading_card|pager|bar_chart|field_errors)|registry_data|area_import|institution_picker)\./,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': process.env.MOBILISE_DEV_API || 'http://127.0.0.1:8080' },
  },
});
