// The training worker: hosts a Trainer (with the Speedrun preset, speedrunTrainer.ts, and the user's digits,
// myDigitsTrainer.ts) off the main thread so the page stays responsive.
/// <reference lib="webworker" />
import type { FromWorker, ToWorker } from '../protocol/protocol';
import { MyDigitsTrainer } from './myDigitsTrainer';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** The typed arrays a message hands over to the page rather than copies. */
function transferables(message: FromWorker): ArrayBuffer[] {
  switch (message.type) {
    case 'reading':
      return [message.probabilities, message.saliency, ...message.activations, message.outgoing]
        .flatMap((a) => (a ? [a] : []))
        .map((a) => a.buffer as ArrayBuffer);
    case 'units':
      return message.weights ? [message.weights.buffer as ArrayBuffer] : [];
    case 'digitsRead':
      return message.digits ? [message.digits.buffer as ArrayBuffer] : [];
    case 'gallery':
    case 'testImage':
    case 'browsed':
      return [message.pixels.buffer as ArrayBuffer];
    case 'evaluated':
      return [message.confusion.matrix.buffer, message.units.weights?.buffer].flatMap((b) =>
        b ? [b as ArrayBuffer] : [],
      );
    default:
      return [];
  }
}

const trainer = new MyDigitsTrainer((message: FromWorker) =>
  scope.postMessage(message, transferables(message)),
);

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      void trainer.init(message.dataUrl);
      break;
    case 'useDataset':
      void trainer.changeDataset(message);
      break;
    case 'retryData':
      void trainer.retryData();
      break;
    case 'train':
      void trainer.startTraining(message.settings);
      break;
    case 'speedrun':
      void trainer.speedrun(message);
      break;
    case 'findRate':
      void trainer.findRate(message.settings);
      break;
    case 'trainingDigits':
      trainer.setTrainingDigits(message);
      break;
    case 'fineTune':
      void trainer.fineTune(message);
      break;
    case 'setLearningRate':
    case 'pause':
    case 'resume':
    case 'step':
      trainer.control(message);
      break;
    case 'stop':
      trainer.stop();
      break;
    case 'recover':
      void trainer.recover();
      break;
    case 'read':
      void trainer.pad.read(message.id, message.drawing);
      break;
    case 'readDigits':
      void trainer.evaluator.readDigits(message.id, message.pixels);
      break;
    case 'gallery':
      trainer.evaluator.gallery(message.id, message.query);
      break;
    case 'evaluate':
      void trainer.evaluator.evaluate(message.requestId);
      break;
    case 'testImage':
      trainer.evaluator.testImage(message.id);
      break;
    case 'browse':
      trainer.browse(message);
      break;
    case 'open':
      trainer.pad.openCheckpoint(message.checkpoint, message.requestId);
      break;
    case 'continue':
      void trainer.continueFrom(message.checkpoint, message.requestId);
      break;
    case 'import':
      trainer.pad.importStack(message.stack);
      break;
    case 'export':
      void trainer.pad.exportModel(message.id);
      break;
    case 'debug:loseDevice':
    case 'debug:gpuError':
    case 'debug:holdAt':
      trainer.testHooks.handle(message);
      break;
  }
};
