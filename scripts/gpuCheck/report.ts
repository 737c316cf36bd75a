// The gpu:check table: plain text, one block per section, from the JSON report.
import type { BenchRow } from '../bench/common';
import { ratio } from '../bench/ratio.mjs';
import type { CaseResult } from './conformance';
import { type EarlyStopReport, formatEarlyStop } from './earlyStopReport';

interface BookRunReport {
  error?: string;
  history?: { epoch: number; loss: number; accuracy: number; seconds: number }[];
  test?: { loss: number; accuracy: number };
  testSeconds?: number;
  trainSeconds?: number;
  judged?: boolean;
  passed?: boolean;
  threshold?: number;
  matmulVariant?: string;
}

interface Report {
  adapter?: { vendor: string; architecture: string; description: string; isFallbackAdapter: boolean };
  node?: string;
  date?: string;
  conformance?: { passed: number; failed: number; cases: CaseResult[] };
  book?: BookRunReport;
  convnet?: BookRunReport;
  convnetStop?: EarlyStopReport;
  speed?: (BenchRow & { device?: string })[];
  failures?: string[];
  passed?: boolean;
  seconds?: number;
}

const fixed = (v: number | undefined | null, digits: number) => (v == null ? '–' : v.toFixed(digits));

function columns(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
    .join('\n');
}

export function formatTable(report: Report): string {
  const out: string[] = [];
  const a = report.adapter;
  out.push(
    `GPU check: ${a ? `${a.vendor} ${a.architecture} (${a.description})${a.isFallbackAdapter ? ', a software fallback adapter (CPU)' : ''}` : 'no adapter'}, Dawn in Node ${report.node ?? ''}, ${report.date ?? ''}`,
  );
  const c = report.conformance;
  if (c) {
    out.push(
      '',
      `Conformance (kernels against their CPU references, stress repeats, training-step gradients): ${c.passed}/${c.passed + c.failed} passed`,
    );
    const byKernel = new Map<string, { ok: number; all: number; runs: number }>();
    for (const r of c.cases) {
      const k = byKernel.get(r.kernel) ?? { ok: 0, all: 0, runs: 0 };
      byKernel.set(r.kernel, { ok: k.ok + (r.ok ? 1 : 0), all: k.all + 1, runs: k.runs + r.runs });
    }
    out.push(
      columns([
        ['kernel', 'cases passed', 'GPU runs'],
        ...[...byKernel].map(([k, v]) => [k, `${v.ok}/${v.all}`, String(v.runs)]),
      ]),
    );
    for (const r of c.cases.filter((x) => !x.ok)) out.push(`  FAIL ${r.kernel}: ${r.name}: ${r.problem}`);
  }
  const runs: [string, BookRunReport | undefined][] = [
    ["The book's run (784 → 512 relu → 10 softmax, RMSprop 0.001, batch 128, seed 1)", report.book],
    [
      "The book's ConvNet (c32, p, c64, p, c64, f, d64 → 10 softmax, RMSprop 0.001, batch 64, seed 1)",
      report.convnet,
    ],
  ];
  for (const [title, b] of runs) {
    if (!b) continue;
    out.push('', title);
    if (b.error) out.push(`  failed: ${b.error}`);
    else {
      out.push(
        columns([
          ['epoch', 'loss', 'accuracy', 'seconds'],
          ...(b.history ?? []).map((h) => [
            String(h.epoch + 1),
            fixed(h.loss, 4),
            fixed(h.accuracy, 4),
            fixed(h.seconds, 1),
          ]),
        ]),
      );
      out.push(
        `  test (10,000 images): loss ${fixed(b.test?.loss, 4)}, accuracy ${fixed(b.test?.accuracy, 4)}` +
          ` (${b.judged ? (b.passed ? 'passes' : 'FAILS') : 'not judged: a shortened run'}; bar ${b.threshold ?? 0.975}); ` +
          `training ${fixed(b.trainSeconds, 1)} s, evaluation ${fixed(b.testSeconds, 2)} s, matmul ${b.matmulVariant}`,
      );
    }
  }
  out.push(...formatEarlyStop(report.convnetStop));
  const rows = report.speed ?? [];
  if (rows.length > 0) {
    out.push('', 'Speed (MLP, batch 128; ms per step = median of blocks of 10 synced steps)');
    const ok = rows.filter((r) => r.status === 'ok');
    const line = (label: string, f: (r: BenchRow) => string) => [label, ...ok.map(f)];
    if (ok.length > 0)
      out.push(
        columns([
          ['', ...ok.map((r) => r.name)],
          line('ms per step', (r) => fixed(r.stepMs, 2)),
          line('GFLOP/s (matmul FLOPs)', (r) => fixed(r.stepGflops, 1)),
          line('full epoch (469 steps), s', (r) => fixed(r.epochMs == null ? null : r.epochMs / 1000, 2)),
          line('cold first step, ms', (r) => fixed(r.coldMs, 0)),
          line('10,000 test images evaluated, ms', (r) => fixed(r.evalMs, 0)),
          line('dispatches per step', (r) => fixed(r.dispatchesPerStep, 1)),
          line('submits per step', (r) => fixed(r.submitsPerStep, 2)),
        ]),
      );
    for (const r of ok)
      out.push(`  ${r.name}: ${r.info ?? ''}${r.epochError ? `; full epoch failed: ${r.epochError}` : ''}`);
    for (const r of rows.filter((x) => x.status !== 'ok')) out.push(`  ${r.name}: ${r.status}: ${r.reason}`);
    const ours = rows.find((r) => r.name === 'ours');
    const peers = ours?.status === 'ok' ? ok.filter((r) => r !== ours) : [];
    for (const peer of peers) {
      const said = [
        [ratio(ours?.stepMs, peer.stepMs), 'per step'],
        [ratio(ours?.evalMs, peer.evalMs), 'at evaluating the test set'],
      ].filter(([r]) => r !== null);
      if (said.length > 0) out.push(`  ours vs ${peer.name}: ${said.map((s) => s.join(' ')).join(', ')}`);
    }
    if (ours?.kernelMs) {
      out.push('', `GPU time per kernel, ours (ms per step; ${ours.kernelNote})`);
      out.push(
        columns([
          ['kernel', 'ms', 'dispatches'],
          ...Object.entries(ours.kernelMs).map(([k, ms]) => [
            k,
            fixed(ms, 3),
            fixed(ours.kernelCalls?.[k], 1),
          ]),
        ]),
      );
    } else if (ours?.kernelNote) out.push(`  kernel times: ${ours.kernelNote}`);
  }
  out.push(
    '',
    report.passed
      ? `PASSED in ${fixed(report.seconds, 0)} s`
      : `FAILED: ${(report.failures ?? []).join('; ')}`,
  );
  return out.join('\n');
}
