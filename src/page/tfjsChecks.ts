// What the TensorFlow.js importer trusts of a file: nothing. The checks its parts share
// (tfjsFormat.ts, tfjsWeights.ts), each failing with the importer's own error and a message that
// names the field, whatever the file holds.

/** Thrown for a file this app cannot use; the message says what is unsupported or wrong. */
export class ModelFormatError extends Error {
  override name = 'ModelFormatError';
}

export function fail(message: string): never {
  throw new ModelFormatError(message);
}

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** A JSON value as a short string for a message (a hostile file may put anything anywhere). */
export function show(x: unknown): string {
  if (typeof x === 'string') return x.slice(0, 60);
  try {
    return (JSON.stringify(x) ?? String(x)).slice(0, 60);
  } catch {
    return Array.isArray(x) ? 'a list' : typeof x;
  }
}

/** Own properties only: "__proto__" or "constructor" must not find what every object inherits. */
export const own = <T>(table: Record<string, T>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;

/** A shape of whole numbers of at least 1 (a negative or fractional one would move read offsets). */
export function checkShape(shape: unknown, what: string): number[] {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 1))
    fail(`The shape of ${what} is ${show(shape)}; a shape is a list of whole numbers of at least 1.`);
  return shape as number[];
}

/**
 * Lists and objects nested deeper than this are refused: a model.json nests about 10 levels (a
 * converted Keras model's inbound nodes included), and anything that walks a tree recursively
 * (JSON.stringify in a message) would overflow the stack on one nested a million levels.
 */
export const MAX_JSON_DEPTH = 100;

/** Refuses a parsed JSON value nested deeper than MAX_JSON_DEPTH; walks it without recursion. */
export function checkDepth(root: unknown): void {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_JSON_DEPTH)
      fail(`model.json is nested more than ${MAX_JSON_DEPTH} levels deep; no model description is.`);
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}
