// weightPenalty: metrics[0] += rows * Σ_i (l1[i] * |w[i]| + l2[i] * w[i]²), the penalty of Keras's
// kernel_regularizer added to the reported loss sum, as Keras adds it to each batch's loss (and to
// evaluation's). One workgroup: each invocation sums a strided share in f32, then a tree in
// workgroup memory; recorded only for a model that has a regularizer (the MLP's step never has it).
// Bindings: 0 metrics (read-write; [lossSum, correct, seen, nonFinite]), 1 w, 2 l1, 3 l2,
// 4 params {length, rows}.
struct Params { length: u32, rows: u32, pad0: u32, pad1: u32 }

@group(0) @binding(0) var<storage, read_write> metrics: array<f32>;
@group(0) @binding(1) var<storage, read> w: array<f32>;
@group(0) @binding(2) var<storage, read> l1: array<f32>;
@group(0) @binding(3) var<storage, read> l2: array<f32>;
@group(0) @binding(4) var<uniform> params: Params;

const WORKGROUP_SIZE: u32 = 256u;
var<workgroup> partial: array<f32, WORKGROUP_SIZE>;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(local_invocation_index) t: u32) {
  var sum = 0.0;
  for (var i = t; i < params.length; i += WORKGROUP_SIZE) {
    let x = w[i];
    sum += l1[i] * abs(x) + l2[i] * x * x;
  }
  partial[t] = sum;
  workgroupBarrier();
  for (var half = WORKGROUP_SIZE / 2u; half > 0u; half /= 2u) {
    if (t < half) { partial[t] += partial[t + half]; }
    workgroupBarrier();
  }
  if (t == 0u) { metrics[0] += f32(params.rows) * partial[0]; }
}
