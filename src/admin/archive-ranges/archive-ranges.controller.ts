import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiInvalid, ApiNotFound } from '../../openapi/api-responses.decorator';
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
  @ApiOperation({
    summary: "List a camera's archive ranges",
    description: 'The archive each stream has, as last reported; oldest first.',
  })
  @ApiNotFound('Camera')
  @ApiOkResponse({ type: ArchiveRangesDto })
  async list(@Param() { uuid }: UuidParamDto): Promise<ArchiveRangesDto> {
    return mapArchiveRanges(uuid, await this.ranges.list(uuid));
  }

  @Put()
  @ApiOperation({
    summary: "Replace a camera's archive ranges",
    description:
      'Replaces all of them at once (readers see the old set or the new one); a stream left without ranges falls back to the retention window.',
  })
  @ApiNotFound('Camera')
  @ApiInvalid({ 'ranges.0.to': ['The ranges.0.to field must be after from.'] })
  @ApiOkResponse({ type: ArchiveRangesDto, description: 'The ranges now stored.' })
  async replace(@Param() { uuid }: UuidParamDto, @Body() body: ReplaceArchiveRangesDto): Promise<ArchiveRangesDto> {
    return mapArchiveRanges(uuid, await this.ranges.replace(uuid, body));
  }
}
