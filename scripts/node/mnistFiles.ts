// MNIST in Node: the same loadMnist as the app, reading public/mnist/ (or the pack's copy) from disk
// through a fetch that answers file:// URLs.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { loadMnist, type Mnist } from '../../src/index';

const fileFetch = (async (url: string | URL | Request) => {
  const href = url instanceof Request ? url.url : String(url);
  try {
    return new Response(await readFile(new URL(href)));
  } catch {
    return new Response(null, { status: 404 });
  }
}) as typeof fetch;

export function loadMnistFiles(dir: string): Promise<Mnist> {
  return loadMnist(pathToFileURL(dir).href, undefined, { fetch: fileFetch });
}
