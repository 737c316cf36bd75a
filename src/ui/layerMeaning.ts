// What each layer of the network picture computes, in a sentence, and which unit of a layer's
// picture sits under the pointer: what the picture shows on hover or focus.
import { activationLayout } from './network';

const count = (n: number) => n.toLocaleString('en-US');
const shapeText = (shape: number[]) => `(${shape.join(', ')})`;
const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * "Dense(512, relu): each of its 512 units adds up the 784 numbers before it, each times its own
 * weight, plus a bias, and keeps the sum if positive (ReLU). In (784) → out (512)."
 */
export function explainLayer(name: string, inputShape: number[], shape: number[]): string {
  const inputs = count(size(inputShape));
  const io = `In ${shapeText(inputShape)} → out ${shapeText(shape)}.`;
  const units = count(size(shape));
  let what: string;
  if (name.startsWith('Dense') && name.includes('softmax'))
    what = `each of its ${units} units adds up the ${inputs} numbers before it, each times its own weight, plus a bias; softmax turns the ${units} sums into probabilities that add up to 100%.`;
  else if (name.startsWith('Dense'))
    what = `each of its ${units} units adds up the ${inputs} numbers before it, each times its own weight, plus a bias, and keeps the sum if positive (ReLU).`;
  else if (name.startsWith('Conv2D'))
    what = `${count(shape[2] ?? 0)} filters of 3×3 weights slide over the ${count(inputShape[2] ?? 1)} input map(s); each makes a map of where its pattern appears (negative values become 0: ReLU).`;
  else if (name.startsWith('MaxPooling2D'))
    what = 'keeps the largest value of each 2×2 patch of every map: half as wide, half as tall.';
  else if (name === 'Flatten')
    what = `lays the maps out as one row of ${units} numbers for the Dense layer after it.`;
  else what = 'a layer of the network.';
  return `${name}: ${what} ${io}`;
}

/**
 * The index of the value drawn at canvas cell (x, y) in a layer's picture (activationLayout), or
 * null for a gap between maps or a cell past the last unit.
 */
export function unitAtCell(shape: number[], x: number, y: number): number | null {
  const { width, height, at } = activationLayout(shape);
  if (x < 0 || y < 0 || x >= width || y >= height) return null;
  if (shape.length === 3) {
    const [mapHeight, mapWidth, channels] = shape;
    const cols = Math.ceil(Math.sqrt(channels));
    const [tileX, inX] = [Math.floor(x / (mapWidth + 1)), x % (mapWidth + 1)];
    const [tileY, inY] = [Math.floor(y / (mapHeight + 1)), y % (mapHeight + 1)];
    if (inX === mapWidth || inY === mapHeight) return null;
    const channel = tileY * cols + tileX;
    if (tileX >= cols || channel >= channels) return null;
    const index = (inY * mapWidth + inX) * channels + channel;
    return at(index)[0] === x && at(index)[1] === y ? index : null;
  }
  const index = y * width + x;
  return index < size(shape) ? index : null;
}

/** "Unit 17 of 512: 2.31" or, for a map, "Map 3, row 5, column 8: 0.42". */
export function describeUnit(shape: number[], index: number, value: number | null): string {
  const reading = value === null ? 'draw a digit to see its value' : value.toFixed(2);
  if (shape.length === 3) {
    const [, width, channels] = shape;
    const channel = index % channels;
    const x = Math.floor(index / channels) % width;
    const y = Math.floor(index / channels / width);
    return `Map ${channel + 1}, row ${y + 1}, column ${x + 1}: ${reading}`;
  }
  return `Unit ${index + 1} of ${count(size(shape))}: ${reading}`;
}
