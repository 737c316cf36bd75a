// Makes public/mnist/ when it is missing, before the dev server or the build needs it: an install
// with --ignore-scripts skips the postinstall data step, and the build would then fail on a missing
// manifest.
import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';
import { manifestPath, prepareData } from './prepareData.mjs';

export function dataPlugin(): Plugin {
  return {
    name: 'digits-data',
    async buildStart() {
      if (!existsSync(manifestPath)) await prepareData((line: string) => this.info(line));
    },
  };
}
