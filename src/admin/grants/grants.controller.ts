import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-api.decorator';
import { CreateGrantDto, GrantDto, ListGrantsQueryDto, mapGrant, UpdateGrantDto } from './grants.dto';
import { GrantsService } from './grants.service';
import { IdParamDto } from '../../common/id-params.dto';

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
  async get(@Param() { id }: IdParamDto): Promise<GrantDto> {
    return mapGrant(await this.grants.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: GrantDto })
  async update(@Param() { id }: IdParamDto, @Body() body: UpdateGrantDto): Promise<GrantDto> {
    return mapGrant(await this.grants.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  delete(@Param() { id }: IdParamDto): Promise<void> {
    return this.grants.delete(id);
  }
}
