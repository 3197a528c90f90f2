import { generateLinkToken, generateToken } from '../auth/tokens';
import { linkTokenOf } from './link-references';

describe('linkTokenOf', () => {
  const { token } = generateLinkToken(new Date());
  // A token minted before link tokens carried their issue day.
  const other = generateToken('link').token;

  it('reads a bare token and the token of an issued URL', () => {
    expect(linkTokenOf(token)).toBe(token);
    expect(linkTokenOf(` ${token}\n`)).toBe(token);
    expect(linkTokenOf(other)).toBe(other);
    expect(linkTokenOf(`http://127.0.0.1:8080/gate-hd/preview.mp4?token=${token}`)).toBe(token);
    expect(linkTokenOf(`rtsp://cams.example:554/gate-hd?from=1700000000&token=${encodeURIComponent(token)}`)).toBe(
      token,
    );
    expect(linkTokenOf(`https://media.example/${token}/gate-hd/index.m3u8`)).toBe(token);
    expect(linkTokenOf(`https://media.example/${token}/index.m3u8?token=${token}`)).toBe(token);
  });

  it('names no link when the token is not where camlinks puts it, or two are given', () => {
    for (const reference of [
      '',
      'cll_short',
      `${token}x`,
      `x${token}`,
      generateToken('integration').token,
      `http://host/x?token=${token}&token=${other}`,
      `http://host/${other}?token=${token}`,
      `http://host/x#token=${token}`,
      `http://${token}@host/x`,
      `http://host/x?t=${token}`,
      `http://host/x?token=${token}x`,
      `javascript:alert(1)//?token=${token}`,
      `text before http://host/x?token=${token}`,
      `http://host/x?token=${'%'.repeat(3)}`,
    ]) {
      expect([reference, linkTokenOf(reference)]).toEqual([reference, undefined]);
    }
  });
});
