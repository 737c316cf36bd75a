// The Code view writes Dropout (and weight regularization) as Keras, TF.js and PyTorch spell them.
import { describe, expect, it } from 'vitest';
import { defaultRunName } from '../../src/page/liveRun';
import { kerasProgram } from '../../src/page/programs/kerasProgram';
import { tfjsProgram } from '../../src/page/programs/tfjsProgram';
import { torchProgram } from '../../src/page/programs/torchProgram';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

const dropout = { ...DEFAULT_SETTINGS, model: 'convnet' as const, layers: 'c8,p,dr0.25,f,d16,dr0.5' };

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
    expect(defaultRunName(dropout, new Date(0))).toContain('ConvNet c8,p,dr0.25,f,d16,dr0.5,');
  });
});
