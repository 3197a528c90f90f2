import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminActor } from '../../auth/admin-auth.guard';
import { AdminApi } from '../admin-api.decorator';
import { CreateGrantDto, GrantDto, ListGrantsQueryDto, mapGrant, UpdateGrantDto } from './grants.dto';
import { GrantsService } from './grants.service';

/** A grant lets a user's token (or an integration acting for the user) link to one camera. */
@ApiTags('admin: grants')
@AdminApi()
@Controller('api/v1/admin/grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Post()
  @ApiCreatedResponse({ type: GrantDto })
  async create(@Body() body: CreateGrantDto): Promise<GrantDto> {
    return mapGrant(await this.grants.create(body));
  }

  @Get()
  @ApiOkResponse({ type: [GrantDto] })
  async list(@Query() query: ListGrantsQueryDto): Promise<GrantDto[]> {
    return (await this.grants.list(query)).map(mapGrant);
  }

  @Get(':id')
  @ApiOkResponse({ type: GrantDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<GrantDto> {
    return mapGrant(await this.grants.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({
    type: GrantDto,
    description: 'Renewing a grant that has already expired starts a new term: the links issued under the old one are revoked (reason `grant expired`).',
  })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateGrantDto, @AdminActor() actor: string): Promise<GrantDto> {
    return mapGrant(await this.grants.update(id, body, actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Its active links are revoked (reason `grant deleted`); a new grant for the same user and camera does not bring them back.',
  })
  delete(@Param('id', ParseUUIDPipe) id: string, @AdminActor() actor: string): Promise<void> {
    return this.grants.delete(id, actor);
  }
}
