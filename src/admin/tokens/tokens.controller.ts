import { Body, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { AdminIdentity } from '../../auth/admin-identity';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { ApiNotFound } from '../../openapi/api-responses.decorator';
import { AdminActor } from '../../auth/admin-auth.guard';
import { AdminApi } from '../admin-api.decorator';
import { CreateTokenDto, IssuedTokenDto, mapIssuedToken, mapToken, TokenDto } from './tokens.dto';
import type { TokenOwner } from './tokens.repository';
import { TokensService } from './tokens.service';
import { IdParamDto, TokenParamsDto } from '../../common/id-params.dto';

/** The 404 of an unknown owner: the routes are shared, the owner's name is not. */
const ApiUnknownOwner = () =>
  ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'No user (under /users) or integration (under /integrations) has this id.',
    examples: {
      user: { summary: 'Under /users', value: { message: 'User not found.' } },
      integration: { summary: 'Under /integrations', value: { message: 'Integration not found.' } },
    },
  });

/**
 * The token routes users and integrations share. Each owner subclasses it with its
 * `@Controller('…/:id/tokens')` path and its kind; the routes and the admin guard are inherited.
 */
@AdminApi()
export abstract class TokensController {
  protected abstract readonly ownerKind: TokenOwner['kind'];

  constructor(private readonly tokens: TokensService) {}

  @Post()
  @ApiOperation({
    summary: 'Issue a token',
    description:
      'A new token for the owner, shown in this answer only (camlinks keeps its hash). With `expires_at`, it stops working then.',
  })
  @ApiUnknownOwner()
  @ApiCreatedResponse({ type: IssuedTokenDto, description: 'The only response that contains the token itself.' })
  async issue(@Param() { id }: IdParamDto, @Body() body: CreateTokenDto): Promise<IssuedTokenDto> {
    return mapIssuedToken(await this.tokens.issue({ kind: this.ownerKind, id }, body.expires_at));
  }

  @Get()
  @ApiOperation({
    summary: 'List tokens',
    description: "The owner's tokens, revoked ones included; only their prefixes, never the tokens.",
  })
  @ApiUnknownOwner()
  @ApiOkResponse({ type: [TokenDto] })
  async list(@Param() { id }: IdParamDto): Promise<TokenDto[]> {
    return (await this.tokens.list({ kind: this.ownerKind, id })).map(mapToken);
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke a token',
    description: 'The token stops working at once, on every instance; its row stays for the audit trail.',
  })
  @ApiNotFound('Token', 'The owner has no token with this id.')
  @ApiNoContentResponse({
    description:
      'Revoked: the token stops working, and the active links issued with it are revoked (reason `user token revoked` or `integration token revoked`); its row stays for the audit trail. Revoking twice is fine.',
  })
  revoke(@Param() { id, tokenId }: TokenParamsDto, @AdminActor() actor: AdminIdentity): Promise<void> {
    return this.tokens.revoke({ kind: this.ownerKind, id }, tokenId, actor);
  }
}
