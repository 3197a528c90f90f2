import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
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
import { TokensController } from '../tokens/tokens.controller';
import { CreateUserDto, mapUser, UpdateUserDto, UserDto } from './users.dto';
import { UsersService } from './users.service';
import { IdParamDto } from '../../common/id-params.dto';

@ApiTags('admin: users')
@AdminApi()
@Controller('api/v1/admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a user',
    description:
      "An end user of an integration's service. A user sees only the cameras granted to them, with their own token (`clu_…`) or through an integration acting for them (`X-User-Token`).",
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflict('A user with this name (or id) exists.', 'A record with the same name already exists.')
  @ApiInvalid({ name: ['The name field must be a string.', 'The name field must not be empty.'] })
  async create(@Body() body: CreateUserDto): Promise<UserDto> {
    return mapUser(await this.users.create(body));
  }

  @Get()
  @ApiOperation({ summary: 'List users', description: 'Every user, by name.' })
  @ApiOkResponse({ type: [UserDto] })
  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map(mapUser);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a user', description: 'A user by id.' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFound('User')
  async get(@Param() { id }: IdParamDto): Promise<UserDto> {
    return mapUser(await this.users.get(id));
  }

  @ApiBody({
    type: UpdateUserDto,
    examples: { demo: { summary: 'Rename (here: to the name db:seed gave it)', value: { name: 'demo-user' } } },
  })
  @Patch(':id')
  @ApiOperation({ summary: 'Rename a user', description: 'Renames the user.' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFound('User')
  @ApiConflict('Another user has this name.', 'A record with the same name already exists.')
  @ApiInvalid({ name: ['The name field must not be empty.'] })
  async update(@Param() { id }: IdParamDto, @Body() body: UpdateUserDto): Promise<UserDto> {
    return mapUser(await this.users.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a user',
    description:
      'With their tokens and grants; the active links issued for them are revoked and stay in the audit trail.',
  })
  @ApiNotFound('User')
  @ApiNoContentResponse({
    description: 'Its tokens and grants are deleted with it; its active links are revoked (reason `user deleted`).',
  })
  delete(@Param() { id }: IdParamDto, @AdminActor() actor: AdminIdentity): Promise<void> {
    return this.users.delete(id, actor);
  }
}

@ApiTags('admin: users')
@Controller('api/v1/admin/users/:id/tokens')
export class UserTokensController extends TokensController {
  protected readonly ownerKind = 'user';
}
