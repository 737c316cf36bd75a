// What moves the page's state: the worker's messages, and the page's own transitions (with no
// worker message behind them).
import type { FromWorker } from '../../protocol/protocol';
import type { Settings } from '../../protocol/settings';
import type { RunHistory } from './runHistory';

export type PageEvent =
  /** Stop was pressed: the page says so at once, before the worker's 'done'. */
  | { type: 'page:stop' }
  /** Step was pressed while paused: the answer ('stepped' or 'refused') carries this id. */
  | { type: 'page:step'; requestId: number }
  /** The learning-rate finder was asked for: the page is busy with it until its last report. */
  | { type: 'page:findRate' }
  /** The answering model's evaluation on the test set was asked for, with this request id. */
  | { type: 'page:evaluate'; requestId: number }
  /** The pad's drawing was read, with this id ('reading' answers with it). */
  | { type: 'page:read'; id: number }
  /** A new drawing on the pad (or none: cleared): readings asked before are of another drawing. */
  | { type: 'page:drawing'; cleared: boolean }
  /** A random test image was asked for the pad, with this id ('testImage' answers with it). */
  | { type: 'page:testImage'; id: number }
  /** A test image (from a gallery) goes on the pad. */
  | { type: 'page:padImage'; pixels: Uint8Array; caption: string }
  /** A saved run is opened or resumed: its charts and settings are shown at once. */
  | { type: 'page:saved'; settings: Settings; history: RunHistory }
  /** The user's test digits were sent to be read, with this id ('digitsRead' answers with it). */
  | { type: 'page:readDigits'; id: number }
  /** A page of the training or test images was asked for, with this id ('browsed' answers with it). */
  | { type: 'page:browse'; id: number }
  /** A speedrun was asked for: the last one's progress is gone from the page. */
  | { type: 'page:speedrun' }
  /** Another data set was asked for ('datasetInUse' or 'refused' answers with this id). */
  | { type: 'page:useDataset'; requestId: number }
  /** A fine-tune on the user's digits was asked for, with this id ('fineTuned' answers with it). */
  | { type: 'page:fineTune'; requestId: number; steps: number };

export type StoreEvent = FromWorker | PageEvent;
