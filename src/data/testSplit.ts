// Which of the user's digits are kept for testing only: by default every fifth drawing of each digit
// (the 5th, 10th, ... 3 drawn), so that whatever the user draws, about a fifth of each digit measures
// the network and never trains it. The user may mark any digit either way afterwards.
import { inOrderMade, type UserDigit } from './userDigit';

export const TEST_EVERY = 5;

/** Whether a new drawing of `label` is kept for testing, given the digits there are already. */
export function nextIsForTesting(digits: readonly Pick<UserDigit, 'label'>[], label: number): boolean {
  const drawn = digits.reduce((count, digit) => count + (digit.label === label ? 1 : 0), 0);
  return (drawn + 1) % TEST_EVERY === 0;
}

/** The digits with the default rule applied afresh, in the order they were made (copies). */
export function withDefaultSplit(digits: readonly UserDigit[]): UserDigit[] {
  const counts = new Map<number, number>();
  return [...digits].sort(inOrderMade).map((digit) => {
    const drawn = (counts.get(digit.label) ?? 0) + 1;
    counts.set(digit.label, drawn);
    return { ...digit, testOnly: drawn % TEST_EVERY === 0 };
  });
}
