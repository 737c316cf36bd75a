// The engine as a library: a Keras-shaped API over hand-written WebGPU kernels, with a CPU backend
// that runs the same model from plain TypeScript references. Nothing here touches the DOM or React.

export type { AugmentRanges } from './backend/augmentation';
export { DEFAULT_AUGMENT } from './backend/augmentation';
// Backends: WebGPU (the device, then the backend over it) and the CPU references.
export type {
  Backend,
  Conv2dShape,
  MatmulShape,
  Metrics,
  PoolShape,
  RmspropHyper,
  SgdHyper,
  Storage,
} from './backend/backend';
export { CpuBackend } from './backend/cpu/cpuBackend';
export type { DeviceHooks, GpuDevice } from './backend/webgpu/device';
export { requestGpuDevice, WebGPUUnavailableError } from './backend/webgpu/device';
export { WebGPUBackend } from './backend/webgpu/webgpuBackend';
export type { IdxImages, IdxLabels, LabelledImages } from './data/idx';
export { DataFileError, pairImagesAndLabels, parseIdxImages, parseIdxLabels } from './data/idx';
export type { LoadOptions, LoadProgress, Mnist } from './data/mnist';
export { loadMnist } from './data/mnist';
export { drawingToMnist, inkToMnist } from './data/preprocess';
export type { PadSize, Stroke, StrokePoint } from './data/strokes';
export { strokesToMnist } from './data/strokes';
// Data: the strict IDX reader, MNIST from a folder of .gz files, a drawing turned into MNIST's 28×28.
export { splitTraining, type TrainingSplit } from './data/validationSplit';
// The autograd-lite core, for new ops and layers.
export { Tape } from './engine/tape';
export { Tensor } from './engine/tensor';
export type { AdamConfig } from './nn/adam';
export { Adam, adam } from './nn/adam';
// Layers, models and the optimizers.
export { buildLayers } from './nn/architecture';
export { Conv2D } from './nn/conv2d';
export { DeviceDataset } from './nn/dataset';
export { Dense } from './nn/dense';
export { EarlyStopping, type EarlyStoppingStep } from './nn/earlyStopping';
export { FINE_TUNE_STEPS, fineTune } from './nn/fineTune';
export { Flatten } from './nn/flatten';
// The insight views' reads (they were Sequential's methods): verdicts with the confusion matrix,
// saliency, first-layer weights.
export type { DetailedEvaluation, FirstLayerWeights, InputGradients } from './nn/insight';
export { evaluateInDetail, inputGradients, readFirstLayerWeights } from './nn/insight';
export type { Layer } from './nn/layer';
export { MaxPooling2D } from './nn/maxPooling2d';
export { type LabelledBytes, uploadMixed } from './nn/mixedDataset';
export { extraRowsPerBatch, type Mix, mixedOrder } from './nn/mixedOrder';
export type { Optimizer } from './nn/optimizer';
export { optimizerOf, type SgdOptions } from './nn/optimizers';
export { RMSprop, rmsprop } from './nn/rmsprop';
export type { CompileConfig, FitOptions } from './nn/sequential';
export { Sequential, TrainingDivergedError } from './nn/sequential';
export { SGD, sgd } from './nn/sgd';
export { type WarmUpOptions, warmUp } from './nn/warmUp';
// The vocabulary the library shares with the app (src/protocol/): layer specs, optimizer names, reports.
export type { Activation, LayerSpec, LayerSummary } from './protocol/layers';
export { BOOK_CONVNET, specsFromText, summarize } from './protocol/layers';
export type { OptimizerKind } from './protocol/optimizers';
export { DEFAULT_LEARNING_RATES, OPTIMIZER_KINDS } from './protocol/optimizers';
export type { BatchLogs, EpochLogs, Evaluation } from './protocol/reports';
