import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { nameKeys, nameProblem, skeleton } from './names';
import { IsName } from './validators';

class Named {
  @IsName(100)
  name: string;
}

/** The name as the API stores it, or the problems it is refused for: what the DTO does to a body. */
function validated(name: unknown): { name?: string; problems: string[] } {
  const dto = plainToInstance(Named, { name });
  const problems = validateSync(dto).flatMap((error) => Object.values(error.constraints ?? {}));
  return problems.length ? { problems } : { name: dto.name, problems };
}

/** Format (Cf) and control (Cc) characters: the invisible, the bidirectional controls, newlines and tabs. */
const FORMAT_OR_CONTROL = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  0x7f,
  0x85,
  0xad,
  0x200b,
  0x200c,
  0x200d,
  0x200e,
  0x200f,
  0x202a,
  0x202e,
  0x2060,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
  0xfeff,
  0xe0001,
]
  .map((code) => String.fromCodePoint(code))
  .concat(
    Array.from({ length: 0x110000 }, (_, code) => code).flatMap((code) =>
      (code < 0xd800 || code > 0xdfff) && /\p{Cf}/u.test(String.fromCodePoint(code))
        ? [String.fromCodePoint(code)]
        : [],
    ),
  );

const aName = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
  .filter((name) => validated(name).problems.length === 0);

describe('names nobody can fake (issue 19.2)', () => {
  it('refuses any name that holds a format or control character, wherever it is', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 10 }),
        fc.constantFrom(...FORMAT_OR_CONTROL),
        fc.string({ maxLength: 10 }),
        (before, character, after) => {
          expect(validated(`a${before}${character}${after}a`).problems).toEqual([
            'must not contain invisible, format, bidirectional or control characters',
          ]);
        },
      ),
    );
  });

  it('refuses whitespace at either end, and takes it inside', () => {
    fc.assert(
      fc.property(aName, fc.constantFrom(' ', '\u00a0', '\u2003', '\u3000'), (name, space) => {
        expect(validated(`${space}${name}`).problems).not.toEqual([]);
        expect(validated(`${name}${space}`).problems).not.toEqual([]);
      }),
    );
    expect(validated('Front gate').problems).toEqual([]);
  });

  it('stores every name in NFC, and NFC is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 20 }), (text) => {
        const nfc = text.normalize('NFC');
        expect(nfc.normalize('NFC')).toBe(nfc);
        const { name } = validated(text.normalize('NFD'));
        if (name !== undefined) expect(name).toBe(nfc);
      }),
    );
    expect(validated('a\u0301lice').name).toBe('\u00e1lice');
  });

  it('gives names that look alike one skeleton: Cyrillic а, I and l, rn and m, mathematical letters, decomposed accents', () => {
    const pairs = [
      ['alice', '\u0430lice'],
      ['ADMIN', 'ADMlN'],
      ['modern', 'rnodern'],
      ['paypal', '𝔭𝒶ỿ𝕡𝕒ℓ'],
      ['\u00e1lice', 'a\u0301lice'],
      ['bob', 'b\u043eb'],
    ];
    for (const [a, b] of pairs) expect(skeleton(b)).toBe(skeleton(a));
    expect(skeleton('alice')).not.toBe(skeleton('alicf'));
  });

  it('gives a name and its every Cyrillic lookalike, in any letter case, one folded skeleton', () => {
    const cyrillic: Record<string, string> = {
      a: '\u0430',
      e: '\u0435',
      o: '\u043e',
      c: '\u0441',
      p: '\u0440',
      x: '\u0445',
      A: '\u0410',
      E: '\u0415',
      O: '\u041e',
    };
    fc.assert(
      fc.property(fc.stringMatching(/^[aeocpxAEO][a-z]{0,8}$/), fc.boolean(), (name, upper) => {
        const lookalike = [...name].map((c) => cyrillic[c] ?? c).join('');
        const cased = upper ? lookalike.toUpperCase() : lookalike;
        expect(nameKeys(cased).nameSkeletonFolded).toBe(nameKeys(name).nameSkeletonFolded);
      }),
    );
  });

  it('leaves a valid name valid, and the same, when it is validated again', () => {
    fc.assert(
      fc.property(aName, (name) => {
        const once = validated(name).name!;
        expect(validated(once).name).toBe(once);
        expect(nameProblem(once)).toBeUndefined();
      }),
    );
  });
});
