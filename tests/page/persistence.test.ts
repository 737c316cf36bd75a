import { expect, test } from 'vitest';
import { askProtection, describeProtection, isProtected } from '../../src/page/persistence';

function fakeStorage(persisted: boolean, grant: boolean | Error) {
  const calls: string[] = [];
  return {
    calls,
    storage: {
      persisted: async () => {
        calls.push('persisted');
        return persisted;
      },
      persist: async () => {
        calls.push('persist');
        if (grant instanceof Error) throw grant;
        return grant;
      },
    },
  };
}

test('persistence is asked for only when not granted already, and the answer is what the page says', async () => {
  const already = fakeStorage(true, false);
  expect(await askProtection(already.storage)).toBe(true);
  expect(already.calls).toEqual(['persisted']);
  const granted = fakeStorage(false, true);
  expect(await askProtection(granted.storage)).toBe(true);
  expect(granted.calls).toEqual(['persisted', 'persist']);
  expect(await askProtection(fakeStorage(false, false).storage)).toBe(false);
  expect(await askProtection(fakeStorage(false, new Error('denied')).storage)).toBeNull();
  expect(await askProtection(null)).toBeNull();
  expect(await isProtected(fakeStorage(false, true).storage)).toBe(false);
  expect(describeProtection(true)).toMatch(/^Saved runs are protected/);
  expect(describeProtection(false)).toMatch(/^Saved runs are not protected from eviction/);
  expect(describeProtection(null)).toBeNull();
});
