import { Injectable } from '@nestjs/common';
import type { AdminIdentity } from '../../auth/admin-identity';
import { AppError } from '../../common/app-error';
import type { CreateUserDto, UpdateUserDto } from './users.dto';
import { type UserRecord, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  create(body: CreateUserDto): Promise<UserRecord> {
    return this.users.create(body.name, body.id);
  }

  list(): Promise<UserRecord[]> {
    return this.users.list();
  }

  names(take: number): Promise<{ id: string; name: string }[]> {
    return this.users.names(take);
  }

  get(id: string): Promise<UserRecord> {
    return this.findOrFail(id);
  }

  async update(id: string, body: UpdateUserDto): Promise<UserRecord> {
    await this.findOrFail(id);
    return this.users.update(id, { name: body.name });
  }

  async delete(id: string, actor: AdminIdentity): Promise<void> {
    await this.findOrFail(id);
    await this.users.delete(id, { by: actor, reason: 'user deleted', at: new Date() });
  }

  /** The one not-found path of this resource: GET, PATCH and DELETE of an unknown user all answer this 404. */
  private async findOrFail(id: string): Promise<UserRecord> {
    return (await this.users.findById(id)) ?? Promise.reject(AppError.notFound('User'));
  }
}
