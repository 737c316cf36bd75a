// node scripts/inkStatistics.mjs [MNIST_DIR]: bundles scripts/node/inkStatistics.ts for Node and runs
// it: MNIST's ink statistics per digit beside the drawn digits' (docs/handwriting.md). CPU only.
import { spawnSync } from 'node:child_process';
import { bundle } from './node/bundle.mjs';

await bundle('scripts/node/inkStatistics.ts', '.gpu-check/inkStatistics.mjs');
const { status } = spawnSync(process.execPath, ['.gpu-check/inkStatistics.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(status ?? 1);
