// A Dense stack (architecture + weights) as a model: what import reads. Generic over the layer list,
// so an imported model need not be the app's 784-h-10. (Export: exportedModel.ts.)
import type { Backend } from '../backend/backend';
import { BatchNormalization } from '../nn/batchNormalization';
import { Dense } from '../nn/dense';
import type { Layer } from '../nn/layer';
import { rmsprop } from '../nn/rmsprop';
import { Sequential } from '../nn/sequential';
import type { DenseStack } from '../protocol/protocol';

/** A compiled model with the stack's layers and weights on `backend` (RMSprop at Keras's default rate). */
export function modelFromStack(backend: Backend, stack: DenseStack): Sequential {
  const model = new Sequential(
    stack.layers.flatMap((l, i): Layer[] => {
      const inputShape: [number] | undefined = i === 0 ? [stack.inputDim] : undefined;
      const dense = new Dense(l.units, { activation: l.activation, inputShape });
      return l.batchNormAfter ? [dense, new BatchNormalization()] : [dense];
    }),
  );
  model.compile({ backend, optimizer: rmsprop({ learningRate: 0.001 }), loss: 'categoricalCrossentropy' });
  model.setWeights(stack.weights);
  return model;
}
