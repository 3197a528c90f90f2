import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresRole } from '../../auth/admin-roles';
import { IdParamDto } from '../../common/id-params.dto';
import { ApiConflict, ApiInvalid, ApiNotFound } from '../../openapi/api-responses.decorator';
import { AdminApi } from '../admin-api.decorator';
import { AdminDto, CreateAdminDto, CreatedAdminDto, mapAdmin, UpdateAdminDto } from './admins.dto';
import { AdminsService, LAST_OWNER_MESSAGE } from './admins.service';

@ApiTags('admin: admins')
@AdminApi()
@RequiresRole('owner')
@Controller('api/v1/admin/admins')
export class AdminsController {
  constructor(private readonly admins: AdminsService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a named admin',
    description:
      'A person (or tool) with admin rights and a token of its own (`cla_…`), shown this once. Audit events and revocations name who acted. ' +
      'Its role is `admin` unless the body says otherwise.',
  })
  @ApiConflict(
    "An admin's name looks like this one (the same TR39 skeleton, in some letter case).",
    'The name looks like that of admin "alice" (0b6c3c57-7a0e-4b4e-9c1f-3f4a2d1e5b6a).',
  )
  @ApiInvalid({
    name: ['The name field must not contain invisible, format, bidirectional or control characters.'],
    email: ['The email field must be an email address.'],
  })
  @ApiCreatedResponse({ type: CreatedAdminDto, description: 'With its token: the only response that contains it.' })
  async create(@Body() body: CreateAdminDto): Promise<CreatedAdminDto> {
    const { admin, token } = await this.admins.create(body.name, body.email, body.role);
    return { ...mapAdmin(admin), token };
  }

  @Get()
  @ApiOperation({
    summary: 'List admins',
    description: 'Every admin, by name, the built-in `bootstrap` included; revoked ones too.',
  })
  @ApiOkResponse({ type: [AdminDto] })
  async list(): Promise<AdminDto[]> {
    return (await this.admins.list()).map(mapAdmin);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an admin', description: 'An admin by id, revoked or not; never its token.' })
  @ApiNotFound('Admin')
  @ApiOkResponse({ type: AdminDto })
  async get(@Param() { id }: IdParamDto): Promise<AdminDto> {
    return mapAdmin(await this.admins.get(id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change an admin's role",
    description:
      'At once, on every instance, its console sessions included. The last owner who can sign in cannot be demoted; the bootstrap admin is always an owner.',
  })
  @ApiNotFound('Admin')
  @ApiConflict('The admin is the last owner whose token works.', LAST_OWNER_MESSAGE)
  @ApiInvalid({ role: ['The role field must be one of: owner, admin, auditor.'] })
  @ApiOkResponse({ type: AdminDto })
  async update(@Param() { id }: IdParamDto, @Body() body: UpdateAdminDto): Promise<AdminDto> {
    return mapAdmin(await this.admins.setRole(id, body.role));
  }

  @Delete(':id/token')
  @HttpCode(204)
  @ApiOperation({
    summary: "Revoke an admin's token",
    description:
      'It stops working at once, on every instance, and its console sessions end. The admin stays listed, so the audit trail can name it. ' +
      'The last owner whose token works cannot be revoked.',
  })
  @ApiNotFound('Admin')
  @ApiConflict('The admin is the last owner whose token works.', LAST_OWNER_MESSAGE)
  @ApiInvalid({
    id: ['The id field is the bootstrap admin: its token is ADMIN_TOKEN (or data/admin-token); change that instead.'],
  })
  @ApiNoContentResponse({ description: 'Revoked (revoking twice keeps the first revocation time).' })
  async revokeToken(@Param() { id }: IdParamDto): Promise<void> {
    await this.admins.revokeToken(id);
  }
}
