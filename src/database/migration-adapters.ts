import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import type { Pool } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/**
 * Migration scripts must run as one unit. The stock adapters fall short: adapter-pg splits a
 * script at every `;` (breaking `$$` function bodies) and pglite-prisma-adapter 0.7 does not
 * await it (a failing migration would be recorded as applied). Sent whole, over the simple
 * query protocol, a script runs in one implicit transaction: all of it or none.
 */
function runScriptsWhole<T extends SqlDriverAdapter>(adapter: T, run: (script: string) => Promise<unknown>): T {
  const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (error) {
      onError(error);
    }
  };
  return adapter;
}

export class WholeScriptPg extends PrismaPg {
  constructor(private readonly pool: Pool) {
    super(pool);
  }

  override async connect() {
    return runScriptsWhole(await super.connect(), (script) => this.pool.query(script));
  }
}

export class WholeScriptPGlite extends PrismaPGlite {
  constructor(private readonly pglite: PGlite) {
    super(pglite);
  }

  override async connect(): Promise<SqlDriverAdapter> {
    return runScriptsWhole(await super.connect(), (script) => this.pglite.exec(script));
  }

  override async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = new PGlite();
    const adapter = await new PrismaPGlite(shadow).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadow.close();
    };
    return runScriptsWhole(adapter, (script) => shadow.exec(script));
  }
}
