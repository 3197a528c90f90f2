import { OpenApiResponseValidator } from './openapi-validator';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body,
});

describe('the response check of the e2e suite (against the committed openapi.json)', () => {
  const validator = OpenApiResponseValidator.fromCommittedFile();
  const CAMERA = '/api/v1/admin/cameras/3f1c2a9e-8b7d-4c6e-9a51-2d0f4b8e7c11';

  it('accepts a documented answer', () => {
    expect(validator.check('GET', CAMERA, { status: 404, ...json({ message: 'Camera not found.' }) })).toEqual([]);
  });

  it('names the route, the status and what differs', () => {
    expect(
      validator.check('GET', CAMERA, { status: 400, ...json({ message: 'Validation failed (uuid is expected)' }) }),
    ).toEqual([
      expect.stringMatching(
        /^GET \/api\/v1\/admin\/cameras\/\{uuid\} → 400: status 400 is not documented \(camerasGet documents .*\); body: \{"message"/,
      ),
    ]);
    expect(validator.check('GET', CAMERA, { status: 404, ...json({ error: { code: 'not_found' } }) })).toEqual([
      expect.stringMatching(
        /^GET \/api\/v1\/admin\/cameras\/\{uuid\} → 404: body does not match the application\/json schema: the value must have required property 'message'/,
      ),
    ]);
  });

  it('checks the Content-Type and required headers', () => {
    expect(
      validator.check('GET', '/api/v1/admin/links', {
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: '<p>',
      }),
    ).toEqual([
      'GET /api/v1/admin/links → 200: Content-Type text/html is not documented (documented: application/json)',
    ]);
    expect(
      validator.check('POST', '/api/v1/cameras/preview', { status: 429, ...json({ message: 'Too Many Attempts.' }) }),
    ).toEqual(['POST /api/v1/cameras/preview → 429: header Retry-After is documented as required but missing']);
    expect(
      validator.check('GET', '/api/v1/media-auth/flussonic', {
        status: 200,
        headers: { 'x-authduration': 'soon', 'x-userid': 'u' },
        body: undefined,
      }),
    ).toEqual(['GET /api/v1/media-auth/flussonic → 200: header X-AuthDuration: "soon" the value must be integer']);
  });

  it('matches a literal path segment before a parameter', () => {
    expect(validator.check('POST', '/api/v1/admin/links/revoke', { status: 200, ...json({ count: 2 }) })).toEqual([]);
  });

  it('refuses an answer from a route the document does not have, except the docs, preflights and unknown routes', () => {
    expect(validator.check('GET', '/api/v1/secret', { status: 200, ...json({}) })).toEqual([
      'GET /api/v1/secret: no operation in openapi.json for this method and path',
    ]);
    expect(
      validator.check('GET', '/api/v1/secret', { status: 404, ...json({ message: 'Cannot GET /api/v1/secret' }) }),
    ).toEqual([]);
    expect(
      validator.check('OPTIONS', '/api/v1/cameras/preview', { status: 204, headers: {}, body: undefined }),
    ).toEqual([]);
    expect(validator.check('GET', '/api/docs-json', { status: 200, ...json({}) })).toEqual([]);
  });
});
