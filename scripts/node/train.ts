// npm run train:headless -- --runtime node [the same flags as the Chromium run]: the book's run in
// Node on Dawn, printing the same lines and the same JSON result.
import './installDawn';
import { requestGpuDevice } from '../../src/index';
import { bookRun, bookRunSettings } from '../headless/bookRun';
import { loadMnistFiles } from './mnistFiles';

// Flags as the Chromium run takes them (--name value pairs), plus --data (the MNIST folder).
const args = process.argv.slice(2);
const flags = new Map<string, string>();
for (let i = 0; i < args.length; i += 2) flags.set(args[i].replace(/^--/, ''), args[i + 1]);
const flag = (name: string) => flags.get(name) ?? null;

try {
  const gpu = await requestGpuDevice();
  const result = await bookRun(
    bookRunSettings(flag),
    gpu,
    await loadMnistFiles(flag('data') ?? process.env.MNIST_DIR ?? 'public/mnist'),
  );
  console.log(JSON.stringify(result, null, 2));
  gpu.device.destroy();
  process.exit(0);
} catch (error) {
  console.error(
    `train:headless (node) failed: ${error instanceof Error ? `${error.name}: ${error.message}` : error}`,
  );
  process.exit(1);
}
