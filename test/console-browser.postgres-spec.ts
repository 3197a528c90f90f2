import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { hourOf, HourlyStats } from '../src/stats/hourly-stats';
import { UsageRecorder } from '../src/verification/usage-recorder';
import { aCamera, aMediaServer, anIntegration, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';
import { HOUR_MS } from '../src/common/timestamps';

/** Debian's Chromium (scripts/test-prerequisites.js installs it); Playwright's own download cannot work offline. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** The test run writes the README's screenshots (docs/admin-console-*.png), to be committed when the pages change. */
const DOCS = join(__dirname, '..', 'docs');
/** UTC+9 all year, with no summer time. */
const ZONE = 'Asia/Tokyo';

/**
 * The console in a real browser, on PostgreSQL: what a security officer and a support engineer
 * do with it, an accessibility scan of every page, and the README's screenshots.
 */
describe('admin console in a browser (postgres)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let adminToken: string;
  let adminId: string;
  let lobby: Awaited<ReturnType<typeof aCamera>>;
  let billing: Awaited<ReturnType<typeof anIntegration>>;
  let portal: Awaited<ReturnType<typeof anIntegration>>;
  const urls: { url: URL; camera: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ USAGE_FLUSH_INTERVAL_MS: '600000' });
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await seed();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    // An admin far from UTC: the console shows times in the browser's zone.
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      timezoneId: ZONE,
    });
    page = await context.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Two integrations asking for links to three cameras, some of them used and refused, and a month of counters behind them. */
  async function seed(): Promise<void> {
    const edge = await aMediaServer(t.prisma, { name: 'edge-1' });
    lobby = await aCamera(t.prisma, { name: 'Lobby entrance', mediaServerId: edge.id });
    const garage = await aCamera(t.prisma, { name: 'Garage ramp', mediaServerId: edge.id });
    const yard = await aCamera(t.prisma, { name: 'Yard east', mediaServerId: edge.id });
    billing = await anIntegration(t.prisma);
    portal = await anIntegration(t.prisma);
    await t.prisma.integration.update({ where: { id: billing.integration.id }, data: { name: 'billing' } });
    await t.prisma.integration.update({ where: { id: portal.integration.id }, data: { name: 'tenant-portal' } });
    for (const [token, cameras] of [
      [billing.token, [lobby, garage, lobby, yard, lobby]],
      [portal.token, [garage, yard, garage]],
    ] as const) {
      for (const camera of cameras) {
        const res = await t
          .http()
          .post('/api/v1/cameras/video')
          .set(bearer(token))
          .send({ cameras: [{ uuid: camera.uuid }], source: 'hls' });
        expect(res.status).toBe(200);
        urls.push({ url: new URL(res.body[0].url), camera: camera.uuid });
      }
    }
    for (const { url } of urls.slice(0, 4)) expect(await t.mediaAuth(url)).toBe(204);
    expect(await t.mediaAuth(new URL(`${urls[0].url.pathname}?token=cll_${'x'.repeat(43)}`, base))).toBe(403);
    await Promise.all([t.app.get(HourlyStats).flush(), t.app.get(UsageRecorder).flush()]);
    // Earlier traffic, as the counters would hold it after a month of use: the charts show their shape.
    const stats = t.app.get(HourlyStats);
    const now = Date.now();
    for (let hour = 1; hour < 30 * 24; hour += 1) {
      const at = new Date(now - hour * HOUR_MS);
      const busy = Math.round(40 + 30 * Math.sin((hourOf(at).getUTCHours() / 24) * 2 * Math.PI) + (hour % 7) * 3);
      stats.count('issued', busy, at);
      stats.count('allowed', busy * 3, at);
      stats.count('refused:expired', hour % 5, at);
      stats.count('refused:wrong_resource', hour % 3, at);
    }
    await stats.flush();
    const created = await t
      .http()
      .post('/api/v1/admin/admins')
      .set(bearer(TEST_ADMIN_TOKEN))
      .send({ name: 'olivia', email: 'olivia@example.com' });
    adminToken = created.body.token;
    adminId = created.body.id;
  }

  async function expectAccessible(): Promise<void> {
    await expectAccessibleOn(page);
  }

  async function expectAccessibleOn(page: Page): Promise<void> {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  }

  it('signs in with an admin token and shows the overview', async () => {
    await page.goto(`${base}/admin`);
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await expectAccessible();
    await page.getByLabel('Admin token').fill(adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(await page.getByText('Signed in as olivia').count()).toBe(1);
    expect(await page.locator('svg[role="img"]').count()).toBe(4);
    expect(await page.locator('.stats').innerText()).toMatch(/8\s*active/);
    await expectAccessible();
    await page.screenshot({ path: join(DOCS, 'admin-console-overview.png'), fullPage: true });
  });

  it('filters links to a camera, opens one and revokes it with a reason; the media server is refused right after', async () => {
    await page.getByRole('link', { name: 'Links', exact: true }).click();
    await page.getByRole('heading', { name: 'Links', exact: true }).waitFor();
    expect(await page.locator('table.links tbody tr').count()).toBe(8);
    await expectAccessible();
    await page.screenshot({ path: join(DOCS, 'admin-console-links.png'), fullPage: true });
    await page.getByLabel('Camera').selectOption({ label: 'Lobby entrance' });
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await page.waitForURL(/camera_uuid=/);
    expect(await page.locator('table.links tbody tr').count()).toBe(3);
    expect(await page.locator('table.links tbody').innerText()).not.toMatch(/Garage|Yard/);
    await page.locator('table.links tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { name: /^Link cll_/ }).waitFor();
    await expectAccessible();
    const id = page.url().split('/').pop()!;
    const link = await t.prisma.issuedLink.findFirstOrThrow({ where: { id } });
    const url = urls.find(({ url }) => url.searchParams.get('token')!.startsWith(link.tokenPrefix))!.url;
    expect(await t.mediaAuth(url)).toBe(204);
    await page.getByLabel('Reason').fill('viewer reported a leaked link');
    // The confirmation is a step in the page, not a native dialog.
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Revoke' }).click();
    const confirmation = page.getByRole('alertdialog');
    await confirmation.waitFor();
    expect(await confirmation.innerText()).toContain('Revoke this link?');
    await expectAccessible();
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirmation.count()).toBe(0);
    expect(await t.mediaAuth(url)).toBe(204); // nothing was sent
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('button', { name: 'Yes, revoke it' }).click();
    await page.getByText('viewer reported a leaked link').waitFor();
    expect(dialogs).toEqual([]);
    expect(await page.locator('h1 .status').innerText()).toBe('revoked');
    expect(await t.mediaAuth(url)).toBe(403);
  });

  it("shows times in the browser's zone with UTC on hover, and reads the filter's times in that zone", async () => {
    await page.goto(`${base}/admin/links`);
    const first = page.locator('table.links tbody time').first();
    const utc = new Date((await first.getAttribute('datetime'))!);
    const inTokyo = new Date(utc.getTime() + 9 * 3_600_000).toISOString();
    expect(await first.innerText()).toBe(`${inTokyo.slice(0, 10)} ${inTokyo.slice(11, 19)} GMT+9`);
    expect(await first.getAttribute('title')).toBe(`${utc.toISOString().slice(0, 19).replace('T', ' ')} UTC`);
    expect(await page.getByText('Issued from (Asia/Tokyo)').count()).toBe(1);
    // Tokyo's wall-clock time an hour ago: every link was issued after it. Read as UTC it would be 8 hours ahead.
    const hourAgo = new Date(Date.now() - 3_600_000 + 9 * 3_600_000).toISOString().slice(0, 16);
    await page.getByLabel('Issued from').fill(hourAgo);
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await page.waitForURL(/issued_from=/);
    expect(new URL(page.url()).searchParams.get('tz')).toBe(ZONE);
    expect(await page.locator('table.links tbody tr').count()).toBe(8);
    expect(await page.getByLabel('Issued from').inputValue()).toBe(hourAgo);
  });

  it('bulk-revokes everything an integration issued after a confirmation with the count', async () => {
    await page.goto(`${base}/admin/links`);
    await page.getByLabel('Integration').selectOption({ label: 'tenant-portal' });
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await page.waitForURL(/integration_id=/);
    await page.getByRole('link', { name: 'Revoke all matching…' }).click();
    await page.getByRole('heading', { name: 'Revoke links' }).waitFor();
    expect(await page.locator('#revoke-count').innerText()).toBe('3');
    await expectAccessible();
    await page.getByLabel('Reason').fill('tenant moved out');
    await page.getByRole('button', { name: 'Revoke 3 links' }).click();
    await page.getByText('Revoked 3 links.').waitFor();
    expect(
      await t.prisma.issuedLink.count({
        where: { integrationId: portal.integration.id, revokedReason: 'tenant moved out', revokedBy: 'olivia' },
      }),
    ).toBe(3);
    expect(
      await t.prisma.issuedLink.count({
        where: { integrationId: billing.integration.id, revokedReason: 'tenant moved out' },
      }),
    ).toBe(0);
  });

  it('downloads the current filter as CSV', async () => {
    await page.goto(`${base}/admin/links?integration_id=${billing.integration.id}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const rows = parse(await readFile((await download.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((row) => row.issued_by_integration_id))).toEqual(new Set([billing.integration.id]));
    const revoked = rows.find((row) => row.status === 'revoked')!;
    expect(revoked).toMatchObject({
      camera_uuid: lobby.uuid,
      revoked_by: 'olivia',
      revoked_reason: 'viewer reported a leaked link',
    });
  });

  it('names the admin in the audit events, and links to the object', async () => {
    await page.getByRole('link', { name: 'Audit events' }).click();
    // Each admin is offered with the start of its id: two names that look alike still differ there.
    await page.getByLabel('Admin').selectOption({ label: `olivia (${adminId.slice(0, 8)})` });
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await page.waitForURL(/actor_id=/);
    const table = await page.locator('table tbody').innerText();
    expect(table).toContain('POST /admin/links/:id/revoke');
    expect(table).toContain('POST /admin/links/revoke');
    expect(table).toContain(`olivia ${adminId.slice(0, 8)}`);
    expect(table).not.toContain('bootstrap');
    await expectAccessible();
    await page.locator('table tbody a[href^="/admin/links/"]').first().click();
    await page.getByRole('heading', { name: /^Link cll_/ }).waitFor();
  });

  it('fits a phone screen', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      storageState: await context.storageState(),
    });
    const small = await phone.newPage();
    for (const path of ['/admin', '/admin/links', '/admin/audit-events']) {
      await small.goto(`${base}${path}`);
      expect(await small.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    }
    await phone.close();
  });

  it('refuses a forged form post: without the CSRF token, and from another site', async () => {
    const target = await t.prisma.issuedLink.findFirstOrThrow({
      where: { integrationId: billing.integration.id, revokedAt: null },
    });
    // The browser's own cookies, but no CSRF token.
    const forged = await context.request.post(`${base}/admin/links/${target.id}/revoke`, {
      form: { reason: 'forged' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    // A page elsewhere that posts to the console, even with a valid CSRF token (as if it had leaked):
    // SameSite=Strict keeps the session cookie home, and the origin is wrong.
    const csrf = /name="_csrf" value="([^"]+)"/.exec(
      await (await context.request.get(`${base}/admin/links`)).text(),
    )![1];
    const action = `${base}/admin/links/${target.id}/revoke`;
    await page.route('http://attacker.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form method="post" action="${action}"><input name="_csrf" value="${csrf}"><input name="reason" value="forged"><button>Win a prize</button></form>`,
      }),
    );
    await page.goto('http://attacker.test/');
    const [refused] = await Promise.all([
      page.waitForResponse((response) => response.url() === action),
      page.getByRole('button', { name: 'Win a prize' }).click(),
    ]);
    expect(refused.status()).toBe(403);
    expect((await t.prisma.issuedLink.findFirstOrThrow({ where: { id: target.id } })).revokedAt).toBeNull();
  });

  it("shows an auditor the links and nothing to change them with; the server refuses the auditor's revoke post", async () => {
    const { body: auditor } = await t
      .http()
      .post('/api/v1/admin/admins')
      .set(bearer(TEST_ADMIN_TOKEN))
      .send({ name: 'audrey', role: 'auditor' });
    const auditing = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const view = await auditing.newPage();
    await view.goto(`${base}/admin/sign-in`);
    await view.getByLabel('Admin token').fill(auditor.token);
    await view.getByRole('button', { name: 'Sign in' }).click();
    await view.getByRole('heading', { name: 'Overview' }).waitFor();
    await view.goto(`${base}/admin/links?integration_id=${portal.integration.id}`);
    expect(await view.getByText('Signed in as audrey (auditor)').count()).toBe(1);
    expect(await view.locator('table.links tbody tr').count()).toBeGreaterThan(0);
    expect(await view.getByRole('link', { name: 'Revoke all matching…' }).count()).toBe(0);
    expect(await view.getByRole('link', { name: 'Download CSV' }).count()).toBe(1);
    await view.screenshot({ path: join(DOCS, 'admin-console-auditor.png'), fullPage: true });
    const target = await t.prisma.issuedLink.findFirstOrThrow({
      where: { integrationId: billing.integration.id, revokedAt: null },
    });
    await view.goto(`${base}/admin/links/${target.id}`);
    expect(await view.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    await expectAccessibleOn(view);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await view.content())![1];
    const posted = await auditing.request.post(`${base}/admin/links/${target.id}/revoke`, {
      form: { _csrf: csrf, reason: 'auditor' },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(403);
    expect((await t.prisma.issuedLink.findFirstOrThrow({ where: { id: target.id } })).revokedAt).toBeNull();
    await auditing.close();
  });

  it('signs out, and is refused after', async () => {
    await page.goto(`${base}/admin`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto(`${base}/admin/links`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    expect((await context.request.get(`${base}/admin/links.csv`, { maxRedirects: 0 })).status()).toBe(303);
  });
});
