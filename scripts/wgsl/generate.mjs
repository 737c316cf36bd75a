// npm run generate:wgsl: writes every generated shader into shaders/. The unit test
// tests/project/generatedShaders.test.ts regenerates them in memory and fails if shaders/ differs.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { conv2dShaders } from './conv2d.mjs';
import { matmulRegisterShaders } from './matmulRegister.mjs';

/** File name in shaders/ -> its text. */
export function generatedShaders() {
  return { ...matmulRegisterShaders(), ...conv2dShaders() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = new URL('../../shaders/', import.meta.url);
  for (const [file, text] of Object.entries(generatedShaders())) writeFileSync(new URL(file, dir), text);
  console.log(`wrote shaders/${Object.keys(generatedShaders()).join(', ')}`);
}
