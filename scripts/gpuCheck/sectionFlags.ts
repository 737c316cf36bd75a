// gpu:check's section flags beyond --skip: --only (run just these sections: a 15-minute GPU loan
// runs `--only speedrun`) and the time-to-accuracy flags (docs/speedrun.md).

/** The time-to-accuracy sections: the book's MLP to 98%, the speedrun ConvNet to 99%. */
export const TIMED_SECTIONS = ['mlp98', 'speedrun'] as const;

/** The book's ConvNet with early stopping (earlyStopRun.ts): a long run, as the timed ones. */
export const EARLY_STOP_SECTION = 'convnetStop';

/**
 * Checks --skip's names against every section (these and the timed ones), then applies --only and
 * --quick (which leaves out the ConvNet's run and the timed recipes unless --only names them).
 * Returns an error message for an unknown name.
 */
export function applySectionFlags(
  flags: Map<string, string>,
  sections: readonly string[],
  skip: Set<string>,
): string | null {
  const all = [...sections, EARLY_STOP_SECTION, ...TIMED_SECTIONS];
  const unknown = [...skip].find((name) => !all.includes(name));
  if (unknown) return `gpu:check: --skip takes ${all.join(',')}; not ${unknown}`;
  return applyOnly(flags, all, skip, ['convnet', EARLY_STOP_SECTION, ...TIMED_SECTIONS]);
}

/**
 * Applies --only (every section it does not name is skipped) and --quick (which leaves out the long
 * runs it is given, unless --only names them). Returns an error message for an unknown name.
 */
export function applyOnly(
  flags: Map<string, string>,
  sections: readonly string[],
  skip: Set<string>,
  quickSkips: string[],
): string | null {
  const only = (flags.get('only') ?? '').split(',').filter(Boolean);
  const unknown = only.find((name) => !sections.includes(name));
  if (unknown) return `gpu:check: --only takes ${sections.join(',')}; not ${unknown}`;
  if (only.length > 0) for (const section of sections) if (!only.includes(section)) skip.add(section);
  if (flags.has('quick')) for (const s of quickSkips) if (!only.includes(s)) skip.add(s);
  return null;
}

/** --seeds N (per recipe; by default 5 on a GPU, 1 on a software adapter), --tta-target, --tta-steps, --tta-test (tests only). */
export function timedFlags(flags: Map<string, string>) {
  const number = (name: string) => (flags.has(name) ? Number(flags.get(name)) : undefined);
  return {
    seeds: number('seeds'),
    target: number('tta-target'),
    maxSteps: number('tta-steps'),
    test: number('tta-test'),
  };
}
