// The worker's test hooks ('debug:' messages, see protocol.ts): each does something real to the real
// device or run. The page never sends them; end-to-end tests dispatch them inside the worker.
import type { RunHold, TestHook } from '../protocol/protocol';
import type { Run } from './run';
import type { GpuSession } from './session';

export class TestHooks {
  /** A hold asked for while no run was going on: the next run takes it. */
  private nextHold: RunHold | null = null;

  constructor(
    private readonly session: () => GpuSession | null,
    private readonly run: () => Run | null,
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

  /** The hold a new run starts with, if a test asked for one. */
  takeHold(): RunHold | null {
    const hold = this.nextHold;
    this.nextHold = null;
    return hold;
  }
}
