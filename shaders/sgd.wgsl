// sgd: one SGD step over all elements of one parameter (or of the whole parameter arena), with
// Keras semantics (keras.optimizers.SGD, keras/src/optimizers/sgd.py,
// https://keras.io/api/optimizers/sgd/):
//   momentum 0:   param    -= learningRate * grad                      (no velocity is kept)
//   otherwise:    velocity  = momentum * velocity - learningRate * grad
//                 param    += velocity                                  (nesterov false)
//                 param    += momentum * velocity - learningRate * grad (nesterov true, the new velocity)
// Defaults in Keras: learningRate 0.01, momentum 0, nesterov false.
//
// Bindings: 0 param (read-write), 1 velocity (read-write; with momentum 0 any buffer, never read or
// written), 2 grad, 3 hyper {lr, momentum, nesterov (0 or 1), length}, 4 l1, 5 l2 (the
// regularization's coefficients, read only when REGULARIZED).
// Each invocation updates four consecutive elements as one vec4, as rmsprop.wgsl does; in the last,
// partial quad only the elements below `length` change.
struct Hyper { learningRate: f32, momentum: f32, nesterov: u32, length: u32 }

@group(0) @binding(0) var<storage, read_write> param: array<vec4f>;
@group(0) @binding(1) var<storage, read_write> velocity: array<vec4f>;
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
  let plain = hyper.momentum == 0.0;
  var v = vec4f(0.0);
  var step = -hyper.learningRate * g;
  if (!plain) {
    v = hyper.momentum * velocity[q] - hyper.learningRate * g;
    step = select(v, hyper.momentum * v - hyper.learningRate * g, hyper.nesterov != 0u);
  }
  if (q * 4u + 3u < hyper.length) {
    if (!plain) { velocity[q] = v; }
    param[q] += step;
    return;
  }
  for (var j = 0u; j < 4u; j++) {
    if (q * 4u + j < hyper.length) {
      if (!plain) { velocity[q][j] = v[j]; }
      param[q][j] += step[j];
    }
  }
}
