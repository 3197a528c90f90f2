import { Injectable } from '@nestjs/common';
import { BOOTSTRAP_ADMIN } from '../../auth/admin-identity';
import { generateToken } from '../../auth/tokens';
import { AppError } from '../../common/app-error';
import { type AdminRecord, AdminsRepository } from './admins.repository';

/** Named admins: each acts with a token of its own, so the audit trail says who did what. */
@Injectable()
export class AdminsService {
  constructor(private readonly admins: AdminsRepository) {}

  /** The new admin and its token, which exists in plaintext only until the response is sent. */
  async create(name: string, email: string | undefined): Promise<{ admin: AdminRecord; token: string }> {
    const secret = generateToken('admin');
    const admin = await this.admins.create({ name, email: email ?? null, tokenHash: secret.hash, tokenPrefix: secret.displayPrefix });
    return { admin, token: secret.token };
  }

  list(): Promise<AdminRecord[]> {
    return this.admins.list();
  }

  async get(id: string): Promise<AdminRecord> {
    return (await this.admins.find(id)) ?? Promise.reject(AppError.notFound('Admin'));
  }

  /** Idempotent; the bootstrap admin's token is the configuration's to change (ADMIN_TOKEN), not the API's. */
  async revokeToken(id: string): Promise<void> {
    if (id === BOOTSTRAP_ADMIN.id)
      throw AppError.invalidField('id', 'is the bootstrap admin: its token is ADMIN_TOKEN (or data/admin-token); change that instead');
    if (!(await this.admins.revokeToken(id, new Date()))) throw AppError.notFound('Admin');
  }
}
