// npm run bench [-- --model convnet --steps 50 --warmup 10 --budget 60 --backends ours,wasm,webgl,webgpu --full-epoch --time-to --out bench-results.json]
// Trains the same MLP (or with --model convnet the book's ConvNet, batch 64) with our WebGPU engine and with TF.js (wasm, webgl, webgpu) in headless Chromium,
// prints a table and the ratios, and writes the raw rows as JSON.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatReport } from './bench/report.mjs';
import { runPage } from './headless/browser.mjs';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'mlp' },
    steps: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '10' },
    // Seconds of timed blocks per backend; a slower one stops at 3 blocks once past it.
    budget: { type: 'string', default: '60' },
    backends: { type: 'string', default: 'ours,wasm,webgl,webgpu' },
    'full-epoch': { type: 'boolean', default: false },
    // Time to 98% for the book's MLP, ours against TF.js wasm (docs/speedrun.md): minutes on a CPU.
    'time-to': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench-results.json' },
  },
});
const query = new URLSearchParams({
  model: values.model,
  steps: values.steps,
  warmup: values.warmup,
  budget: values.budget,
  backends: values.backends,
  fullEpoch: values['full-epoch'] ? '1' : '0',
  timeTo: values['time-to'] ? '1' : '0',
});
// A full epoch is 469 steps per backend: minutes each on a CPU-backed adapter.
const timeoutMs = (values['full-epoch'] || values['time-to'] ? 120 : 20) * 60_000;
const result = await runPage(`/scripts/bench/bench.html?${query}`, { timeoutMs });
if (result.error) {
  console.error(`bench failed: ${result.error}`);
  process.exit(1);
}
writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\n${result.userAgent}, ${result.hardwareConcurrency} logical cores, ${result.date}\n`);
console.log(formatReport(result));
console.log(`\nraw results: ${values.out}`);
