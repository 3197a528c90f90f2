import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiConflict, ApiInvalid, ApiNotFound } from '../../openapi/api-responses.decorator';
import { AdminApi } from '../admin-api.decorator';
import {
  CreateMediaServerDto,
  MediaServerChangeDto,
  MediaServerDto,
  mapMediaServer,
  mapMediaServerChange,
  UpdateMediaServerDto,
} from './media-servers.dto';
import { MediaServersService } from './media-servers.service';
import { IdParamDto } from '../../common/id-params.dto';

@ApiTags('admin: media servers')
@AdminApi()
@Controller('api/v1/admin/media-servers')
export class MediaServersController {
  constructor(private readonly servers: MediaServersService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a media server',
    description:
      'Links to its cameras start with `base_url` (and `rtsp_base_url` for RTSP) and follow its URL templates; with a `verification_secret`, it must present it when it verifies links. Without one it trusts its network, and the answer carries a warning.',
  })
  @ApiCreatedResponse({ type: MediaServerChangeDto })
  @ApiConflict('A media server with this name (or id) exists.', 'A record with the same name already exists.')
  @ApiInvalid({ base_url: ['The base_url field must be an http(s) URL.'] })
  async create(@Body() body: CreateMediaServerDto): Promise<MediaServerChangeDto> {
    return mapMediaServerChange(await this.servers.create(body));
  }

  @Get()
  @ApiOperation({
    summary: 'List media servers',
    description: 'Every media server, by name, with the URL templates in effect.',
  })
  @ApiOkResponse({ type: [MediaServerDto] })
  async list(): Promise<MediaServerDto[]> {
    return (await this.servers.list()).map(mapMediaServer);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a media server',
    description: 'With every URL template in effect, defaults included; never the verification secret.',
  })
  @ApiOkResponse({ type: MediaServerDto })
  @ApiNotFound('Media server')
  async get(@Param() { id }: IdParamDto): Promise<MediaServerDto> {
    return mapMediaServer(await this.servers.get(id));
  }

  @ApiBody({
    type: UpdateMediaServerDto,
    examples: { demo: { summary: 'Rename (here: to the name db:seed gave it)', value: { name: 'demo-edge' } } },
  })
  @Patch(':id')
  @ApiOperation({
    summary: 'Change a media server',
    description:
      'Fields left out keep their value; in `url_templates`, a template set to null goes back to the default. Links already issued keep their URLs. Removing the secret answers with a warning.',
  })
  @ApiOkResponse({ type: MediaServerChangeDto })
  @ApiNotFound('Media server')
  @ApiConflict('Another media server has this name.', 'A record with the same name already exists.')
  @ApiInvalid({ name: ['The name field must not be longer than 100 characters.'] })
  async update(@Param() { id }: IdParamDto, @Body() body: UpdateMediaServerDto): Promise<MediaServerChangeDto> {
    return mapMediaServerChange(await this.servers.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a media server', description: 'Only once no camera uses it.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFound('Media server')
  @ApiConflict('Cameras still use the media server.', 'The media server is still used by cameras.')
  delete(@Param() { id }: IdParamDto): Promise<void> {
    return this.servers.delete(id);
  }
}
