// How sure the network is, said honestly: a softmax output rounds to "100%" long before it is 1.

/** The reading's certainty: "> 99.9%", "99.4%" (one decimal from 99%), "87%", "< 0.1%". */
export function formatCertainty(p: number): string {
  if (p >= 0.9995) return '> 99.9%';
  if (p >= 0.99) return `${(Math.floor(p * 1000) / 10).toFixed(1)}%`;
  if (p > 0 && p < 0.001) return '< 0.1%';
  return `${Math.round(p * 100)}%`;
}

/**
 * A bar's label, in percent without the sign (the bars say "in %"), three characters at most so that
 * ten of them fit side by side: ">99", "87", "<1", "0".
 */
export function formatBarPercent(p: number): string {
  if (p >= 0.995) return '>99';
  if (p > 0 && p < 0.005) return '<1';
  return String(Math.round(p * 100));
}
