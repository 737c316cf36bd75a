// Model files the user chooses, in TensorFlow.js's format: a chosen model.json and its weights file(s)
// read with their sizes checked before a byte is read. The format itself is tfjsFormat.ts's; the
// downloads are modelDownloads.ts's.
import type { DenseSpec, DenseStack } from '../protocol/protocol';
import { fromTfjs, importTooLarge, MAX_IMPORT_BYTES, MODEL_FILE } from './tfjsFormat';

/** model.json describes layers; its weights are in the other files. */
const MAX_MODEL_JSON_BYTES = 16e6;

/** An imported model as the page names and draws it: it has no settings to draw the network from. */
export interface ImportedModel {
  name: string;
  imported: { inputDim: number; layers: DenseSpec[] };
}

/**
 * model.json plus its weights file(s), chosen together, as a stack the worker can run. Throws, saying
 * why, for anything else; gigabytes are refused before they are read (they would be held several
 * times over).
 */
export async function readModelFiles(files: File[]): Promise<{ stack: DenseStack; model: ImportedModel }> {
  const json = files.find((f) => f.name.endsWith('.json'));
  if (!json) throw new Error(`Choose ${MODEL_FILE} together with its weights file (.bin).`);
  const size = files.reduce((n, file) => n + (file === json ? 0 : file.size), 0);
  if (size > MAX_IMPORT_BYTES) throw new Error(importTooLarge(size));
  if (json.size > MAX_MODEL_JSON_BYTES)
    throw new Error(`${json.name} is larger than a model description can be.`);
  const buffers = new Map<string, ArrayBuffer>();
  for (const file of files) if (file !== json) buffers.set(file.name, await file.arrayBuffer());
  const stack = fromTfjs(await json.text(), buffers);
  const widths = [stack.inputDim, ...stack.layers.map((l) => l.units)].join(' → ');
  return {
    stack,
    model: { name: `${json.name} (${widths})`, imported: { inputDim: stack.inputDim, layers: stack.layers } },
  };
}
