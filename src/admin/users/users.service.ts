import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import type { CreateUserDto, UpdateUserDto } from './users.dto';
import { type UserRecord, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  create(body: CreateUserDto): Promise<UserRecord> {
    return this.users.create(body.name);
  }

  list(): Promise<UserRecord[]> {
    return this.users.list();
  }

  async get(id: string): Promise<UserRecord> {
    return (await this.users.findById(id)) ?? Promise.reject(AppError.notFound('User'));
  }

  update(id: string, body: UpdateUserDto): Promise<UserRecord> {
    return this.users.update(id, { name: body.name });
  }

  delete(id: string, actor: string): Promise<void> {
    return this.users.delete(id, { by: actor, reason: 'user deleted', at: new Date() });
  }
}
