// Types for scripts/bench/timeToReport.mjs.
import type { TimeToSide } from './timeTo';

export function formatTimeTo(timeTo: { target: number; ours: TimeToSide; wasm: TimeToSide }): string[];
