import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import type { AdminIdentity } from '../../auth/admin-identity';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiConflict, ApiInvalid, ApiNotFound } from '../../openapi/api-responses.decorator';
import { AdminActor } from '../../auth/admin-auth.guard';
import { AdminApi } from '../admin-api.decorator';
import { TokensController } from '../tokens/tokens.controller';
import {
  CreatedIntegrationDto,
  CreateIntegrationDto,
  IntegrationDto,
  mapCreatedIntegration,
  mapIntegration,
  UpdateIntegrationDto,
} from './integrations.dto';
import { IntegrationsService } from './integrations.service';
import { IdParamDto } from '../../common/id-params.dto';

@ApiTags('admin: integrations')
@AdminApi()
@Controller('api/v1/admin/integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  @Post()
  @ApiOperation({
    summary: 'Add an integration',
    description:
      'A system that asks for links (a billing system, a portal): it sees every camera, or acts for a user with `X-User-Token`. The answer holds its first token, shown this once.',
  })
  @ApiConflict('An integration with this name (or id) exists.', 'A record with the same name already exists.')
  @ApiInvalid({ name: ['The name field must be a string.', 'The name field must not be empty.'] })
  @ApiCreatedResponse({
    type: CreatedIntegrationDto,
    description: 'With its first token: the only response that contains it.',
  })
  async create(@Body() body: CreateIntegrationDto): Promise<CreatedIntegrationDto> {
    return mapCreatedIntegration(await this.integrations.create(body));
  }

  @Get()
  @ApiOperation({ summary: 'List integrations', description: 'Every integration, by name.' })
  @ApiOkResponse({ type: [IntegrationDto] })
  async list(): Promise<IntegrationDto[]> {
    return (await this.integrations.list()).map(mapIntegration);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get an integration',
    description: 'An integration by id; its tokens are listed under /tokens.',
  })
  @ApiNotFound('Integration')
  @ApiOkResponse({ type: IntegrationDto })
  async get(@Param() { id }: IdParamDto): Promise<IntegrationDto> {
    return mapIntegration(await this.integrations.get(id));
  }

  @ApiBody({
    type: UpdateIntegrationDto,
    examples: { demo: { summary: 'Rename (here: to the name db:seed gave it)', value: { name: 'demo-portal' } } },
  })
  @Patch(':id')
  @ApiOperation({ summary: 'Rename an integration', description: 'Only the name changes; its tokens keep working.' })
  @ApiNotFound('Integration')
  @ApiConflict('Another integration has this name.', 'A record with the same name already exists.')
  @ApiInvalid({ name: ['The name field must not be empty.'] })
  @ApiOkResponse({ type: IntegrationDto })
  async update(@Param() { id }: IdParamDto, @Body() body: UpdateIntegrationDto): Promise<IntegrationDto> {
    return mapIntegration(await this.integrations.update(id, body));
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete an integration',
    description:
      'With its tokens, which stop working at once; the active links it issued are revoked and stay in the audit trail.',
  })
  @ApiNotFound('Integration')
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'Its tokens are deleted with it; the active links it issued are revoked (reason `integration deleted`) and stay in the audit trail.',
  })
  delete(@Param() { id }: IdParamDto, @AdminActor() actor: AdminIdentity): Promise<void> {
    return this.integrations.delete(id, actor);
  }
}

@ApiTags('admin: integrations')
@Controller('api/v1/admin/integrations/:id/tokens')
export class IntegrationTokensController extends TokensController {
  protected readonly ownerKind = 'integration';
}
