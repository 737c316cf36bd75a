// A jump across the page (Why? to the saliency view, Try it to the pad) remembers where it came from,
// so that the place it lands on can offer the way back (#29).

export type JumpPlace = 'pad' | 'saliency';

export interface Jump {
  /** Where the jump landed: that place shows the way back. */
  at: JumpPlace;
  /** What the landing says happened ("Test image 12 is on the pad."), or null. */
  note: string | null;
  /** The words on the way back ("Back to the pad"). */
  back: string;
  /** The control the jump started from: the way back scrolls to it and focuses it. */
  origin: HTMLElement | null;
}

let current: Jump | null = null;
const listeners = new Set<() => void>();

function set(jump: Jump | null): void {
  current = jump;
  for (const listener of listeners) listener();
}

export function subscribeJumps(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentJump(): Jump | null {
  return current;
}

/** Brings `target` into view, its top with it, and remembers the way back. */
export function jumpTo(target: Element | null, jump: Jump): void {
  set(jump);
  target?.scrollIntoView({ block: 'start' });
}

/** "Why?" to the saliency view; back to the control pressed (the Why? button), else the pad. */
export function whyJump(): Jump {
  const pressed = document.activeElement;
  return {
    at: 'saliency',
    note: null,
    back: '↑ Back to the pad',
    origin: pressed instanceof HTMLButtonElement ? pressed : document.getElementById('draw-title'),
  };
}

/** Goes back to where the jump started, and forgets it. */
export function jumpBack(): void {
  const origin = current?.origin;
  set(null);
  if (origin?.isConnected) {
    origin.scrollIntoView({ block: 'center' });
    origin.focus();
  }
}

/** Forgets the jump (the user went on elsewhere). */
export function forgetJump(): void {
  if (current) set(null);
}
