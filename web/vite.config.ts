// Builds the single-page app into dist/ and writes a service worker that precaches the shell.
import { defineConfig, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The service worker template gets the list of hashed files of this build, so a new build
// replaces the old cache as a whole.
function serviceWorker(): Plugin {
  return {
    name: 'mobilise-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.map'));
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

export default defineConfig({
  base: './',
  plugins: [serviceWorker()],
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
              test: /(components[\\/](lists|registry_bits|import_panel|loading_card|pager|bar_chart)|registry_data|area_import|institution_picker)\./,
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
