// The Speedrun preset's best time on each adapter, kept in localStorage (one small JSON object).
// Only full runs of the recipe count; a damaged entry is ignored, never fatal.

const KEY = 'digits-speedrun-best';

export interface BestTime {
  seconds: number;
  /** When it was set, ISO 8601. */
  date: string;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

function readAll(storage: KeyValue): Record<string, BestTime> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const valid = Object.entries(parsed as Record<string, unknown>).filter(
      ([, v]) =>
        !!v &&
        typeof v === 'object' &&
        typeof (v as BestTime).seconds === 'number' &&
        (v as BestTime).seconds > 0 &&
        typeof (v as BestTime).date === 'string',
    );
    return Object.fromEntries(valid) as Record<string, BestTime>;
  } catch {
    return {};
  }
}

export function bestTime(storage: KeyValue, adapter: string): BestTime | null {
  return readAll(storage)[adapter] ?? null;
}

/** Keeps `seconds` when it beats the adapter's best; returns the best now and whether this run set it. */
export function keepIfBest(
  storage: KeyValue,
  adapter: string,
  seconds: number,
  date: string,
): { best: BestTime; improved: boolean } {
  const all = readAll(storage);
  const old = all[adapter];
  if (old && old.seconds <= seconds) return { best: old, improved: false };
  const best = { seconds, date };
  try {
    storage.setItem(KEY, JSON.stringify({ ...all, [adapter]: best }));
  } catch {
    // Storage full or denied: the time is still shown, just not kept.
  }
  return { best, improved: true };
}
