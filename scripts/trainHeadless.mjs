// npm run train:headless [-- --epochs 5 --batch 128 --lr 0.001 --hidden 512 --seed 1 --train 60000]
// or [-- --model convnet --layers c32,p,c64,p,c64,f,d64] (the book's ConvNet, batch 64 by default)
// Trains the book's model on WebGPU in headless Chromium and prints per-epoch and test figures.
import { runPage } from './headless/browser.mjs';

const query = new URLSearchParams();
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) query.set(args[i].replace(/^--/, ''), args[i + 1]);
const result = await runPage(`/scripts/headless/train.html?${query}`);
if (result.error) {
  console.error(`train:headless failed: ${result.error}`);
  process.exit(1);
}
console.log(JSON.stringify(result, null, 2));
