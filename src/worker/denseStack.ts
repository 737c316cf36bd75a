// A model as a plain Dense stack (architecture + weights) and back: what export writes and import
// reads. Generic over the layer list, so a saved or imported model need not be the app's 784-h-10.
import type { Backend } from '../backend/backend';
import { Dense } from '../nn/dense';
import { rmsprop } from '../nn/rmsprop';
import { Sequential } from '../nn/sequential';
import type { DenseStack } from '../protocol/protocol';

/** The stack a compiled model holds now (its weights are read off the device). */
export async function stackOf(model: Sequential): Promise<DenseStack> {
  const layers = model.layers.map((l) => {
    if (!(l instanceof Dense))
      throw new Error(`Export writes Dense stacks only, and this model has a ${l.kind} layer.`);
    return { units: l.units, activation: l.activation };
  });
  return { inputDim: model.inputDim, layers, weights: await model.getWeights() };
}

/** A compiled model with the stack's layers and weights on `backend` (RMSprop at Keras's default rate). */
export function modelFromStack(backend: Backend, stack: DenseStack): Sequential {
  const model = new Sequential(
    stack.layers.map(
      (l, i) =>
        new Dense(l.units, { activation: l.activation, inputShape: i === 0 ? [stack.inputDim] : undefined }),
    ),
  );
  model.compile({ backend, optimizer: rmsprop({ learningRate: 0.001 }), loss: 'categoricalCrossentropy' });
  model.setWeights(stack.weights);
  return model;
}
