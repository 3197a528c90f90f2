import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Query, Res, UseFilters } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiHeader,
  ApiQuery,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { attachToLog } from '../logging/access-log';
import { markCredentialFailed } from '../rate-limit/auth-failures';
import type { Decision } from './link-decision';
import { ControlApiGate } from './control-api-gate';
import { LinkVerifier, type VerifyRequest } from './link-verifier';
import { FlussonicAuthQueryDto, MediaMtxAuthBodyDto, SecretQueryDto } from './media-auth.dto';
import { flussonic, mediamtx, nginx, type ProtocolAnswer } from './media-auth.protocols';
import { ThrottledVerificationFilter } from './throttled-verification.filter';

const SECRET_HEADER = 'x-media-server-secret';

/** Over its rate limit (RATE_LIMIT_VERIFY), a media server gets its protocol's refusal, with Retry-After. */
const THROTTLED = {
  'Retry-After': {
    required: false,
    description: 'Only when refused for the rate limit: seconds until it allows a request again.',
    schema: { type: 'integer' },
  },
};
const REFUSAL =
  ' Also the answer when camlinks cannot decide (database unreachable) and over the rate limit (with Retry-After).';

/** Where media servers ask whether a link token opens what a viewer requested. */
@ApiTags('media auth')
@ApiHeader({
  name: 'X-Media-Server-Secret',
  required: false,
  description: "The media server's verification secret, when it has one.",
})
@UseFilters(ThrottledVerificationFilter)
@Controller('api/v1/media-auth')
export class MediaAuthController {
  constructor(
    private readonly verifier: LinkVerifier,
    private readonly controlApi: ControlApiGate,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('flussonic')
  @ApiOperation({
    summary: 'Flussonic authorization backend (`auth` / `on_play` URL)',
    description:
      'Flussonic sends the session (stream name, token, viewer address) as query parameters and lets it play for X-AuthDuration seconds on a 200.',
  })
  @ApiOkResponse({
    description: 'Allowed.',
    headers: {
      'X-AuthDuration': {
        required: true,
        description:
          "Seconds Flussonic may keep this decision: at most FLUSSONIC_AUTH_DURATION_MAX, never past the link's expiry.",
        schema: { type: 'integer', minimum: 1 },
      },
      'X-UserId': {
        required: true,
        description:
          "Who the link was issued to, for Flussonic's session log: the user's id, or the integration's when it acted for no user.",
        schema: { type: 'string' },
      },
    },
  })
  @ApiForbiddenResponse({
    description: `Refused: no token, an unknown, expired or revoked one, or one for another stream.${REFUSAL}`,
    headers: THROTTLED,
  })
  async flussonic(
    @Query() query: FlussonicAuthQueryDto,
    @Headers(SECRET_HEADER) secret: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const decision = await this.verify(flussonic.request(query, secret), res);
    send(res, flussonic.answer(decision, this.config.verification.authDurationMax, new Date()));
  }

  @Get('nginx')
  @ApiOperation({
    summary: 'nginx auth_request subrequest',
    description:
      "Reads the viewer's request from X-Original-URI (token in its `token` query parameter) and X-Original-Method.",
  })
  @ApiHeader({ name: 'X-Original-URI', required: true })
  @ApiHeader({
    name: 'X-Original-Method',
    required: true,
    description: "The viewer's method; only GET and HEAD are allowed, and a request without it is refused.",
  })
  @ApiHeader({ name: 'X-Real-IP', required: false, description: "The viewer's address." })
  @ApiNoContentResponse({ description: 'Allowed.' })
  @ApiUnauthorizedResponse({
    description: 'No token in X-Original-URI, or no verification secret where the media server has one.',
    headers: THROTTLED,
  })
  @ApiForbiddenResponse({
    description: `Refused: an unknown, expired or revoked token, or one for another resource.${REFUSAL}`,
    headers: THROTTLED,
  })
  @ApiQuery({
    name: 'secret',
    type: String,
    required: false,
    description: "The media server's verification secret, for servers that can only configure a URL.",
  })
  // The busiest route (nginx may ask for every HLS segment): plain strings, no DTO to transform.
  async nginx(
    @Headers() headers: Record<string, string | undefined>,
    @Query('secret') secret: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const request = nginx.request(
      headers['x-original-uri'],
      headers['x-original-method'],
      headers[SECRET_HEADER] ?? (typeof secret === 'string' ? secret : undefined),
      headers['x-real-ip'],
      // auth_request's subrequest carries the viewer's own headers.
      headers['user-agent'],
    );
    send(res, nginx.answer(await this.verify(request, res)));
  }

  @Post('mediamtx')
  @HttpCode(200)
  @ApiOperation({
    summary: 'MediaMTX external HTTP authentication (`authHTTPAddress`)',
    description:
      "MediaMTX posts the viewer's request; the token is read from `token`, `token=` in `query`, or `password`. A request with action `api` (a call to MediaMTX's own control API, camlinks' kicks among them) is allowed only with the media server's verification secret and its `control_api_username`/`control_api_password`.",
  })
  @ApiOkResponse({ description: 'Allowed.' })
  @ApiUnauthorizedResponse({ description: `Refused.${REFUSAL}`, headers: THROTTLED })
  async mediamtx(
    @Body() body: MediaMtxAuthBodyDto,
    @Query() query: SecretQueryDto,
    @Headers(SECRET_HEADER) secret: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (body.action === 'api') {
      const allowed = await this.controlApi.allows(secret ?? query.secret, body.user, body.password);
      attachToLog(res, {
        verification: { protocol: 'mediamtx', outcome: allowed ? 'control_api' : 'control_api_refused' },
      });
      return send(res, { status: allowed ? 200 : 401 });
    }
    send(res, mediamtx.answer(await this.verify(mediamtx.request(body, secret ?? query.secret), res)));
  }

  /**
   * The decision goes into the request's access-log line (the reason never to the media server,
   * the token nowhere); a verification secret of no media server is a failed credential of the
   * asking address (RATE_LIMIT_AUTH_FAILURES).
   */
  private async verify(request: VerifyRequest, res: Response): Promise<Decision> {
    const decision = await this.verifier.verify(request);
    attachToLog(res, {
      verification: {
        protocol: request.resource.protocol,
        link: decision.link?.id,
        outcome: decision.allow ? 'allow' : decision.reason,
      },
    });
    if (!decision.allow && decision.reason === 'secret_wrong') markCredentialFailed(res);
    return decision;
  }
}

function send(res: Response, answer: ProtocolAnswer): void {
  res
    .status(answer.status)
    .set(answer.headers ?? {})
    .end();
}
