import { HLS_NAME_RULES, MAX_CHUNK_MS, readHlsName } from './hls-names';

describe('HLS names a video link may open', () => {
  it('reads every documented example of every rule, inside a track folder too', () => {
    for (const rule of HLS_NAME_RULES) {
      for (const example of rule.examples) {
        expect([rule.server, example, readHlsName(example)]).toEqual([
          rule.server,
          example,
          expect.objectContaining({ kind: expect.any(String) }),
        ]);
        if (!example.startsWith('tracks-')) expect(readHlsName(`tracks-v1a1/${example}`)).not.toBeNull();
      }
    }
  });

  it('reads the time of Flussonic chunks and DVR playlists', () => {
    const start = Date.UTC(2024, 0, 2, 3, 4, 5);
    expect(readHlsName('2024/01/02/03/04/05-06000.ts')).toEqual({
      kind: 'timed',
      chunk: true,
      from: start,
      to: start + 6000,
    });
    expect(readHlsName('index-1700000000-3600.m3u8')).toEqual({
      kind: 'timed',
      chunk: false,
      from: 1_700_000_000_000,
      to: 1_700_003_600_000,
    });
    expect(readHlsName('archive-1700000000-now.m3u8')).toEqual({
      kind: 'timed',
      chunk: false,
      from: 1_700_000_000_000,
      to: null,
    });
    expect(readHlsName('timeshift_abs-1700000000.m3u8')).toEqual({
      kind: 'timed',
      chunk: false,
      from: 1_700_000_000_000,
      to: null,
    });
  });

  it.each([
    // Flussonic's DVR and timeshift names a live link must never open (issue 13), and their upper-case forms.
    'archive-1700000000-3600.mp4',
    'archive-1700000000-3600.ts',
    'index-1700000000-3600.ts',
    'index-1700000000-3600.mpd',
    'archive-1700000000-now.mpd',
    'archive/1700000000/3600/mpegts',
    'timeshift_rel-3600.m3u8',
    'timeshift_abs-1700000000.ts',
    'rewind-3600.m3u8',
    'mono-rewind-3600.m3u8',
    'ARCHIVE-1700000000-3600.MP4',
    'INDEX-1700000000-3600.M3U8',
    'TIMESHIFT_REL-3600.M3U8',
    'Archive1.ts',
    'DVR12.ts',
    'preview.mp4',
    'preview1.ts',
    // Chunks that would roll over into another time, or claim to last too long.
    '2024/13/02/03/04/05-06000.ts',
    '2024/02/30/03/04/05-06000.ts',
    '2024/01/02/24/04/05-06000.ts',
    '2024/01/02/03/04/99-06000.ts',
    '0024/01/02/03/04/05-06000.ts',
    `2024/01/02/03/04/05-${MAX_CHUNK_MS + 1}.ts`,
    '2024/01/02/03/04/05-00000.ts',
    // Other folders: another stream below this one, or deeper than one track folder.
    'north/index.m3u8',
    'tracks-v1/tracks-a1/index.m3u8',
    'tracks-v1/north/index.m3u8',
    'x/2024/01/02/03/04/05-06000.ts',
    // Nothing at all.
    '',
    'index.m3u8/x',
    'index.html',
    'seg-123456789.ts',
  ])('opens nothing for %j', (name) => {
    expect(readHlsName(name)).toBeNull();
  });
});
