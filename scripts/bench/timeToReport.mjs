// The lines npm run bench -- --time-to prints: each side's time to 98% (or its miss), its warm-up
// apart, and ours against TF.js wasm as a ratio of times (tests/project/benchTimeTo.test.ts).
import { ratio } from './ratio.mjs';

const seconds = (s) => `${s.toFixed(1)} s`;

function side(s, target) {
  if (s.status !== 'ok') return `${s.name}: ${s.status}: ${s.reason}`;
  const warm = s.warmUpSeconds === undefined ? '' : `, warm-up ${seconds(s.warmUpSeconds)} apart`;
  const epochs = s.run.evaluations.map((e) => `${(e.accuracy * 100).toFixed(2)}%`).join(', ');
  if (s.run.seconds === null)
    return `${s.name}: MISS, ${target * 100}% not reached in ${s.run.evaluations.length} epochs (${epochs})${warm}`;
  return `${s.name}: ${seconds(s.run.seconds)} to ${target * 100}% (after ${s.run.evaluations.length} epochs: ${epochs})${warm}`;
}

export function formatTimeTo(timeTo) {
  const { target, ours, wasm } = timeTo;
  const time = (s) => (s.status === 'ok' ? s.run.seconds : null);
  const verdict = ratio(time(ours), time(wasm));
  return [
    `time to ${target * 100}%, the book's MLP (RMSprop 0.001, batch 128, evaluated on the 10,000 test images at each epoch's end):`,
    `  ${side(ours, target)}`,
    `  ${side(wasm, target)}`,
    verdict
      ? `  ours vs tfjs-wasm: ${verdict} to ${target * 100}% (${(time(ours) / time(wasm)).toFixed(2)} ours/wasm), same machine, same run`
      : '  ours vs tfjs-wasm: no ratio (a side has no time to the target)',
  ];
}
