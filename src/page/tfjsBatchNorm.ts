// Keras's BatchNormalization in TensorFlow.js's files, after a Dense layer of a Dense stack: its
// layer JSON and weight names (gamma, beta, moving_mean, moving_variance, in Keras's order) on
// export, and on import the checks and its four arrays. tfjsFormat.ts calls these.
import { fail, show } from './tfjsChecks';
import { findWeight } from './tfjsWeights';

const WEIGHT_NAMES = ['gamma', 'beta', 'moving_mean', 'moving_variance'] as const;

/** The name of the BatchNormalization after Dense layer i. */
const nameAfter = (i: number) => (i === 0 ? 'batch_normalization' : `batch_normalization_${i}`);

/** The layer JSON and manifest entries of the BatchNormalization after Dense layer i, of `units`. */
export function batchNormJson(i: number, units: number) {
  const name = nameAfter(i);
  const layer = {
    class_name: 'BatchNormalization',
    config: {
      axis: -1,
      momentum: 0.99,
      epsilon: 0.001,
      center: true,
      scale: true,
      beta_initializer: { class_name: 'Zeros', config: {} },
      gamma_initializer: { class_name: 'Ones', config: {} },
      moving_mean_initializer: { class_name: 'Zeros', config: {} },
      moving_variance_initializer: { class_name: 'Ones', config: {} },
      beta_regularizer: null,
      gamma_regularizer: null,
      beta_constraint: null,
      gamma_constraint: null,
      name,
      trainable: true,
      dtype: 'float32',
    },
  };
  const manifest = WEIGHT_NAMES.map((w) => ({ name: `${name}/${w}`, shape: [units], dtype: 'float32' }));
  return { layer, manifest };
}

/**
 * The four arrays of an imported BatchNormalization after a Dense layer of `units`; refuses,
 * naming the layer, one this app cannot run as Keras's default (last axis, epsilon 1e-3, with its
 * scale and centre).
 */
export function batchNormWeights(
  config: Record<string, unknown>,
  name: string,
  units: number | undefined,
  weights: Map<string, Float32Array>,
): Float32Array[] {
  if (units === undefined) fail(`Layer ${name} (BatchNormalization) must follow a Dense layer.`);
  const axis = Array.isArray(config.axis) ? config.axis : [config.axis ?? -1];
  if (axis.length !== 1 || (axis[0] !== -1 && axis[0] !== 1))
    fail(`Layer ${name} normalises axis ${show(config.axis)}; only the last axis is supported.`);
  if (config.epsilon !== undefined && Math.abs((config.epsilon as number) - 1e-3) > 1e-9)
    fail(`Layer ${name} has epsilon ${show(config.epsilon)}; only Keras's default 0.001 is supported.`);
  if (config.center === false || config.scale === false)
    fail(`Layer ${name} has no beta or gamma; only BatchNormalization with both is supported.`);
  return WEIGHT_NAMES.map((w) => {
    const values = findWeight(weights, name, w);
    if (!values) fail(`The weights have no ${w} for layer ${name}.`);
    if (values.length !== units) fail(`The ${w} of layer ${name} has ${values.length} values, not ${units}.`);
    return values;
  });
}
