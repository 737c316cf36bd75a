// The safetensors format, as its specification defines it (github.com/huggingface/safetensors,
// README "Format"): 8 bytes, N, the header's length as an unsigned little-endian 64-bit integer;
// N bytes of UTF-8 JSON, {"__metadata__": {string: string}, NAME: {"dtype", "shape",
// "data_offsets": [BEGIN, END]}, ...}, starting with "{" and padded with spaces (0x20) to a
// multiple of 8 bytes, so the data is 8-byte aligned; then the data: each tensor row-major and
// little-endian, back to back from offset 0, with no holes. DOM-free, so Node tests check it.

export interface NamedTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** The header's length field (u64) and its alignment: the official library pads to this too. */
const LENGTH_BYTES = 8;

/**
 * A safetensors file of float32 (F32) tensors. Tensors are laid out in the order the official
 * library writes them, by name (byte by byte there; JavaScript's order is the same for the ASCII
 * names the app writes), and the header lists them by increasing offsets.
 */
export function toSafetensors(tensors: NamedTensor[], metadata: Record<string, string>): Uint8Array {
  const names = new Set<string>();
  for (const { name, shape, data } of tensors) {
    if (name === '__metadata__' || names.has(name))
      throw new Error(`The tensor name "${name}" cannot be used twice or be __metadata__.`);
    names.add(name);
    const size = shape.reduce((n, d) => n * d, 1);
    if (size !== data.length)
      throw new Error(`The tensor ${name} has ${data.length} values, not [${shape.join(', ')}].`);
  }
  const ordered = [...tensors].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // NOTE: written out, not as one object: JSON.stringify would put names like "10" before the rest.
  const entries = [`"__metadata__":${JSON.stringify(metadata)}`];
  let offset = 0;
  for (const { name, shape, data } of ordered) {
    const info = { dtype: 'F32', shape, data_offsets: [offset, offset + 4 * data.length] };
    entries.push(`${JSON.stringify(name)}:${JSON.stringify(info)}`);
    offset += 4 * data.length;
  }
  const json = new TextEncoder().encode(`{${entries.join(',')}}`);
  const headerLength = Math.ceil(json.length / LENGTH_BYTES) * LENGTH_BYTES;
  const bytes = new Uint8Array(LENGTH_BYTES + headerLength + offset);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, BigInt(headerLength), true);
  bytes.set(json, LENGTH_BYTES);
  bytes.fill(0x20, LENGTH_BYTES + json.length, LENGTH_BYTES + headerLength);
  let at = LENGTH_BYTES + headerLength;
  for (const { data } of ordered) {
    // NOTE: DataView, not the Float32Array's own bytes: the format is little-endian on any machine.
    for (const value of data) {
      view.setFloat32(at, value, true);
      at += 4;
    }
  }
  return bytes;
}
