/** Who an admin request acts as: recorded by name and id in audit events and revocations. */
export interface AdminIdentity {
  id: string;
  name: string;
}

/**
 * The built-in admin that ADMIN_TOKEN (or the embedded default's data/admin-token) signs in as.
 * Its row is created by the migration that introduced named admins, with this id.
 */
export const BOOTSTRAP_ADMIN: AdminIdentity = { id: '00000000-0000-4000-8000-000000000000', name: 'bootstrap' };
