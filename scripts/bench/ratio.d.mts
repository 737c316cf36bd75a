// Types for scripts/bench/ratio.mjs.
export function ratio(ours: number | null | undefined, peer: number | null | undefined): string | null;
