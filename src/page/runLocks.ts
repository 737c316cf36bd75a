// One tab at a time trains a saved run: a Web Lock per run id (navigator.locks), held while the run
// trains or resumes in this tab and let go when it ends (or the tab closes). Another tab that asks for
// it is refused at once, so two tabs never write the same run's epochs in turn. Where a browser has no
// Web Locks, runs are not locked; SavedRuns.put still refuses to write an epoch older than the stored.

/** Lets go of a run's lock. */
export type Release = () => void;

export interface RunLocks {
  /** The run's lock if no other tab holds it (its release), else null, without waiting. */
  take(id: string): Promise<Release | null>;
}

const lockName = (id: string) => `digits-on-webgpu:run:${id}`;

export function webLocks(
  locks: LockManager | undefined = typeof navigator === 'undefined' ? undefined : navigator.locks,
): RunLocks {
  return {
    take: (id) =>
      locks
        ? new Promise((resolve, reject) => {
            locks
              .request(lockName(id), { ifAvailable: true }, (lock) =>
                // Held until the promise the callback returns settles: until release() is called.
                lock ? new Promise<void>((release) => resolve(release)) : resolve(null),
              )
              .catch(reject);
          })
        : Promise.resolve(() => {}),
  };
}

/** The lock of the run this page trains: taken when it starts, or handed over by a Resume. */
export class HeldLock {
  private id: string | null = null;
  private release: Release | null = null;

  constructor(private readonly locks: RunLocks) {}

  /** Holds run `id`'s lock from now on (the one given, or one taken now), letting go of any other. */
  hold(id: string, given: Release | null): void {
    this.letGo();
    this.id = id;
    this.release = given;
    if (given) return;
    void this.locks.take(id).then((release) => {
      if (this.id === id && !this.release) this.release = release;
      else release?.();
    });
  }

  letGo(): void {
    this.release?.();
    this.release = null;
    this.id = null;
  }
}
