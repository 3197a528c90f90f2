import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-api.decorator';
import { TokensController } from '../tokens/tokens.controller';
import { CreatedIntegrationDto, CreateIntegrationDto, IntegrationDto, mapCreatedIntegration, mapIntegration, UpdateIntegrationDto } from './integrations.dto';
import { IntegrationsService } from './integrations.service';
import { IdParamDto } from '../../common/id-params.dto';

@ApiTags('admin: integrations')
@AdminApi()
@Controller('api/v1/admin/integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedIntegrationDto, description: 'With its first token: the only response that contains it.' })
  async create(@Body() body: CreateIntegrationDto): Promise<CreatedIntegrationDto> {
    return mapCreatedIntegration(await this.integrations.create(body));
  }

  @Get()
  @ApiOkResponse({ type: [IntegrationDto] })
  async list(): Promise<IntegrationDto[]> {
    return (await this.integrations.list()).map(mapIntegration);
  }

  @Get(':id')
  @ApiOkResponse({ type: IntegrationDto })
  async get(@Param() { id }: IdParamDto): Promise<IntegrationDto> {
    return mapIntegration(await this.integrations.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: IntegrationDto })
  async update(@Param() { id }: IdParamDto, @Body() body: UpdateIntegrationDto): Promise<IntegrationDto> {
    return mapIntegration(await this.integrations.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Its tokens are deleted with it; the links it issued stay in the audit trail.' })
  delete(@Param() { id }: IdParamDto): Promise<void> {
    return this.integrations.delete(id);
  }
}

@ApiTags('admin: integrations')
@Controller('api/v1/admin/integrations/:id/tokens')
export class IntegrationTokensController extends TokensController {
  protected readonly ownerKind = 'integration';
}
