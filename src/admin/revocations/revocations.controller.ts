import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresRole } from '../../auth/admin-roles';
import { IdParamDto } from '../../common/id-params.dto';
import { ApiNotFound } from '../../openapi/api-responses.decorator';
import { AdminApi } from '../admin-api.decorator';
import { mapRevocation, RevocationDto } from './revocations.dto';
import { AdminLinksService } from '../links/links.service';

@ApiTags('admin: links')
@AdminApi()
@Controller('api/v1/admin/revocations')
export class RevocationsAdminController {
  constructor(private readonly links: AdminLinksService) {}

  @Get(':id')
  @RequiresRole('auditor')
  @ApiOperation({
    summary: 'Get a bulk revocation',
    description:
      'A bulk revocation answered with 202 by `POST /api/v1/admin/links/revoke`: its selection, how many links are marked revoked so far, and whether it is done.',
  })
  @ApiNotFound('Revocation')
  @ApiOkResponse({ type: RevocationDto })
  async get(@Param() { id }: IdParamDto): Promise<RevocationDto> {
    return mapRevocation(await this.links.revocation(id));
  }
}
