import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminActor } from '../../auth/admin-auth.guard';
import { AdminApi } from '../admin-api.decorator';
import { CameraDto, CreateCameraDto, ListCamerasQueryDto, mapCamera, UpdateCameraDto } from './cameras.dto';
import { CamerasService } from './cameras.service';

@ApiTags('admin: cameras')
@AdminApi()
@Controller('api/v1/admin/cameras')
export class CamerasController {
  constructor(private readonly cameras: CamerasService) {}

  @Post()
  @ApiCreatedResponse({ type: CameraDto })
  async create(@Body() body: CreateCameraDto): Promise<CameraDto> {
    return mapCamera(await this.cameras.create(body));
  }

  @Get()
  @ApiOkResponse({ type: [CameraDto] })
  async list(@Query() query: ListCamerasQueryDto): Promise<CameraDto[]> {
    return (await this.cameras.list(query)).map(mapCamera);
  }

  @Get(':uuid')
  @ApiOkResponse({ type: CameraDto })
  async get(@Param('uuid', ParseUUIDPipe) uuid: string): Promise<CameraDto> {
    return mapCamera(await this.cameras.get(uuid));
  }

  @Patch(':uuid')
  @ApiOkResponse({ type: CameraDto })
  async update(@Param('uuid', ParseUUIDPipe) uuid: string, @Body() body: UpdateCameraDto, @AdminActor() actor: string): Promise<CameraDto> {
    return mapCamera(await this.cameras.update(uuid, body, actor));
  }

  @Delete(':uuid')
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'Its streams and grants are deleted with it; its active links are revoked (reason `camera deleted`) and never open again, even for a camera re-created with the same uuid.',
  })
  delete(@Param('uuid', ParseUUIDPipe) uuid: string, @AdminActor() actor: string): Promise<void> {
    return this.cameras.delete(uuid, actor);
  }
}
