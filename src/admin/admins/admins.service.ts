import { Injectable } from '@nestjs/common';
import { type AdminRole, BOOTSTRAP_ADMIN } from '../../auth/admin-identity';
import { generateToken } from '../../auth/tokens';
import { AppError, ErrorCode } from '../../common/app-error';
import { nameKeys } from '../../common/names';
import { type AdminChangeRefusal, type AdminRecord, AdminsRepository } from './admins.repository';

export const LAST_OWNER_MESSAGE = 'This is the last owner who can sign in: make another admin an owner first.';

/** Named admins: each acts with a token of its own, so the audit trail says who did what; its role says what it may do. */
@Injectable()
export class AdminsService {
  constructor(private readonly admins: AdminsRepository) {}

  /**
   * The new admin and its token, which exists in plaintext only until the response is sent. Its
   * name may not look like another admin's (the unique keys settle a race; this names the admin).
   */
  async create(
    name: string,
    email: string | undefined,
    role: AdminRole = 'admin',
  ): Promise<{ admin: AdminRecord; token: string }> {
    const keys = nameKeys(name);
    const lookalike = await this.admins.findLookalike(keys);
    if (lookalike)
      throw new AppError(
        ErrorCode.Conflict,
        `The name looks like that of admin ${JSON.stringify(lookalike.name)} (${lookalike.id}).`,
      );
    const secret = generateToken('admin');
    const admin = await this.admins.create({
      name,
      ...keys,
      email: email ?? null,
      role,
      tokenHash: secret.hash,
      tokenPrefix: secret.displayPrefix,
    });
    return { admin, token: secret.token };
  }

  list(): Promise<AdminRecord[]> {
    return this.admins.list();
  }

  async get(id: string): Promise<AdminRecord> {
    return (await this.admins.find(id)) ?? Promise.reject(AppError.notFound('Admin'));
  }

  /** Never leaves no owner who can sign in; the bootstrap admin is always an owner. */
  async setRole(id: string, role: AdminRole): Promise<AdminRecord> {
    this.refuseBootstrap(id, 'is the bootstrap admin: it is always an owner');
    const result = await this.admins.setRole(id, role);
    return typeof result === 'string' ? Promise.reject(refusal(result)) : result;
  }

  /** Idempotent; the bootstrap admin's token is the configuration's to change (ADMIN_TOKEN), not the API's. */
  async revokeToken(id: string): Promise<void> {
    this.refuseBootstrap(
      id,
      'is the bootstrap admin: its token is ADMIN_TOKEN (or data/admin-token); change that instead',
    );
    const result = await this.admins.revokeToken(id, new Date());
    if (result !== true) throw refusal(result);
  }

  private refuseBootstrap(id: string, problem: string): void {
    if (id === BOOTSTRAP_ADMIN.id) throw AppError.invalidField('id', problem);
  }
}

function refusal(reason: AdminChangeRefusal): AppError {
  return reason === 'not-found' ? AppError.notFound('Admin') : new AppError(ErrorCode.Conflict, LAST_OWNER_MESSAGE);
}
