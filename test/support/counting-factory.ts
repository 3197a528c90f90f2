import type { DirectSql } from '../../src/database/direct-sql';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQueryable,
} from '@prisma/driver-adapter-utils';

/** Counts the SQL statements sent through a driver adapter: real round trips, on a real database. */
export class QueryCounter {
  count = 0;
  /** The text of every statement counted (reset it with `count`), to tell reads from writes. */
  statements: string[] = [];
  /** The names of the statements sent through the driver itself (DirectSql), prepared by name. */
  direct: string[] = [];

  reset(): void {
    this.count = 0;
    this.statements = [];
    this.direct = [];
  }

  /** Statements counted since the last reset whose text matches. */
  matching(pattern: RegExp): string[] {
    return this.statements.filter((sql) => pattern.test(sql));
  }

  wrap(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
    return new Proxy(factory, {
      get: (target, key, receiver) => {
        const value = Reflect.get(target, key, receiver);
        if (key !== 'connect') return typeof value === 'function' ? value.bind(target) : value;
        return async () => this.countOn(await target.connect());
      },
    });
  }

  /** The hot paths' statements, sent around Prisma, count the same. */
  wrapDirect(sql: DirectSql): DirectSql {
    return {
      query: (statement, values) => {
        this.count++;
        this.statements.push(statement.text);
        this.direct.push(statement.name);
        return sql.query(statement, values);
      },
      queryUnnamed: (text, values) => {
        this.count++;
        this.statements.push(text);
        return sql.queryUnnamed(text, values);
      },
    };
  }

  private countOn<T extends SqlQueryable>(queryable: T): T {
    return new Proxy(queryable, {
      get: (target, key, receiver) => {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        if (key === 'queryRaw' || key === 'executeRaw') {
          return (...args: unknown[]) => {
            this.count++;
            this.statements.push((args[0] as { sql: string }).sql);
            return value.apply(target, args);
          };
        }
        if (key === 'startTransaction') {
          return async (...args: unknown[]) => this.countOn(await value.apply(target, args));
        }
        return value.bind(target);
      },
    }) as T & SqlDriverAdapter;
  }
}
