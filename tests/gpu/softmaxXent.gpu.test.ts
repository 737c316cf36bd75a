import { describe, expect, test } from 'vitest';
import { type Backend, METRICS_LENGTH, type SoftmaxXentMode } from '../../src/backend/backend';
import { type SoftmaxXentCase, softmaxXentCases } from '../cases/softmaxXent.cases';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

const SENTINEL = -7;
const START_METRICS = Float32Array.of(0.5, 1, 2, 0);

/** Logits and labels for a case: its own, or random (a different batch for each seed). */
function batch(c: SoftmaxXentCase, seed: number) {
  const spread = c.spread ?? 4;
  const logits = c.logits ? Float32Array.from(c.logits) : randomArray(c.rows * c.cols, seed, -spread, spread);
  const labels = Uint32Array.from(c.labels ?? randomArray(c.rows, seed + 1, 0, c.cols).map(Math.floor));
  return { logits, labels };
}

/** Two calls on one metrics buffer, reading everything after each. */
async function run(backend: Backend, c: SoftmaxXentCase, mode: SoftmaxXentMode) {
  const n = c.rows * c.cols;
  const [out, metrics, loss, predictions, logits, labels] = [n, METRICS_LENGTH, 1, c.rows, n, c.rows].map(
    (length) => backend.alloc(length),
  );
  backend.write(metrics, START_METRICS);
  const calls = [];
  for (const seed of [c.rows * 17 + c.cols, c.rows * 31 + 5]) {
    const b = batch(c, seed);
    backend.write(logits, b.logits);
    backend.write(labels, b.labels);
    backend.fill(out, SENTINEL);
    backend.fill(loss, SENTINEL);
    backend.write(predictions, new Uint32Array(c.rows).fill(99));
    backend.softmaxXent({
      mode,
      rows: c.rows,
      cols: c.cols,
      out,
      metrics,
      loss,
      predictions,
      logits,
      labels,
    });
    calls.push({
      out: await backend.read(out),
      loss: await backend.read(loss),
      predictions: await backend.readU32(predictions),
      metrics: await backend.read(metrics),
    });
  }
  for (const s of [out, metrics, loss, predictions, logits, labels]) backend.free(s);
  return calls;
}

/**
 * expectClose on the finite expected values; NaN and ±Inf must come back exactly. NOTE: WGSL makes
 * arithmetic on NaN or Inf indeterminate, so where `nanIsIndeterminate` an expected NaN accepts any
 * value. It is set for out: on SwiftShader a row with a +Inf logit gets 0 (not NaN) wherever
 * exp(z - max) is 0. The loss and the metrics, which flag such rows, must still be NaN.
 */
function expectCloseNonFinite(
  actual: Float32Array,
  expected: Float32Array,
  atol: number,
  rtol: number,
  what: string,
  nanIsIndeterminate = false,
) {
  const finite = Array.from(expected.keys()).filter((i) => Number.isFinite(expected[i]));
  for (const [i, v] of expected.entries()) {
    if (Number.isFinite(v) || (Number.isNaN(v) && nanIsIndeterminate)) continue;
    expect(actual[i], `${what}: element ${i}`).toBe(v); // toBe treats NaN as equal to NaN
  }
  expectClose(
    finite.map((i) => actual[i]),
    finite.map((i) => expected[i]),
    atol,
    rtol,
    what,
  );
}

describe('softmaxXent on WebGPU matches the CPU reference', () => {
  for (const c of softmaxXentCases) {
    for (const mode of ['train', 'eval', 'predict'] as const) {
      test(`${c.name} [${c.rows}x${c.cols}], ${mode}, two calls`, async () => {
        const onGpu = await run(gpu, c, mode);
        const onCpu = await run(cpu, c, mode);
        for (const call of [0, 1]) {
          const [g, r] = [onGpu[call], onCpu[call]];
          const at = `call ${call + 1}`;
          expect(Array.from(g.predictions), `${at} predictions`).toEqual(Array.from(r.predictions));
          expectCloseNonFinite(g.out, r.out, c.atol, c.rtol, `${at} out`, true);
          expectCloseNonFinite(g.loss, r.loss, c.atol, c.rtol, `${at} loss`);
          // lossSum sums rows in a different order on the GPU; the counts are exact.
          expectCloseNonFinite(
            g.metrics.subarray(0, 1),
            r.metrics.subarray(0, 1),
            c.atol * c.rows,
            c.rtol,
            `${at} lossSum`,
          );
          expect(Array.from(g.metrics.subarray(1)), `${at} correct, seen, nonFinite`).toEqual(
            Array.from(r.metrics.subarray(1)),
          );
        }
        const last = onGpu[1];
        if (mode === 'predict') {
          expect(Array.from(last.metrics), 'predict leaves metrics alone').toEqual(Array.from(START_METRICS));
          expect(last.loss[0], 'predict leaves loss alone').toBe(SENTINEL);
        } else {
          expect(last.metrics[2], 'seen accumulates over both calls').toBe(START_METRICS[2] + 2 * c.rows);
        }
        if (mode === 'eval')
          expect(
            last.out.every((v) => v === SENTINEL),
            'eval leaves out alone',
          ).toBe(true);
      });
    }
  }
});
