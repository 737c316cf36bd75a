// Every term a learner meets on the page, in one place: a short plain explanation and the chapter of
// the book where it is taught. The "?" buttons (components/Term.tsx) and the Words panel
// (components/GlossaryPanel.tsx) both read this table, so an explanation is written once.
//
// The book: François Chollet and Matthew Watson, "Deep Learning with Python", third edition (Manning,
// 2025), the Keras 3 edition whose code the Code view writes. Its chapters, as cited here:
//   2 The mathematical building blocks of neural networks (the MNIST dense network, the training loop)
//   4 Classification and regression          5 Fundamentals of machine learning
//   8 Image classification (the MNIST ConvNet, data augmentation)
//  10 Interpreting what vision models learn (gradients of a class score with respect to the pixels)
// The first edition (2017) numbered these 2, 3, 4, 5 and 5.4: the app once said "chapter 5" for the
// ConvNet, which is chapter 8 in the third edition. (The app's ConvNet keeps the first edition's layers,
// conv32-pool-conv64-pool-conv64-dense64; the third edition's chapter 8 model is conv64-conv128-conv256
// with global average pooling, trained with Adam.)

/** The edition every chapter number on the page refers to. */
export const BOOK = 'Deep Learning with Python, third edition';

export interface GlossaryEntry {
  /** What the page calls it. */
  term: string;
  /** One or two plain sentences. */
  plain: string;
  /** The third edition's chapter that teaches it; null: the book does not (the engine's own words). */
  chapter: number | null;
}

export const GLOSSARY = {
  epoch: {
    term: 'Epoch',
    plain: 'One pass over all the training images. Five epochs means the network sees each image five times.',
    chapter: 2,
  },
  batch: {
    term: 'Batch',
    plain:
      'A small group of images (128 by default) looked at together. The weights change once per batch: one step.',
    chapter: 2,
  },
  loss: {
    term: 'Loss',
    plain:
      'One number saying how wrong the network is on a batch. Training is the search for weights that make it small.',
    chapter: 2,
  },
  crossEntropy: {
    term: 'Cross-entropy',
    plain:
      'The loss used here: minus the log of the probability the network gave the right digit. 2.30 is a blind guess among ten; 0 is certain and right.',
    chapter: 2,
  },
  accuracy: {
    term: 'Accuracy',
    plain: 'The share of images whose most probable digit is the right one.',
    chapter: 2,
  },
  testSet: {
    term: 'Test set',
    plain:
      '10,000 images kept apart and never trained on. Accuracy on them tells how well the network does on digits it has not seen.',
    chapter: 5,
  },
  learningRate: {
    term: 'Learning rate',
    plain:
      'How big a step the weights take against the gradient at each batch. Too small learns slowly; too large makes the loss jump or blow up.',
    chapter: 2,
  },
  optimizer: {
    term: 'Optimizer',
    plain: 'The rule that turns the gradient into a change of the weights at each step (SGD, RMSprop, Adam).',
    chapter: 2,
  },
  rmsprop: {
    term: 'RMSprop',
    plain:
      'The optimizer the book uses: it divides each weight’s step by a running average of that weight’s recent gradient sizes, so every weight moves at a similar pace.',
    chapter: 2,
  },
  relu: {
    term: 'ReLU',
    plain: 'The activation of the hidden layers: a unit passes its number on when positive, and 0 otherwise.',
    chapter: 2,
  },
  softmax: {
    term: 'Softmax',
    plain: 'Turns the last layer’s ten numbers into ten probabilities that add up to 100%.',
    chapter: 2,
  },
  gradient: {
    term: 'Gradient',
    plain:
      'For each weight, which way and how fast the loss changes when that weight grows. Training moves every weight a little the other way.',
    chapter: 2,
  },
  parameters: {
    term: 'Parameters',
    plain: 'The numbers training adjusts: the weights and biases of every layer.',
    chapter: 2,
  },
  dense: {
    term: 'Dense layer',
    plain:
      'Every unit takes a weighted sum of all the previous layer’s numbers, adds a bias and applies its activation.',
    chapter: 2,
  },
  hiddenUnit: {
    term: 'Hidden unit',
    plain:
      'One number computed inside the network, between the pixels and the answer. Its incoming weights decide what it responds to.',
    chapter: 2,
  },
  conv2d: {
    term: 'Conv2D',
    plain:
      'Slides small 3×3 filters over the image; each filter makes a map of where its pattern (an edge, a curve) appears.',
    chapter: 8,
  },
  maxPooling: {
    term: 'Max pooling',
    plain: 'Keeps the largest value of each 2×2 patch: the maps get half as wide and half as tall.',
    chapter: 8,
  },
  flatten: {
    term: 'Flatten',
    plain: 'Lays the maps out as one long row of numbers so a Dense layer can read them.',
    chapter: 8,
  },
  augmentation: {
    term: 'Data augmentation',
    plain:
      'Training on slightly shifted, rotated and scaled copies of the images, so the network copes with digits drawn differently.',
    chapter: 8,
  },
  overfitting: {
    term: 'Overfitting',
    plain:
      'Doing better on the training images than on new ones: the network learns its examples rather than digits. The gap between training and test accuracy shows it.',
    chapter: 5,
  },
  seed: {
    term: 'Seed',
    plain:
      'The start of the random numbers for the first weights and the batch order: the same seed gives the same run.',
    chapter: null,
  },
  smoothed: {
    term: 'Smoothed curve',
    plain:
      'Each batch’s loss jumps up and down (faint line); the bold line is a running average that shows the trend.',
    chapter: null,
  },
  confusion: {
    term: 'Confusion matrix',
    plain:
      'A 10×10 table of the test images: the row is the true digit, the column what the network read. Off the diagonal are its mistakes.',
    chapter: 5,
  },
  saliency: {
    term: 'Saliency',
    plain:
      'The gradient of a digit’s score with respect to each pixel: which pixels, made darker, would raise that score most.',
    chapter: 10,
  },
  rateFinder: {
    term: 'Learning-rate range test',
    plain:
      'Trains briefly while raising the learning rate step by step and plots the loss; pick a rate where it falls fastest. Leslie Smith’s method, as fastai’s lr_find; not in the book.',
    chapter: null,
  },
  gflops: {
    term: 'GFLOP/s',
    plain:
      'Billions of arithmetic operations per second: how hard the GPU works. "Effective" counts only the multiply-adds the network needs.',
    chapter: null,
  },
  adapter: {
    term: 'GPU adapter',
    plain:
      'The graphics chip WebGPU runs on. "SwiftShader" is a software one: the processor pretends to be a GPU, so training is slower.',
    chapter: null,
  },
  matmulKernel: {
    term: 'Matmul kernel',
    plain:
      'The GPU program that multiplies matrices, most of a Dense layer’s work. This app times a few versions at start-up and keeps the fastest.',
    chapter: null,
  },
  bufferPool: {
    term: 'Buffer pool',
    plain:
      'GPU memory the engine keeps and reuses for weights, gradients and batches instead of asking for new memory each step.',
    chapter: null,
  },
  uniformBuffers: {
    term: 'Uniform buffers',
    plain: 'Small blocks of GPU memory that tell each GPU program its sizes and settings.',
    chapter: null,
  },
} satisfies Record<string, GlossaryEntry>;

export type TermId = keyof typeof GLOSSARY;

export const TERM_IDS = Object.keys(GLOSSARY) as TermId[];

/** "Chapter 2 of Deep Learning with Python, third edition", or that it is this app's own. */
export function chapterNote(entry: GlossaryEntry): string {
  return entry.chapter === null
    ? 'Not taught in the book.'
    : `Taught in chapter ${entry.chapter} of ${BOOK}.`;
}
