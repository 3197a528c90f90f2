import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  async get(@Param() { id }: IdParamDto): Promise<UserDto> {
    return mapUser(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  async update(@Param() { id }: IdParamDto, @Body() body: UpdateUserDto): Promise<UserDto> {
    return mapUser(await this.users.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Its tokens and grants are deleted with it.' })
  delete(@Param() { id }: IdParamDto): Promise<void> {
    return this.users.delete(id);
  }
}

@ApiTags('admin: users')
@Controller('api/v1/admin/users/:id/tokens')
export class UserTokensController extends TokensController {
  protected readonly ownerKind = 'user';
}
