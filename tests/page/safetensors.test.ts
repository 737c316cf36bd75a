// The safetensors writer, byte for byte against the format's specification
// (github.com/huggingface/safetensors, README "Format"); tests/torch reads its files with Python.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toSafetensors } from '../../src/page/safetensors';

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

describe('toSafetensors', () => {
  test('writes the length, the JSON header padded with spaces to 8 bytes, then the data, byte for byte', () => {
    const bytes = toSafetensors(
      [
        { name: 'b', shape: [2], data: Float32Array.of(1, -2) },
        { name: 'a', shape: [1, 1], data: Float32Array.of(0.5) },
      ],
      { k: 'v → w' },
    );
    // 141 bytes of JSON (the arrow is 3 bytes of UTF-8), padded to 144; tensors by name, a then b.
    const header = [
      ...ascii('{"__metadata__":{"k":"v '),
      0xe2,
      0x86,
      0x92,
      ...ascii(' w"},"a":{"dtype":"F32","shape":[1,1],"data_offsets":[0,4]},'),
      ...ascii('"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}'),
    ];
    expect(header.length).toBe(141);
    const expected = [
      ...[144, 0, 0, 0, 0, 0, 0, 0], // u64, little-endian
      ...header,
      0x20,
      0x20,
      0x20,
      ...[0x00, 0x00, 0x00, 0x3f], // a: 0.5
      ...[0x00, 0x00, 0x80, 0x3f], // b: 1
      ...[0x00, 0x00, 0x00, 0xc0], //    -2
    ];
    expect(Array.from(bytes)).toEqual(expected);
  });

  test('any tensors and metadata: a header that parses, 8-byte aligned data, offsets without holes', () => {
    const tensor = fc.record({
      name: fc.string({ minLength: 1, maxLength: 12 }).filter((n) => n !== '__metadata__'),
      values: fc.array(fc.float({ noNaN: true }), { minLength: 1, maxLength: 9 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(tensor, { selector: (t) => t.name, maxLength: 5 }),
        fc.dictionary(fc.string(), fc.string()),
        (tensors, metadata) => {
          const bytes = toSafetensors(
            tensors.map((t) => ({
              name: t.name,
              shape: [t.values.length],
              data: Float32Array.from(t.values),
            })),
            metadata,
          );
          const view = new DataView(bytes.buffer);
          const length = Number(view.getBigUint64(0, true));
          expect(length % 8).toBe(0);
          const text = new TextDecoder().decode(bytes.subarray(8, 8 + length));
          expect(text[0]).toBe('{');
          expect(text.trimEnd()).toBe(text.replace(/ *$/, ''));
          const { __metadata__, ...header } = JSON.parse(text);
          expect(__metadata__).toEqual(metadata);
          // Laid out by name, and listed in that order (Object.keys would put "10" before "2").
          const names = tensors.map((t) => t.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          const listed = names.map((name) => text.indexOf(`${JSON.stringify(name)}:{"dtype"`));
          expect(listed).toEqual([...listed].sort((a, b) => a - b));
          let at = 0;
          for (const name of names) {
            const [begin, end] = header[name].data_offsets;
            expect(begin).toBe(at);
            const values = tensors.find((t) => t.name === name)?.values ?? [];
            expect(end - begin).toBe(4 * values.length);
            for (let i = 0; i < values.length; i++)
              expect(view.getFloat32(8 + length + begin + 4 * i, true)).toBe(Math.fround(values[i]));
            at = end;
          }
          expect(bytes.length).toBe(8 + length + at);
        },
      ),
    );
  });

  test('refuses a name used twice, __metadata__ as a name, and a shape that does not fit the data', () => {
    const one = { shape: [1], data: Float32Array.of(1) };
    expect(() =>
      toSafetensors(
        [
          { name: 'w', ...one },
          { name: 'w', ...one },
        ],
        {},
      ),
    ).toThrow('"w" cannot be used twice');
    expect(() => toSafetensors([{ name: '__metadata__', ...one }], {})).toThrow('__metadata__');
    expect(() => toSafetensors([{ name: 'w', shape: [2, 2], data: Float32Array.of(1) }], {})).toThrow(
      'The tensor w has 1 values, not [2, 2].',
    );
  });
});
