// The weights of a TensorFlow.js model: its weightsManifest lists groups, each a list of files joined
// in order and read as float32 tensors. Everything is counted across the whole manifest before a byte
// is copied (the files it names, however many times it names them; its groups; its paths), so a
// manifest naming one large file many times is refused, not copied many times over.
import { checkShape, fail, isObject, show } from './tfjsChecks';

/**
 * The most weight bytes an import may hold: 4 million units' worth of Dense layers is far beyond
 * what this app trains, and a file is held a few times over while it is read, checked and sent.
 */
export const MAX_IMPORT_BYTES = 256e6;
/** Groups and paths in a manifest: tfjs writes one group of 4 MB shards, 64 of them at the cap. */
export const MAX_MANIFEST_GROUPS = 1024;
export const MAX_MANIFEST_PATHS = 1024;

export function importTooLarge(bytes: number): string {
  return `The weights are ${Math.round(bytes / 1e6)} MB; this app imports at most ${MAX_IMPORT_BYTES / 1e6} MB.`;
}

interface Group {
  buffers: Uint8Array[];
  weights: unknown[];
}

/** The manifest's groups with their files found, counted and capped; nothing copied yet. */
function groupsOf(manifest: unknown, files: Map<string, ArrayBuffer>): Group[] {
  if (!Array.isArray(manifest) || manifest.length === 0) fail('model.json has no weightsManifest.');
  if (manifest.length > MAX_MANIFEST_GROUPS)
    fail(`The weightsManifest has ${manifest.length} groups; this app reads at most ${MAX_MANIFEST_GROUPS}.`);
  let paths = 0;
  let bytes = 0;
  const groups = manifest.map((group): Group => {
    if (!isObject(group) || !Array.isArray(group.weights))
      fail('A weightsManifest group has no list of weights.');
    if (!Array.isArray(group.paths) || !group.paths.every((p) => typeof p === 'string'))
      fail('A weightsManifest group has no list of paths.');
    paths += group.paths.length;
    if (paths > MAX_MANIFEST_PATHS)
      fail(`The weightsManifest names more than ${MAX_MANIFEST_PATHS} weights files.`);
    const buffers = group.paths.map((path: string) => {
      const name = path.split('/').pop() as string;
      const buffer = files.get(name);
      if (!buffer) fail(`The weights file ${show(name)} is missing: choose it together with model.json.`);
      bytes += buffer.byteLength;
      return new Uint8Array(buffer);
    });
    return { buffers, weights: group.weights };
  });
  if (bytes > MAX_IMPORT_BYTES) fail(importTooLarge(bytes));
  return groups;
}

/** A group's files joined in order (one file is used as it is). */
function joined(buffers: Uint8Array[]): Uint8Array {
  if (buffers.length === 1) return buffers[0];
  const bytes = new Uint8Array(buffers.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of buffers) {
    bytes.set(b, at);
    at += b.length;
  }
  return bytes;
}

/** The weights named in the manifest, each checked: float32, a sane shape, within the files, finite. */
export function readWeights(manifest: unknown, files: Map<string, ArrayBuffer>): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  let read = 0;
  for (const group of groupsOf(manifest, files)) {
    const bytes = joined(group.buffers);
    let offset = 0;
    for (const entry of group.weights) {
      if (!isObject(entry) || typeof entry.name !== 'string')
        fail('A weight in the weightsManifest has no name.');
      const { name } = entry;
      if (entry.quantization) fail(`The weight ${name} is quantized; only float32 weights are supported.`);
      if (entry.dtype !== 'float32')
        fail(`The weight ${name} is ${show(entry.dtype)}; only float32 weights are supported.`);
      const shape = entry.shape === undefined ? [] : checkShape(entry.shape, `the weight ${name}`);
      const length = shape.reduce((n, d) => n * d, 1);
      read += length * 4;
      if (read > MAX_IMPORT_BYTES) fail(importTooLarge(read));
      if (offset + length * 4 > bytes.length)
        fail(`The weights files are too short: ${name} needs bytes ${offset}-${offset + length * 4}.`);
      // A copy, so the result does not depend on the alignment of `offset`.
      const values = new Float32Array(bytes.slice(offset, offset + length * 4).buffer);
      if (!values.every(Number.isFinite)) fail(`The weight ${name} holds NaN or infinite values.`);
      out.set(name, values);
      offset += length * 4;
    }
  }
  return out;
}

export function findWeight(
  weights: Map<string, Float32Array>,
  layer: string,
  kind: string,
): Float32Array | null {
  const exact = weights.get(`${layer}/${kind}`);
  if (exact) return exact;
  // The Keras converter may prefix the model's name: "sequential/dense/kernel".
  for (const [name, value] of weights) if (name.endsWith(`/${layer}/${kind}`)) return value;
  return null;
}
