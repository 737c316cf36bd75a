// The epilogue every matmul kernel shares (matmul.wgsl holds the same text by hand): what a dense
// layer does to the product on its way out, so that no separate dispatch reads it again.
// Override flags choose the parts; a binding whose flag is off is bound to a small unused buffer.

/** The epilogue's three bindings, from `first` on. */
export const epilogueBindings = (first) => `@group(0) @binding(${first}) var<storage, read> bias: array<f32>;
@group(0) @binding(${first + 1}) var<storage, read> mask: array<f32>;
@group(0) @binding(${first + 2}) var<storage, read_write> sums: array<f32>;`;

export const epilogueText = `
// Epilogue, in this order: + bias[col] (BIAS), max(0, ·) (RELU), zero where mask[row, col] <= 0
// (MASK: a ReLU's backward on its saved output). SUMS: the host dispatches one more row of
// workgroups, which writes sums[col] = Σ_k op(B)[k, col] (the bias gradient, when op(B) is dY).
override BIAS: bool = false;
override RELU: bool = false;
override MASK: bool = false;
override SUMS: bool = false;

fn finish(row: u32, col: u32, value: f32) -> f32 {
  var v = value;
  if (BIAS) { v += bias[col]; }
  if (RELU) { v = max(v, 0.0); }
  if (MASK) { v = select(0.0, v, mask[row * dims.n + col] > 0.0); }
  return v;
}
`;

/** SUMS for a B of f32 (the scalar register kernel): `count` columns from col0. */
export const scalarSums = `
// Σ_k op(B)[k, col] for \`count\` columns from col0 (the bias gradient: op(B) is dY, TRANS_B false).
fn columnSums(col0: u32, count: u32) {
  for (var j = 0u; j < count; j++) {
    let col = col0 + j;
    if (col >= dims.n) { return; }
    var sum = 0.0;
    for (var k = 0u; k < dims.k; k++) { sum += b[k * dims.n + col]; }
    sums[col] = sum;
  }
}
`;

/** SUMS for a B of vec4 (N a multiple of 4): `count` columns from col0, a multiple of 4. */
export const vec4Sums = `
// Σ_k op(B)[k, col] for \`count\` columns from col0 (a multiple of 4), a quad of B at a time.
fn columnSums(col0: u32, count: u32) {
  let n4 = dims.n / 4u;
  for (var q = col0 / 4u; q < min((col0 + count) / 4u, n4); q++) {
    var sum = vec4f(0.0);
    for (var k = 0u; k < dims.k; k++) { sum += b[k * n4 + q]; }
    sums[q * 4u] = sum.x;
    sums[q * 4u + 1u] = sum.y;
    sums[q * 4u + 2u] = sum.z;
    sums[q * 4u + 3u] = sum.w;
  }
}
`;
