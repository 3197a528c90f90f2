import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { type AdminIdentity, BOOTSTRAP_ADMIN } from '../auth/admin-identity';
import { hashToken } from '../auth/tokens';
import type { AuthFailureReason } from '../common/app-error';
import { type ConsoleSessionRecord, ConsoleSessionsRepository } from './console-sessions.repository';
import { HOUR_MS } from '../common/timestamps';

/** A session ends after this long without a request… */
const SESSION_IDLE_MS = 30 * 60_000;
/** …and this long after sign-in, whatever happens. */
export const SESSION_ABSOLUTE_MS = 12 * HOUR_MS;
/** lastSeenAt is written at most this often: a page view costs no write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Console sign-in: an admin token becomes a server-side session. The browser holds only a
 * random secret (the cookie); the database holds its hash, the admin and the CSRF token.
 */
@Injectable()
export class ConsoleSessionsService {
  constructor(
    private readonly sessions: ConsoleSessionsRepository,
    private readonly adminAuth: AdminAuthGuard,
  ) {}

  /** The new session's cookie secret, or why the token is no admin's. */
  async signIn(adminToken: string, now: Date): Promise<{ secret: string; admin: AdminIdentity } | AuthFailureReason> {
    const token = adminToken.trim();
    const admin = await this.adminAuth.identify(token);
    if (typeof admin === 'string') return admin;
    const secret = randomBytes(32).toString('base64url');
    // Sessions nobody came back to are removed here, so the table holds little more than live ones.
    await this.sessions.deleteStale(
      new Date(now.getTime() - SESSION_IDLE_MS),
      new Date(now.getTime() - SESSION_ABSOLUTE_MS),
    );
    await this.sessions.create({
      tokenHash: hashToken(secret),
      adminId: admin.id,
      csrfToken: randomBytes(32).toString('base64url'),
      credentialHash: hashToken(token),
      at: now,
    });
    return { secret, admin };
  }

  /** The live session for a cookie secret, its idle timer restarted; null when there is none (or it timed out). */
  async resume(secret: string | undefined, now: Date): Promise<ConsoleSessionRecord | null> {
    if (!secret) return null;
    const session = await this.sessions.find(hashToken(secret));
    // A bootstrap session ends when ADMIN_TOKEN is changed or removed, as the token itself does.
    if (
      !session ||
      (session.admin.id === BOOTSTRAP_ADMIN.id && !this.adminAuth.isBootstrapHash(session.credentialHash))
    )
      return null;
    if (
      now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS ||
      now.getTime() - session.createdAt.getTime() > SESSION_ABSOLUTE_MS
    ) {
      await this.sessions.deleteStale(
        new Date(now.getTime() - SESSION_IDLE_MS),
        new Date(now.getTime() - SESSION_ABSOLUTE_MS),
      );
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.sessions.touch(session.id, now);
    return session;
  }

  signOut(session: ConsoleSessionRecord): Promise<void> {
    return this.sessions.delete(session.id);
  }
}
