// The Code view writes Dropout (and weight regularization) as Keras, TF.js and PyTorch spell them.
import { describe, expect, it } from 'vitest';
import { defaultRunName } from '../../src/page/liveRun';
import { kerasProgram } from '../../src/page/programs/kerasProgram';
import { tfjsProgram } from '../../src/page/programs/tfjsProgram';
import { torchProgram } from '../../src/page/programs/torchProgram';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

const l2 = { ...DEFAULT_SETTINGS, model: 'convnet' as const, layers: 'c8:l1=1e-5:l2=1e-3,p,f,d16:l2=0.01' };
const dropout = { ...DEFAULT_SETTINGS, model: 'convnet' as const, layers: 'c8,p,dr0.25,f,d16,dr0.5' };

describe('L1 and L2 in the Code view', () => {
  it("is Keras's kernel_regularizer, TF.js's kernelRegularizer, a penalty added to PyTorch's loss", () => {
    const keras = kerasProgram(l2);
    expect(keras).toContain('from keras import layers, regularizers');
    expect(keras).toContain(
      'layers.Conv2D(8, (3, 3), activation="relu", kernel_regularizer=regularizers.L1L2(l1=0.00001, l2=0.001)),',
    );
    expect(keras).toContain('layers.Dense(16, activation="relu", kernel_regularizer=regularizers.L2(0.01)),');
    expect(keras).toContain('Dense(16, relu, L2 0.01)');
    const tfjs = tfjsProgram(l2);
    expect(tfjs).toContain('kernelRegularizer: tf.regularizers.l1l2({ l1: 0.00001, l2: 0.001 })');
    expect(tfjs).toContain('kernelRegularizer: tf.regularizers.l2({ l2: 0.01 })');
    const torch = torchProgram(l2);
    expect(torch).toContain('PENALTIES = [(0, 0.00001, 0.001), (4, 0.0, 0.01)]');
    expect(torch).toContain('loss = nn.functional.cross_entropy(logits, y) + penalty(model)');
    expect(torchProgram(dropout)).not.toContain('penalty');
  });
});

describe('Dropout in the Code view', () => {
  it('is layers.Dropout in Keras, tf.layers.dropout in TF.js, nn.Dropout in PyTorch', () => {
    const keras = kerasProgram(dropout);
    expect(keras).toContain('        layers.Dropout(0.25),\n        layers.Flatten(),');
    expect(keras).toContain('layers.Dense(16, activation="relu"),\n        layers.Dropout(0.5),');
    expect(keras).toContain('Dropout(0.25) → Flatten');
    expect(tfjsProgram(dropout)).toContain('model.add(tf.layers.dropout({ rate: 0.5 }));');
    expect(torchProgram(dropout)).toContain('nn.Dropout(0.5)');
  });

  it("is in the run's name, as the layers' URL form", () => {
    expect(defaultRunName(l2, new Date(0))).toContain('ConvNet c8:l1=1e-5:l2=1e-3,p,f,d16:l2=0.01,');
    expect(defaultRunName(dropout, new Date(0))).toContain('ConvNet c8,p,dr0.25,f,d16,dr0.5,');
  });
});
