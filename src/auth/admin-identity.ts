/** What an admin may do, most first: each role may do everything the roles after it may. */
export const ADMIN_ROLES = ['owner', 'admin', 'auditor'] as const;

export type AdminRole = (typeof ADMIN_ROLES)[number];

/** Who an admin request acts as: recorded by name and id in audit events and revocations; its role says what it may do. */
export interface AdminIdentity {
  id: string;
  name: string;
  role: AdminRole;
}

/**
 * The built-in admin that ADMIN_TOKEN (or the embedded default's data/admin-token) signs in as.
 * Its row is created by the migration that introduced named admins, with this id. It is an owner.
 */
export const BOOTSTRAP_ADMIN: AdminIdentity = {
  id: '00000000-0000-4000-8000-000000000000',
  name: 'bootstrap',
  role: 'owner',
};

/** Whether `role` may do what `required` may. */
export function hasRole(role: AdminRole, required: AdminRole): boolean {
  return ADMIN_ROLES.indexOf(role) <= ADMIN_ROLES.indexOf(required);
}
