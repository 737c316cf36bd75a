// shaders/conv2d.wgsl, conv2dInputGrad.wgsl and conv2dKernelGrad.wgsl: the three sums of a 3x3
// convolution as implicit GEMMs on the register-block template (registerBlock.mjs: each invocation
// an 8x8 block of the output in sixteen vec4 registers, the inner loop unrolled by hand, clamped
// edge indices). The im2col matrix is never built: each kernel computes, from a row's index, where
// that row's receptive field starts, and walks the 3x3 taps in the loop. Written by generate.mjs.
import { accumulators, columns, each, fmas as fmasAt, header as headerOf, loadB } from './registerBlock.mjs';

const common = (out, a, b) => `struct Dims {
  batch: u32, height: u32, width: u32, inC: u32,
  outC: u32, outH: u32, outW: u32, splits: u32,
  chunk: u32, rowGroups: u32, pad0: u32, pad1: u32,
}

@group(0) @binding(0) var<storage, read_write> ${out}: array<f32>;
@group(0) @binding(1) var<storage, read> ${a}: array<f32>;
@group(0) @binding(2) var<storage, read> ${b}: array<f32>;
@group(0) @binding(3) var<uniform> dims: Dims;

/** Writes one row of the block: columns col0 .. col0+7 that exist. */
fn store(base: u32, row: u32, rows: u32, col0: u32, cols: u32, lo: vec4f, hi: vec4f) {
  if (row >= rows) { return; }
  let v = array<f32, 8>(lo.x, lo.y, lo.z, lo.w, hi.x, hi.y, hi.z, hi.w);
  for (var j = 0u; j < 8u; j++) {
    if (col0 + j < cols) { ${out}[base + row * cols + col0 + j] = v[j]; }
  }
}
`;

const fmas = (load) => fmasAt(load, '      ');
const stores = (base, rows, cols) =>
  each((r) => `  store(${base}, row0 + ${r}u, ${rows}, col0, ${cols}, lo${r}, hi${r});`);
const header = (id, text) => headerOf(id, text, 'conv2d.mjs');

const forward = `${header('conv2d', 'y = conv3x3(x, w), stride 1, valid padding, NHWC')}
// y[n,oy,ox,co] = Σ_{ky,kx,ci} x[n,oy+ky,ox+kx,ci] · w[ky,kx,ci,co], as the implicit GEMM
// Y[M = batch*outH*outW, outC] = im2col(x)[M, 9*inC] · W[9*inC, outC]. Row m of im2col(x) is
// output pixel m's receptive field: element (tap, ci) sits at xRow_m + (ky*width + kx)*inC + ci,
// so each row needs one base address and each k-step one offset, shared by all eight rows.
//
// Bindings: 0 y (write) [batch,outH,outW,outC], 1 x [batch,height,width,inC],
// 2 w [3,3,inC,outC], 3 dims. Workgroup 8x8, each invocation an 8x8 block of Y (see
// matmulRegister.wgsl for why this shape suits CPU-backed WebGPU).
${common('y', 'x', 'w')}
/** Where output pixel p's receptive field starts in x. */
fn fieldStart(p: u32) -> u32 {
  let n = p / (dims.outH * dims.outW);
  let oy = (p / dims.outW) % dims.outH;
  let ox = p % dims.outW;
  return ((n * dims.height + oy) * dims.width + ox) * dims.inC;
}

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let rows = dims.batch * dims.outH * dims.outW;
  let row0 = gid.y * 8u;
  let col0 = gid.x * 8u;
  if (row0 >= rows || col0 >= dims.outC) { return; }
${each((r) => `  let xRow${r} = fieldStart(min(row0 + ${r}u, rows - 1u));`)}
${columns('wCol', 'dims.outC - 1u', '')}
${accumulators}
  for (var tap = 0u; tap < 9u; tap++) {
    let xTap = ((tap / 3u) * dims.width + tap % 3u) * dims.inC;
    let wTap = tap * dims.inC * dims.outC;
    for (var ci = 0u; ci < dims.inC; ci++) {
      let xk = xTap + ci;
      let wk = wTap + ci * dims.outC;
  ${loadB('w', 'wCol', 'wk').replaceAll('\n', '\n  ')}
${fmas((r) => `x[xRow${r} + xk]`)}
    }
  }
${stores('0u', 'rows', 'dims.outC')}
}
`;

const inputGrad = `${header('conv2dInputGrad', "the convolution's input gradient, gathered (no atomics)")}
// dx[n,y,x,ci] = Σ_{ky,kx,co} dy[n,y-ky,x-kx,co] · w[ky,kx,ci,co] over the taps whose output
// (y-ky, x-kx) exists: the implicit GEMM dX[batch*height*width, inC] = A · B with
// A[p, (tap,co)] = dy[p's output shifted by the tap, co] (zero off the edge) and
// B[(tap,co), ci] = w[tap, ci, co]. Each tap's validity is decided once per row, then the loop
// over co runs without branches (an invalid row reads a clamped address and is scaled by 0).
//
// Bindings: 0 dx (write) [batch,height,width,inC], 1 dy [batch,outH,outW,outC],
// 2 w [3,3,inC,outC], 3 dims. Workgroup 8x8, each invocation an 8x8 block of dX.
${common('dx', 'dy', 'w')}
@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let rows = dims.batch * dims.height * dims.width;
  let row0 = gid.y * 8u;
  let col0 = gid.x * 8u;
  if (row0 >= rows || col0 >= dims.inC) { return; }
${each(
  (r) => `  let p${r} = min(row0 + ${r}u, rows - 1u);
  let y${r} = (p${r} / dims.width) % dims.height;
  let x${r} = p${r} % dims.width;
  // dy's element for the (0, 0) tap, before the validity check.
  let dyRow${r} = (((p${r} / (dims.height * dims.width)) * dims.outH + y${r}) * dims.outW + x${r}) * dims.outC;`,
)}
${columns('wCol', 'dims.inC - 1u', ' * dims.outC')}
${accumulators}
  for (var tap = 0u; tap < 9u; tap++) {
    let ky = tap / 3u;
    let kx = tap % 3u;
    let shift = (ky * dims.outW + kx) * dims.outC;
    // NOTE: & rather than &&: with short-circuit branches SwiftShader took ~30 s to compile this.
${each(
  (
    r,
  ) => `    let valid${r} = (y${r} >= ky) & (y${r} - ky < dims.outH) & (x${r} >= kx) & (x${r} - kx < dims.outW);
    let at${r} = select(0u, dyRow${r} - shift, valid${r});
    let scale${r} = select(0.0, 1.0, valid${r});`,
)}
    let wTap = tap * dims.inC * dims.outC;
    for (var co = 0u; co < dims.outC; co++) {
      let wk = wTap + co;
  ${loadB('w', 'wCol', 'wk').replaceAll('\n', '\n  ')}
${fmas((r) => `dy[at${r} + co] * scale${r}`)}
    }
  }
${stores('0u', 'rows', 'dims.inC')}
}
`;

const kernelGrad = `${header('conv2dKernelGrad', "the convolution's kernel gradient, in split-K partial sums")}
// dw[ky,kx,ci,co] = Σ_{n,oy,ox} x[n,oy+ky,ox+kx,ci] · dy[n,oy,ox,co]: the implicit GEMM
// dW[9*inC, outC] = im2col(x)ᵀ · dY, whose inner dimension is every output pixel of the batch
// (tens of thousands) while the output is small. So the pixels are cut into dims.splits slices of
// dims.chunk and each slice writes its own partial sum, out[split, 9*inC, outC]; the host adds
// them with sumRows. That gives the GPU enough independent work. Within a slice the pixel
// position is advanced incrementally (no divisions in the loop).
//
// Bindings: 0 out (write) [splits,9*inC,outC], 1 x [batch,height,width,inC],
// 2 dy [batch,outH,outW,outC], 3 dims. Workgroups: x over outC/64, y over rowGroups * splits.
${common('out', 'x', 'dy')}
@compute @workgroup_size(8, 8)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let rows = 9u * dims.inC;
  let split = wg.y / dims.rowGroups;
  let row0 = ((wg.y % dims.rowGroups) * 8u + lid.y) * 8u;
  let col0 = (wg.x * 8u + lid.x) * 8u;
  if (row0 >= rows || col0 >= dims.outC) { return; }
${each(
  (r) => `  let i${r} = min(row0 + ${r}u, rows - 1u);
  let tap${r} = i${r} / dims.inC;
  let xOff${r} = ((tap${r} / 3u) * dims.width + tap${r} % 3u) * dims.inC + i${r} % dims.inC;`,
)}
${columns('dyCol', 'dims.outC - 1u', '')}
${accumulators}
  let pixels = dims.batch * dims.outH * dims.outW;
  let start = split * dims.chunk;
  let end = min(start + dims.chunk, pixels);
  var ox = start % dims.outW;
  var oy = (start / dims.outW) % dims.outH;
  var xBase = (((start / (dims.outH * dims.outW)) * dims.height + oy) * dims.width + ox) * dims.inC;
  for (var p = start; p < end; p++) {
    let dyk = p * dims.outC;
${loadB('dy', 'dyCol', 'dyk')}
${fmasAt((r) => `x[xBase + xOff${r}]`, '    ')}
    // Next output pixel: along the row, then past the two columns and two rows the 3x3 needs.
    ox++;
    xBase += dims.inC;
    if (ox == dims.outW) {
      ox = 0u;
      oy++;
      xBase += 2u * dims.inC;
      if (oy == dims.outH) {
        oy = 0u;
        xBase += 2u * dims.width * dims.inC;
      }
    }
  }
  let base = split * rows * dims.outC;
${stores('base', 'rows', 'dims.outC')}
}
`;

export function conv2dShaders() {
  return { 'conv2d.wgsl': forward, 'conv2dInputGrad.wgsl': inputGrad, 'conv2dKernelGrad.wgsl': kernelGrad };
}
