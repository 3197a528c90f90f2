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
  return minted(PREFIXES[kind] + randomBytes(32).toString('base64url'));
}

/**
 * A link token ends with its UTC issue day (YYYYMMDD): issued_links is partitioned by issue day,
 * and the day names the one partition its lookup probes (linkTokenDay). The day is part of what
 * is hashed, so one hash always belongs to one day, which makes a hash unique per partition
 * unique overall. Tokens minted before carry no day and are looked up in every partition.
 */
export function generateLinkToken(issuedAt: Date): NewToken {
  const day = issuedAt.toISOString().slice(0, 10).replaceAll('-', '');
  return minted(PREFIXES.link + randomBytes(32).toString('base64url') + day);
}

function minted(token: string): NewToken {
  return { token, hash: hashToken(token), displayPrefix: token.slice(0, DISPLAY_LENGTH) };
}

/** Tokens carry 256 random bits, so a fast unsalted hash is enough to make a stolen table useless. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The kind a presented token claims to be, or undefined when it is not shaped like one of ours. */
export function tokenKind(token: string): TokenKind | undefined {
  const kind = (Object.keys(PREFIXES) as TokenKind[]).find((k) => token.startsWith(PREFIXES[k]));
  const shape = kind === 'link' ? /^[A-Za-z0-9_-]{43}(\d{8})?$/ : /^[A-Za-z0-9_-]{43}$/;
  return kind && shape.test(token.slice(PREFIXES[kind].length)) ? kind : undefined;
}

/** The start (UTC) of the day a link token says it was issued on; undefined for a token without one. */
export function linkTokenDay(token: string): Date | undefined {
  const day = /^cll_[A-Za-z0-9_-]{43}(\d{4})(\d{2})(\d{2})$/.exec(token);
  if (!day) return undefined;
  const start = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  // 20261331 is no day: Date.UTC would roll it over into another one.
  return start.toISOString().slice(0, 10).replaceAll('-', '') === day.slice(1).join('') ? start : undefined;
}
