import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import type { AdminIdentity } from '../../auth/admin-identity';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminActor } from '../../auth/admin-auth.guard';
import { UuidParamDto } from '../../common/id-params.dto';
import { ApiConflict, ApiInvalid, ApiNotFound } from '../../openapi/api-responses.decorator';
import { AdminApi } from '../admin-api.decorator';
import { CameraDto, CreateCameraDto, ListCamerasQueryDto, mapCamera, UpdateCameraDto } from './cameras.dto';
import { AdminCamerasService } from './cameras.service';

@ApiTags('admin: cameras')
@AdminApi()
@Controller('api/v1/admin/cameras')
export class CamerasController {
  constructor(private readonly cameras: AdminCamerasService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a camera',
    description:
      "A camera on a media server, with its streams (each a type, like `high`, and its stream's name on the media server) and how many days of archive it keeps.",
  })
  @ApiCreatedResponse({ type: CameraDto })
  @ApiConflict(
    'A camera with this uuid exists, or another camera serves one of the streams on this media server (names compared ignoring ASCII letter case).',
    'Stream "gate-hd" is already served by camera 7f1c1a52-0a6b-4d8e-9a5e-3c9d2b1e4f60 on this media server.',
  )
  @ApiInvalid({ media_server_id: ['The media_server_id field must name an existing media server.'] })
  async create(@Body() body: CreateCameraDto): Promise<CameraDto> {
    return mapCamera(await this.cameras.create(body));
  }

  @Get()
  @ApiOperation({
    summary: 'List cameras',
    description: 'Every camera with its streams, or those of one media server.',
  })
  @ApiOkResponse({ type: [CameraDto] })
  @ApiInvalid({ media_server_id: ['The media_server_id field must be a valid UUID.'] })
  async list(@Query() query: ListCamerasQueryDto): Promise<CameraDto[]> {
    return (await this.cameras.list(query)).map(mapCamera);
  }

  @Get(':uuid')
  @ApiOperation({ summary: 'Get a camera', description: 'With its streams.' })
  @ApiOkResponse({ type: CameraDto })
  @ApiNotFound('Camera')
  async get(@Param() { uuid }: UuidParamDto): Promise<CameraDto> {
    return mapCamera(await this.cameras.get(uuid));
  }

  @ApiBody({ type: UpdateCameraDto, examples: { demo: { summary: 'Unblock', value: { blocked: false } } } })
  @Patch(':uuid')
  @ApiOperation({
    summary: 'Change a camera',
    description:
      'Fields left out keep their value; `streams`, when given, replaces all of them. Blocking a camera stops its links at once, on every instance; unblocking revokes the links issued before the block unless `restore_links` is true; moving it to another media server revokes its links.',
  })
  @ApiOkResponse({ type: CameraDto })
  @ApiNotFound('Camera')
  @ApiConflict(
    'Another camera serves one of the streams on the media server the camera ends up on.',
    'Stream "gate-hd" is already served by camera 7f1c1a52-0a6b-4d8e-9a5e-3c9d2b1e4f60 on this media server.',
  )
  @ApiInvalid({
    default_stream_type: ["The default_stream_type field must be one of the camera's stream types (high, low)."],
  })
  async update(
    @Param() { uuid }: UuidParamDto,
    @Body() body: UpdateCameraDto,
    @AdminActor() actor: AdminIdentity,
  ): Promise<CameraDto> {
    return mapCamera(await this.cameras.update(uuid, body, actor));
  }

  @Delete(':uuid')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a camera',
    description:
      'With its streams, archive ranges and grants. Its active links are revoked (reason `camera deleted`) and stay in the audit trail; they never open again, even for a camera re-created with the same uuid.',
  })
  @ApiNotFound('Camera')
  @ApiNoContentResponse({ description: 'Deleted; its links revoked.' })
  delete(@Param() { uuid }: UuidParamDto, @AdminActor() actor: AdminIdentity): Promise<void> {
    return this.cameras.delete(uuid, actor);
  }
}
