import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-api.decorator';
import { CameraDto, CreateCameraDto, ListCamerasQueryDto, mapCamera, UpdateCameraDto } from './cameras.dto';
import { CamerasService } from './cameras.service';
import { UuidParamDto } from '../../common/id-params.dto';

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
  async get(@Param() { uuid }: UuidParamDto): Promise<CameraDto> {
    return mapCamera(await this.cameras.get(uuid));
  }

  @Patch(':uuid')
  @ApiOkResponse({ type: CameraDto })
  async update(@Param() { uuid }: UuidParamDto, @Body() body: UpdateCameraDto): Promise<CameraDto> {
    return mapCamera(await this.cameras.update(uuid, body));
  }

  @Delete(':uuid')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Its streams and grants are deleted with it.' })
  delete(@Param() { uuid }: UuidParamDto): Promise<void> {
    return this.cameras.delete(uuid);
  }
}
