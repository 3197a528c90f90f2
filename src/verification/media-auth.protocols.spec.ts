import type { Decision, LinkState } from './link-decision';
import { flussonic } from './media-auth.protocols';

describe('flussonic.answer', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const allowFor = (ms: number): Decision => ({
    allow: true,
    link: { subject: 'user-1' } as LinkState,
    validUntil: new Date(now.getTime() + ms),
  });
  const duration = (ms: number, max = 300) => flussonic.answer(allowFor(ms), max, now);

  it('never lets Flussonic keep a session past the link: whole seconds left, at most the configured maximum', () => {
    expect(duration(59_999)).toEqual({ status: 200, headers: { 'X-AuthDuration': '59', 'X-UserId': 'user-1' } });
    expect(duration(1_000).headers?.['X-AuthDuration']).toBe('1');
    expect(duration(3_600_000, 300).headers?.['X-AuthDuration']).toBe('300');
  });

  it('refuses a link with under a second left instead of stretching it to 1 s (issue 19.6)', () => {
    expect(duration(999)).toEqual({ status: 403 });
    expect(duration(1)).toEqual({ status: 403 });
  });

  it('refuses what the decision refuses', () => {
    expect(flussonic.answer({ allow: false, reason: 'expired' }, 300, now)).toEqual({ status: 403 });
  });
});
