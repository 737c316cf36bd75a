import { describe, expect, test } from 'vitest';
import { DEFAULT_AUGMENT, NO_AUGMENT } from '../../src/backend/augmentation';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { augmentTransform, gatherBatchAugmented, pcgHash } from '../../src/backend/cpu/gatherBatchAugmented';
import { augmentedDataset, gatherBatchAugmentedCases } from '../cases/gatherBatchAugmented.cases';

/** The PCG hash in exact integer arithmetic, mod 2^32: what the reference's Math.imul must equal. */
function pcgBig(v: number): number {
  const m = 2n ** 32n;
  const state = (BigInt(v) * 747796405n + 2891336453n) % m;
  const word = (((state >> ((state >> 28n) + 4n)) ^ state) * 277803737n) % m;
  return Number((word >> 22n) ^ word);
}

/** Plain and augmented gathers of one case through the CpuBackend (bytes packed as on the GPU). */
async function gatherBoth(c: (typeof gatherBatchAugmentedCases)[number], ranges = c.ranges) {
  const d = augmentedDataset(c);
  const cpu = new CpuBackend();
  const pixelsPerImage = c.width * c.height;
  const order = cpu.alloc(c.images);
  cpu.write(order, d.order);
  const common = {
    images: cpu.uploadBytes(d.pixels),
    labelBytes: cpu.uploadBytes(d.labels),
    order,
    offset: c.offset,
    rows: c.rows,
    pixelsPerImage,
  };
  const [x, labels, xa, labelsA] = [pixelsPerImage * c.rows, c.rows, pixelsPerImage * c.rows, c.rows].map(
    (n) => cpu.alloc(n),
  );
  cpu.gatherBatch({ ...common, x, labels });
  const { width, height, seed, step } = c;
  cpu.gatherBatchAugmented({ ...common, x: xa, labels: labelsA, width, height, seed, step, ranges });
  return {
    plain: { x: await cpu.read(x), labels: await cpu.readU32(labels) },
    augmented: { x: await cpu.read(xa), labels: await cpu.readU32(labelsA) },
  };
}

/** Total ink and its centre of mass, pixel centres at integer coordinates. */
function moments(image: Float32Array, width: number) {
  let [mass, mx, my] = [0, 0, 0];
  image.forEach((v, i) => {
    mass += v;
    mx += v * (i % width);
    my += v * Math.floor(i / width);
  });
  return { mass, x: mx / mass, y: my / mass };
}

describe('gatherBatchAugmented reference', () => {
  test('the PCG hash in u32 arithmetic equals the exact integer one', () => {
    const inputs = [0, 1, 2, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
    for (let i = 0; i < 200; i++) inputs.push(pcgBig(i * 7919));
    for (const v of inputs) expect(pcgHash(v), `pcg(${v})`).toBe(pcgBig(v));
  });

  test('no augmentation gives exactly the plain gather, on every case', async () => {
    for (const c of gatherBatchAugmentedCases) {
      const { plain, augmented } = await gatherBoth(c, NO_AUGMENT);
      expect(Array.from(augmented.x), c.name).toEqual(Array.from(plain.x));
      expect(Array.from(augmented.labels), c.name).toEqual(Array.from(plain.labels));
    }
  });

  test('augmented rows differ from the plain ones, and the labels do not', async () => {
    const c = gatherBatchAugmentedCases[1];
    const { plain, augmented } = await gatherBoth(c);
    const pixels = c.width * c.height;
    for (let r = 0; r < c.rows; r++) {
      const row = (x: Float32Array) => Array.from(x.subarray(r * pixels, (r + 1) * pixels));
      expect(row(augmented.x), `row ${r}`).not.toEqual(row(plain.x));
    }
    expect(Array.from(augmented.labels)).toEqual(Array.from(plain.labels));
  });

  test('the same seed, step and row repeat; another seed, step or row does not', () => {
    const t = (seed: number, step: number, row: number) => augmentTransform(seed, step, row, DEFAULT_AUGMENT);
    expect(t(1, 5, 3)).toEqual(t(1, 5, 3));
    for (const other of [t(2, 5, 3), t(1, 6, 3), t(1, 5, 4), t(0, 5, 3)])
      expect(other).not.toEqual(t(1, 5, 3));
  });

  test('the transforms stay within the ranges and cover them', () => {
    const rotation = DEFAULT_AUGMENT.rotation;
    const seen = { angle: [0, 0], scale: [1, 1], shift: [0, 0] };
    for (let step = 0; step < 50; step++) {
      for (let row = 0; row < 128; row++) {
        const t = augmentTransform(1, step, row, DEFAULT_AUGMENT);
        const angle = Math.atan2(t.sin, t.cos);
        expect(t.cos * t.cos + t.sin * t.sin).toBeCloseTo(1, 6); // the polynomials make a rotation
        expect(Math.abs(angle)).toBeLessThanOrEqual(rotation * (1 + 1e-6));
        expect(Math.abs(t.scale - 1)).toBeLessThanOrEqual(DEFAULT_AUGMENT.scale * (1 + 1e-6));
        for (const s of [t.shiftX, t.shiftY]) expect(Math.abs(s)).toBeLessThanOrEqual(DEFAULT_AUGMENT.shift);
        seen.angle = [Math.min(seen.angle[0], angle), Math.max(seen.angle[1], angle)];
        seen.scale = [Math.min(seen.scale[0], t.scale), Math.max(seen.scale[1], t.scale)];
        seen.shift = [
          Math.min(seen.shift[0], t.shiftX, t.shiftY),
          Math.max(seen.shift[1], t.shiftX, t.shiftY),
        ];
      }
    }
    expect(seen.angle[0]).toBeLessThan(-0.98 * rotation);
    expect(seen.angle[1]).toBeGreaterThan(0.98 * rotation);
    expect(seen.scale[0]).toBeLessThan(0.902);
    expect(seen.scale[1]).toBeGreaterThan(1.098);
    expect(seen.shift[0]).toBeLessThan(-1.98);
    expect(seen.shift[1]).toBeGreaterThan(1.98);
  });

  test('an off-centre blob moves where its transform says: scaled, rotated about the centre, shifted', () => {
    const [width, height] = [28, 28];
    const blob = new Uint8Array(width * height);
    const [bx, by] = [17, 10]; // off-centre, so rotation and scale move it too
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        blob[y * width + x] = Math.round(255 * Math.exp(-((x - bx) ** 2 + (y - by) ** 2) / (2 * 1.5 ** 2)));
    const before = moments(
      Float32Array.from(blob, (v) => v / 255),
      width,
    );
    const rows = 64;
    const out = new Float32Array(rows * width * height);
    const order = new Uint32Array(rows); // every row is image 0
    gatherBatchAugmented(out, new Uint32Array(rows), blob, new Uint8Array(1), order, {
      offset: 0,
      rows,
      width,
      height,
      seed: 7,
      step: 11,
      ranges: DEFAULT_AUGMENT,
    });
    const centre = 13.5;
    for (let r = 0; r < rows; r++) {
      const t = augmentTransform(7, 11, r, DEFAULT_AUGMENT);
      const after = moments(out.subarray(r * width * height, (r + 1) * width * height), width);
      // output p maps to source R (p - c - shift) / s + c, so the blob lands at c + shift + s Rᵀ (b - c)
      const [dx, dy] = [before.x - centre, before.y - centre];
      const expectedX = centre + t.shiftX + t.scale * (t.cos * dx - t.sin * dy);
      const expectedY = centre + t.shiftY + t.scale * (t.sin * dx + t.cos * dy);
      expect(Math.abs(after.x - expectedX), `row ${r} x`).toBeLessThan(0.1);
      expect(Math.abs(after.y - expectedY), `row ${r} y`).toBeLessThan(0.1);
      expect(after.mass / before.mass, `row ${r} mass`).toBeCloseTo(t.scale * t.scale, 1);
    }
  });
});
