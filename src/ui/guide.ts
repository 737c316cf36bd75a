// The guided first run: 1 Train, 2 Watch, 3 Draw. Which step is next follows from the page's state;
// whether the guide shows at all is remembered in localStorage, so a returning user does not see it.

export type GuideStep = 'train' | 'watch' | 'draw' | 'done';

export const GUIDE_STEPS: readonly { step: Exclude<GuideStep, 'done'>; title: string; text: string }[] = [
  { step: 'train', title: 'Train', text: 'press Train to learn from 60,000 digits' },
  { step: 'watch', title: 'Watch', text: 'the loss fall, the accuracy rise' },
  { step: 'draw', title: 'Draw', text: 'a digit on the pad' },
];

/** Where a first-time user is: no run yet, a run going on, a run over, a digit drawn after it. */
export function guideStep(state: { running: boolean; ranOnce: boolean; drewAfterRun: boolean }): GuideStep {
  if (state.running) return 'watch';
  if (!state.ranOnce) return 'train';
  return state.drewAfterRun ? 'done' : 'draw';
}

const KEY = 'digits-guide';
/** 'hidden': dismissed; 'done': the three steps were followed. Either way it stays closed next time. */
type Stored = 'hidden' | 'done' | 'open';

export function readGuideSeen(storage: Pick<Storage, 'getItem'> | null): boolean {
  try {
    const value = storage?.getItem(KEY) as Stored | null;
    return value === 'hidden' || value === 'done';
  } catch {
    return false;
  }
}

export function writeGuide(storage: Pick<Storage, 'setItem'> | null, value: Stored): void {
  try {
    storage?.setItem(KEY, value);
  } catch {
    // Private browsing or a full storage: the guide simply shows again next time.
  }
}
