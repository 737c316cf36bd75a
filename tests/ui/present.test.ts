import { expect, test } from 'vitest';
import { presentInQuery, withPresent } from '../../src/ui/hooks/usePresent';

test('?present=1 turns Present mode on; 0, false or no parameter leave it off', () => {
  expect(presentInQuery('?present=1')).toBe(true);
  expect(presentInQuery('?epochs=2&present')).toBe(true);
  expect(presentInQuery('?present=0')).toBe(false);
  expect(presentInQuery('?present=false')).toBe(false);
  expect(presentInQuery('?epochs=2')).toBe(false);
});

test('entering and leaving keep the run’s settings in the address', () => {
  expect(withPresent('http://x/app/?epochs=2&lr=0.01#glossary', true)).toBe(
    '/app/?epochs=2&lr=0.01&present=1#glossary',
  );
  expect(withPresent('http://x/app/?epochs=2&present=1', false)).toBe('/app/?epochs=2');
  expect(withPresent('http://x/?present=1', false)).toBe('/');
});
