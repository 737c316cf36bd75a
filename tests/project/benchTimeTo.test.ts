import { expect, test } from 'vitest';
import type { TimeToSide } from '../../scripts/bench/timeTo';
import { formatTimeTo } from '../../scripts/bench/timeToReport.mjs';

const side = (name: string, accuracies: number[], seconds: number | null): TimeToSide => ({
  name,
  status: 'ok',
  warmUpSeconds: 2,
  run: {
    seed: 1,
    seconds,
    steps: 938,
    warmUpSeconds: 2,
    evaluations: accuracies.map((accuracy, i) => ({ step: (i + 1) * 469, accuracy, seconds: (i + 1) * 10 })),
  },
});

test('the bench prints each side to 98% and ours/wasm as a ratio', () => {
  const lines = formatTimeTo({
    target: 0.98,
    ours: side('ours', [0.96, 0.98], 20),
    wasm: side('tfjs-wasm', [0.97, 0.981], 40),
  });
  expect(lines[1]).toBe('  ours: 20.0 s to 98% (after 2 epochs: 96.00%, 98.00%), warm-up 2.0 s apart');
  expect(lines[3]).toBe('  ours vs tfjs-wasm: 2.0x faster to 98% (0.50 ours/wasm), same machine, same run');
});

test('a side that misses is shown as a miss, and there is no ratio', () => {
  const lines = formatTimeTo({
    target: 0.98,
    ours: side('ours', [0.96, 0.975], null),
    wasm: { name: 'tfjs-wasm', status: 'failed', reason: 'no wasm' },
  });
  expect(lines[1]).toContain('ours: MISS, 98% not reached in 2 epochs (96.00%, 97.50%)');
  expect(lines[2]).toBe('  tfjs-wasm: failed: no wasm');
  expect(lines[3]).toContain('no ratio');
});
