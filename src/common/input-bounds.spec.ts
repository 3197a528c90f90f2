import 'reflect-metadata';
import type { AppConfig } from '../config/app-config';
import { inputProblems, MAX_JSON_DEPTH, MaxItems } from './input-bounds';

class Body {
  @MaxItems((config) => config.links.maxCameras, 'cameras') cameras: unknown[];
}
const config = { links: { maxCameras: 2 } } as AppConfig;

describe('inputProblems', () => {
  it('lets an ordinary body through', () => {
    expect(inputProblems({ cameras: [{ uuid: 'x', from: 'é😀' }], ttl: 5 }, Body, config)).toBeUndefined();
  });

  it.each([
    [
      'an array over its own limit',
      { cameras: [{}, {}, {}] },
      { cameras: ['The cameras field must not contain more than 2 cameras.'] },
    ],
    [
      'any other array over 1000 items',
      { other: Array.from({ length: 1001 }, () => 1) },
      { other: ['The other field must not contain more than 1000 items.'] },
    ],
    [
      'a NUL',
      { cameras: [{ uuid: 'a\u0000' }] },
      { 'cameras.0.uuid': ['The cameras.0.uuid field must not contain NUL characters.'] },
    ],
    ['an unpaired surrogate', { name: '\ud800' }, { name: ['The name field must be valid Unicode text.'] }],
    [
      'a prototype member',
      JSON.parse('{"__proto__": 1, "valueOf": [], "prototype": []}') as object,
      Object.fromEntries(
        ['__proto__', 'valueOf', 'prototype'].map((key) => [key, [`The ${key} field is not allowed.`]]),
      ),
    ],
  ])('reports %s by field path', (_, value, problems) => {
    expect(inputProblems(value, Body, config)).toEqual(problems);
  });

  it(`stops at ${MAX_JSON_DEPTH} levels, without recursion`, () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(Object.values(inputProblems({ a: deep }, Body, config)!)).toEqual([
      [expect.stringMatching(/must not nest deeper than 10 levels/)],
    ]);
  });

  it('lists at most 20 problems', () => {
    const value = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, '\u0000']));
    expect(Object.keys(inputProblems(value, Body, config)!)).toHaveLength(20);
  });
});
