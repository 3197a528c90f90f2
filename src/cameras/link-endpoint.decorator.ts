import { applyDecorators, Header, HttpCode, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IntegrationAuthGuard } from '../auth/integration-auth.guard';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto';

interface LinkEndpointDocs {
  summary: string;
  body: new () => object;
  examples: Record<string, { summary: string; value: object }>;
  response: new () => object;
}

/** What the vendor's link endpoints share: bearer auth, 200 with no caching, and the documented errors. */
export function LinkEndpoint(docs: LinkEndpointDocs): MethodDecorator {
  return applyDecorators(
    UseGuards(IntegrationAuthGuard),
    HttpCode(200),
    Header('Cache-Control', 'no-store'),
    ApiTags('cameras'),
    ApiBearerAuth('integration'),
    ApiOperation({
      summary: docs.summary,
      description: "Issues one short-lived link per accessible camera, in request order. With `X-User-Token`, only that user's cameras get links.",
    }),
    ApiHeader({ name: 'X-User-Token', required: false, description: "A user's integration token: act for that user (integration tokens only)." }),
    ApiBody({ type: docs.body, examples: docs.examples }),
    ApiOkResponse({ type: [docs.response], description: 'One link per accessible camera.' }),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Missing, unknown, expired or revoked token.' }),
    ApiUnprocessableEntityResponse({ type: ValidationErrorResponseDto, description: 'A field is invalid; `errors` names each one by its path.' }),
  );
}
