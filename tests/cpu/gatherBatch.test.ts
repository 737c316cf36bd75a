import { describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { gatherBatch } from '../../src/backend/cpu/gatherBatch';
import { fakeDataset, gatherBatchCases } from '../cases/gatherBatch.cases';
import { expectClose } from './numeric';

describe('gatherBatch reference', () => {
  // Three 2-pixel images; the batch is order[1 .. 3) = images 0 and 1.
  test('hand example', () => {
    const x = new Float32Array(4).fill(Number.NaN);
    const labels = new Uint32Array(2);
    const images = Uint8Array.of(0, 255, 51, 102, 1, 2);
    gatherBatch(x, labels, images, Uint8Array.of(7, 3, 9), Uint32Array.of(2, 0, 1), 1, 2, 2);
    expectClose(x, [0, 1, 0.2, 0.4], 0, 1e-7, 'x');
    expect(Array.from(labels)).toEqual([7, 3]);
  });

  test('the fake data sets are permutations with every byte value in reach', () => {
    for (const c of gatherBatchCases) {
      const d = fakeDataset(c);
      expect(Array.from(d.order).sort((a, b) => a - b)).toEqual(
        Array.from({ length: c.images }, (_, i) => i),
      );
      expect(d.order.some((v, i) => v !== i)).toBe(true);
      expect(c.offset + c.rows).toBeLessThanOrEqual(c.images);
    }
  });

  // Through the CpuBackend, so the bytes go through uploadBytes' four-to-a-word packing.
  for (const c of gatherBatchCases) {
    test(`each row is image order[offset + r] / 255: ${c.name}`, async () => {
      const d = fakeDataset(c);
      const cpu = new CpuBackend();
      const x = cpu.alloc(c.rows * c.pixelsPerImage);
      const labels = cpu.alloc(c.rows);
      const order = cpu.alloc(c.images);
      cpu.write(order, d.order);
      const args = {
        x,
        labels,
        images: cpu.uploadBytes(d.pixels),
        labelBytes: cpu.uploadBytes(d.labels),
        order,
      };
      cpu.gatherBatch({ ...args, offset: c.offset, rows: c.rows, pixelsPerImage: c.pixelsPerImage });
      const gathered = await cpu.read(x);
      const gatheredLabels = await cpu.readU32(labels);
      for (let r = 0; r < c.rows; r++) {
        const image = d.order[c.offset + r];
        const start = image * c.pixelsPerImage;
        const row = gathered.subarray(r * c.pixelsPerImage, (r + 1) * c.pixelsPerImage);
        expectClose(
          row,
          Array.from(d.pixels.subarray(start, start + c.pixelsPerImage), (v) => v / 255),
          c.atol,
          c.rtol,
          `row ${r}`,
        );
        expect(gatheredLabels[r]).toBe(d.labels[image]);
      }
    });
  }
});
