// npm run gpu:pack: writes .gpu-pack/, which runs the GPU check on a machine with a GPU and nothing
// else (x86-64 Linux, a GPU driver; no Node, npm or network): Node itself and dawn.node (gzipped),
// the bundled check, the MNIST files, the Vulkan loader, libGLdispatch and libstdc++ for systems
// without them, the PyTorch peer, TF.js's wasm binaries and run.sh. Test it as a stranger: copy
// .gpu-pack/ to an empty folder and run
//   env -i PATH=/usr/bin:/bin VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json ./run.sh
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundle } from './node/bundle.mjs';

const PACK = '.gpu-pack';
const LIMIT = 60 * 1024 * 1024;
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error('gpu:pack: the pack is for x86-64 Linux; build it on such a machine');
  process.exit(1);
}
rmSync(PACK, { recursive: true, force: true });
mkdirSync(`${PACK}/mnist`, { recursive: true });
mkdirSync(`${PACK}/lib/vulkan`, { recursive: true });
mkdirSync(`${PACK}/lib/cxx`, { recursive: true });
mkdirSync(`${PACK}/lib/glvnd`, { recursive: true });

const gz = (from, to) => writeFileSync(to, gzipSync(readFileSync(from), { level: 9 }));

const tmp = mkdtempSync(join(tmpdir(), 'gpu-pack-'));
await bundle('scripts/gpuCheck/check.ts', join(tmp, 'check.mjs'), { minify: true });
gz(join(tmp, 'check.mjs'), `${PACK}/check.mjs.gz`);
gz(process.execPath, `${PACK}/node.gz`);
const webgpu = dirname(createRequire(import.meta.url).resolve('webgpu/package.json'));
gz(join(webgpu, 'dist', 'linux-x64', 'dawn.node'), `${PACK}/dawn.node.gz`);
for (const file of readdirSync('public/mnist')) copyFileSync(`public/mnist/${file}`, `${PACK}/mnist/${file}`);

// A library from Debian's package (apt-get download, unpacked), else this machine's copy. The Vulkan
// loader is one; libglvnd's dispatch library is another: NVIDIA's Vulkan driver (libGLX_nvidia.so.0)
// needs libGLdispatch.so.0, which GPU containers often lack (measured on an H200 machine: without it
// the loader "Could not get 'vkCreateInstance'" and Dawn found no adapter).
function debianLibrary(pkg, file, fallbacks) {
  try {
    execFileSync('apt-get', ['download', pkg], { cwd: tmp, stdio: 'ignore' });
    const deb = readdirSync(tmp).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
    execFileSync('dpkg', ['-x', join(tmp, deb), join(tmp, pkg)]);
    const path = join(tmp, pkg, 'usr', 'lib', 'x86_64-linux-gnu', file);
    if (existsSync(path)) return path;
  } catch {
    // falls through to this machine's copy
  }
  return fallbacks.find(existsSync) ?? null;
}
const packed = [
  ['libvulkan1', 'libvulkan.so.1', 'lib/vulkan', ['/usr/lib/chromium/libvulkan.so.1']],
  ['libglvnd0', 'libGLdispatch.so.0', 'lib/glvnd', []],
];
const sources = [];
for (const [pkg, file, dir, extra] of packed) {
  const path = debianLibrary(pkg, file, [`/usr/lib/x86_64-linux-gnu/${file}`, ...extra]);
  if (!path) {
    console.error(`gpu:pack: no ${file} (apt-get download ${pkg} failed, and this machine has no copy)`);
    process.exit(1);
  }
  copyFileSync(path, `${PACK}/${dir}/${file}`);
  sources.push(`${file} from ${path}`);
}
for (const lib of ['libstdc++.so.6', 'libgcc_s.so.1'])
  copyFileSync(`/usr/lib/x86_64-linux-gnu/${lib}`, `${PACK}/lib/cxx/${lib}`);
for (const peer of ['torch_peer.py', 'torch_speedrun.py'])
  copyFileSync(`scripts/gpuCheck/${peer}`, `${PACK}/${peer}`);
// TF.js wasm, the CPU peer: its SIMD and plain binaries (Node has no workers for the threaded one).
mkdirSync(`${PACK}/wasm`);
const wasmDist = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
for (const file of ['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm'])
  copyFileSync(join(wasmDist, file), `${PACK}/wasm/${file}`);
copyFileSync('scripts/gpuPack/run.sh', `${PACK}/run.sh`);
execFileSync('chmod', ['+x', `${PACK}/run.sh`]);
rmSync(tmp, { recursive: true, force: true });

const sizes = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else sizes.push([path, statSync(path).size]);
  }
};
walk(PACK);
const total = sizes.reduce((sum, [, size]) => sum + size, 0);
for (const [path, size] of sizes) console.log(`${(size / 1048576).toFixed(2).padStart(7)} MiB  ${path}`);
console.log(`${(total / 1048576).toFixed(2).padStart(7)} MiB  in all (limit 60 MiB); ${sources.join(', ')}`);
if (total > LIMIT) {
  console.error('gpu:pack: the pack is over 60 MiB');
  process.exit(1);
}
