import { Injectable } from '@nestjs/common';
import { ConfiguredCache } from '../database/change-aware-cache';
import { type Credential, CREDENTIAL_TABLES } from './credentials.repository';

/** Integration and user tokens by kind and hash: most requests then authenticate without a query. */
@Injectable()
export class CredentialCache extends ConfiguredCache<Credential>('credentials', CREDENTIAL_TABLES) {}
