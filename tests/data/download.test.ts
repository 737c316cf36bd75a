import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { download, inflateIfGzip, isGzip } from '../../src/data/download';
import { DataFileError } from '../../src/data/idx';

const FILE = 't10k-labels-idx1-ubyte';
// Pseudo-random, so that the gzip stream is long enough to arrive in several chunks.
const raw = Uint8Array.from({ length: 5000 }, (_, i) => (Math.imul(i, 2654435761) >>> 24) & 0xff);
const gzipped = new Uint8Array(gzipSync(raw));

/** A response whose body arrives in the given chunks, like a slow network. */
function chunkedResponse(chunks: Uint8Array[], init?: ResponseInit): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, init);
}

const serve =
  (response: () => Response): typeof fetch =>
  async () =>
    response();

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('isGzip', () => {
  test('recognises the gzip magic bytes and nothing else', () => {
    expect(isGzip(gzipped)).toBe(true);
    expect(isGzip(raw)).toBe(false);
    expect(isGzip(Uint8Array.of(0x1f))).toBe(false);
    expect(isGzip(new Uint8Array(0))).toBe(false);
  });
});

describe('inflateIfGzip', () => {
  test('inflates gzip data to the original bytes', async () => {
    expect(await inflateIfGzip(gzipped, FILE)).toEqual(raw);
  });

  test('passes bytes a host has already inflated through untouched', async () => {
    expect(await inflateIfGzip(raw, FILE)).toBe(raw);
  });

  test.each([
    ['truncated', gzipped.subarray(0, gzipped.length / 2)],
    ['corrupt', Uint8Array.of(...gzipped.subarray(0, 10), ...new Uint8Array(50).fill(0xff))],
  ])('a %s gzip stream is a DataFileError naming the file', async (_, corrupt) => {
    const error = await rejection(inflateIfGzip(corrupt, FILE));
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).file).toBe(FILE);
    expect((error as Error).message).toMatch(new RegExp(`^${FILE}: could not inflate the gzip data`));
  });
});

describe('download', () => {
  test('reads every chunk and reports the running byte count', async () => {
    const chunks = [gzipped.subarray(0, 100), gzipped.subarray(100, 1000), gzipped.subarray(1000)];
    const seen: number[] = [];
    const bytes = await download('x', FILE, {
      fetch: serve(() => chunkedResponse(chunks)),
      onBytes: (loaded, first) => {
        seen.push(loaded);
        expect(isGzip(first)).toBe(true);
      },
    });
    expect(bytes).toEqual(gzipped);
    expect(seen).toEqual([100, 1000, gzipped.length]);
  });

  test('asks the injected fetch for the given url', async () => {
    const urls: string[] = [];
    const fetchSpy = async (url: RequestInfo | URL) => {
      urls.push(String(url));
      return new Response(raw);
    };
    await download('./mnist/a.gz', FILE, { fetch: fetchSpy as typeof fetch });
    expect(urls).toEqual(['./mnist/a.gz']);
  });

  test('an HTTP error is a DataFileError with the status', async () => {
    const error = await rejection(
      download('x', FILE, { fetch: serve(() => new Response('not found', { status: 404 })) }),
    );
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toBe(`${FILE}: download failed (HTTP 404)`);
  });

  test('a network failure is a DataFileError', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const error = await rejection(download('x', FILE, { fetch: offline }));
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toBe(`${FILE}: download failed (fetch failed)`);
  });

  test('a connection lost mid-body is a DataFileError', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(gzipped.subarray(0, 10));
        controller.error(new Error('socket hang up'));
      },
    });
    const error = await rejection(download('x', FILE, { fetch: serve(() => new Response(body)) }));
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toMatch(/download interrupted after \d+ bytes \(socket hang up\)/);
  });

  test('an abort rejects with the abort reason, not a DataFileError', async () => {
    const neverAnswers: typeof fetch = (_, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const controller = new AbortController();
    const pending = rejection(download('x', FILE, { signal: controller.signal, fetch: neverAnswers }));
    controller.abort(new DOMException('user cancelled', 'AbortError'));
    expect(await pending).toBe(controller.signal.reason);
  });
});
