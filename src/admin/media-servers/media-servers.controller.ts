import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-api.decorator';
import { CreateMediaServerDto, MediaServerDto, mapMediaServer, UpdateMediaServerDto } from './media-servers.dto';
import { MediaServersService } from './media-servers.service';
import { IdParamDto } from '../../common/id-params.dto';

@ApiTags('admin: media servers')
@AdminApi()
@Controller('api/v1/admin/media-servers')
export class MediaServersController {
  constructor(private readonly servers: MediaServersService) {}

  @Post()
  @ApiCreatedResponse({ type: MediaServerDto })
  async create(@Body() body: CreateMediaServerDto): Promise<MediaServerDto> {
    return mapMediaServer(await this.servers.create(body));
  }

  @Get()
  @ApiOkResponse({ type: [MediaServerDto] })
  async list(): Promise<MediaServerDto[]> {
    return (await this.servers.list()).map(mapMediaServer);
  }

  @Get(':id')
  @ApiOkResponse({ type: MediaServerDto })
  async get(@Param() { id }: IdParamDto): Promise<MediaServerDto> {
    return mapMediaServer(await this.servers.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: MediaServerDto })
  async update(@Param() { id }: IdParamDto, @Body() body: UpdateMediaServerDto): Promise<MediaServerDto> {
    return mapMediaServer(await this.servers.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  delete(@Param() { id }: IdParamDto): Promise<void> {
    return this.servers.delete(id);
  }
}
