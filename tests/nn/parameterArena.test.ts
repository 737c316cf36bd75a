import { expect, test } from 'vitest';
import { VIEW_ALIGN } from '../../src/backend/backend';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { Tensor } from '../../src/engine/tensor';
import { ParameterArena } from '../../src/nn/parameterArena';
import { Random } from '../../src/nn/random';
import { RMSprop } from '../../src/nn/rmsprop';

const backend = new CpuBackend();
const random = new Random(4);
const values = (n: number) => Float32Array.from({ length: n }, () => random.uniform(-1, 1));

test('packing keeps every parameter, each at an aligned slot, and the padding zero', async () => {
  const sizes = [7, 64, 1, 130];
  const data = sizes.map(values);
  const params = data.map((d) => Tensor.from(backend, [d.length], d, true));
  const arena = ParameterArena.pack(backend, params);
  expect(arena.length).toBe(64 + 64 + 64 + 192);
  for (const [i, p] of params.entries()) {
    expect(Array.from(await p.toArray())).toEqual(Array.from(data[i]));
    expect(p.gradTarget?.length).toBe(p.size);
  }
  const all = await backend.read(arena.params);
  expect(all[7]).toBe(0);
  expect(all[64 + 64 + 1]).toBe(0);
  expect(arena.length % VIEW_ALIGN).toBe(0);
  arena.dispose();
});

test('one RMSprop dispatch over the arena equals one per parameter (Keras semantics unchanged)', async () => {
  const sizes = [5, 70, 3];
  const start = sizes.map(values);
  const grads = sizes.map(values);
  const run = async (packed: boolean) => {
    const params = start.map((d) => Tensor.from(backend, [d.length], d, true));
    const optimizer = new RMSprop({ learningRate: 0.01 });
    const arena = packed ? ParameterArena.pack(backend, params) : null;
    if (arena) optimizer.attach(backend, arena);
    for (let step = 0; step < 3; step++) {
      for (const [i, p] of params.entries()) {
        const storage = p.gradTarget ?? backend.alloc(p.size);
        backend.write(
          storage,
          grads[i].map((g) => g * (step + 1)),
        );
        p.grad = new Tensor(backend, p.shape, storage);
      }
      optimizer.step(backend, params);
    }
    const out = await Promise.all(params.map((p) => p.toArray()));
    const state = await Promise.all(
      params.map((p) => backend.read(optimizer.state(p)?.[0] as never, p.size)),
    );
    return { out, state };
  };
  const rmsprop = backend.rmsprop;
  let calls = 0;
  backend.rmsprop = (...args) => {
    calls++;
    rmsprop(...args);
  };
  const packed = await run(true);
  expect(calls, 'one update per step for all parameters').toBe(3);
  calls = 0;
  const separate = await run(false);
  expect(calls).toBe(3 * sizes.length);
  backend.rmsprop = rmsprop;
  for (let i = 0; i < sizes.length; i++) {
    expect(Array.from(packed.out[i])).toEqual(Array.from(separate.out[i]));
    expect(Array.from(packed.state[i])).toEqual(Array.from(separate.state[i]));
  }
});
