// Keras's kernel_regularizer in the PyTorch program: PyTorch has no per-layer regularizer (its
// optimizers' weight_decay is another thing for Adam, and covers the biases), so the program adds
// l1·Σ|w| + l2·Σw² of each regularized layer's weight to the loss, as Keras does, in training and
// in evaluation.
import type { ExportedLayer } from '../../protocol/models';
import type { Settings } from '../../protocol/settings';
import { pythonFloat } from './kerasProgram';
import { describeRun } from './runDescription';
import { torchModules } from './torchModules';

/** [module index, l1, l2] of each regularized layer of the program's nn.Sequential. */
export function torchPenalties(
  settings: Settings,
  inputShape: number[],
  layers: ExportedLayer[],
): [number, number, number][] {
  const weighted = describeRun(settings).hidden.flatMap((s) =>
    s.kind === 'conv' || s.kind === 'dense' ? [[s.l1 ?? 0, s.l2 ?? 0]] : [],
  );
  const indexes = torchModules(inputShape, layers).flatMap((m, i) => (m.weights ? [i] : []));
  return weighted.flatMap(([l1, l2], k) =>
    l1 || l2 ? [[indexes[k], l1, l2] as [number, number, number]] : [],
  );
}

/** The penalty() function, or nothing when no layer is regularized. */
export function penaltyFunction(penalties: [number, number, number][]): string[] {
  if (penalties.length === 0) return [];
  const rows = penalties.map(([i, l1, l2]) => `(${i}, ${pythonFloat(l1)}, ${pythonFloat(l2)})`);
  return [
    "# Keras's kernel_regularizer: (module index, l1, l2) of each regularized layer of build_model().",
    `PENALTIES = [${rows.join(', ')}]`,
    '',
    '',
    'def penalty(model):',
    '    """l1·Σ|w| + l2·Σw² over the regularized layers\' weights: what Keras adds to the loss."""',
    '    return sum(l1 * model[i].weight.abs().sum() + l2 * model[i].weight.square().sum() for i, l1, l2 in PENALTIES)',
    '',
    '',
  ];
}
