import { createHash, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hashToken } from '../auth/tokens';
import { VerificationRepository } from './verification.repository';

/**
 * MediaMTX with `authMethod: http` asks its auth endpoint about calls to its own control API too
 * (action `api`, with the caller's Basic credentials), camlinks' kicks among them. Allowed for
 * exactly the credentials camlinks kicks with (`control_api_username`/`_password`), and only when
 * the asking media server presents its verification secret: no link token ever opens the API.
 */
@Injectable()
export class ControlApiGate {
  constructor(private readonly repository: VerificationRepository) {}

  async allows(secret: string | undefined, user: string | undefined, password: string | undefined): Promise<boolean> {
    if (!secret || !password) return false;
    const expected = await this.repository.findControlApiCredentials(hashToken(secret));
    if (!expected?.password) return false;
    // Both compared, in constant time, whichever differs.
    const userMatches = same(user ?? '', expected.username ?? '');
    return same(password, expected.password) && userMatches;
  }
}

function same(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
