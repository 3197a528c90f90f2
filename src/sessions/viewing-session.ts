/** Why a viewing session ended. */
export const END_REASONS = [
  'revoked',
  'expired',
  'ended_by_admin',
  'camera_blocked',
  'grant_gone',
  'issuer_revoked',
  'idle',
] as const;
export type EndReason = (typeof END_REASONS)[number];

/**
 * Ending a session on its media server: `pending` (to kick), `done` (kicked), `gone` (the media
 * server no longer had it, e.g. 404) or `failed` (given up; kick_error says why).
 */
export const KICK_STATES = ['pending', 'done', 'gone', 'failed'] as const;
export type KickState = (typeof KICK_STATES)[number];

/** The media-auth endpoint a session's media server asks through. */
export const MEDIA_SERVER_KINDS = ['nginx', 'flussonic', 'mediamtx'] as const;
export type MediaServerKind = (typeof MEDIA_SERVER_KINDS)[number];
