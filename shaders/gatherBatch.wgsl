// gatherBatch: builds one batch on the GPU from the uint8 data set and a shuffled index list.
//   x[r, p]   = images[order[offset + r], p] / 255      (pixels as float32 in [0, 1], as in Keras)
//   labels[r] = labelBytes[order[offset + r]]
//
// The whole data set stays on the GPU as bytes (four per u32 word, little-endian), a quarter of the
// float32 size; only the order changes between epochs.
//
// With params.parts > 0 the same dispatch also builds the sparse matmul's indexes of the batch (what
// nonzeroColumns.wgsl builds from x, read here from the bytes: x is zero exactly where its byte is),
// so the sparse path costs no dispatch of its own: parts 1, the index of x's blocks of ROWS rows (the
// forward x·W); parts 2, also that of xᵀ's blocks of ROWS pixels (the weight gradient xᵀ·dY). The
// invocations past the gather's build one block each; the index's four parts are laid out in
// `index` at the word offsets in params (sparseIndexLayout() in backend.ts).
// Bindings: 0 x (write), 1 labels (write, u32), 2 images (u32-packed bytes), 3 labelBytes
// (u32-packed bytes), 4 order (u32), 5 params, 6 index (write, u32).
struct Params {
  offset: u32, rows: u32, pixelsPerImage: u32, parts: u32,
  rowCounts: u32, rowColumns: u32, pixelCounts: u32, pixelColumns: u32,
}

@group(0) @binding(0) var<storage, read_write> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> labels: array<u32>;
@group(0) @binding(2) var<storage, read> images: array<u32>;
@group(0) @binding(3) var<storage, read> labelBytes: array<u32>;
@group(0) @binding(4) var<storage, read> order: array<u32>;
@group(0) @binding(5) var<uniform> params: Params;
@group(0) @binding(6) var<storage, read_write> index: array<u32>;

override WORKGROUP_SIZE: u32 = 64;
override ROWS: u32 = 4; // rows of op(A) per index block: SPARSE_ROWS

// When every image starts on a word boundary (pixelsPerImage % 4 == 0, as for 28x28), each
// invocation converts a whole word: four pixels from one load, a quarter of the invocations.
override QUADS: bool = false;

fn byteOf(word: u32, index: u32) -> u32 {
  return (word >> ((index % 4u) * 8u)) & 0xffu;
}

fn pixelOf(r: u32, p: u32) -> u32 {
  let at = order[params.offset + r] * params.pixelsPerImage + p;
  return byteOf(images[at / 4u], at);
}

// Block `block` of x's rows: the pixels where any of its images is nonzero, ascending.
fn indexRows(block: u32) {
  let r0 = block * ROWS;
  let rEnd = min(r0 + ROWS, params.rows);
  var count = 0u;
  if (QUADS) {
    // A word of each image at a time: OR them, then the four bytes of that.
    let list = params.rowColumns + block * params.pixelsPerImage;
    for (var w = 0u; w < params.pixelsPerImage / 4u; w++) {
      var anyInk = 0u;
      for (var r = r0; r < rEnd; r++) { anyInk |= images[order[params.offset + r] * (params.pixelsPerImage / 4u) + w]; }
      if (anyInk == 0u) { continue; }
      for (var j = 0u; j < 4u; j++) {
        if (((anyInk >> (j * 8u)) & 0xffu) != 0u) {
          index[list + count] = w * 4u + j;
          count++;
        }
      }
    }
    index[params.rowCounts + block] = count;
    return;
  }
  for (var p = 0u; p < params.pixelsPerImage; p++) {
    var nonzero = false;
    for (var r = r0; r < rEnd; r++) { nonzero = nonzero || pixelOf(r, p) != 0u; }
    if (nonzero) {
      index[params.rowColumns + block * params.pixelsPerImage + count] = p;
      count++;
    }
  }
  index[params.rowCounts + block] = count;
}

// Block `block` of xᵀ's rows (pixels): the batch rows where any of its pixels is nonzero.
fn indexPixels(block: u32) {
  let p0 = block * ROWS;
  let pEnd = min(p0 + ROWS, params.pixelsPerImage);
  var count = 0u;
  if (QUADS && ROWS == 4u) {
    // The block's four pixels are one word of each image.
    let list = params.pixelColumns + block * params.rows;
    for (var r = 0u; r < params.rows; r++) {
      if (images[order[params.offset + r] * (params.pixelsPerImage / 4u) + block] != 0u) {
        index[list + count] = r;
        count++;
      }
    }
    index[params.pixelCounts + block] = count;
    return;
  }
  for (var r = 0u; r < params.rows; r++) {
    var nonzero = false;
    for (var p = p0; p < pEnd; p++) { nonzero = nonzero || pixelOf(r, p) != 0u; }
    if (nonzero) {
      index[params.pixelColumns + block * params.rows + count] = r;
      count++;
    }
  }
  index[params.pixelCounts + block] = count;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let invocation = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  let pixels = params.pixelsPerImage;
  let gathers = select(params.rows * pixels, (params.rows * pixels) / 4u, QUADS);
  if (invocation >= gathers) {
    let rowBlocks = select(0u, (params.rows + ROWS - 1u) / ROWS, params.parts >= 1u);
    let pixelBlocks = select(0u, (pixels + ROWS - 1u) / ROWS, params.parts >= 2u);
    let block = invocation - gathers;
    if (block < rowBlocks) { indexRows(block); }
    else if (block < rowBlocks + pixelBlocks) { indexPixels(block - rowBlocks); }
    return;
  }
  let i = select(invocation, invocation * 4u, QUADS);
  let r = i / pixels;
  let p = i % pixels;
  let image = order[params.offset + r];
  let pixel = image * pixels + p;
  if (QUADS) {
    let word = images[pixel / 4u];
    let v = vec4f(vec4u(word & 0xffu, (word >> 8u) & 0xffu, (word >> 16u) & 0xffu, word >> 24u)) / 255.0;
    x[i] = v.x;
    x[i + 1u] = v.y;
    x[i + 2u] = v.z;
    x[i + 3u] = v.w;
  } else {
    x[i] = f32(byteOf(images[pixel / 4u], pixel)) / 255.0;
  }
  if (p == 0u) {
    labels[r] = byteOf(labelBytes[image / 4u], image);
  }
}
