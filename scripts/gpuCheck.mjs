// npm run gpu:check [-- --quick --epochs N --out DIR ...]: bundles scripts/gpuCheck/check.ts for Node
// (shaders inlined) and runs it on Dawn, with a Vulkan loader and driver found for this machine
// (SwiftShader through Chromium's files where there is no GPU). Flags: see check.ts.
import { spawnSync } from 'node:child_process';
import { bundle } from './node/bundle.mjs';
import { vulkanEnv } from './node/vulkanEnv.mjs';

await bundle('scripts/gpuCheck/check.ts', '.gpu-check/check.mjs');
const { status } = spawnSync(process.execPath, ['.gpu-check/check.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: vulkanEnv(),
});
process.exit(status ?? 1);
