// The PyTorch program's augmentation moves images as the app's does: its warp(), given the transforms
// the app drew, gives the images of the app's CPU reference for shaders/gatherBatchAugmented.wgsl.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { DEFAULT_AUGMENT } from '../../src/backend/augmentation';
import { augmentTransform, gatherBatchAugmented } from '../../src/backend/cpu/gatherBatchAugmented';
import { parseIdxImages } from '../../src/data/idx';
import { IMAGE_SIDE, PIXELS } from '../../src/data/mnist';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { expectClose } from '../cases/expectClose';
import { MNIST_DIR, scratch, torchCheck, writeProgram } from './python';

const ROWS = 16;

test('warp() gives the app’s augmented images for the app’s transforms', async () => {
  const file = new Uint8Array(gunzipSync(readFileSync(join(MNIST_DIR, 't10k-images-idx3-ubyte.gz'))));
  const images = parseIdxImages(file, 'test images').pixels.subarray(0, ROWS * PIXELS);
  const [seed, step] = [7, 123];
  const expected = new Float32Array(ROWS * PIXELS);
  const order = Uint32Array.from({ length: ROWS }, (_, i) => i);
  gatherBatchAugmented(expected, new Uint32Array(ROWS), images, new Uint8Array(ROWS), order, {
    offset: 0,
    rows: ROWS,
    width: IMAGE_SIDE,
    height: IMAGE_SIDE,
    seed,
    step,
    ranges: DEFAULT_AUGMENT,
  });
  const transforms = Array.from({ length: ROWS }, (_, row) =>
    augmentTransform(seed, step, row, DEFAULT_AUGMENT),
  );
  const dir = scratch();
  const caseFile = join(dir, 'case.json');
  writeFileSync(
    caseFile,
    JSON.stringify({
      images: Array.from({ length: ROWS }, (_, r) =>
        Array.from(images.subarray(r * PIXELS, (r + 1) * PIXELS), (p) => p / 255),
      ),
      transforms: {
        angle: transforms.map((t) => Math.atan2(t.sin, t.cos)),
        scale: transforms.map((t) => t.scale),
        shift_x: transforms.map((t) => t.shiftX),
        shift_y: transforms.map((t) => t.shiftY),
      },
    }),
  );
  const program = writeProgram(dir, { ...DEFAULT_SETTINGS, augment: true });
  const warped = await torchCheck<number[][]>('warp', program, caseFile);
  // The transforms moved the images: the comparison is not of images left as they were.
  const plain = Float32Array.from(images, (p) => p / 255);
  expect(Math.max(...expected.map((v, i) => Math.abs(v - plain[i])))).toBeGreaterThan(0.5);
  const ours = Float32Array.from(warped.flat());
  console.info(
    `warp(): largest pixel difference ${Math.max(...ours.map((v, i) => Math.abs(v - expected[i]))).toExponential(2)}`,
  );
  expectClose(ours, expected, 1e-4, 0, 'augmented pixels');
});
