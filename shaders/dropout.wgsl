// dropout: Keras's inverted dropout, out[i] = keep(i) ? x[i] * scale : 0, scale = 1 / (1 - rate).
// The mask is a pure function of (seed, step, salt, i), so the backward pass is this same kernel on
// dy (dx = dy * mask * scale) and a run repeats and resumes exactly:
//   key     = pcg(pcg(pcg(seed) ^ step) ^ salt)   (salt: the layer's place in the stack)
//   keep(i) = pcg(key + i) >= threshold            (threshold = floor(rate * 2^32), a u32)
// The PCG hash is gatherBatchAugmented.wgsl's. The reference is src/backend/cpu/dropout.ts.
// Bindings: 0 out (write), 1 x, 2 params {length, seed, step, salt, threshold, scale}.
struct Params { length: u32, seed: u32, step: u32, salt: u32, threshold: u32, scale: f32, pad0: u32, pad1: u32 }

@group(0) @binding(0) var<storage, read_write> out: array<f32>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<uniform> params: Params;

override WORKGROUP_SIZE: u32 = 64;

// The PCG hash (Jarzynski and Olano, "Hash Functions for GPU Rendering", JCGT 2020).
fn pcg(v: u32) -> u32 {
  let state = v * 747796405u + 2891336453u;
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  if (i >= params.length) { return; }
  let key = pcg(pcg(pcg(params.seed) ^ params.step) ^ params.salt);
  out[i] = select(0.0, x[i] * params.scale, pcg(key + i) >= params.threshold);
}
