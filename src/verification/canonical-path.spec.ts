import { canonicalDirectory, canonicalPath, rawPathOf } from './canonical-path';

describe('canonicalPath', () => {
  it.each([
    ['/gate-hd/preview.jpg', '/gate-hd/preview.jpg'],
    ['/site2/gate-hd/index.m3u8', '/site2/gate-hd/index.m3u8'],
    ['/cam%201/index.m3u8', '/cam 1/index.m3u8'],
    ['/%D0%BA%D0%B0%D0%BC/index.m3u8', '/кам/index.m3u8'],
    ['/g%61te-hd/preview.jpg', '/gate-hd/preview.jpg'],
    ['/a.b/...', '/a.b/...'],
    ['/.well/x', '/.well/x'],
  ])('reads %s as %s', (raw, canonical) => {
    expect(canonicalPath(raw)).toBe(canonical);
  });

  it.each([
    ['', 'empty'],
    ['gate-hd/preview.jpg', 'relative'],
    ['//site2/gate-hd/index.m3u8', 'the authority form'],
    ['/\\site2/gate-hd/index.m3u8', 'the authority form with a backslash'],
    ['/gate-hd//index.m3u8', 'an empty segment'],
    ['/gate-hd/', 'a directory'],
    ['/gate-hd/./index.m3u8', 'a dot segment'],
    ['/gate-hd/../other/index.m3u8', 'a dot-dot segment'],
    ['/gate-hd/..', 'a trailing dot-dot segment'],
    ['/gate-hd/%2e%2e/other/index.m3u8', 'an encoded dot-dot segment'],
    ['/gate-hd/.%2E/other/index.m3u8', 'a half-encoded dot-dot segment'],
    ['/gate-hd/%2E/index.m3u8', 'an encoded dot segment'],
    ['/gate-hd%2F..%2Fother/index.m3u8', 'an encoded slash'],
    ['/gate-hd%2fx/index.m3u8', 'an encoded slash, lower case'],
    ['/gate-hd%5C..%5Cother/index.m3u8', 'an encoded backslash'],
    ['/gate-hd\\..\\other/index.m3u8', 'a backslash'],
    ['/gate-hd/%252e%252e/other/index.m3u8', 'a double encoding'],
    ['/gate-hd/%25/index.m3u8', 'an encoded percent sign'],
    ['/gate-hd/%00.m3u8', 'an encoded NUL'],
    ['/gate-hd/\u0000.m3u8', 'a NUL'],
    ['/gate-hd/%0a.m3u8', 'an encoded line feed'],
    ['/gate hd/index.m3u8', 'a raw space'],
    ['/gate-hd/\u00e9.m3u8', 'a raw non-ASCII character'],
    ['/gate-hd/%zz.m3u8', 'a malformed escape'],
    ['/gate-hd/%C3.m3u8', 'a truncated UTF-8 sequence'],
    ['/gate-hd/x%3F.m3u8', 'an encoded question mark'],
    ['/gate-hd/x%23.m3u8', 'an encoded hash'],
    ['/gate-hd/index.m3u8?token=x', 'a query'],
    ['/gate-hd/index.m3u8#x', 'a fragment'],
  ])('refuses %j (%s)', (raw) => {
    expect(canonicalPath(raw)).toBeNull();
  });

  it('reads a directory by the same rules', () => {
    expect(canonicalDirectory('/media/cam%201/')).toBe('/media/cam 1/');
    expect(canonicalDirectory('/')).toBeNull();
    expect(canonicalDirectory('/media/../')).toBeNull();
    expect(canonicalDirectory('/media')).toBeNull();
  });

  it('takes the path out of an absolute URL without treating it as a host', () => {
    expect(rawPathOf('http://edge:8080/gate-hd/index.m3u8?token=x#y')).toBe('/gate-hd/index.m3u8');
    expect(rawPathOf('rtsp://edge/gate-hd?token=x')).toBe('/gate-hd');
    expect(rawPathOf('http://edge:8080')).toBe('');
    expect(rawPathOf('/gate-hd/index.m3u8')).toBeNull();
  });
});
