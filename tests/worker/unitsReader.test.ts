import { expect, test } from 'vitest';
import type { FromWorker } from '../../src/protocol/protocol';
import { UnitsReader } from '../../src/worker/unitsReader';

/** A model's weight reads, which resolve only when the test says so. */
function fakeModel(dense = true) {
  const pending: ((w: Float32Array) => void)[] = [];
  const model = () =>
    dense
      ? { inputs: 2, units: 1, weights: new Promise<Float32Array>((resolve) => pending.push(resolve)) }
      : null;
  return { model, pending };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

test('a few reads per epoch, never two at once, and a forced read waits for the one in flight', async () => {
  const sent: FromWorker[] = [];
  const reader = new UnitsReader((m) => sent.push(m));
  const { model, pending } = fakeModel();
  reader.maybeRead(model, 0, 20, true);
  reader.maybeRead(model, 5, 20); // 5 batches since the last read: due, but one is in flight
  expect(pending).toHaveLength(1);
  pending[0](Float32Array.of(1, 2));
  await flush();
  expect(sent).toEqual([{ type: 'units', step: 0, inputs: 2, units: 1, weights: Float32Array.of(1, 2) }]);
  reader.maybeRead(model, 3, 20); // fewer than 20 / 4 batches since step 0
  expect(pending).toHaveLength(1);
  reader.maybeRead(model, 6, 20);
  expect(pending).toHaveLength(2);
  reader.maybeRead(model, 20, 20, true); // the epoch's end, while step 6 is in flight
  expect(pending).toHaveLength(2);
  pending[1](Float32Array.of(3, 4));
  await flush();
  expect(pending).toHaveLength(3); // read again for the end of the epoch
  pending[2](Float32Array.of(5, 6));
  await flush();
  expect(sent.map((m) => (m.type === 'units' ? m.step : -1))).toEqual([0, 6, 20]);
});

test('a model whose first layer is not Dense is reported once as unavailable', () => {
  const sent: FromWorker[] = [];
  const reader = new UnitsReader((m) => sent.push(m));
  const { model } = fakeModel(false);
  reader.maybeRead(model, 0, 10, true);
  reader.maybeRead(model, 10, 10, true);
  expect(sent).toEqual([{ type: 'units', step: 0, inputs: 0, units: 0, weights: null }]);
});
