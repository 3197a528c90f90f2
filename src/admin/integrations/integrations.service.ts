import { Injectable } from '@nestjs/common';
import type { AdminIdentity } from '../../auth/admin-identity';
import { AppError } from '../../common/app-error';
import { type IssuedToken, mintToken } from '../tokens/tokens.service';
import type { CreateIntegrationDto, UpdateIntegrationDto } from './integrations.dto';
import { type IntegrationRecord, IntegrationsRepository } from './integrations.repository';

@Injectable()
export class IntegrationsService {
  constructor(private readonly integrations: IntegrationsRepository) {}

  async create(body: CreateIntegrationDto): Promise<{ integration: IntegrationRecord; token: IssuedToken }> {
    const { fields, token } = mintToken('integration', null);
    const created = await this.integrations.createWithToken(body.name, fields, body.id);
    return { integration: created.integration, token: { record: created.token, token } };
  }

  list(): Promise<IntegrationRecord[]> {
    return this.integrations.list();
  }

  names(take: number): Promise<{ id: string; name: string }[]> {
    return this.integrations.names(take);
  }

  get(id: string): Promise<IntegrationRecord> {
    return this.findOrFail(id);
  }

  async update(id: string, body: UpdateIntegrationDto): Promise<IntegrationRecord> {
    await this.findOrFail(id);
    return this.integrations.update(id, { name: body.name });
  }

  async delete(id: string, actor: AdminIdentity): Promise<void> {
    await this.findOrFail(id);
    await this.integrations.delete(id, { by: actor, reason: 'integration deleted', at: new Date() });
  }

  /** The one not-found path of this resource: GET, PATCH and DELETE of an unknown integration all answer this 404. */
  private async findOrFail(id: string): Promise<IntegrationRecord> {
    return (await this.integrations.findById(id)) ?? Promise.reject(AppError.notFound('Integration'));
  }
}
