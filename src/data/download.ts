// Fetching and inflating one data file. Only fetch, Response and DecompressionStream are used, so
// this runs on the main thread, in a Web Worker and in Node 20 alike.
import { DataFileError } from './idx';

export interface DownloadOptions {
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Called after every chunk with the bytes received so far and the body's first chunk. */
  onBytes?: (loadedBytes: number, firstChunk: Uint8Array) => void;
}

/**
 * Fetches `url` and reads its whole body, reporting progress as chunks arrive. Network and HTTP failures
 * become a DataFileError naming `file`; an abort rejects with the signal's reason, as fetch itself does.
 */
export async function download(
  url: string,
  file: string,
  options: DownloadOptions = {},
): Promise<Uint8Array> {
  const { signal, onBytes } = options;
  // NOTE: called as a plain function, never as options.fetch(...): the browser's fetch throws
  // "Illegal invocation" when `this` is some other object.
  const fetchFn = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchFn(url, { signal });
  } catch (error) {
    throw failure(file, signal, 'download failed', error);
  }
  if (!response.ok) throw new DataFileError(file, `download failed (HTTP ${response.status})`);
  if (!response.body) throw new DataFileError(file, 'download failed (the response has no body)');

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.byteLength === 0) continue;
      chunks.push(value);
      loaded += value.byteLength;
      onBytes?.(loaded, chunks[0]);
    }
  } catch (error) {
    throw failure(file, signal, `download interrupted after ${loaded} bytes`, error);
  }
  return concat(chunks, loaded);
}

/** gzip streams start with the bytes 0x1f 0x8b (RFC 1952, section 2.3.1); IDX files start with 0x00 0x00. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Inflates gzip data and passes anything else through untouched: a static host that sends the .gz file
 * with Content-Encoding: gzip has the browser inflate it before we ever see the bytes.
 */
export async function inflateIfGzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  try {
    const inflated = new Response(bytes as Uint8Array<ArrayBuffer>).body?.pipeThrough(
      new DecompressionStream('gzip'),
    );
    return new Uint8Array(await new Response(inflated).arrayBuffer());
  } catch (error) {
    throw new DataFileError(file, `could not inflate the gzip data (${messageOf(error)})`, { cause: error });
  }
}

function failure(file: string, signal: AbortSignal | undefined, what: string, error: unknown): unknown {
  if (signal?.aborted) return signal.reason;
  return new DataFileError(file, `${what} (${messageOf(error)})`, { cause: error });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function concat(chunks: Uint8Array[], byteLength: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(byteLength);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
