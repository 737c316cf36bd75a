// gpu:check's time-to-accuracy sections: one recipe (src/nn/speedrunRecipes.ts) timed over several
// seeds in our engine, then the identical recipe in PyTorch (torch_speedrun.py) on the same device.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { DeviceDataset, type GpuDevice, type Mnist, WebGPUBackend } from '../../src/index';
import { timeToAccuracy, warmUpFor } from '../../src/nn/speedrun';
import { RECIPES, type RecipeName } from '../../src/nn/speedrunRecipes';
import type { SeedRun } from '../../src/nn/timeToAccuracy';
import { TIMED_SECTIONS, timedFlags } from './sectionFlags';
import type { TimedSide, TimeToAccuracySection } from './timeToAccuracyReport';

export { formatSection } from './timeToAccuracyReport';

export interface TimeToAccuracyOptions {
  recipe: RecipeName;
  seeds: number;
  /** Training images used (all 60,000 unless a test asks for fewer). */
  train: number;
  /** Test images evaluated: all 10,000 (the metric's), unless a test asks for fewer. */
  test?: number;
  /** Overrides the recipe's target and length (the dawn test's tiny run). */
  target?: number;
  maxSteps?: number;
  python: string;
  script: string;
  data: string;
  device: string;
  log: (line: string) => void;
}

const errorText = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

async function ours(gpu: GpuDevice, mnist: Mnist, o: TimeToAccuracyOptions): Promise<TimedSide> {
  const recipe = RECIPES[o.recipe];
  const backend = new WebGPUBackend(gpu.device);
  const now = () => performance.now() / 1000;
  const uploadStart = now();
  const images = mnist.train.pixels.subarray(0, o.train * 784);
  const train = DeviceDataset.upload(backend, images, mnist.train.labels.subarray(0, o.train), 784);
  const tests = Math.min(o.test ?? mnist.test.count, mnist.test.count);
  const testPixels = mnist.test.pixels.subarray(0, tests * 784);
  const test = DeviceDataset.upload(backend, testPixels, mnist.test.labels.subarray(0, tests), 784);
  try {
    const warmUpSeconds = now() - uploadStart + (await warmUpFor(backend, recipe, train, test));
    o.log(`  [ours] warm-up ${warmUpSeconds.toFixed(2)} s (upload and pipelines), apart`);
    const runs: SeedRun[] = [];
    for (let seed = 1; seed <= o.seeds; seed++) {
      const run = await timeToAccuracy(backend, train, test, {
        recipe,
        seed,
        target: o.target,
        maxSteps: o.maxSteps,
        onEvaluation: (e) =>
          o.log(
            `  [ours] seed ${seed} step ${e.step}: ${(e.accuracy * 100).toFixed(2)}% at ${e.seconds.toFixed(2)} s`,
          ),
      });
      runs.push(run);
    }
    return { name: 'ours', status: 'ok', info: o.device, warmUpSeconds, runs };
  } catch (error) {
    return { name: 'ours', status: 'failed', reason: errorText(error) };
  } finally {
    train.dispose();
    test.dispose();
  }
}

interface TorchOutput {
  status: TimedSide['status'];
  reason?: string;
  info?: string;
  warmUpMs?: number;
  runs?: SeedRun[];
}

function torch(o: TimeToAccuracyOptions): TimedSide {
  const args = [o.script, '--data', o.data, '--recipe', o.recipe, '--seeds', String(o.seeds)];
  if (o.train < 60000) args.push('--train', String(o.train));
  if (o.test !== undefined) args.push('--test', String(o.test));
  if (o.target !== undefined) args.push('--target', String(o.target));
  if (o.maxSteps !== undefined) args.push('--max-steps', String(o.maxSteps));
  const run = spawnSync(o.python, args, { encoding: 'utf8', timeout: 60 * 60_000 });
  if (run.error)
    return { name: 'PyTorch', status: 'unavailable', reason: `${o.python}: ${run.error.message}` };
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const out = JSON.parse(last) as TorchOutput;
    const runs = out.runs?.map((r) => ({ ...r, warmUpSeconds: 0 }));
    const warmUpSeconds = out.warmUpMs === undefined ? undefined : out.warmUpMs / 1000;
    return { name: 'PyTorch', status: out.status, reason: out.reason, info: out.info, warmUpSeconds, runs };
  } catch {
    return { name: 'PyTorch', status: 'failed', reason: (run.stderr || run.stdout).trim().slice(-500) };
  }
}

/** Runs one recipe on both sides; `gpu` is a fresh device, destroyed by the caller. */
export async function timeToAccuracySection(
  gpu: GpuDevice,
  mnist: Mnist,
  o: TimeToAccuracyOptions,
  withTorch: boolean,
): Promise<TimeToAccuracySection> {
  const recipe = RECIPES[o.recipe];
  o.log(`== time to ${recipe.target * 100}%: ${recipe.title}, ${o.seeds} seed(s)`);
  const ourSide = await ours(gpu, mnist, o);
  const tiny = [
    o.train < 60000 ? `${o.train} training images` : '',
    o.test !== undefined ? `${o.test} test images` : '',
    o.maxSteps !== undefined ? `at most ${o.maxSteps} steps` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const torchSide: TimedSide = withTorch
    ? torch(o)
    : { name: 'PyTorch', status: 'skipped', reason: 'skipped (--skip torch)' };
  return {
    recipe: o.recipe,
    title: tiny ? `${recipe.title} [a tiny test run: ${tiny}]` : recipe.title,
    target: o.target ?? recipe.target,
    device: o.device,
    ours: ourSide,
    torch: torchSide,
  };
}

export interface SectionContext {
  mnist: Mnist;
  checkedDevice: (errors: string[]) => Promise<GpuDevice>;
  failures: string[];
  log: (line: string) => void;
  withTorch: boolean;
}

/** gpu:check's sections 'mlp98' and 'speedrun', each on a fresh device; failures are added to ctx.failures. */
export async function timedSections(
  sections: ('mlp98' | 'speedrun')[],
  ctx: SectionContext,
  options: Omit<TimeToAccuracyOptions, 'recipe' | 'log'>,
): Promise<TimeToAccuracySection[]> {
  const timed: TimeToAccuracySection[] = [];
  for (const name of sections) {
    const errors: string[] = [];
    const gpu = await ctx.checkedDevice(errors);
    const recipe = name === 'mlp98' ? 'mlp' : 'speedrun';
    const section = await timeToAccuracySection(
      gpu,
      ctx.mnist,
      { ...options, recipe, log: ctx.log },
      ctx.withTorch,
    );
    if (section.ours.status !== 'ok') ctx.failures.push(`${name}: ${section.ours.reason}`);
    if (errors.length > 0) ctx.failures.push(`${name}: device errors: ${errors.join(' | ')}`);
    gpu.device.destroy();
    timed.push(section);
  }
  return timed;
}

interface CheckState {
  mnist: Mnist;
  checkedDevice: (errors: string[]) => Promise<GpuDevice>;
  failures: string[];
  log: (line: string) => void;
  adapter: { vendor: string; architecture: string; description: string; isFallbackAdapter: boolean } | null;
  options: { skip: Set<string>; train: number; python: string; torchScript: string; data: string };
}

/** check.ts's timed sections, from its flags: --seeds (5 on a GPU, 1 on a software adapter), --skip torch. */
export function runTimedSections(
  flags: Map<string, string>,
  s: CheckState,
): Promise<TimeToAccuracySection[]> {
  const { adapter, options } = s;
  const given = timedFlags(flags);
  const withTorch = !(flags.get('skip') ?? '').split(',').includes('torch');
  return timedSections(
    TIMED_SECTIONS.filter((name) => !options.skip.has(name)),
    { mnist: s.mnist, checkedDevice: s.checkedDevice, failures: s.failures, log: s.log, withTorch },
    {
      ...given,
      seeds: given.seeds ?? (adapter?.isFallbackAdapter === false ? 5 : 1),
      train: flags.has('train') ? options.train : 60000,
      python: options.python,
      script: join(dirname(options.torchScript), 'torch_speedrun.py'),
      data: options.data,
      device: adapter ? `${adapter.vendor} ${adapter.architecture} (${adapter.description})` : 'no adapter',
    },
  );
}
