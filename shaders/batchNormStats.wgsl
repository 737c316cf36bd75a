// batchNormStats: per channel c of x [rows, channels] (a Dense output, or NHWC conv activations
// flattened to rows), the batch's mean and biased variance (as Keras normalises with), and Keras's
// moving averages updated in place: moving = momentum · moving + (1 − momentum) · batch.
// One workgroup per channel: each invocation sums a strided share of the rows in f32, then a tree in
// workgroup memory; two passes (mean, then Σ(x − mean)²) so the variance loses no precision.
// Layout of stats and moving: means at word 0, variances at word params.stride.
// Bindings: 0 stats (write), 1 moving (read-write), 2 x, 3 params. Reference: src/backend/cpu/batchNorm.ts.
struct Params { rows: u32, channels: u32, stride: u32, momentum: f32 }

@group(0) @binding(0) var<storage, read_write> stats: array<f32>;
@group(0) @binding(1) var<storage, read_write> moving: array<f32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;
@group(0) @binding(3) var<uniform> params: Params;

const WORKGROUP_SIZE: u32 = 64u;
var<workgroup> partial: array<f32, WORKGROUP_SIZE>;

// The workgroup's total of v, seen by every invocation.
fn total(t: u32, v: f32) -> f32 {
  partial[t] = v;
  workgroupBarrier();
  for (var half = WORKGROUP_SIZE / 2u; half > 0u; half /= 2u) {
    if (t < half) { partial[t] += partial[t + half]; }
    workgroupBarrier();
  }
  let sum = partial[0];
  workgroupBarrier(); // partial is reused by the next total
  return sum;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_index) t: u32) {
  let c = group.x;
  let n = params.channels;
  var sum = 0.0;
  for (var r = t; r < params.rows; r += WORKGROUP_SIZE) { sum += x[r * n + c]; }
  let mean = total(t, sum) / f32(params.rows);
  var squares = 0.0;
  for (var r = t; r < params.rows; r += WORKGROUP_SIZE) {
    let d = x[r * n + c] - mean;
    squares += d * d;
  }
  let variance = total(t, squares) / f32(params.rows);
  if (t == 0u) {
    let m = params.momentum;
    let v = params.stride + c;
    stats[c] = mean;
    stats[v] = variance;
    moving[c] = moving[c] * m + mean * (1.0 - m);
    moving[v] = moving[v] * m + variance * (1.0 - m);
  }
}
