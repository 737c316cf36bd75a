// Inflating a file the user chose: gzip data is inflated chunk by chunk and given up as soon as it
// grows past the cap, so a small hostile file (a "gzip bomb") cannot fill the memory.
import { isGzip } from './download';
import { DataFileError } from './idx';

/**
 * The bytes inflated when they are gzip data (they start 0x1f 0x8b), else as they are; null when
 * they are, or inflate to, more than `maxBytes`. Damaged gzip data throws a DataFileError naming `file`.
 */
export async function inflateCapped(
  bytes: Uint8Array,
  file: string,
  maxBytes: number,
): Promise<Uint8Array | null> {
  if (!isGzip(bytes)) return bytes.byteLength > maxBytes ? null : bytes;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    const stream = new Response(bytes as Uint8Array<ArrayBuffer>).body?.pipeThrough(
      new DecompressionStream('gzip'),
    );
    if (!stream) throw new Error('it could not be read');
    reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataFileError(file, `is damaged gzip data (${reason})`, { cause: error });
  }
  const inflated = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    inflated.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return inflated;
}
