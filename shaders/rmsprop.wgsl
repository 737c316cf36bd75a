// rmsprop: one RMSprop step over all elements of one parameter, with Keras semantics
// (keras.optimizers.RMSprop, momentum 0, centered false; https://keras.io/api/optimizers/rmsprop/):
//   meanSquare = rho * meanSquare + (1 - rho) * grad²
//   param     -= learningRate * grad / sqrt(meanSquare + epsilon)
// NOTE: epsilon sits inside the square root, as in Keras and TensorFlow's ApplyRMSProp, not
// outside it as in PyTorch. Defaults in Keras: learningRate 0.001, rho 0.9, epsilon 1e-7.
//
// Bindings: 0 param (read-write), 1 meanSquare (read-write), 2 grad, 3 hyper {lr, rho, eps, length},
// 4 l1, 5 l2 (the regularization's coefficients, read only when REGULARIZED).
// Each invocation updates four consecutive elements as one vec4 (a quarter of the invocations;
// buffers come from the pool in sizes that are multiples of 16 bytes). In the last, partial quad
// only the elements below `length` change.
struct Hyper { learningRate: f32, rho: f32, epsilon: f32, length: u32 }

@group(0) @binding(0) var<storage, read_write> param: array<vec4f>;
@group(0) @binding(1) var<storage, read_write> meanSquare: array<vec4f>;
@group(0) @binding(2) var<storage, read> grad: array<vec4f>;
@group(0) @binding(3) var<uniform> hyper: Hyper;
@group(0) @binding(4) var<storage, read> l1: array<vec4f>;
@group(0) @binding(5) var<storage, read> l2: array<vec4f>;

override WORKGROUP_SIZE: u32 = 64;
override REGULARIZED: bool = false;

// The gradient of the loss plus that of Keras's kernel_regularizer penalty Σ l1·|w| + l2·w²: its
// coefficients per element (zero for biases), bound only when REGULARIZED (else any small buffer).
fn gradient(q: u32) -> vec4f {
  if (!REGULARIZED) { return grad[q]; }
  let w = param[q];
  return grad[q] + l1[q] * sign(w) + (2.0 * l2[q]) * w;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let q = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  if (q * 4u >= hyper.length) { return; }
  let g = gradient(q);
  let ms = hyper.rho * meanSquare[q] + (1.0 - hyper.rho) * g * g;
  let step = hyper.learningRate * g / sqrt(ms + hyper.epsilon);
  if (q * 4u + 3u < hyper.length) {
    meanSquare[q] = ms;
    param[q] -= step;
    return;
  }
  for (var j = 0u; j < 4u; j++) {
    if (q * 4u + j < hyper.length) {
      meanSquare[q][j] = ms[j];
      param[q][j] -= step[j];
    }
  }
}
