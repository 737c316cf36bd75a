// The runs whose programs the Code view writes, in the tests: the book's runs, small and odd ones,
// every optimizer and layer kind, augmentation. tests/page parses each program; tests/torch runs
// each PyTorch program.
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/settings';

export const RUNS: [string, Settings][] = [
  ['the book run', DEFAULT_SETTINGS],
  ['a small, fast run', { ...DEFAULT_SETTINGS, hidden: 32, train: 1000, epochs: 1, learningRate: 0.05 }],
  ['a tiny rate', { ...DEFAULT_SETTINGS, learningRate: 1e-6, seed: 0 }],
  ['a whole-number rate', { ...DEFAULT_SETTINGS, learningRate: 2 }],
  ['the book ConvNet', { ...DEFAULT_SETTINGS, model: 'convnet', batchSize: 64 }],
  ['an edited ConvNet', { ...DEFAULT_SETTINGS, model: 'convnet', layers: 'f,d128,d64', train: 500 }],
  ['a ConvNet without pooling', { ...DEFAULT_SETTINGS, model: 'convnet', layers: 'c8,c8,f' }],
  ['SGD', { ...DEFAULT_SETTINGS, optimizer: 'sgd', learningRate: 0.01 }],
  ['SGD with momentum', { ...DEFAULT_SETTINGS, optimizer: 'sgd', learningRate: 0.01, momentum: 0.9 }],
  [
    'a ConvNet with Nesterov momentum',
    {
      ...DEFAULT_SETTINGS,
      model: 'convnet',
      optimizer: 'sgd',
      learningRate: 0.05,
      momentum: 0.5,
      nesterov: true,
    },
  ],
  ['Adam', { ...DEFAULT_SETTINGS, optimizer: 'adam', learningRate: 0.001 }],
  ['an Adam ConvNet', { ...DEFAULT_SETTINGS, model: 'convnet', optimizer: 'adam', learningRate: 0.0005 }],
  ['augmented images', { ...DEFAULT_SETTINGS, augment: true, hidden: 64 }],
  [
    'an augmented Adam ConvNet',
    { ...DEFAULT_SETTINGS, model: 'convnet', layers: 'c8,p,f,d16', augment: true, optimizer: 'adam' },
  ],
  ['Dropout', { ...DEFAULT_SETTINGS, model: 'convnet', layers: 'c8,p,dr0.25,f,d16,dr0.5', train: 500 }],
  [
    'L1 and L2',
    { ...DEFAULT_SETTINGS, model: 'convnet', layers: 'c8:l1=1e-5,p,f,d16:l2=0.001,dr0.5', train: 500 },
  ],
  [
    'BatchNormalization',
    { ...DEFAULT_SETTINGS, model: 'convnet', layers: 'c8,bn,p,f,d16,bn,dr0.5', train: 500 },
  ],
  [
    'validation images and early stopping',
    { ...DEFAULT_SETTINGS, hidden: 16, train: 500, validation: 1000, patience: 1 },
  ],
];
