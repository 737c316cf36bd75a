// SGD's flags of train:headless and gpu:check (--momentum 0.9, --nesterov 1), checked as the app
// checks its link: a bad one stops the run with a message that names the flag.
import type { OptimizerKind } from '../../src/nn/optimizer';

/** --momentum and --nesterov, checked: SGD's alone, momentum in [0, 1), Nesterov 1 or 0 and only with momentum. */
export function sgdFlags(
  get: (name: string) => string | null | undefined,
  optimizer: OptimizerKind,
): { momentum: number; nesterov: boolean } {
  const momentumFlag = get('momentum');
  const nesterovFlag = get('nesterov');
  if (momentumFlag == null && nesterovFlag == null) return { momentum: 0, nesterov: false };
  if (optimizer !== 'sgd')
    throw new Error(`--momentum and --nesterov are SGD's options: add --optimizer sgd (not ${optimizer})`);
  const momentum = Number(momentumFlag ?? 0);
  if (momentumFlag?.trim() === '' || !(momentum >= 0 && momentum < 1))
    throw new Error(`--momentum is a number at least 0 and below 1, not ${momentumFlag}`);
  if (![null, undefined, '0', '1', 'false', 'true'].includes(nesterovFlag))
    throw new Error(`--nesterov is 1 (on) or 0 (off), not ${nesterovFlag}`);
  const nesterov = nesterovFlag === '1' || nesterovFlag === 'true';
  if (nesterov && momentum === 0)
    throw new Error('--nesterov 1 needs a --momentum above 0 (for example 0.9)');
  return { momentum, nesterov };
}
