import { Body, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { AdminApi } from '../admin-api.decorator';
import { CreateTokenDto, IssuedTokenDto, mapIssuedToken, mapToken, TokenDto } from './tokens.dto';
import type { TokenOwner } from './tokens.repository';
import { TokensService } from './tokens.service';
import { IdParamDto, TokenParamsDto } from '../../common/id-params.dto';

/**
 * The token routes users and integrations share. Each owner subclasses it with its
 * `@Controller('…/:id/tokens')` path and its kind; the routes and the admin guard are inherited.
 */
@AdminApi()
export abstract class TokensController {
  protected abstract readonly ownerKind: TokenOwner['kind'];

  constructor(private readonly tokens: TokensService) {}

  @Post()
  @ApiCreatedResponse({ type: IssuedTokenDto, description: 'The only response that contains the token itself.' })
  async issue(@Param() { id }: IdParamDto, @Body() body: CreateTokenDto): Promise<IssuedTokenDto> {
    return mapIssuedToken(await this.tokens.issue({ kind: this.ownerKind, id }, body.expires_at));
  }

  @Get()
  @ApiOkResponse({ type: [TokenDto] })
  async list(@Param() { id }: IdParamDto): Promise<TokenDto[]> {
    return (await this.tokens.list({ kind: this.ownerKind, id })).map(mapToken);
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the token stops working; its row stays for the audit trail. Revoking twice is fine.' })
  revoke(@Param() { id, tokenId }: TokenParamsDto): Promise<void> {
    return this.tokens.revoke({ kind: this.ownerKind, id }, tokenId);
  }
}
