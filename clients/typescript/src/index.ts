import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './openapi.js';

export type { components, operations, paths } from './openapi.js';
export type Schemas = components['schemas'];

export interface CamlinksClientOptions {
  /** Where camlinks listens, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** An integration (`cli_…`), user (`clu_…`) or admin token, sent as `Authorization: Bearer …`. */
  token: string;
  /** With an integration token: the user it acts for (`X-User-Token`). */
  userToken?: string;
  fetch?: typeof fetch;
}

/** Every path, method, parameter, body and answer of camlinks, typed from its openapi.json. */
export function createCamlinksClient(options: CamlinksClientOptions): Client<paths> {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    headers: {
      Authorization: `Bearer ${options.token}`,
      ...(options.userToken && { 'X-User-Token': options.userToken }),
    },
    ...(options.fetch && { fetch: options.fetch }),
  });
}

/** The token a link URL carries, to name it to `POST /api/v1/links/revoke` (the URL itself works too). */
export function linkToken(url: string): string | undefined {
  return new URL(url).searchParams.get('token') ?? undefined;
}
