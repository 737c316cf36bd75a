// batchNormApply: y = gamma[c] · (x − mean[c]) / sqrt(variance[c] + epsilon) + beta[c], c the
// channel (the last index of x [rows, channels]); the statistics are the batch's (training) or the
// moving ones (inference). One invocation per element.
// Bindings: 0 y (write), 1 x, 2 stats (means at 0, variances at params.stride), 3 gamma, 4 beta,
// 5 params. Reference: src/backend/cpu/batchNorm.ts.
struct Params { length: u32, channels: u32, stride: u32, epsilon: f32 }

@group(0) @binding(0) var<storage, read_write> y: array<f32>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> stats: array<f32>;
@group(0) @binding(3) var<storage, read> gamma: array<f32>;
@group(0) @binding(4) var<storage, read> beta: array<f32>;
@group(0) @binding(5) var<uniform> params: Params;

override WORKGROUP_SIZE: u32 = 64;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  if (i >= params.length) { return; }
  let c = i % params.channels;
  let scale = gamma[c] / sqrt(stats[params.stride + c] + params.epsilon);
  y[i] = (x[i] - stats[c]) * scale + beta[c];
}
