// batchNormReduce: the backward pass's sums per channel c of dy [rows, channels]:
//   dbeta[c] = Σ_r dy[r, c]      dgamma[c] = Σ_r dy[r, c] · x̂[r, c],  x̂ = (x − mean)/sqrt(var + ε)
// which are γ and β's gradients and what the input gradient needs (batchNormInputGrad.wgsl).
// One workgroup per channel, a strided share per invocation, then a tree in workgroup memory.
// Bindings: 0 dgamma (write), 1 dbeta (write), 2 dy, 3 x, 4 stats, 5 params.
// Reference: src/backend/cpu/batchNorm.ts.
struct Params { rows: u32, channels: u32, stride: u32, epsilon: f32 }

@group(0) @binding(0) var<storage, read_write> dgamma: array<f32>;
@group(0) @binding(1) var<storage, read_write> dbeta: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read> x: array<f32>;
@group(0) @binding(4) var<storage, read> stats: array<f32>;
@group(0) @binding(5) var<uniform> params: Params;

const WORKGROUP_SIZE: u32 = 64u;
var<workgroup> partial: array<vec2f, WORKGROUP_SIZE>; // (Σ dy, Σ dy · x̂)

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_index) t: u32) {
  let c = group.x;
  let n = params.channels;
  let mean = stats[c];
  let inverseStd = 1.0 / sqrt(stats[params.stride + c] + params.epsilon);
  var sums = vec2f(0.0);
  for (var r = t; r < params.rows; r += WORKGROUP_SIZE) {
    let g = dy[r * n + c];
    sums += vec2f(g, g * (x[r * n + c] - mean) * inverseStd);
  }
  partial[t] = sums;
  workgroupBarrier();
  for (var half = WORKGROUP_SIZE / 2u; half > 0u; half /= 2u) {
    if (t < half) { partial[t] += partial[t + half]; }
    workgroupBarrier();
  }
  if (t == 0u) {
    dbeta[c] = partial[0].x;
    dgamma[c] = partial[0].y;
  }
}
