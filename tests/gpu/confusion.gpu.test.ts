import { describe, expect, test } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { type ConfusionCase, confusionBatch, confusionCases } from '../cases/confusion.cases';
import { cpuBackend, expectClose, gpuBackend } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

/** Two batches into one matrix (accumulation), the second at the case's offset; everything read back. */
async function run(backend: Backend, c: ConfusionCase) {
  const matrix = backend.alloc(c.cols * c.cols);
  const predicted = backend.alloc(c.count);
  const probs = backend.alloc(c.count * c.cols);
  const logits = backend.alloc(c.rows * c.cols);
  const labels = backend.alloc(c.rows);
  backend.write(matrix, new Uint32Array(c.cols * c.cols).fill(1));
  backend.write(predicted, new Uint32Array(c.count).fill(99));
  backend.fill(probs, -1);
  for (const [seed, offset] of [
    [1, 0],
    [2, c.offset],
  ]) {
    const b = confusionBatch(c, seed);
    backend.write(logits, b.logits);
    backend.write(labels, b.labels);
    backend.confusion({ rows: c.rows, cols: c.cols, offset, matrix, predicted, probs, logits, labels });
  }
  const out = {
    matrix: await backend.readU32(matrix),
    predicted: await backend.readU32(predicted),
    probs: await backend.read(probs),
  };
  for (const s of [matrix, predicted, probs, logits, labels]) backend.free(s);
  return out;
}

describe('confusion on WebGPU matches the CPU reference', () => {
  for (const c of confusionCases) {
    test(`${c.name} [${c.rows}x${c.cols}] at ${c.offset} of ${c.count}`, async () => {
      const g = await run(gpu, c);
      const r = await run(cpu, c);
      expect(Array.from(g.matrix), 'matrix').toEqual(Array.from(r.matrix));
      expect(Array.from(g.predicted), 'predicted').toEqual(Array.from(r.predicted));
      expectClose(g.probs, r.probs, 1e-6, 1e-5, 'probs');
      // Started at 1 in every cell, then two batches.
      expect(g.matrix.reduce((a, b) => a + b, 0)).toBe(c.cols * c.cols + 2 * c.rows);
    });
  }
});
