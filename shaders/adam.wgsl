// adam: one Adam step over all elements of one parameter (or of the whole parameter arena), with
// Keras semantics (keras.optimizers.Adam, amsgrad false; keras/src/optimizers/adam.py,
// https://keras.io/api/optimizers/adam/), for step t = iterations + 1:
//   stepSize = learningRate * sqrt(1 - beta2^t) / (1 - beta1^t)   (Keras's alpha, on the CPU)
//   m       += (grad - m) * (1 - beta1)
//   v       += (grad² - v) * (1 - beta2)
//   param   -= stepSize * m / (sqrt(v) + epsilon)
// NOTE: epsilon sits outside the square root here, unlike RMSprop's. The bias correction is a
// function of t alone, so the optimizer computes stepSize per step on the CPU and passes it in the
// uniform; the kernel keeps no counter and stays one dispatch. 1 - beta1 and 1 - beta2 are also
// computed on the CPU, in float64: 1 - 0.999 in f32 would be off by 1e-5 of itself.
// Defaults in Keras: learningRate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7.
//
// Bindings: 0 param (read-write), 1 m (read-write), 2 v (read-write), 3 grad,
// 4 hyper {stepSize, 1 - beta1, 1 - beta2, epsilon, length}, 5 l1, 6 l2 (the
// regularization's coefficients, read only when REGULARIZED).
// Each invocation updates four consecutive elements as one vec4, as rmsprop.wgsl does; in the last,
// partial quad only the elements below `length` change.
struct Hyper { stepSize: f32, oneMinusBeta1: f32, oneMinusBeta2: f32, epsilon: f32, length: u32 }

@group(0) @binding(0) var<storage, read_write> param: array<vec4f>;
@group(0) @binding(1) var<storage, read_write> m: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> v: array<vec4f>;
@group(0) @binding(3) var<storage, read> grad: array<vec4f>;
@group(0) @binding(4) var<uniform> hyper: Hyper;
@group(0) @binding(5) var<storage, read> l1: array<vec4f>;
@group(0) @binding(6) var<storage, read> l2: array<vec4f>;

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
  let mq = m[q] + (g - m[q]) * hyper.oneMinusBeta1;
  let vq = v[q] + (g * g - v[q]) * hyper.oneMinusBeta2;
  let step = hyper.stepSize * mq / (sqrt(vq) + hyper.epsilon);
  if (q * 4u + 3u < hyper.length) {
    m[q] = mq;
    v[q] = vq;
    param[q] -= step;
    return;
  }
  for (var j = 0u; j < 4u; j++) {
    if (q * 4u + j < hyper.length) {
      m[q][j] = mq[j];
      v[q][j] = vq[j];
      param[q][j] -= step[j];
    }
  }
}
