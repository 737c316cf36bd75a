// softmaxXent: fused, numerically stable softmax + categorical cross-entropy over a batch.
//   p[r, c]  = exp(z[r, c] - max_c z[r, ·]) / Σ_c exp(z[r, c] - max)
//   loss[r]  = log Σ_c exp(z[r, c] - max) - (z[r, y_r] - max)      (= -log p[r, y_r])
//   dz[r, c] = (p[r, c] - onehot(y_r)[c]) / rows                     (gradient of the batch mean)
// Labels are class indices, which is categorical cross-entropy with one-hot targets.
//
// MODE 0 (train): writes dz to out, the batch-mean loss to loss[0], predictions, and adds to metrics.
// MODE 1 (eval):  as train but leaves out untouched.
// MODE 2 (predict): writes p to out and predictions; ignores labels, loss and metrics.
// metrics accumulate on the GPU across batches: [lossSum, correct, seen, nonFinite]; the host reads
// them when it chooses, not every step. nonFinite counts rows whose loss is NaN or infinite.
//
// Layout: z, out row-major [rows, cols]; labels, predictions [rows] u32.
// Bindings: 0 out, 1 metrics, 2 loss, 3 predictions (all write), 4 z, 5 labels, 6 dims {rows, cols}.
// One workgroup walks all rows (cols is small: 10 classes), then reduces its partial sums in
// workgroup memory, so no atomics are needed. Dispatch exactly one workgroup.
struct Dims { rows: u32, cols: u32, pad0: u32, pad1: u32 }

@group(0) @binding(0) var<storage, read_write> out: array<f32>;
@group(0) @binding(1) var<storage, read_write> metrics: array<f32>;
@group(0) @binding(2) var<storage, read_write> loss: array<f32>;
@group(0) @binding(3) var<storage, read_write> predictions: array<u32>;
@group(0) @binding(4) var<storage, read> z: array<f32>;
@group(0) @binding(5) var<storage, read> labels: array<u32>;
@group(0) @binding(6) var<uniform> dims: Dims;

override MODE: u32 = 0;
override WORKGROUP_SIZE: u32 = 64; // a power of two

var<workgroup> partial: array<vec3f, WORKGROUP_SIZE>; // (loss, correct, nonFinite)

// NOTE: compilers may assume floats are finite, so test the exponent bits rather than x != x.
fn isNonFinite(v: f32) -> bool {
  return (bitcast<u32>(v) & 0x7f800000u) == 0x7f800000u;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(local_invocation_id) lid: vec3u) {
  let cols = dims.cols;
  var sums = vec3f(0.0);
  for (var r = lid.x; r < dims.rows; r += WORKGROUP_SIZE) {
    let base = r * cols;
    var best = z[base];
    var arg = 0u;
    for (var c = 1u; c < cols; c++) {
      if (z[base + c] > best) { best = z[base + c]; arg = c; }
    }
    var total = 0.0;
    for (var c = 0u; c < cols; c++) { total += exp(z[base + c] - best); }
    predictions[r] = arg;
    if (MODE == 2u) {
      for (var c = 0u; c < cols; c++) { out[base + c] = exp(z[base + c] - best) / total; }
      continue;
    }
    let label = labels[r];
    let rowLoss = log(total) - (z[base + label] - best);
    let bad = isNonFinite(rowLoss);
    // A row whose loss is not finite never counts as correct, whatever its argmax fell back to.
    sums += vec3f(rowLoss, select(0.0, 1.0, arg == label && !bad), select(0.0, 1.0, bad));
    if (MODE == 0u) {
      let scale = 1.0 / f32(dims.rows);
      for (var c = 0u; c < cols; c++) {
        let p = exp(z[base + c] - best) / total;
        out[base + c] = (p - select(0.0, 1.0, c == label)) * scale;
      }
    }
  }
  if (MODE == 2u) { return; }

  partial[lid.x] = sums;
  workgroupBarrier();
  for (var stride = WORKGROUP_SIZE / 2u; stride > 0u; stride /= 2u) {
    if (lid.x < stride) { partial[lid.x] += partial[lid.x + stride]; }
    workgroupBarrier();
  }
  if (lid.x == 0u) {
    let t = partial[0];
    loss[0] = t.x / f32(dims.rows);
    metrics[0] += t.x;
    metrics[1] += t.y;
    metrics[2] += f32(dims.rows);
    metrics[3] += t.z;
  }
}
