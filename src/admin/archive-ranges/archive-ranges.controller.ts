import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-api.decorator';
import { ArchiveRangesDto, mapArchiveRanges, ReplaceArchiveRangesDto } from './archive-ranges.dto';
import { ArchiveRangesService } from './archive-ranges.service';

@ApiTags('admin: cameras')
@AdminApi()
@Controller('api/v1/admin/cameras/:uuid/archive-ranges')
export class ArchiveRangesController {
  constructor(private readonly ranges: ArchiveRangesService) {}

  @Get()
  @ApiOkResponse({ type: ArchiveRangesDto })
  async list(@Param('uuid', ParseUUIDPipe) uuid: string): Promise<ArchiveRangesDto> {
    return mapArchiveRanges(uuid, await this.ranges.list(uuid));
  }

  @Put()
  @ApiOkResponse({ type: ArchiveRangesDto, description: 'The ranges now stored.' })
  async replace(@Param('uuid', ParseUUIDPipe) uuid: string, @Body() body: ReplaceArchiveRangesDto): Promise<ArchiveRangesDto> {
    return mapArchiveRanges(uuid, await this.ranges.replace(uuid, body));
  }
}
