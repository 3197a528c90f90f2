import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-api.decorator';
import { CreateMediaServerDto, MediaServerChangeDto, MediaServerDto, mapMediaServer, mapMediaServerChange, UpdateMediaServerDto } from './media-servers.dto';
import { MediaServersService } from './media-servers.service';

@ApiTags('admin: media servers')
@AdminApi()
@Controller('api/v1/admin/media-servers')
export class MediaServersController {
  constructor(private readonly servers: MediaServersService) {}

  @Post()
  @ApiCreatedResponse({ type: MediaServerChangeDto })
  async create(@Body() body: CreateMediaServerDto): Promise<MediaServerChangeDto> {
    return mapMediaServerChange(await this.servers.create(body));
  }

  @Get()
  @ApiOkResponse({ type: [MediaServerDto] })
  async list(): Promise<MediaServerDto[]> {
    return (await this.servers.list()).map(mapMediaServer);
  }

  @Get(':id')
  @ApiOkResponse({ type: MediaServerDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<MediaServerDto> {
    return mapMediaServer(await this.servers.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: MediaServerChangeDto })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateMediaServerDto): Promise<MediaServerChangeDto> {
    return mapMediaServerChange(await this.servers.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.servers.delete(id);
  }
}
