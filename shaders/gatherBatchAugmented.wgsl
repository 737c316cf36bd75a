// gatherBatchAugmented: gatherBatch.wgsl with each image shifted, rotated and scaled on the way,
// for training on augmented data. Row r's transform comes from a hash of (seed, step, r), so a batch
// is a pure function of the run's seed and the step and the data set is never copied.
//   key        = pcg(pcg(pcg(seed) ^ step) ^ r); u_i = pcg(key + i) as a float in [-1, 1), i < 4
//   angle      = maxRotation * u0, scale = 1 + maxScale * u1, shift = maxShift * (u2, u3)
//   source     = R(angle) (p - centre - shift) / scale + centre, for each output pixel p
//   x[r, p]    = bilinear(image order[offset + r], source) / 255, zero outside the image
//   labels[r]  = labelBytes[order[offset + r]]
// The reference, written op for op, is src/backend/cpu/gatherBatchAugmented.ts.
// Bindings: 0 x (write), 1 labels (write, u32), 2 images (u32-packed bytes), 3 labelBytes
// (u32-packed bytes), 4 order (u32), 5 params.
struct Params {
  offset: u32,
  rows: u32,
  width: u32,
  height: u32,
  seed: u32,
  step: u32,
  maxShift: f32,
  maxRotation: f32,
  maxScale: f32,
}

@group(0) @binding(0) var<storage, read_write> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> labels: array<u32>;
@group(0) @binding(2) var<storage, read> images: array<u32>;
@group(0) @binding(3) var<storage, read> labelBytes: array<u32>;
@group(0) @binding(4) var<storage, read> order: array<u32>;
@group(0) @binding(5) var<uniform> params: Params;

override WORKGROUP_SIZE: u32 = 64;

fn byteOf(word: u32, index: u32) -> u32 {
  return (word >> ((index % 4u) * 8u)) & 0xffu;
}

// The PCG hash (Jarzynski and Olano, "Hash Functions for GPU Rendering", JCGT 2020).
fn pcg(v: u32) -> u32 {
  let state = v * 747796405u + 2891336453u;
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

// The top 24 bits of a hash as a float in [-1, 1), exactly.
fn signedUnit(u: u32) -> f32 {
  return f32(u >> 8u) * 0x1p-23f - 1.0;
}

// Image `image`'s pixel (ix, iy) as 0..255, and 0 outside the image.
fn ink(image: u32, ix: i32, iy: i32) -> f32 {
  let w = i32(params.width);
  let h = i32(params.height);
  if (ix < 0 || ix >= w || iy < 0 || iy >= h) { return 0.0; }
  let pixel = image * params.width * params.height + u32(iy) * params.width + u32(ix);
  return f32(byteOf(images[pixel / 4u], pixel));
}

fn lerp(p: f32, q: f32, w: f32) -> f32 {
  return p + (q - p) * w; // exactly p when w is 0: no transform gives the plain gather
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  let pixels = params.width * params.height;
  if (i >= params.rows * pixels) { return; }
  let r = i / pixels;
  let p = i % pixels;
  let image = order[params.offset + r];

  let key = pcg(pcg(pcg(params.seed) ^ params.step) ^ r);
  let angle = params.maxRotation * signedUnit(pcg(key));
  let scale = 1.0 + params.maxScale * signedUnit(pcg(key + 1u));
  let shift = params.maxShift * vec2f(signedUnit(pcg(key + 2u)), signedUnit(pcg(key + 3u)));
  // sin and cos as polynomials: the built-ins' precision is implementation-defined, and for
  // |angle| <= 10 degrees these are exact to float32 (the next terms are below 1e-9).
  let a2 = angle * angle;
  let s = angle * (1.0 + a2 * (-0.16666667 + a2 * 0.008333333));
  let c = 1.0 + a2 * (-0.5 + a2 * (0.041666668 + a2 * -0.0013888889));

  let centre = vec2f(f32(params.width - 1u), f32(params.height - 1u)) / 2.0;
  let d = vec2f(f32(p % params.width), f32(p / params.width)) - centre - shift;
  let source = vec2f(c * d.x + s * d.y, c * d.y - s * d.x) / scale + centre;
  let corner = floor(source);
  let frac = source - corner;
  let ix = i32(corner.x);
  let iy = i32(corner.y);
  let top = lerp(ink(image, ix, iy), ink(image, ix + 1, iy), frac.x);
  let bottom = lerp(ink(image, ix, iy + 1), ink(image, ix + 1, iy + 1), frac.x);
  x[i] = lerp(top, bottom, frac.y) / 255.0;
  if (p == 0u) {
    labels[r] = byteOf(labelBytes[image / 4u], image);
  }
}
