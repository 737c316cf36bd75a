// Turns the bench page's result into the table and the ratio lines that npm run bench prints.
import { ratio } from './ratio.mjs';
import { formatTimeTo } from './timeToReport.mjs';

const fixed = (digits) => (value) => (value === undefined ? '-' : value.toFixed(digits));
const ms = fixed(0);

function columns(blockSteps) {
  const stepCell = (r) => {
    if (r.stepMs === undefined) return '-';
    const [min, max] = [Math.min(...r.blockMs) / blockSteps, Math.max(...r.blockMs) / blockSteps];
    return `${r.stepMs.toFixed(1)} (${min.toFixed(1)}-${max.toFixed(1)})`;
  };
  return [
    ['backend', (r) => r.name],
    ['init ms', (r) => ms(r.initMs)],
    ['cold 1st step ms', (r) => ms(r.coldMs)],
    ['ms/step median (min-max)', stepCell],
    ['GFLOP/s', (r) => fixed(2)(r.stepGflops)],
    ['epoch s', (r) => (r.epochError ? 'failed' : fixed(1)(r.epochMs && r.epochMs / 1000))],
    ['eval 10k ms', (r) => ms(r.evalMs)],
    ['test acc', (r) => fixed(4)(r.testAccuracy)],
    ['last loss', (r) => fixed(4)(r.lastBlockLoss)],
  ];
}

function table(result) {
  const cols = columns(result.settings.blockSteps);
  const ok = result.rows.filter((r) => r.status === 'ok').map((r) => cols.map(([, cell]) => cell(r)));
  const widths = cols.map(([title], i) => Math.max(title.length, ...ok.map((cells) => cells[i].length)));
  const pad = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const lines = [pad(cols.map(([title]) => title)), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of result.rows) {
    if (row.status === 'ok') lines.push(pad(cols.map(([, cell]) => cell(row))));
    else lines.push(`${row.name.padEnd(widths[0])}  ${row.status}: ${row.reason}`);
  }
  return lines;
}

function method(result) {
  const { steps, warmup, blockSteps, batch, budgetSeconds } = result.settings;
  const timed = result.rows.filter((r) => r.blockMs).map((r) => `${r.name} ${r.blockMs.length}`);
  return [
    `model: ${result.settings.model === 'convnet' ? "the book's ConvNet (chapter 5 of the first edition, chapter 8 of the third)" : "the book's MLP (chapter 2)"}, the same layers in every engine`,
    `ms/step: median block / ${blockSteps}; a block is one fit() over ${blockSteps * batch} images (batch ${batch})`,
    `  ended by a sync; up to ${Math.ceil(steps / blockSteps)} blocks after ${warmup} warm-up steps, past the first 3`,
    `  only while the blocks so far took under ${budgetSeconds} s (blocks timed: ${timed.join(', ')}).`,
    `GFLOP/s: ${(result.stepFlops / 1e6).toFixed(2)} MFLOP per step = ${result.stepFlopsFormula}`,
    result.settings.model === 'convnet'
      ? '  (multiply-adds of the convolutions and dense layers only) / ms per step.'
      : '  (matmul FLOPs only; no engine computes the gradient of the input images) / ms per step.\n' +
        '  Dense-equivalent for ours: it skips the zero pixels (about 80% of MNIST) in the first layer.',
    'init: device creation (ours) or tf.setBackend + tf.ready (TF.js).',
    'cold: model creation + compile to the end of the first step, synced; ours after its warm-up (below).',
    'eval: evaluate() on the 10,000 test images in batches of 1000, after a warm-up on 1000 of them.',
  ];
}

function ratios(result) {
  const ours = result.rows.find((r) => r.name === 'ours' && r.status === 'ok');
  const peers = result.rows.filter((r) => r.name !== 'ours' && r.status === 'ok');
  if (!ours) return [];
  return peers.map((peer) => {
    const parts = [
      [ratio(ours.stepMs, peer.stepMs), 'per step'],
      [ratio(ours.coldMs, peer.coldMs), 'to the first step'],
      [ratio(ours.evalMs, peer.evalMs), 'at evaluation'],
      [ratio(ours.epochMs, peer.epochMs), 'per full epoch'],
    ].filter(([text]) => text);
    return `ours vs ${peer.name}: ${parts.map((p) => p.join(' ')).join(', ')}`;
  });
}

function kernels(row) {
  if (!row.kernelMs) return [`${row.name}: per-kernel times: ${row.kernelNote}`];
  const total = Object.values(row.kernelMs).reduce((a, b) => a + b, 0);
  const lines = [`${row.name}: ${row.kernelNote}; total ${total.toFixed(1)} ms`];
  for (const [kernel, time] of Object.entries(row.kernelMs)) {
    const share = `${((100 * time) / total).toFixed(0)}%`.padStart(4);
    const calls = row.kernelCalls[kernel];
    lines.push(`  ${kernel.padEnd(14)} ${time.toFixed(2).padStart(8)} ms ${share}  ${calls} dispatches`);
  }
  return lines;
}

function notes(result) {
  const lines = [];
  for (const row of result.rows) {
    if (row.info) lines.push(`${row.name}: ${row.info}`);
    if (row.tuneMs !== undefined)
      lines.push(
        `${row.name}: warm-up (matmul tuning + compiling every pipeline; the app runs it while the data downloads) took ${ms(row.tuneMs)} ms before the cold step`,
      );
    if (row.epochError) lines.push(`${row.name}: full epoch failed: ${row.epochError}`);
    if (row.name === 'ours' && row.status === 'ok') lines.push(...kernels(row));
  }
  return lines;
}

export function formatReport(result) {
  const sections = [table(result), method(result), ratios(result), notes(result)];
  if (result.timeTo) sections.push(formatTimeTo(result.timeTo));
  return sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}
