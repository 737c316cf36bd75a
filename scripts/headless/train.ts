// The book's run in the browser on WebGPU (npm run train:headless): settings from the query string,
// the run itself in bookRun.ts; the result goes to window.__result for scripts/trainHeadless.mjs.
import { loadMnist, requestGpuDevice } from '../../src/index';
import { bookRun, bookRunSettings } from './bookRun';

declare global {
  interface Window {
    __result?: unknown;
  }
}

const params = new URLSearchParams(location.search);

async function run() {
  const gpu = await requestGpuDevice();
  return bookRun(
    bookRunSettings((name) => params.get(name)),
    gpu,
    await loadMnist('/mnist/'),
  );
}

run().then(
  (result) => {
    window.__result = result;
  },
  (error: Error) => {
    console.error(error);
    window.__result = { error: `${error.name}: ${error.message}` };
  },
);
