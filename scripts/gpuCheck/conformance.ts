// Conformance: every kernel on the adapter against its CPU reference, on the shared case tables
// (tests/cases), then large shapes run many times. Every repeat must equal the first bit for bit
// (no kernel here sums in a data-dependent order), so a race or a missing barrier that a real GPU
// exposes shows up as a repeat that differs, even when it stays within the tolerance.

import type { Backend, Conv2dShape, MatmulShape, PoolShape, Storage } from '../../src/index';
import { adamCases, stepHyper } from '../../tests/cases/adam.cases';
import { addCases } from '../../tests/cases/add.cases';
import { biasAddReluCases } from '../../tests/cases/biasAddRelu.cases';
import { confusionBatch, confusionCases } from '../../tests/cases/confusion.cases';
import { conv2dCases, maxPoolCases } from '../../tests/cases/conv2d.cases';
import { fakeDataset, gatherBatchCases } from '../../tests/cases/gatherBatch.cases';
import { matmulCases, transposes } from '../../tests/cases/matmul.cases';
import { optimizerInputs } from '../../tests/cases/optimizerInputs';
import { randomArray } from '../../tests/cases/random';
import { reluBackwardCases } from '../../tests/cases/reluBackward.cases';
import { kerasDefaults, rmspropCases } from '../../tests/cases/rmsprop.cases';
import { sgdCases } from '../../tests/cases/sgd.cases';
import { softmaxXentCases } from '../../tests/cases/softmaxXent.cases';
import { sparseCases } from '../../tests/cases/sparseMatmul.cases';
import { sumRowsCases } from '../../tests/cases/sumRows.cases';

export interface CaseResult {
  kernel: string;
  name: string;
  ok: boolean;
  /** GPU runs compared (1, or the stress repeats). */
  runs: number;
  /** The first problem found, in words. */
  problem?: string;
}

/** How one output is compared: within atol + rtol·|expected|; NaN and ±Inf must match exactly. */
interface Tolerance {
  atol: number;
  rtol: number;
  /** An expected NaN accepts any value (WGSL leaves arithmetic on NaN and Inf indeterminate). */
  nanIsAny?: boolean;
}

type Outputs = ArrayLike<number>[];

/** The first element out of tolerance, in words, or null. */
export function mismatch(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  t: Tolerance,
): string | null {
  if (actual.length !== expected.length) return `length ${actual.length}, expected ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const [a, e] = [actual[i], expected[i]];
    if (Number.isNaN(e)) {
      if (t.nanIsAny || Number.isNaN(a)) continue;
    } else if (!Number.isFinite(e)) {
      if (a === e) continue;
    } else if (Math.abs(a - e) <= t.atol + t.rtol * Math.abs(e)) {
      continue;
    }
    return `element ${i} is ${a}, expected ${e} (atol ${t.atol}, rtol ${t.rtol})`;
  }
  return null;
}

/** Bit-for-bit equality of two runs (NaN payloads aside). */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

export interface ConformanceOptions {
  /** GPU runs of each large shape (the stress part); 0 skips it. */
  repeats: number;
  /** Large shapes at full size; false: a quarter of the rows, for quick runs. */
  fullSize: boolean;
  /** Sets the matmul variant on the GPU backend (a WebGPUBackend), or null for one that has none. */
  setMatmulVariant: ((variant: 'tiled' | 'register') => void) | null;
  log?: (line: string) => void;
}

/** Runs every check; a thrown error (a device error, a lost device) fails that case, not the run. */
export async function conformance(gpu: Backend, cpu: Backend, o: ConformanceOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const variants = o.setMatmulVariant ? (['tiled', 'register'] as const) : ([null] as const);

  /** `job` on the GPU `runs` times and once on the CPU; outputs compared with `tolerances`. */
  const check = async (
    kernel: string,
    name: string,
    job: (b: Backend) => Promise<Outputs>,
    tolerances: Tolerance[],
    runs = 1,
  ) => {
    const result: CaseResult = { kernel, name, ok: true, runs };
    try {
      const expected = await job(cpu);
      let first: Outputs | null = null;
      for (let r = 0; r < runs && result.ok; r++) {
        const actual = await job(gpu);
        for (const [i, t] of tolerances.entries()) {
          const problem = mismatch(actual[i], expected[i], t);
          if (problem) Object.assign(result, { ok: false, problem: `run ${r + 1}, output ${i}: ${problem}` });
          else if (first) {
            const at = sameBits(actual[i], first[i]);
            if (at >= 0)
              Object.assign(result, {
                ok: false,
                problem: `run ${r + 1}, output ${i}: element ${at} is ${actual[i][at]}, run 1 gave ${first[i][at]} (the same inputs must give the same bits)`,
              });
          }
          if (!result.ok) break;
        }
        first ??= actual;
      }
    } catch (error) {
      Object.assign(result, { ok: false, problem: error instanceof Error ? error.message : String(error) });
    }
    results.push(result);
    if (!result.ok) o.log?.(`FAIL ${kernel}: ${name}: ${result.problem}`);
  };

  /** A storage holding `data` (the optimizers' cases update their inputs in place). */
  const upload = (b: Backend, data: Float32Array) => {
    const s = b.alloc(data.length);
    b.write(s, data);
    return s;
  };

  /** Writes inputs, records into NaN-poisoned outputs, reads them back, frees everything. */
  const run = async (
    b: Backend,
    inputs: (Float32Array | Uint32Array)[],
    outLengths: number[],
    record: (outs: Storage[], ins: Storage[]) => void,
    u32Outputs: boolean[] = [],
  ): Promise<Outputs> => {
    const ins = inputs.map((data) => {
      const s = b.alloc(data.length);
      b.write(s, data);
      return s;
    });
    const outs = outLengths.map((length, i) => {
      const s = b.alloc(Math.max(1, length));
      b.write(
        s,
        u32Outputs[i] ? new Uint32Array(length).fill(0xdeadbeef) : new Float32Array(length).fill(Number.NaN),
      );
      return s;
    });
    record(outs, ins);
    const read = await Promise.all(
      outs.map((s, i) => (u32Outputs[i] ? b.readU32(s, outLengths[i]) : b.read(s, outLengths[i]))),
    );
    for (const s of [...ins, ...outs]) b.free(s);
    return read;
  };

  // matmul: every variant, every transpose, then the sparse-A path (register family only).
  const matmulJob =
    (shape: MatmulShape, a: Float32Array, b: Float32Array, variant: 'tiled' | 'register' | null) =>
    async (backend: Backend) => {
      if (backend === gpu && variant) o.setMatmulVariant?.(variant);
      return run(backend, [a, b], [shape.m * shape.n], ([c], [sa, sb]) => backend.matmul(c, sa, sb, shape));
    };
  const matmulTolerance = (k: number): Tolerance => ({ atol: 1e-5 * Math.sqrt(k) * 4, rtol: 1e-4 });
  for (const variant of variants) {
    for (const c of matmulCases) {
      for (const t of transposes) {
        const shape = { m: c.m, n: c.n, k: c.k, transA: t.transA, transB: t.transB };
        const a = randomArray(c.m * c.k, c.m * 7 + c.k);
        const b = randomArray(c.k * c.n, c.n * 13 + c.k);
        await check(
          `matmul (${variant ?? 'default'})`,
          `${c.name}: ${t.label} [${c.m}x${c.k}]·[${c.k}x${c.n}]`,
          matmulJob(shape, a, b, variant),
          [matmulTolerance(c.k)],
        );
      }
    }
  }
  if (o.setMatmulVariant) {
    for (const transA of [false, true]) {
      for (const c of sparseCases) {
        const shape = { m: c.m, n: c.n, k: c.k, transA, transB: false, sparseA: true };
        const a = c.a(c.m * c.k, c.m * 3 + c.k);
        const b = randomArray(c.k * c.n, c.n * 13 + c.k);
        await check(
          'matmulSparseA',
          `${c.name}: ${transA ? 'Aᵀ·B' : 'A·B'} [${c.m}x${c.k}]·[${c.k}x${c.n}]`,
          matmulJob(shape, a, b, 'register'),
          [matmulTolerance(c.k)],
        );
      }
    }
  }

  for (const c of biasAddReluCases) {
    const x = c.x ? Float32Array.from(c.x) : randomArray(c.rows * c.cols, c.rows * 7 + c.cols);
    const bias = c.bias ? Float32Array.from(c.bias) : randomArray(c.cols, c.cols * 13);
    await check(
      'biasAddRelu',
      `${c.name} [${c.rows}x${c.cols}]`,
      (b) =>
        run(b, [x, bias], [c.rows * c.cols], ([o], [sx, sb]) =>
          b.biasAddRelu(o, sx, sb, c.rows, c.cols, c.relu),
        ),
      [c],
    );
  }
  for (const c of reluBackwardCases) {
    const dy = c.dy ? Float32Array.from(c.dy) : randomArray(c.length, c.length * 3);
    const y = c.y ? Float32Array.from(c.y) : randomArray(c.length, c.length * 5).map((v) => Math.max(v, 0));
    await check(
      'reluBackward',
      `${c.name} [${c.length}]`,
      (b) => run(b, [dy, y], [c.length], ([dx], [sdy, sy]) => b.reluBackward(dx, sdy, sy, c.length)),
      [c],
    );
  }
  for (const c of sumRowsCases) {
    const x = c.x ? Float32Array.from(c.x) : randomArray(c.rows * c.cols, c.rows * 11 + c.cols);
    await check(
      'sumRows',
      `${c.name} [${c.rows}x${c.cols}]`,
      (b) => run(b, [x], [c.cols], ([o], [sx]) => b.sumRows(o, sx, c.rows, c.cols)),
      [c],
    );
  }
  for (const c of addCases) {
    const out = c.out ? Float32Array.from(c.out) : randomArray(c.length, c.length * 3);
    const x = c.x ? Float32Array.from(c.x) : randomArray(c.length, c.length * 5);
    // add accumulates into its output: start from `out` as an input, copied.
    await check(
      'add',
      `${c.name} [${c.length}]`,
      async (b) => {
        const [so, sx] = [b.alloc(c.length), b.alloc(c.length)];
        b.write(so, out);
        b.write(sx, x);
        b.add(so, sx, c.length);
        const got = await b.read(so, c.length);
        b.free(so);
        b.free(sx);
        return [got];
      },
      [c],
    );
  }
  for (const c of softmaxXentCases) {
    const spread = c.spread ?? 4;
    const logits = c.logits
      ? Float32Array.from(c.logits)
      : randomArray(c.rows * c.cols, c.rows * 17 + c.cols, -spread, spread);
    const labels = Uint32Array.from(
      c.labels ?? randomArray(c.rows, c.rows * 17 + c.cols + 1, 0, c.cols).map(Math.floor),
    );
    for (const mode of ['train', 'eval', 'predict'] as const) {
      await check(
        'softmaxXent',
        `${c.name} [${c.rows}x${c.cols}], ${mode}`,
        async (b) => {
          const n = c.rows * c.cols;
          const [out, metrics, loss, predictions, sl, sy] = [n, 4, 1, c.rows, n, c.rows].map((l) =>
            b.alloc(l),
          );
          b.write(sl, logits);
          b.write(sy, labels);
          b.fill(out, -7);
          b.fill(loss, -7);
          b.write(metrics, Float32Array.of(0.5, 1, 2, 0));
          b.write(predictions, new Uint32Array(c.rows).fill(99));
          b.softmaxXent({
            mode,
            rows: c.rows,
            cols: c.cols,
            out,
            metrics,
            loss,
            predictions,
            logits: sl,
            labels: sy,
          });
          const got = [
            await b.read(out),
            await b.read(loss),
            await b.readU32(predictions),
            await b.read(metrics, 1),
            await b.read(metrics),
          ];
          for (const s of [out, metrics, loss, predictions, sl, sy]) b.free(s);
          return [got[0], got[1], got[2], got[3], got[4].subarray(1)];
        },
        [
          { ...c, nanIsAny: true },
          c,
          { atol: 0, rtol: 0 },
          { atol: c.atol * c.rows, rtol: c.rtol },
          { atol: 0, rtol: 0 },
        ],
      );
    }
  }
  for (const c of rmspropCases) {
    const {
      param,
      state: [meanSquare],
      grads,
    } = optimizerInputs(c, [c.meanSquare]);
    await check(
      'rmsprop',
      `${c.name} [${c.length}], ${c.steps} steps`,
      async (b) => {
        const [sp, sms] = [param, meanSquare].map((data) => upload(b, data));
        const sg = grads.map((g) => upload(b, g));
        for (const g of sg) b.rmsprop(sp, sms, g, c.length, c.hyper);
        const got = [await b.read(sp, c.length), await b.read(sms, c.length)];
        for (const s of [sp, sms, ...sg]) b.free(s);
        return got;
      },
      [c, { atol: 1e-12, rtol: 1e-6 }],
    );
  }
  for (const c of sgdCases) {
    const {
      param,
      state: [velocity],
      grads,
    } = optimizerInputs(c, [c.velocity]);
    await check(
      'sgd',
      `${c.name} [${c.length}], ${c.steps} steps`,
      async (b) => {
        const [sp, sv] = [param, velocity].map((data) => upload(b, data));
        const sg = grads.map((g) => upload(b, g));
        for (const g of sg) b.sgd(sp, c.hyper.momentum === 0 ? null : sv, g, c.length, c.hyper);
        const got = [await b.read(sp, c.length), await b.read(sv, c.length)];
        for (const s of [sp, sv, ...sg]) b.free(s);
        return got;
      },
      [c, { atol: 1e-8, rtol: 1e-6 }],
    );
  }
  for (const c of adamCases) {
    const {
      param,
      state: [m, v],
      grads,
    } = optimizerInputs(c, [c.m, c.v]);
    await check(
      'adam',
      `${c.name} [${c.length}], ${c.steps} steps`,
      async (b) => {
        const [sp, sm, sv] = [param, m, v].map((data) => upload(b, data));
        const sg = grads.map((g) => upload(b, g));
        for (const [s, g] of sg.entries()) b.adam(sp, sm, sv, g, c.length, stepHyper(c, s));
        const got = [await b.read(sp, c.length), await b.read(sm, c.length), await b.read(sv, c.length)];
        for (const s of [sp, sm, sv, ...sg]) b.free(s);
        return got;
      },
      [c, { atol: 3e-8, rtol: 1e-6 }, { atol: 1e-10, rtol: 1e-6 }],
    );
  }
  const gather = (
    c: { images: number; pixelsPerImage: number; offset: number; rows: number },
    seed: number,
  ) => {
    const d = fakeDataset({ name: '', atol: 0, rtol: 0, ...c }, seed);
    return async (b: Backend) => {
      const images = b.uploadBytes(d.pixels);
      const labelBytes = b.uploadBytes(d.labels);
      const got = await run(
        b,
        [d.order],
        [c.rows * c.pixelsPerImage, c.rows],
        ([x, labels], [order]) =>
          b.gatherBatch({
            x,
            labels,
            images,
            labelBytes,
            order,
            offset: c.offset,
            rows: c.rows,
            pixelsPerImage: c.pixelsPerImage,
          }),
        [false, true],
      );
      b.free(images);
      b.free(labelBytes);
      return got;
    };
  };
  for (const c of gatherBatchCases) {
    await check(
      'gatherBatch',
      `${c.name}: rows ${c.offset}..${c.offset + c.rows} of ${c.images}`,
      gather(c, 1),
      [c, { atol: 0, rtol: 0 }],
    );
  }
  const confusionJob = (c: (typeof confusionCases)[number]) => async (b: Backend) => {
    const [matrix, predicted, probs, logits, labels] = [
      c.cols * c.cols,
      c.count,
      c.count * c.cols,
      c.rows * c.cols,
      c.rows,
    ].map((l) => b.alloc(l));
    b.write(matrix, new Uint32Array(c.cols * c.cols).fill(1));
    b.write(predicted, new Uint32Array(c.count).fill(99));
    b.fill(probs, -1);
    for (const [seed, offset] of [
      [1, 0],
      [2, c.offset],
    ]) {
      const batch = confusionBatch(c, seed);
      b.write(logits, batch.logits);
      b.write(labels, batch.labels);
      b.confusion({ rows: c.rows, cols: c.cols, offset, matrix, predicted, probs, logits, labels });
    }
    const got = [await b.readU32(matrix), await b.readU32(predicted), await b.read(probs)];
    for (const s of [matrix, predicted, probs, logits, labels]) b.free(s);
    return got;
  };
  for (const c of confusionCases) {
    await check('confusion', `${c.name} [${c.rows}x${c.cols}] at ${c.offset}`, confusionJob(c), [
      { atol: 0, rtol: 0 },
      { atol: 0, rtol: 0 },
      { atol: 1e-6, rtol: 1e-5 },
    ]);
  }
  const convJobs = (c: Conv2dShape & { splits: number }) => {
    const pixels = c.batch * (c.height - 2) * (c.width - 2);
    const [xSize, ySize, wSize] = [
      c.batch * c.height * c.width * c.inChannels,
      pixels * c.outChannels,
      9 * c.inChannels * c.outChannels,
    ];
    const seed = c.height * 7 + c.outChannels;
    const [x, w, dy] = [
      randomArray(xSize, seed),
      randomArray(wSize, seed + 31),
      randomArray(ySize, seed + 62),
    ];
    const tol = (k: number): Tolerance => ({ atol: 4e-5 * Math.sqrt(k), rtol: 1e-4 });
    return [
      {
        kernel: 'conv2d',
        job: (b: Backend) => run(b, [x, w], [ySize], ([y], [sx, sw]) => b.conv2d(y, sx, sw, c)),
        tol: tol(9 * c.inChannels),
      },
      {
        kernel: 'conv2dInputGrad',
        job: (b: Backend) => run(b, [dy, w], [xSize], ([dx], [sdy, sw]) => b.conv2dInputGrad(dx, sdy, sw, c)),
        tol: tol(9 * c.outChannels),
      },
      {
        kernel: 'conv2dKernelGrad',
        job: (b: Backend) =>
          run(b, [x, dy], [c.splits * wSize], ([o], [sx, sdy]) =>
            b.conv2dKernelGrad(o, sx, sdy, c, c.splits),
          ),
        tol: tol(Math.ceil(pixels / c.splits)),
      },
    ];
  };
  for (const c of conv2dCases) {
    for (const { kernel, job, tol } of convJobs(c)) {
      await check(
        kernel,
        `${c.name} [${c.batch},${c.height},${c.width},${c.inChannels}] -> ${c.outChannels}`,
        job,
        [tol],
      );
    }
  }
  const poolJob = (c: PoolShape) => {
    const inSize = c.batch * c.height * c.width * c.channels;
    const outSize = c.batch * Math.floor(c.height / 2) * Math.floor(c.width / 2) * c.channels;
    const x = randomArray(inSize, c.height * 3 + c.channels).map((v) => Math.round(v * 4)); // ties
    const dy = randomArray(outSize, 99, 1, 2);
    return (b: Backend) =>
      run(
        b,
        [x, dy],
        [outSize, outSize, inSize],
        ([y, argmax, dx], [sx, sdy]) => {
          b.maxPool(y, argmax, sx, c);
          b.maxPoolBackward(dx, sdy, argmax, c);
        },
        [false, true, false],
      );
  };
  for (const c of maxPoolCases) {
    const exact = { atol: 0, rtol: 0 };
    await check(
      'maxPool + maxPoolBackward',
      `${c.name} [${c.batch},${c.height},${c.width},${c.channels}]`,
      poolJob(c),
      [exact, exact, exact],
    );
  }
  o.log?.(`case tables: ${results.filter((r) => r.ok).length}/${results.length} passed`);

  // Large shapes, many runs: a whole epoch's worth of dispatches per shape on a GPU, seconds on a CPU.
  if (o.repeats > 0) {
    const scale = o.fullSize ? 1 : 4;
    const big = Math.ceil(1024 / scale);
    for (const variant of variants) {
      for (const t of transposes.slice(0, 2)) {
        const shape = { m: big, n: 512, k: 784, transA: t.transA, transB: t.transB };
        const a = randomArray(shape.m * shape.k, 5);
        const b = randomArray(shape.k * shape.n, 6);
        await check(
          `matmul (${variant ?? 'default'})`,
          `stress: ${t.label} [${big}x784]·[784x512]`,
          matmulJob(shape, a, b, variant),
          [matmulTolerance(784)],
          o.repeats,
        );
      }
    }
    if (o.setMatmulVariant) {
      const shape = { m: big, n: 512, k: 784, transA: false, transB: false, sparseA: true };
      const a = randomArray(shape.m * shape.k, 7).map((v, i) => (i % 5 === 0 ? v : 0));
      await check(
        'matmulSparseA',
        `stress: A·B [${big}x784]·[784x512], 80% zeros`,
        matmulJob(shape, a, randomArray(784 * 512, 8), 'register'),
        [matmulTolerance(784)],
        o.repeats,
      );
    }
    const rows = Math.ceil(10_000 / scale);
    const x = randomArray(rows * 512, 9);
    await check(
      'sumRows',
      `stress: [${rows}x512]`,
      (b) => run(b, [x], [512], ([out], [sx]) => b.sumRows(out, sx, rows, 512)),
      [{ atol: 2e-4 * Math.sqrt(rows / 1000), rtol: 1e-5 }],
      o.repeats,
    );
    const sm = softmaxXentCases.find((c) => c.name === 'full batch');
    if (sm) {
      const logits = randomArray(rows * 10, 10, -4, 4);
      const labels = Uint32Array.from(randomArray(rows, 11, 0, 10).map(Math.floor));
      await check(
        'softmaxXent',
        `stress: train [${rows}x10]`,
        (b) =>
          run(
            b,
            [logits, labels],
            [rows * 10, 4, 1, rows],
            ([out, metrics, loss, predictions], [sl, sy]) => {
              b.fill(metrics, 0);
              b.softmaxXent({
                mode: 'train',
                rows,
                cols: 10,
                out,
                metrics,
                loss,
                predictions,
                logits: sl,
                labels: sy,
              });
            },
            [false, false, false, true],
          ),
        [sm, { atol: 1e-6 * rows, rtol: 1e-5 }, sm, { atol: 0, rtol: 0 }],
        o.repeats,
      );
    }
    const confusionCase = { name: 'stress', rows, cols: 10, offset: 0, count: rows };
    await check(
      'confusion',
      `stress: [${rows}x10], one matrix`,
      confusionJob(confusionCase),
      [
        { atol: 0, rtol: 0 },
        { atol: 0, rtol: 0 },
        { atol: 1e-6, rtol: 1e-5 },
      ],
      o.repeats,
    );
    await check(
      'gatherBatch',
      `stress: the last batch of 60,000 images`,
      gather({ images: 60_000, pixelsPerImage: 784, offset: 59_904, rows: 96 }, 4),
      [
        { atol: 0, rtol: 3e-7 },
        { atol: 0, rtol: 0 },
      ],
      o.repeats,
    );
    const layer2 = {
      batch: Math.ceil(64 / scale),
      height: 13,
      width: 13,
      inChannels: 32,
      outChannels: 64,
      splits: 8,
    };
    for (const { kernel, job, tol } of convJobs(layer2)) {
      await check(kernel, `stress: ConvNet layer 2, batch ${layer2.batch}`, job, [tol], o.repeats);
    }
    const pool1 = { batch: Math.ceil(64 / scale), height: 26, width: 26, channels: 32 };
    await check(
      'maxPool + maxPoolBackward',
      `stress: ConvNet pool 1, batch ${pool1.batch}`,
      poolJob(pool1),
      [
        { atol: 0, rtol: 0 },
        { atol: 0, rtol: 0 },
        { atol: 0, rtol: 0 },
      ],
      o.repeats,
    );
    const length = 784 * 512;
    const param = randomArray(length, 12);
    const grad = randomArray(length, 13, -1e-2, 1e-2);
    await check(
      'rmsprop',
      `stress: [${length}], one step`,
      async (b) => {
        const [sp, sms, sg] = [param, new Float32Array(length), grad].map((data) => {
          const s = b.alloc(length);
          b.write(s, data);
          return s;
        });
        b.rmsprop(sp, sms, sg, length, kerasDefaults);
        const got = [await b.read(sp, length), await b.read(sms, length)];
        for (const s of [sp, sms, sg]) b.free(s);
        return got;
      },
      [
        { atol: 1e-7, rtol: 1e-6 },
        { atol: 1e-12, rtol: 1e-6 },
      ],
      o.repeats,
    );
  }
  return results;
}
