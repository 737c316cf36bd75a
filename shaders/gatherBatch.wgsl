// gatherBatch: builds one batch on the GPU from the uint8 data set and a shuffled index list.
//   x[r, p]   = images[order[offset + r], p] / 255      (pixels as float32 in [0, 1], as in Keras)
//   labels[r] = labelBytes[order[offset + r]]
//
// The whole data set stays on the GPU as bytes (four per u32 word, little-endian), a quarter of the
// float32 size; only the order changes between epochs.
// Bindings: 0 x (write), 1 labels (write, u32), 2 images (u32-packed bytes), 3 labelBytes
// (u32-packed bytes), 4 order (u32), 5 params {offset, rows, pixelsPerImage}.
struct Params { offset: u32, rows: u32, pixelsPerImage: u32, pad: u32 }

@group(0) @binding(0) var<storage, read_write> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> labels: array<u32>;
@group(0) @binding(2) var<storage, read> images: array<u32>;
@group(0) @binding(3) var<storage, read> labelBytes: array<u32>;
@group(0) @binding(4) var<storage, read> order: array<u32>;
@group(0) @binding(5) var<uniform> params: Params;

override WORKGROUP_SIZE: u32 = 64;
// When every image starts on a word boundary (pixelsPerImage % 4 == 0, as for 28x28), each
// invocation converts a whole word: four pixels from one load, a quarter of the invocations.
override QUADS: bool = false;

fn byteOf(word: u32, index: u32) -> u32 {
  return (word >> ((index % 4u) * 8u)) & 0xffu;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let invocation = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  let pixels = params.pixelsPerImage;
  let i = select(invocation, invocation * 4u, QUADS);
  if (i >= params.rows * pixels) { return; }
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
