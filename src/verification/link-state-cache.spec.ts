import type { LinkState } from './link-decision';
import { ruleCovers } from './link-state-cache';

const ISSUED = new Date('2030-01-01T12:00:00Z');
const state = {
  kind: 'preview',
  source: 'jpg',
  issued: { cameraUuid: 'camera', integrationId: 'integration', userId: null, at: ISSUED },
} as LinkState;
const rule = (selection: Record<string, string | null>) => ({
  camera_uuid: null,
  integration_id: null,
  user_id: null,
  issued_from: null,
  issued_to: null,
  cut_off: '2030-01-01T13:00:00Z',
  ...selection,
});

describe('ruleCovers (which cached link states a revocation rule drops)', () => {
  it.each<[string, Record<string, string | null>, boolean]>([
    ['its camera', { camera_uuid: 'camera' }, true],
    ['another camera', { camera_uuid: 'other' }, false],
    ['issued after the cut-off', { cut_off: '2030-01-01T11:00:00Z' }, false],
    ['its kind and source', { kind: 'preview', source: 'jpg' }, true],
    ['another kind', { kind: 'live' }, false],
    ['another source', { source: 'hls' }, false],
    // A state has no token prefix: dropped needlessly costs one read, kept wrongly a refusal missed.
    ['a token prefix', { token_prefix: 'cll_abcd' }, true],
    ['a notification from before kinds and sources (fields missing)', {}, true],
  ])('%s', (_, selection, covers) => {
    expect(ruleCovers(rule(selection), state)).toBe(covers);
  });
});
