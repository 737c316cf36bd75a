// npm run train:headless [-- --epochs 5 --batch 128 --lr 0.001 --hidden 512 --seed 1 --train 60000]
// [--augment 1] (train on shifted, rotated and scaled images) [--validate 1] (test set after each epoch)
// [--my-digits 1] (with --my-digits-figures: mix the user's training digits into every batch)
// [--optimizer sgd|rmsprop|adam] (Keras's default rate for it unless --lr is given)
// [--momentum 0.9] [--nesterov 1] (SGD's momentum, and Nesterov's form of it; with --optimizer sgd)
// [--validation 10000] (the last N training images held out, measured after each epoch; test at the end)
// [--patience 1] (early stopping on the held-out loss, back to the best epoch's weights)
// or [-- --model convnet --layers c32,p,c64,p,c64,f,d64] (the book's ConvNet, batch 64 by default)
// Trains the book's model on WebGPU in headless Chromium and prints per-epoch and test figures.
// With --runtime node, the same run in Node on Dawn (scripts/node/train.ts, bundled by esbuild).
// With --drawn-digits, in Node on Dawn: the run without and with augmentation, and how well each
// reads the hand-drawn digits of tests/fixtures/ (scripts/node/drawnDigits.ts). With --handwriting,
// in Node on Dawn: the run once, reading those digits after each epoch through each preprocessing
// (scripts/node/handwriting.ts). With --my-digits-figures, in Node on Dawn: those digits split into
// training and test drawings, the run without them, with "my digits too" (--my-digits 1 on any run)
// and after a fine-tune (scripts/node/myDigits.ts).
// (scripts/node/handwriting.ts). With --overfitting, in Node on Dawn: the "Fight overfitting" preset's
// runs, each's best and last validation loss (scripts/node/overfitting.ts).
import { spawnSync } from 'node:child_process';
import { runPage } from './headless/browser.mjs';
import { bundle } from './node/bundle.mjs';
import { vulkanEnv } from './node/vulkanEnv.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--runtime');
const runtime = at >= 0 ? args.splice(at, 2)[1] : 'chromium';
const nodeEntries = {
  '--drawn-digits': 'drawnDigits',
  '--handwriting': 'handwriting',
  '--my-digits-figures': 'myDigits',
  '--overfitting': 'overfitting',
};
const entryFlag = Object.keys(nodeEntries).find((name) => args.includes(name));
if (entryFlag) args.splice(args.indexOf(entryFlag), 1);

if (runtime === 'node' || entryFlag) {
  const entry = entryFlag ? nodeEntries[entryFlag] : 'train';
  await bundle(`scripts/node/${entry}.ts`, `.gpu-check/${entry}.mjs`);
  const { status } = spawnSync(process.execPath, [`.gpu-check/${entry}.mjs`, ...args], {
    stdio: 'inherit',
    env: vulkanEnv(),
  });
  process.exit(status ?? 1);
} else if (runtime !== 'chromium') {
  console.error(`train:headless: --runtime is chromium (the default) or node, not ${runtime}`);
  process.exit(2);
}

const query = new URLSearchParams();
for (let i = 0; i < args.length; i += 2) query.set(args[i].replace(/^--/, ''), args[i + 1]);
const result = await runPage(`/scripts/headless/train.html?${query}`);
if (result.error) {
  console.error(`train:headless failed: ${result.error}`);
  process.exit(1);
}
console.log(JSON.stringify(result, null, 2));
