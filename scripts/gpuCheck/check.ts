// npm run gpu:check [-- --quick --epochs 5 --out DIR --data DIR --skip convnet,tfjs,wasm,torch --repeats 10 --steps 50]
// On whatever adapter Dawn finds (a real GPU, or SwiftShader on the CPU): conformance of every kernel,
// a training step's gradients against the CPU backend, the book's run, speed, and the peers
// (TF.js webgpu in this process, PyTorch when python3 has it). Prints a table, writes JSON and the
// table to the output folder; exits 1 if a kernel or gradient is wrong or the book's run falls short.
import '../node/installDawn';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CpuBackend, type GpuDevice, requestGpuDevice, WebGPUBackend } from '../../src/index';
import type { BenchData, BenchRow, BenchSettings } from '../bench/common';
import { benchOurs } from '../bench/ours';
import { bookRun, bookRunSettings } from '../headless/bookRun';
import { dawnPath } from '../node/installDawn';
import { loadMnistFiles } from '../node/mnistFiles';
import { type CaseResult, conformance } from './conformance';
import { gradientChecks } from './gradients';
import { formatSection, longSections } from './longSections';
import { formatTable } from './report';
import { applySectionFlags } from './sectionFlags';

const SECTIONS = ['conformance', 'gradients', 'book', 'convnet', 'speed', 'tfjs', 'wasm', 'torch'] as const;
/** The book's figure, and the bar the issue sets for its run. */
const BOOK_ACCURACY = 0.975;
/** The book's ConvNet reaches about 0.99; the bar leaves room for seeds and float order. */
const CONVNET_ACCURACY = 0.985;

const argv = process.argv.slice(2);
const flags = new Map<string, string>();
for (let i = 0; i < argv.length; i++) {
  const name = argv[i].replace(/^--/, '');
  if (name === 'quick') flags.set('quick', '1');
  else flags.set(name, argv[++i]);
}
const quick = flags.has('quick');
const num = (name: string, normal: number, short: number) =>
  Number(flags.get(name) ?? (quick ? short : normal));
const options = {
  quick,
  out: resolve(flags.get('out') ?? process.env.GPU_CHECK_OUT ?? 'gpu-check-results'),
  data: resolve(flags.get('data') ?? process.env.MNIST_DIR ?? 'public/mnist'),
  epochs: num('epochs', 5, 1),
  train: num('train', 60000, 6000),
  repeats: num('repeats', 10, 2),
  steps: num('steps', 50, 20),
  skip: new Set((flags.get('skip') ?? '').split(',').filter(Boolean)),
  python: flags.get('python') ?? process.env.PYTHON ?? 'python3',
  torchScript:
    flags.get('torch-script') ??
    [join(dirname(fileURLToPath(import.meta.url)), 'torch_peer.py'), 'scripts/gpuCheck/torch_peer.py'].find(
      existsSync,
    ) ??
    'torch_peer.py',
  // TF.js's wasm binaries: beside check.mjs in the GPU pack, else from node_modules.
  wasmDir:
    flags.get('wasm-dir') ??
    [
      join(dirname(fileURLToPath(import.meta.url)), 'wasm'),
      'node_modules/@tensorflow/tfjs-backend-wasm/dist',
    ].find(existsSync) ??
    'wasm',
};
// --skip and --only name sections; --quick leaves out the long runs (sectionFlags.ts).
const sectionError = applySectionFlags(flags, SECTIONS, options.skip);
if (sectionError) {
  console.error(sectionError);
  process.exit(2);
}
const wanted = (section: (typeof SECTIONS)[number]) => !options.skip.has(section);
const errorText = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** The adapter as Dawn reports it (info fields are getters: copied by name). */
async function adapterInfo() {
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return null;
  const i = adapter.info;
  return {
    vendor: i.vendor,
    architecture: i.architecture,
    device: i.device,
    description: i.description,
    isFallbackAdapter: i.isFallbackAdapter === true,
    timestampQuery: adapter.features.has('timestamp-query'),
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize,
    maxComputeInvocationsPerWorkgroup: adapter.limits.maxComputeInvocationsPerWorkgroup,
  };
}

/** A device whose uncaptured errors are collected (and fail the section that caused them). */
async function checkedDevice(errors: string[]): Promise<GpuDevice> {
  return requestGpuDevice({
    onError: (error) => errors.push(error.message),
    onLost: (reason, message) => errors.push(`device lost (${reason}): ${message}`),
  });
}

/** TF.js on one of its backends, in this process; a failure is a row, not an exception. */
async function tfjsPeer(
  name: 'webgpu' | 'wasm',
  data: BenchData,
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<BenchRow> {
  try {
    const { benchTfjs } = await import('../bench/tfjs');
    if (name === 'wasm') {
      const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
      setWasmPaths(`${resolve(options.wasmDir)}/`);
    }
    return await benchTfjs(name, data, settings, (line) => log(`  [tfjs-${name}] ${line}`));
  } catch (error) {
    return { name: `tfjs-${name}`, status: 'failed', reason: errorText(error) };
  }
}

function torchPeer(): BenchRow & Record<string, unknown> {
  const args = [options.torchScript, '--data', options.data, '--epochs', String(options.epochs)];
  args.push('--steps', String(options.steps));
  const run = spawnSync(options.python, args, { encoding: 'utf8', timeout: 30 * 60_000 });
  if (run.error)
    return { name: 'pytorch', status: 'unavailable', reason: `${options.python}: ${run.error.message}` };
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last);
  } catch {
    return { name: 'pytorch', status: 'failed', reason: (run.stderr || run.stdout).trim().slice(-500) };
  }
}

async function main() {
  const started = Date.now();
  const log = (line: string) => console.log(line);
  const adapter = await adapterInfo();
  const failures: string[] = [];
  if (!adapter) {
    // Nothing to run on; the CPU peers still run, so the machine's figures are not all lost.
    failures.push('Dawn found no WebGPU adapter (is a Vulkan driver installed, or VK_ICD_FILENAMES set?)');
    for (const section of SECTIONS) if (section !== 'torch' && section !== 'wasm') options.skip.add(section);
  }
  log(`adapter: ${JSON.stringify(adapter)}`);
  log(`dawn.node: ${dawnPath}`);
  const mnist = await loadMnistFiles(options.data);
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    options: { ...options, skip: [...options.skip] },
    adapter,
  };

  if (wanted('conformance') || wanted('gradients')) {
    const errors: string[] = [];
    const gpuDevice = await checkedDevice(errors);
    const gpu = new WebGPUBackend(gpuDevice.device);
    const cpu = new CpuBackend();
    const setVariant = (v: 'tiled' | 'register') => {
      gpu.matmulVariant = v;
    };
    let cases: CaseResult[] = [];
    if (wanted('conformance')) {
      log('== conformance');
      const t = Date.now();
      cases = await conformance(gpu, cpu, { repeats: options.repeats, fullSize: !quick, log });
      log(`conformance: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    if (wanted('gradients')) {
      log('== training-step gradients against the CPU backend');
      const variants = (['tiled', 'register'] as const).map((v) => ({
        name: `matmul ${v}`,
        set: () => setVariant(v),
      }));
      cases.push(...(await gradientChecks(gpu, cpu, mnist.train, variants)));
    }
    await gpuDevice.device.queue.onSubmittedWorkDone();
    if (errors.length > 0)
      cases.push({
        kernel: 'device',
        name: 'uncaptured errors',
        ok: false,
        runs: 1,
        problem: errors.join(' | '),
      });
    gpuDevice.device.destroy();
    const failed = cases.filter((c) => !c.ok);
    report.conformance = { passed: cases.length - failed.length, failed: failed.length, cases };
    for (const c of failed) failures.push(`${c.kernel}: ${c.name}: ${c.problem}`);
    log(`conformance and gradients: ${cases.length - failed.length}/${cases.length} passed`);
  }

  if (wanted('book')) {
    log("== the book's run");
    const settings = bookRunSettings((name) =>
      name === 'epochs' ? String(options.epochs) : name === 'train' ? String(options.train) : null,
    );
    const errors: string[] = [];
    const gpuDevice = await checkedDevice(errors);
    try {
      const run = await bookRun(settings, gpuDevice, mnist, log);
      const judged = settings.epochs >= 5 && settings.train >= 60000;
      const passed = !judged || run.test.accuracy >= BOOK_ACCURACY;
      report.book = { ...run, judged, threshold: BOOK_ACCURACY, passed };
      if (!passed) failures.push(`book run: test accuracy ${run.test.accuracy} < ${BOOK_ACCURACY}`);
    } catch (error) {
      report.book = { error: errorText(error) };
      failures.push(`book run: ${errorText(error)}`);
    }
    if (errors.length > 0) failures.push(`book run: device errors: ${errors.join(' | ')}`);
    gpuDevice.device.destroy();
  }

  if (wanted('convnet')) {
    // The book's ConvNet (chapter 5 of the first edition, chapter 8 of the third), batch 64, as many epochs: minutes on a GPU, hours on a CPU adapter.
    log("== the book's ConvNet");
    const settings = bookRunSettings((name) =>
      name === 'epochs'
        ? String(options.epochs)
        : name === 'train'
          ? String(options.train)
          : name === 'model'
            ? 'convnet'
            : null,
    );
    const errors: string[] = [];
    const gpuDevice = await checkedDevice(errors);
    try {
      const run = await bookRun(settings, gpuDevice, mnist, log);
      const judged = settings.epochs >= 5 && settings.train >= 60000;
      const passed = !judged || run.test.accuracy >= CONVNET_ACCURACY;
      report.convnet = { ...run, judged, threshold: CONVNET_ACCURACY, passed };
      if (!passed) failures.push(`convnet run: test accuracy ${run.test.accuracy} < ${CONVNET_ACCURACY}`);
    } catch (error) {
      report.convnet = { error: errorText(error) };
      failures.push(`convnet run: ${errorText(error)}`);
    }
    if (errors.length > 0) failures.push(`convnet run: device errors: ${errors.join(' | ')}`);
    gpuDevice.device.destroy();
  }

  const data: BenchData = {
    trainPixels: mnist.train.pixels,
    trainLabels: mnist.train.labels,
    testPixels: mnist.test.pixels,
    testLabels: mnist.test.labels,
  };
  const benchSettings: BenchSettings = {
    model: 'mlp',
    steps: options.steps,
    warmup: 10,
    budgetSeconds: quick ? 10 : 60,
    fullEpoch: !quick,
  };
  const rows: BenchRow[] = [];
  if (wanted('speed')) {
    log('== speed: ours');
    const row = await benchOurs(data, benchSettings, (line) => log(`  [ours] ${line}`));
    rows.push(row);
    if (row.status !== 'ok') failures.push(`speed (ours): ${row.reason}`);
  }
  if (wanted('tfjs')) {
    log('== speed: TF.js webgpu (same process, same device kind)');
    // A full epoch of TF.js on a CPU-backed adapter takes many minutes: only on a real GPU.
    const fullEpoch = !quick && adapter?.isFallbackAdapter === false;
    rows.push(await tfjsPeer('webgpu', data, { ...benchSettings, fullEpoch }, log));
  }
  if (wanted('wasm')) {
    // The CPU peer a browser without a usable GPU falls back to; single-threaded, as in a page that
    // is not cross-origin isolated. Its evaluation time is the one ours is judged against.
    log('== speed: TF.js wasm (same process, on the CPU)');
    rows.push(await tfjsPeer('wasm', data, { ...benchSettings, fullEpoch: false }, log));
  }
  if (wanted('torch')) {
    log('== speed: PyTorch (eager, its own process)');
    rows.push(torchPeer());
  }
  report.speed = rows;
  const timed = await longSections(flags, { mnist, checkedDevice, failures, log, adapter, options, report });
  report.timeToAccuracy = timed;
  report.seconds = (Date.now() - started) / 1000;
  report.failures = failures;
  report.passed = failures.length === 0;

  const table = [formatTable(report), ...timed.map(formatSection)].join('\n\n');
  log(`\n${table}`);
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, 'gpu-check.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(options.out, 'gpu-check.txt'), `${table}\n`);
  log(`\nresults: ${join(options.out, 'gpu-check.json')} and gpu-check.txt`);
  return failures.length === 0;
}

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error) => {
    console.error(`gpu:check failed: ${errorText(error)}`);
    process.exit(1);
  },
);
