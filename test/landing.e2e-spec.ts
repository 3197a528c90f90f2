import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app';

/** Someone who opens camlinks' address in a browser finds where to go, not a 404. */
describe('the landing page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  // Not API routes (excluded from the document), so not through t.http()'s document check.
  const browser = () => request(t.app.getHttpServer());

  it('leads from / to a page linking the API docs, the console and the README, without inline script', async () => {
    const root = await browser().get('/');
    expect([root.status, root.headers.location]).toEqual([302, '/welcome']);
    const page = await browser().get('/welcome');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    for (const href of ['/api/docs', '/admin', '/readme']) expect(page.text).toContain(`href="${href}"`);
    // The CSP (script-src 'self') would block an inline script: there is none, nor any outside asset.
    expect(page.text).not.toMatch(/<script|<style>|style="|https?:\/\//);
    const readme = await browser().get('/readme');
    expect(readme.status).toBe(200);
    expect(readme.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(readme.text).toMatch(/^# camlinks\n/);
  });
});
