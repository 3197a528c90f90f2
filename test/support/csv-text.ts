import fc from 'fast-check';

/** Text with what CSV and spreadsheets treat specially, in any place. */
export const trickyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', ',', '\n', '\r', '\t', '=', '+', '-', '@', "'", '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', ' '),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
});
