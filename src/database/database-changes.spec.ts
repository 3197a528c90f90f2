import { Logger } from '@nestjs/common';
import { loadConfig } from '../config/app-config';
import type { OpenDatabase } from './open-database';
import { CAMERA_FACTS_TABLES, GRANT_TABLES } from '../integration/cameras.repository';
import { LINK_STATE_TABLES, MEDIA_SERVER_SECRET_TABLES } from '../verification/verification.repository';
import { CHANGES_CHANNEL, type ChangeSubscriber, DatabaseChanges, tablesReadBy } from './database-changes';
import { ChangeAwareCache } from './change-aware-cache';

/** A database whose notifications the test delivers, or swallows. */
class FakeDatabase {
  listeners = 0;
  closed = 0;
  deliver = true;
  private onMessage?: (payload: string) => void;

  readonly open: OpenDatabase = {
    factory: undefined as never,
    sql: undefined as never,
    close: async () => undefined,
    listen: async (channel, onMessage) => {
      expect(channel).toBe(CHANGES_CHANNEL);
      this.listeners++;
      this.onMessage = onMessage;
      return async () => void this.closed++;
    },
    notify: async (_channel, payload) => this.notification(payload),
  };

  notification(payload: string): void {
    if (this.deliver) this.onMessage?.(payload);
  }
}

class Subscriber implements ChangeSubscriber {
  constructor(readonly tables: readonly string[] = ['issued_links']) {}
  changes = 0;
  listening = false;
  onChange(): void {
    this.changes++;
  }
  onListening(listening: boolean): void {
    this.listening = listening;
  }
}

describe('DatabaseChanges', () => {
  const config = loadConfig({}); // the defaults: a heartbeat every 250 ms, due back within 1 s
  let db: FakeDatabase;
  let changes: DatabaseChanges;
  let subscriber: Subscriber;
  let warnings: string[];

  beforeEach(async () => {
    jest.useFakeTimers();
    warnings = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: string) => void warnings.push(message));
    db = new FakeDatabase();
    changes = new DatabaseChanges(db.open, config);
    subscriber = new Subscriber();
    changes.subscribe(subscriber);
    await changes.onModuleInit();
  });

  afterEach(async () => {
    await changes.beforeApplicationShutdown();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  /** Lets the fake clock run, a heartbeat interval at a time, with the promises between. */
  const run = async (ms: number) => {
    for (let t = 0; t < ms; t += 250) await jest.advanceTimersByTimeAsync(250);
  };

  it('keeps caches on while its own heartbeats come back, without emptying them', async () => {
    await run(10_000);
    expect(subscriber.listening).toBe(true);
    expect(subscriber.changes).toBe(0);
    expect(changes.state()).toMatchObject({ listening: true, losses: 0 });
    expect(changes.state().heartbeatAgeSeconds).toBeLessThanOrEqual(0.25);
    expect(changes.proven(Date.now())).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('empties caches on a change, but not on another instance heartbeat', async () => {
    db.notification(JSON.stringify({ heartbeat: 'another-instance' }));
    expect(subscriber.changes).toBe(0);
    db.notification(JSON.stringify({ table: 'issued_links', at: Date.now() / 1000 }));
    expect(subscriber.changes).toBe(1);
    db.notification('not json');
    expect(subscriber.changes).toBe(2);
  });

  it("reaches only the caches that read the changed table; a change of unknown table, and this instance's own, reach all", async () => {
    const grants = new Subscriber(['access_grants']);
    changes.subscribe(grants);
    db.notification(JSON.stringify({ table: 'access_grants', at: Date.now() / 1000 }));
    expect([subscriber.changes, grants.changes]).toEqual([0, 1]);
    db.notification(JSON.stringify({ table: 'issued_links', at: Date.now() / 1000 }));
    expect([subscriber.changes, grants.changes]).toEqual([1, 1]);
    db.notification(JSON.stringify({ table: 'archive_ranges', at: Date.now() / 1000 }));
    expect([subscriber.changes, grants.changes]).toEqual([1, 1]);
    db.notification(JSON.stringify({ at: Date.now() / 1000 }));
    expect([subscriber.changes, grants.changes]).toEqual([2, 2]);
    changes.changedHere();
    expect([subscriber.changes, grants.changes]).toEqual([3, 3]);
  });

  it('drops only the named entries of a cache keyed by the changed table; every other change empties it', async () => {
    const options = { foundMs: 60_000, missingMs: 10_000, maxBytes: 2 ** 20 };
    const links = new ChangeAwareCache<string>({ ...options, keyedBy: 'issued_links' }, changes, LINK_STATE_TABLES);
    const unkeyed = new ChangeAwareCache<string>(options, changes, LINK_STATE_TABLES);
    const fill = async () => {
      for (const cache of [links, unkeyed])
        for (const key of ['a', 'b', 'c']) await cache.through(key, async () => `state of ${key}`);
    };
    const held = () => [links.usage().entries, unkeyed.usage().entries];
    await fill();
    db.notification(JSON.stringify({ table: 'issued_links', at: Date.now() / 1000, keys: ['a', 'b'] }));
    expect(held()).toEqual([1, 0]);
    await fill();
    changes.changedHere({ table: 'issued_links', keys: ['c'] });
    expect(held()).toEqual([2, 0]);
    await fill();
    // Keys of another table, keys that are not a list of strings, no keys: everything goes.
    for (const payload of [
      { table: 'cameras', keys: ['a'] },
      { table: 'issued_links', keys: 'a' },
      { table: 'issued_links', keys: [1] },
      { table: 'issued_links' },
    ]) {
      db.notification(JSON.stringify({ ...payload, at: Date.now() / 1000 }));
      expect(held()).toEqual([0, 0]);
      await fill();
    }
  });

  it('drops only the values a selection covers, for the table that sends selections', async () => {
    const options = { foundMs: 60_000, missingMs: 10_000, maxBytes: 2 ** 20 };
    const byCamera = new ChangeAwareCache<{ camera: string }>(
      {
        ...options,
        selectedBy: { table: 'revocation_rules', covers: (selection, value) => selection.camera === value.camera },
      },
      changes,
      [...LINK_STATE_TABLES, 'revocation_rules'],
    );
    const fill = async () => {
      for (const [key, camera] of [
        ['a', 'one'],
        ['b', 'one'],
        ['c', 'two'],
      ])
        await byCamera.through(key, async () => ({ camera }));
      await byCamera.through('missing', async () => null);
    };
    await fill();
    db.notification(JSON.stringify({ table: 'revocation_rules', at: Date.now() / 1000, selection: { camera: 'one' } }));
    expect(byCamera.usage().entries).toBe(2); // c, and the token not found
    await fill();
    changes.changedHere({ table: 'revocation_rules', selection: { camera: 'two' } });
    expect(byCamera.usage().entries).toBe(3);
    // A selection of another table, or one that is not an object: everything goes.
    for (const payload of [
      { table: 'cameras', selection: { camera: 'one' } },
      { table: 'revocation_rules', selection: ['one'] },
      { table: 'revocation_rules' },
    ]) {
      await fill();
      db.notification(JSON.stringify({ ...payload, at: Date.now() / 1000 }));
      expect(byCamera.usage().entries).toBe(0);
    }
  });

  it('does not remember a load that began before a keyed change, whatever its key', async () => {
    const links = new ChangeAwareCache<string>(
      { foundMs: 60_000, missingMs: 10_000, maxBytes: 2 ** 20, keyedBy: 'issued_links' },
      changes,
      LINK_STATE_TABLES,
    );
    await links.through('b', async () => {
      db.notification(JSON.stringify({ table: 'issued_links', at: Date.now() / 1000, keys: ['a'] }));
      return 'read before the change';
    });
    expect(links.usage().entries).toBe(0);
  });

  it('lets caches answer for less than 1 s after the newest heartbeat heard was sent; then warns and listens anew', async () => {
    await run(1000);
    db.deliver = false;
    const lastSent = Date.now() - changes.state().heartbeatAgeSeconds! * 1000;
    expect(changes.proven(lastSent + 999)).toBe(true);
    expect(changes.proven(lastSent + 1000)).toBe(false); // whether or not a timer has run
    await jest.advanceTimersByTimeAsync(lastSent + 750 - Date.now());
    expect([subscriber.listening, warnings]).toEqual([true, []]); // silent, but within the timeout
    await run(500);
    expect(warnings).toEqual([
      expect.stringMatching(/^No heartbeat from the database change listener for \d+ ms; caches are off/),
    ]);
    expect(db.closed).toBe(1);
    expect(db.listeners).toBe(2);
    expect(changes.state().losses).toBe(1);
    // The new connection is trusted from the start, and judged by its own heartbeats.
    expect(subscriber.listening).toBe(true);
    db.deliver = true;
    await run(10_000);
    expect(changes.state()).toMatchObject({ listening: true, losses: 1 });
  });

  it('has no heartbeat on the embedded database, where notifications cannot silently stop', async () => {
    const embedded = new FakeDatabase();
    const inProcess = new DatabaseChanges({ ...embedded.open, notify: undefined }, config);
    await inProcess.onModuleInit();
    embedded.deliver = false;
    await run(10_000);
    expect(inProcess.state()).toEqual({ listening: true, heartbeatAgeSeconds: null, losses: 0 });
    expect(inProcess.proven(Date.now())).toBe(true);
    await inProcess.beforeApplicationShutdown();
  });
});

describe('tablesReadBy', () => {
  it('names the tables after FROM and JOIN, not functions, once each', () => {
    expect(
      tablesReadBy(
        'SELECT x FROM a JOIN b ON true LEFT JOIN a ON true, jsonb_to_recordset($1) WHERE extract(epoch FROM now())',
      ),
    ).toEqual(['a', 'b']);
    expect(tablesReadBy('SELECT 1 FROM jsonb_to_recordset ($1) v')).toEqual([]);
  });

  it('gives each cache every table its statement reads', () => {
    expect(CAMERA_FACTS_TABLES).toEqual(['camera_streams', 'archive_ranges', 'cameras', 'media_servers']);
    expect(GRANT_TABLES).toEqual(['access_grants']);
    expect(LINK_STATE_TABLES).toEqual([
      'revocation_rules',
      'camera_streams',
      'issued_links',
      'cameras',
      'media_servers',
      'integration_tokens',
      'user_tokens',
      'access_grants',
    ]);
    expect(MEDIA_SERVER_SECRET_TABLES).toEqual(['media_servers']);
  });
});
