// The benchmark page (npm run bench): the same MLP trained by our engine and by TF.js on each of its
// backends, one after the other in this page; the rows go to window.__result for scripts/bench.mjs.
import { loadMnist } from '../../src/data/mnist';
import { type BenchData, type BenchRow, type BenchSettings, BLOCK_STEPS, errorText, MODELS } from './common';
import { benchOurs } from './ours';

declare global {
  interface Window {
    __result?: unknown;
  }
}

const params = new URLSearchParams(location.search);
const settings: BenchSettings = {
  model: params.get('model') === 'convnet' ? 'convnet' : 'mlp',
  steps: Math.max(BLOCK_STEPS, Number(params.get('steps') ?? 50)),
  warmup: Math.max(0, Number(params.get('warmup') ?? 10)),
  budgetSeconds: Number(params.get('budget') ?? 60),
  fullEpoch: params.get('fullEpoch') === '1',
};
const backends = (params.get('backends') ?? 'ours,wasm,webgl,webgpu').split(',');

async function benchOne(name: string, data: BenchData, log: (line: string) => void): Promise<BenchRow> {
  if (name === 'ours') return benchOurs(data, settings, log);
  if (name === 'wasm' || name === 'webgl' || name === 'webgpu') {
    // Loaded only when a TF.js backend is asked for, so an ours-only run never parses TF.js.
    const { benchTfjs } = await import('./tfjs');
    return benchTfjs(name, data, settings, log);
  }
  return { name, status: 'unavailable', reason: 'unknown backend (use ours, wasm, webgl, webgpu)' };
}

async function run() {
  const mnist = await loadMnist('/mnist/');
  const data: BenchData = {
    trainPixels: mnist.train.pixels,
    trainLabels: mnist.train.labels,
    testPixels: mnist.test.pixels,
    testLabels: mnist.test.labels,
  };
  const rows: BenchRow[] = [];
  for (const name of backends) {
    console.log(`== ${name}`);
    const log = (line: string) => console.log(`  [${name}] ${line}`);
    let row: BenchRow;
    try {
      row = await benchOne(name, data, log);
    } catch (error) {
      row = { name, status: 'failed', reason: errorText(error) };
    }
    if (row.status !== 'ok') log(`${row.status}: ${row.reason}`);
    rows.push(row);
  }
  // --time-to: the book's MLP to 98%, ours and TF.js wasm (timeTo.ts).
  const timeTo =
    params.get('timeTo') === '1'
      ? await (await import('./timeTo')).benchTimeTo(data, (line) => console.log(line))
      : undefined;
  return {
    date: new Date().toISOString(),
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    settings: { ...settings, batch: MODELS[settings.model].batch, blockSteps: BLOCK_STEPS, backends },
    stepFlops: MODELS[settings.model].stepFlops,
    stepFlopsFormula: MODELS[settings.model].formula,
    rows,
    timeTo,
  };
}

run().then(
  (result) => {
    window.__result = result;
  },
  (error: unknown) => {
    console.error(error);
    window.__result = { error: errorText(error) };
  },
);
