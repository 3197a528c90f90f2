import { applyDecorators, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import { AppError } from '../common/app-error';
import { type AdminIdentity, type AdminRole, hasRole } from './admin-identity';

const REQUIRED_ROLE = Symbol('requiredRole');

/** The OpenAPI extension naming an operation's least role; src/openapi/openapi.ts writes it into the description too. */
export const REQUIRED_ROLE_EXTENSION = 'x-required-role';

/**
 * What an admin route needs when it says nothing: `admin`, so that a new route is closed to
 * auditors until it opts in. Reads that auditors may make say `@RequiresRole('auditor')`.
 */
export const DEFAULT_REQUIRED_ROLE: AdminRole = 'admin';

/**
 * The least role that may call a route (or every route of a controller): read by the admin
 * API's guard and the console's, and written into the OpenAPI document.
 */
export function RequiresRole(role: AdminRole): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(REQUIRED_ROLE, role), ApiExtension(REQUIRED_ROLE_EXTENSION, role));
}

/** 403 unless the admin's role is at least what the route requires. */
export function assertRequiredRole(reflector: Reflector, context: ExecutionContext, admin: AdminIdentity): void {
  const required =
    reflector.getAllAndOverride<AdminRole | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]) ??
    DEFAULT_REQUIRED_ROLE;
  if (!hasRole(admin.role, required))
    throw AppError.forbidden(`This needs the ${required} role or higher; ${admin.name} is ${anArticle(admin.role)}.`);
}

const anArticle = (role: AdminRole) => `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
