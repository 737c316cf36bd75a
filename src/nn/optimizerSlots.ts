import type { Backend, Storage } from '../backend/backend';
import type { Tensor } from '../engine/tensor';
import type { ParameterArena } from './parameterArena';

/**
 * An optimizer's state: `count` arrays per parameter (RMSprop's mean square, Adam's m and v), all
 * zero at first as Keras's. For the arena's parameters each array is one storage laid out like the
 * arena (so one dispatch updates them all, and its zero padding stays zero); a parameter outside it
 * gets storage of its own.
 */
export class OptimizerSlots {
  private arena: ParameterArena | null = null;
  private arenaSlots: Storage[] | null = null;
  private readonly own = new Map<Tensor, Storage[]>();

  constructor(
    private readonly name: string,
    readonly count: number,
  ) {}

  attach(backend: Backend, arena: ParameterArena): void {
    this.dispose(backend);
    this.arena = arena;
  }

  /** The whole-arena arrays, made on first use. */
  ofArena(backend: Backend, arena: ParameterArena): Storage[] {
    this.arenaSlots ??= Array.from({ length: this.count }, () => zeros(backend, arena.length));
    return this.arenaSlots;
  }

  /** One parameter's arrays: views of the arena's, or its own, made on first use. */
  of(backend: Backend, p: Tensor): Storage[] {
    const arena = this.arena;
    if (arena?.has(p)) return this.ofArena(backend, arena).map((s) => arena.slot(s, p));
    let slots = this.own.get(p);
    if (!slots) {
      slots = Array.from({ length: this.count }, () => zeros(backend, p.size));
      this.own.set(p, slots);
    }
    return slots;
  }

  /** What of() would give, without making anything: undefined before the first step. */
  peek(p: Tensor): Storage[] | undefined {
    const arena = this.arena;
    if (arena?.has(p)) return this.arenaSlots?.map((s) => arena.slot(s, p));
    return this.own.get(p);
  }

  set(backend: Backend, p: Tensor, arrays: Float32Array[]): void {
    if (arrays.length !== this.count || arrays.some((a) => a.length !== p.size)) {
      const given = arrays.map((a) => a.length).join(', ');
      throw new Error(
        `${this.name}: it keeps ${this.count} state arrays of ${p.size} values for this parameter, not [${given}] (was the state saved by another optimizer?)`,
      );
    }
    const slots = this.of(backend, p);
    for (const [i, storage] of slots.entries()) backend.write(storage, arrays[i]);
  }

  dispose(backend: Backend): void {
    for (const slots of this.own.values()) for (const s of slots) backend.free(s);
    this.own.clear();
    for (const s of this.arenaSlots ?? []) backend.free(s);
    this.arenaSlots = null;
    this.arena = null;
  }
}

function zeros(backend: Backend, length: number): Storage {
  const storage = backend.alloc(length);
  backend.fill(storage, 0, length);
  return storage;
}
