// Bundles a Node entry of the engine with esbuild (Vite's own): shaders imported with `?raw` are
// inlined as strings, so the output runs in plain Node with nothing from Vite at run time.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, async (args) => {
      const resolved = await b.resolve(args.path.replace(/\?raw$/, ''), {
        kind: args.kind,
        resolveDir: args.resolveDir,
      });
      return { path: resolved.path, namespace: 'raw-text' };
    });
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

/** Writes `outfile` (an ES module for Node) from `entry`; returns esbuild's result. */
export function bundle(entry, outfile, { minify = false } = {}) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [rawText],
    // Some bundled CommonJS (TF.js, and the wasm backend's Emscripten loader) calls require() and
    // reads __dirname and __filename; give the module those.
    banner: {
      js: [
        "import { createRequire as __cr } from 'node:module';",
        "import { fileURLToPath as __fp } from 'node:url';",
        'const require = __cr(import.meta.url);',
        'const __filename = __fp(import.meta.url);',
        "const __dirname = __filename.replace(/[\\/][^\\/]*$/, '');",
      ].join(' '),
    },
  });
}
