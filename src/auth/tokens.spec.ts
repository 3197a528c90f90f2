import { generateLinkToken, generateToken, hashToken, linkTokenDay, tokenKind } from './tokens';

describe('link tokens', () => {
  it('end with their UTC issue day, which names the partition of their lookup', () => {
    const { token, hash } = generateLinkToken(new Date('2026-12-07T23:59:59.999+00:00'));
    expect(token).toMatch(/^cll_[A-Za-z0-9_-]{43}20261207$/);
    expect(hash).toBe(hashToken(token));
    expect(tokenKind(token)).toBe('link');
    expect(linkTokenDay(token)).toEqual(new Date('2026-12-07T00:00:00Z'));
  });

  it('minted before they carried a day are still link tokens, looked up without one', () => {
    const { token } = generateToken('link');
    expect(tokenKind(token)).toBe('link');
    expect(linkTokenDay(token)).toBeUndefined();
  });

  it('name no day that does not exist, and only link tokens carry one', () => {
    const random = generateToken('link').token;
    expect(linkTokenDay(`${random}20261332`)).toBeUndefined();
    expect(linkTokenDay(`${random}20260229`)).toBeUndefined();
    expect(tokenKind(`${random}2026120`)).toBeUndefined();
    expect(tokenKind(`${generateToken('integration').token}20261207`)).toBeUndefined();
  });
});
