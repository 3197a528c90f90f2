import { Injectable } from '@nestjs/common';
import type { AdminIdentity } from '../../auth/admin-identity';
import { AppError, type FieldErrors, fieldMessage } from '../../common/app-error';
import { parseOptionalDate } from '../../common/timestamps';
import { AdminCamerasRepository } from '../cameras/cameras.repository';
import { UsersRepository } from '../users/users.repository';
import type { CreateGrantDto, ListGrantsQueryDto, UpdateGrantDto } from './grants.dto';
import { type GrantRecord, GrantsRepository } from './grants.repository';

@Injectable()
export class GrantsService {
  constructor(
    private readonly grants: GrantsRepository,
    private readonly users: UsersRepository,
    private readonly cameras: AdminCamerasRepository,
  ) {}

  async create(body: CreateGrantDto): Promise<GrantRecord> {
    const [user, camera] = await Promise.all([
      this.users.findById(body.user_id),
      this.cameras.findByUuid(body.camera_uuid),
    ]);
    const errors: FieldErrors = {};
    if (!user) errors.user_id = [fieldMessage('user_id', 'must name an existing user')];
    if (!camera) errors.camera_uuid = [fieldMessage('camera_uuid', 'must name an existing camera')];
    if (Object.keys(errors).length) throw AppError.validation(errors);
    return this.grants.create({
      userId: body.user_id,
      cameraUuid: body.camera_uuid,
      expiresAt: parseOptionalDate(body.expires_at) ?? null,
    });
  }

  list(query: ListGrantsQueryDto): Promise<GrantRecord[]> {
    return this.grants.list({ userId: query.user_id, cameraUuid: query.camera_uuid });
  }

  get(id: string): Promise<GrantRecord> {
    return this.findOrFail(id);
  }

  /**
   * expires_at null: the grant no longer expires; left out: unchanged. Renewing a grant that
   * has expired does not revive the links issued before: they are revoked (`grant expired`).
   */
  async update(id: string, body: UpdateGrantDto, actor: AdminIdentity): Promise<GrantRecord> {
    await this.findOrFail(id);
    return this.grants.update(
      id,
      { expiresAt: parseOptionalDate(body.expires_at) },
      { by: actor, reason: 'grant expired', at: new Date() },
    );
  }

  async delete(id: string, actor: AdminIdentity): Promise<void> {
    await this.findOrFail(id);
    await this.grants.delete(id, { by: actor, reason: 'grant deleted', at: new Date() });
  }

  /** The one not-found path of this resource: GET, PATCH and DELETE of an unknown grant all answer this 404. */
  private async findOrFail(id: string): Promise<GrantRecord> {
    return (await this.grants.findById(id)) ?? Promise.reject(AppError.notFound('Grant'));
  }
}
