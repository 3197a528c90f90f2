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
import { ApiConflict, ApiInvalid, ApiNotFound } from '../../openapi/api-responses.decorator';
import { AdminActor } from '../../auth/admin-auth.guard';
import { AdminApi } from '../admin-api.decorator';
import { CreateGrantDto, GrantDto, ListGrantsQueryDto, mapGrant, UpdateGrantDto } from './grants.dto';
import { GrantsService } from './grants.service';
import { IdParamDto } from '../../common/id-params.dto';

/** A grant lets a user's token (or an integration acting for the user) link to one camera. */
@ApiTags('admin: grants')
@AdminApi()
@Controller('api/v1/admin/grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Post()
  @ApiOperation({
    summary: 'Grant a user a camera',
    description:
      'The user (with their token, or through an integration acting for them) gets links to the camera until `expires_at`, if given.',
  })
  @ApiConflict(
    'The user already has a grant of this camera.',
    'A record with the same user_id, camera_uuid already exists.',
  )
  @ApiInvalid({ user_id: ['The user_id field must name an existing user.'] })
  @ApiCreatedResponse({ type: GrantDto })
  async create(@Body() body: CreateGrantDto): Promise<GrantDto> {
    return mapGrant(await this.grants.create(body));
  }

  @Get()
  @ApiOperation({ summary: 'List grants', description: "Every grant, or a user's, or a camera's." })
  @ApiInvalid({ user_id: ['The user_id field must be a valid UUID.'] })
  @ApiOkResponse({ type: [GrantDto] })
  async list(@Query() query: ListGrantsQueryDto): Promise<GrantDto[]> {
    return (await this.grants.list(query)).map(mapGrant);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a grant', description: 'A grant by id.' })
  @ApiNotFound('Grant')
  @ApiOkResponse({ type: GrantDto })
  async get(@Param() { id }: IdParamDto): Promise<GrantDto> {
    return mapGrant(await this.grants.get(id));
  }

  @ApiBody({ type: UpdateGrantDto, examples: { demo: { summary: 'Never expire', value: { expires_at: null } } } })
  @Patch(':id')
  @ApiOperation({
    summary: "Change a grant's expiry",
    description:
      '`expires_at` null: the grant no longer expires. Renewing a grant that has already expired starts a new term: the links issued under the old one are revoked (reason `grant expired`).',
  })
  @ApiNotFound('Grant')
  @ApiInvalid({ expires_at: ['The expires_at field must be in the future.'] })
  @ApiOkResponse({ type: GrantDto })
  async update(
    @Param() { id }: IdParamDto,
    @Body() body: UpdateGrantDto,
    @AdminActor() actor: AdminIdentity,
  ): Promise<GrantDto> {
    return mapGrant(await this.grants.update(id, body, actor));
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Withdraw a grant',
    description: "The user's links to the camera stop working at once, on every instance.",
  })
  @ApiNotFound('Grant')
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'Its active links are revoked (reason `grant deleted`); a new grant for the same user and camera does not bring them back.',
  })
  delete(@Param() { id }: IdParamDto, @AdminActor() actor: AdminIdentity): Promise<void> {
    return this.grants.delete(id, actor);
  }
}
