// confusion: the confusion matrix of a batch, and each row's verdict kept for later.
//   pred[r]               = argmax_c z[r, c]            (the first of equal maxima, as softmaxXent)
//   matrix[y_r * cols + pred[r]] += 1                    (rows: true class; columns: predicted)
//   predicted[offset + r] = pred[r]
//   probs[(offset + r) * cols + c] = exp(z[r, c] - max) / Σ exp(z[r, ·] - max)
// Called once per evaluation batch: `offset` places the batch in the per-image outputs, so a whole
// data set's verdicts are read back in one go at the end, with no second pass for the gallery.
//
// Layout: z row-major [rows, cols]; labels [rows] u32; matrix [cols, cols] u32 (atomics, since rows
// of one class land on the same cells); predicted [count] u32; probs [count, cols] f32.
// Bindings: 0 matrix, 1 predicted, 2 probs (all write), 3 z, 4 labels, 5 dims {rows, cols, offset}.
// One invocation per row; cols is small (10 classes).
struct Dims { rows: u32, cols: u32, offset: u32, pad0: u32 }

@group(0) @binding(0) var<storage, read_write> matrix: array<atomic<u32>>;
@group(0) @binding(1) var<storage, read_write> predicted: array<u32>;
@group(0) @binding(2) var<storage, read_write> probs: array<f32>;
@group(0) @binding(3) var<storage, read> z: array<f32>;
@group(0) @binding(4) var<storage, read> labels: array<u32>;
@group(0) @binding(5) var<uniform> dims: Dims;

override WORKGROUP_SIZE: u32 = 64;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let r = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  if (r >= dims.rows) { return; }
  let cols = dims.cols;
  let base = r * cols;
  var best = z[base];
  var arg = 0u;
  for (var c = 1u; c < cols; c++) {
    if (z[base + c] > best) { best = z[base + c]; arg = c; }
  }
  var total = 0.0;
  for (var c = 0u; c < cols; c++) { total += exp(z[base + c] - best); }
  let row = dims.offset + r;
  predicted[row] = arg;
  for (var c = 0u; c < cols; c++) { probs[row * cols + c] = exp(z[base + c] - best) / total; }
  atomicAdd(&matrix[labels[r] * cols + arg], 1u);
}
