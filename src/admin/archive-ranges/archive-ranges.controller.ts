import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-api.decorator';
import { ArchiveRangesDto, mapArchiveRanges, ReplaceArchiveRangesDto } from './archive-ranges.dto';
import { ArchiveRangesService } from './archive-ranges.service';
import { UuidParamDto } from '../../common/id-params.dto';

@ApiTags('admin: cameras')
@AdminApi()
@Controller('api/v1/admin/cameras/:uuid/archive-ranges')
export class ArchiveRangesController {
  constructor(private readonly ranges: ArchiveRangesService) {}

  @Get()
  @ApiOkResponse({ type: ArchiveRangesDto })
  async list(@Param() { uuid }: UuidParamDto): Promise<ArchiveRangesDto> {
    return mapArchiveRanges(uuid, await this.ranges.list(uuid));
  }

  @Put()
  @ApiOkResponse({ type: ArchiveRangesDto, description: 'The ranges now stored.' })
  async replace(@Param() { uuid }: UuidParamDto, @Body() body: ReplaceArchiveRangesDto): Promise<ArchiveRangesDto> {
    return mapArchiveRanges(uuid, await this.ranges.replace(uuid, body));
  }
}
