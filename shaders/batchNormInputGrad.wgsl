// batchNormInputGrad: dx for y = γ x̂ + β, x̂ = (x − μ)/sqrt(σ² + ε), one invocation per element.
// TRAINING (μ, σ² are the batch's, functions of x): dx = γ/(N·s) · (N·dy − dβ − x̂·dγ), s = sqrt(σ² + ε),
// N = rows, dγ and dβ from batchNormReduce.wgsl. Otherwise (the moving statistics, constants, as in
// a saliency map): dx = γ/s · dy. RELU_MASK: x is a ReLU's output, whose backward rides here (dx = 0
// where x ≤ 0), so the layer before needs no reluBackward dispatch.
// Bindings: 0 dx (write), 1 dy, 2 x, 3 stats, 4 gamma, 5 dgamma, 6 dbeta, 7 params.
// Reference: src/backend/cpu/batchNorm.ts.
struct Params { length: u32, channels: u32, stride: u32, epsilon: f32, rows: f32, pad0: u32, pad1: u32, pad2: u32 }

@group(0) @binding(0) var<storage, read_write> dx: array<f32>;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;
@group(0) @binding(3) var<storage, read> stats: array<f32>;
@group(0) @binding(4) var<storage, read> gamma: array<f32>;
@group(0) @binding(5) var<storage, read> dgamma: array<f32>;
@group(0) @binding(6) var<storage, read> dbeta: array<f32>;
@group(0) @binding(7) var<uniform> params: Params;

override WORKGROUP_SIZE: u32 = 64;
override TRAINING: bool = true;
override RELU_MASK: bool = false;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  if (i >= params.length) { return; }
  let c = i % params.channels;
  if (RELU_MASK && x[i] <= 0.0) {
    dx[i] = 0.0;
    return;
  }
  let inverseStd = 1.0 / sqrt(stats[params.stride + c] + params.epsilon);
  if (TRAINING) {
    let xHat = (x[i] - stats[c]) * inverseStd;
    let n = params.rows;
    dx[i] = gamma[c] * inverseStd / n * (n * dy[i] - dbeta[c] - xHat * dgamma[c]);
  } else {
    dx[i] = gamma[c] * inverseStd * dy[i];
  }
}
