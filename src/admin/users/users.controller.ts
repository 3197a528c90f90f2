import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminActor } from '../../auth/admin-auth.guard';
import { AdminApi } from '../admin-api.decorator';
import { TokensController } from '../tokens/tokens.controller';
import { CreateUserDto, mapUser, UpdateUserDto, UserDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('admin: users')
@AdminApi()
@Controller('api/v1/admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  async create(@Body() body: CreateUserDto): Promise<UserDto> {
    return mapUser(await this.users.create(body));
  }

  @Get()
  @ApiOkResponse({ type: [UserDto] })
  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map(mapUser);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return mapUser(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return mapUser(await this.users.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Its tokens and grants are deleted with it; its active links are revoked (reason `user deleted`).' })
  delete(@Param('id', ParseUUIDPipe) id: string, @AdminActor() actor: string): Promise<void> {
    return this.users.delete(id, actor);
  }
}

@ApiTags('admin: users')
@Controller('api/v1/admin/users/:id/tokens')
export class UserTokensController extends TokensController {
  protected readonly ownerKind = 'user';
}
