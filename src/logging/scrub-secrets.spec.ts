import { scrubSecrets } from './scrub-secrets';

const LINK = `cll_${'A1b2-_'.repeat(7)}x`;

describe('scrubSecrets', () => {
  it('removes credentials from URLs, bearer values and token-shaped strings, wherever they are', () => {
    const line = JSON.stringify({
      headers: {
        'x-original-uri': `/gate-hd/preview.jpg?token=${LINK}&t=1`,
        referer: `https://vms.example.com/view?access_token=abc&camera=7`,
      },
      msg: `fetch https://edge/x?secret=s3cr3t#api_key=k3y failed; Authorization: Bearer opaque-admin-token; saw ${LINK.replace('cll_', 'cli_')} and ${LINK.replace('cll_', 'cla_')}`,
    });
    const scrubbed = scrubSecrets(line);
    for (const secret of [LINK, 'abc', 's3cr3t', 'k3y', 'opaque-admin-token', LINK.slice(4)])
      expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain('/gate-hd/preview.jpg?token=[redacted]&t=1');
    expect(scrubbed).toContain('camera=7');
    expect(scrubbed).toContain('Bearer [redacted]');
    expect(scrubbed).toContain('cli_[redacted]');
    expect(scrubbed).toContain('cla_[redacted]');
    expect(() => JSON.parse(scrubbed)).not.toThrow();
  });

  it('leaves lines without credentials as they are', () => {
    const line = '{"req":{"path":"/api/v1/cameras/preview"},"res":{"statusCode":200},"msg":"request completed"}';
    expect(scrubSecrets(line)).toBe(line);
  });
});
