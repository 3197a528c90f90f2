import type { AppConfig } from '../config/app-config';
import { type FieldErrors, fieldMessage, MAX_FIELD_ERRORS } from './app-error';

/**
 * How deep a body or query may nest. camlinks' deepest input (a camera's streams) has three
 * levels; class-transformer and class-validator recurse once per level, so a body of nothing
 * but brackets used to overflow the stack.
 */
export const MAX_JSON_DEPTH = 10;

/** Items any array may hold where its DTO names no limit of its own (`@MaxItems`). */
export const MAX_ARRAY_ITEMS = 1000;

type ItemLimit = { limit: number | ((config: AppConfig) => number); noun: string };
const ITEM_LIMITS = Symbol('itemLimits');

/**
 * The most items an array field may hold, checked before any item is transformed or validated:
 * a small request of 30,000 empty camera items took seconds to be answered item by item.
 */
export function MaxItems(limit: ItemLimit['limit'], noun = 'items'): PropertyDecorator {
  return (target, property) => {
    const limits = {
      ...(Reflect.getMetadata(ITEM_LIMITS, target.constructor) as Record<string, ItemLimit> | undefined),
      [property]: { limit, noun },
    };
    Reflect.defineMetadata(ITEM_LIMITS, limits, target.constructor);
  };
}

/**
 * What class-transformer must never see, found with one iterative walk over the parsed JSON:
 * nesting past MAX_JSON_DEPTH, arrays over their limit, names of Object.prototype's members and
 * `prototype`, and text PostgreSQL cannot store (NUL) or that is not Unicode (an unpaired
 * surrogate would be stored as U+FFFD, not as sent).
 * Returns at most MAX_FIELD_ERRORS problems by field path; none: undefined.
 */
export function inputProblems(value: unknown, dto: object | undefined, config: AppConfig): FieldErrors | undefined {
  const limits = (dto && (Reflect.getMetadata(ITEM_LIMITS, dto) as Record<string, ItemLimit> | undefined)) ?? {};
  // Entries, not an object: a field named `__proto__` must be reported, not become a prototype.
  const errors: [string, string[]][] = [];
  const report = (path: string, problem: string) =>
    errors.push([path || 'body', [fieldMessage(path || 'body', problem)]]);
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length && errors.length < MAX_FIELD_ERRORS) {
    const [item, path, depth] = stack.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\0')) report(path, 'must not contain NUL characters');
      else if (!item.isWellFormed()) report(path, 'must be valid Unicode text');
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      report(path, `must not nest deeper than ${MAX_JSON_DEPTH} levels`);
      continue;
    }
    // Limits named by the DTO are on its own fields; deeper arrays get the general one.
    const fieldLimit = depth === 1 ? limits[path] : undefined;
    if (Array.isArray(item)) {
      const limit = fieldLimit
        ? typeof fieldLimit.limit === 'number'
          ? fieldLimit.limit
          : fieldLimit.limit(config)
        : MAX_ARRAY_ITEMS;
      if (item.length > limit) {
        report(path, `must not contain more than ${limit} ${fieldLimit?.noun ?? 'items'}`);
        continue;
      }
    }
    // Reversed onto the stack, so problems are reported in the order of the input.
    for (const [key, inner] of Object.entries(item).reverse()) {
      const innerPath = path ? `${path}.${key}` : key;
      // `valueOf`, `constructor`, `__proto__`…: copied onto a DTO, they break whatever reads it.
      // `prototype`: Nest's ValidationPipe drops it unseen, so a body of it alone would pass as empty.
      if (!Array.isArray(item) && (key in Object.prototype || key === 'prototype')) report(innerPath, 'is not allowed');
      else stack.push([inner, innerPath, depth + 1]);
    }
  }
  return errors.length ? (Object.fromEntries(errors) as FieldErrors) : undefined;
}
