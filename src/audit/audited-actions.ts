import { type INestApplicationContext, RequestMethod, SetMetadata } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { AuditInterceptor, objectTypeOf } from './audit.interceptor';

const WRITES_OWN_AUDIT_EVENT = 'camlinks:writes-own-audit-event';

/** A handler that records its own audit event (in the transaction of what it records), under actionOf(request). */
export const WritesOwnAuditEvent = (): MethodDecorator => SetMetadata(WRITES_OWN_AUDIT_EVENT, true);

/** Where AdminAuthFailuresMiddleware records refused credentials, whatever the method. */
const ADMIN_API = /^\/api\/v1\/admin\//;

/**
 * Every `action` the audit trail can hold, as actionOf() writes it, read from the routes
 * themselves: the changes of every controller behind AuditInterceptor, every admin API route (a
 * refused credential is recorded on reads too) and handlers that write their own event. The
 * OpenAPI document lists them, so a typed client sees a closed set that cannot drift.
 */
export function auditedActions(app: INestApplicationContext): string[] {
  const actions = new Set<string>();
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const controller = metatype as new () => object;
      const intercepted = (target: object) =>
        ((Reflect.getMetadata(INTERCEPTORS_METADATA, target) as unknown[] | undefined) ?? []).includes(
          AuditInterceptor,
        );
      const prefixes = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat();
      // Inherited handlers too (TokensController's routes live on its base class).
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const changes = method !== 'GET' && method !== 'HEAD' && (intercepted(controller) || intercepted(handler));
        for (const route of routesOf(
          prefixes,
          [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat(),
        )) {
          if (changes || ADMIN_API.test(route) || Reflect.getMetadata(WRITES_OWN_AUDIT_EVENT, handler))
            actions.add(`${method} ${route}`);
        }
      }
    }
  }
  return [...actions].sort();
}

/** The resources those actions act on. */
export function auditedObjectTypes(actions: string[]): string[] {
  return [...new Set(actions.map((action) => objectTypeOf(action.split(' ')[1])))].sort();
}

/** Routes as Express matches them (request.route.path): one leading slash, none trailing. */
function routesOf(prefixes: string[], paths: string[]): string[] {
  const trimmed = (part: string | undefined) => (part ?? '').replace(/^\/+|\/+$/g, '');
  return prefixes.flatMap((prefix) =>
    paths.map((path) => `/${[trimmed(prefix), trimmed(path)].filter(Boolean).join('/')}`),
  );
}
