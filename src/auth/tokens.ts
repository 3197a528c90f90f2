import { createHash, randomBytes } from 'node:crypto';

/** Typed prefixes tell a leaked token's kind at a glance (and to secret scanners). */
const PREFIXES = { integration: 'cli_', user: 'clu_', link: 'cll_', admin: 'cla_' } as const;
export type TokenKind = keyof typeof PREFIXES;

/** Length of the part of a token kept in clear for display: the prefix and 8 random characters. */
export const DISPLAY_LENGTH = 12;

export interface NewToken {
  /** The plaintext: shown once, never stored. */
  token: string;
  hash: string;
  displayPrefix: string;
}

export function generateToken(kind: TokenKind): NewToken {
  const token = PREFIXES[kind] + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token), displayPrefix: token.slice(0, DISPLAY_LENGTH) };
}

/** Tokens carry 256 random bits, so a fast unsalted hash is enough to make a stolen table useless. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The kind a presented token claims to be, or undefined when it is not shaped like one of ours. */
export function tokenKind(token: string): TokenKind | undefined {
  const kind = (Object.keys(PREFIXES) as TokenKind[]).find((k) => token.startsWith(PREFIXES[k]));
  return kind && /^[A-Za-z0-9_-]{43}$/.test(token.slice(PREFIXES[kind].length)) ? kind : undefined;
}
