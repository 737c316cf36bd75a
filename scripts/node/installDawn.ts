// Imported first by every Node entry: the engine's modules read GPUBufferUsage and friends when
// they load, so Dawn's globals must be in place before any of them is evaluated.
import { installDawn } from './dawn';

export const dawnPath = installDawn();
