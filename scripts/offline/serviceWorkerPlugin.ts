// Builds dist/sw.js from scripts/offline/sw.js: the list of every file of this build (the app
// shell) and the MNIST files (with their SHA-256s, and manifest.json's own, fixed here), with a
// version for each, so a new build replaces the cached shell.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'digits-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      // The public/ files (icons, web app manifest) are copied, not bundled; public/mnist/ is the data.
      const publicFiles = readdirSync(new URL('../../public/', import.meta.url), { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name);
      const files = [...Object.keys(bundle).filter((name) => !name.endsWith('.map')), ...publicFiles];
      // './' is what a visit fetches; index.html is the same file under its own name.
      const shell = ['./', ...files.map((name) => `./${name}`)].sort();
      const html = bundle['index.html'];
      const shellVersion = hash(shell.join('\n') + (html?.type === 'asset' ? String(html.source) : ''));
      const manifest = readFileSync(new URL('../../public/mnist/manifest.json', import.meta.url), 'utf8');
      const facts: Record<string, { sha256: string; gzipSha256: string }> = JSON.parse(manifest).files;
      const dataFiles = ['./mnist/manifest.json', ...Object.keys(facts).map((file) => `./mnist/${file}.gz`)];
      const dataSha256 = Object.fromEntries([
        ...Object.entries(facts).map(([file, { sha256, gzipSha256 }]) => [
          `./mnist/${file}.gz`,
          [gzipSha256, sha256],
        ]),
        ['./mnist/manifest.json', [createHash('sha256').update(manifest).digest('hex')]],
      ]);
      const source = readFileSync(new URL('./sw.js', import.meta.url), 'utf8')
        .replace('__SHELL_VERSION__', JSON.stringify(shellVersion))
        .replace('__DATA_VERSION__', JSON.stringify(hash(manifest)))
        .replace('__SHELL_FILES__', JSON.stringify(shell))
        .replace('__DATA_FILES__', JSON.stringify(dataFiles))
        .replace('__DATA_SHA256__', JSON.stringify(dataSha256));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
