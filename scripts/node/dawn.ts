// WebGPU in Node: Dawn's binding (the npm package `webgpu`, the implementation Chrome uses) installed
// as navigator.gpu, so the engine runs unchanged. DAWN_NODE_PATH names dawn.node where there is no
// node_modules (the GPU pack); the Vulkan loader and driver come from the environment (see run.sh).
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';

interface DawnModule {
  create(flags: string[]): GPU;
  globals: Record<string, unknown>;
}

/** Loads dawn.node, puts its GPU* globals and navigator.gpu in place; returns dawn.node's path. */
export function installDawn(flags: string[] = []): string {
  const require = createRequire(import.meta.url);
  const path =
    process.env.DAWN_NODE_PATH ||
    join(
      dirname(require.resolve('webgpu/package.json')),
      'dist',
      `${process.platform}-${process.arch}`,
      'dawn.node',
    );
  const dawn = require(path) as DawnModule;
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create(flags);
  // Node 20 has no navigator; Node 21+ has one without gpu. Either way, ours replaces it.
  Object.defineProperty(globalThis, 'navigator', {
    value: { gpu, userAgent: `Node.js ${process.version} (Dawn)`, hardwareConcurrency: cpus().length },
    configurable: true,
    writable: true,
  });
  return path;
}
