/**
 * Compile-time checks that the generated types keep closed sets closed (`npm run typecheck`
 * fails when a field widens to string or unknown). Nothing here runs.
 */
import type { paths, Schemas } from './src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const is = <T extends true>(): T => true as T;

is<Equal<Schemas['LinkDto']['source'], 'mp4' | 'jpg' | 'hls' | 'rtsp'>>();
is<Equal<Schemas['LinkDto']['kind'], 'preview' | 'live' | 'archive'>>();
is<Equal<Schemas['LinkDto']['revoked_by_type'], 'admin' | 'integration' | 'user' | null>>();
is<Equal<Schemas['AuditEventDto']['actor_type'], 'admin' | 'integration' | 'user' | 'unauthenticated'>>();
is<Equal<Extract<Schemas['AuditEventDto']['action'], 'POST /api/v1/links/revoke'>, 'POST /api/v1/links/revoke'>>();
is<Equal<Extract<Schemas['AuditEventDto']['object_type'], string>, Schemas['AuditEventDto']['object_type']>>();
// @ts-expect-error a closed set: not any string
const action: Schemas['AuditEventDto']['action'] = 'GET /anything';
// @ts-expect-error a closed set: not any string
const reason: Schemas['UsageDto']['last_denied_reason'] = 'because';
is<Equal<NonNullable<paths['/api/v1/media-auth/nginx']['get']['parameters']['query']>['secret'], string | undefined>>();
// One answer type per operation: JSON for the list, text for the export.
is<Equal<keyof paths['/api/v1/admin/links']['get']['responses'][200]['content'], 'application/json'>>();
is<Equal<paths['/api/v1/admin/links.csv']['get']['responses'][200]['content'], { 'text/csv': string }>>();
// Defaulted request fields stay optional.
const preview: Schemas['PreviewRequestDto'] = { cameras: [{ uuid: '3f1c2a9e-8b7d-4c6e-9a51-2d0f4b8e7c11' }] };

export { action, preview, reason };
