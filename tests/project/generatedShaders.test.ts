// The generated shaders in shaders/ are what their generators write today (npm run generate:wgsl).
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generatedShaders } from '../../scripts/wgsl/generate.mjs';

test.each(Object.entries(generatedShaders()))('shaders/%s matches its generator', (file, text) => {
  const committed = readFileSync(new URL(`../../shaders/${file}`, import.meta.url), 'utf8');
  expect(committed, `shaders/${file} differs: run npm run generate:wgsl`).toBe(text);
});
