// The worker's test hooks ('debug:' messages, see protocol.ts): each does something real to the real
// device or run. The page never sends them; end-to-end tests dispatch them inside the worker.
import type { RunHold, TestHook } from '../protocol/protocol';
import type { GpuSession } from './session';

/** What a hold stalls: a run, or the learning-rate finder's sweep. */
type Holdable = { hold: RunHold | null };

export class TestHooks {
  /** A hold asked for while nothing trained: the next run (or sweep) takes it. */
  private nextHold: RunHold | null = null;

  constructor(
    private readonly session: () => GpuSession | null,
    /** The run going on, or else the learning-rate finder's sweep. */
    private readonly run: () => Holdable | null,
  ) {}

  handle(message: TestHook): void {
    const session = this.session();
    switch (message.type) {
      case 'debug:loseDevice':
        session?.loseForTest();
        break;
      case 'debug:gpuError':
        if (session && !session.lost) session.provokeErrorForTest(message.error);
        break;
      case 'debug:holdAt': {
        const run = this.run();
        if (run) run.hold = { step: message.step };
        else this.nextHold = { step: message.step };
        break;
      }
    }
  }

  /** The hold a new run or sweep starts with, if a test asked for one. */
  takeHold(): RunHold | null {
    const hold = this.nextHold;
    this.nextHold = null;
    return hold;
  }
}
