import { applyDecorators, HttpCode, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { IntegrationAuthGuard } from '../auth/integration-auth.guard';
import { ApiInvalid } from '../openapi/api-responses.decorator';

interface LinkEndpointDocs {
  summary: string;
  /** What this endpoint links to, before what all three share. */
  description: string;
  body: new () => object;
  examples: Record<string, { summary: string; value: object }>;
  response: new () => object;
}

/** What the vendor's link endpoints share: bearer auth, 200, and the documented errors (no caching: app.setup.ts). */
export function LinkEndpoint(docs: LinkEndpointDocs): MethodDecorator {
  return applyDecorators(
    UseGuards(IntegrationAuthGuard),
    HttpCode(200),
    ApiBearerAuth('integration'),
    ApiOperation({
      summary: docs.summary,
      description:
        `${docs.description}\n\nIssues one short-lived link (token \`cll_…\`) per accessible camera, in request order, and records it. ` +
        "Cameras that do not exist, are not the caller's or are blocked are left out without saying which. " +
        'With a user token, or an integration token and `X-User-Token`, only the cameras granted to that user get links.',
    }),
    ApiHeader({
      name: 'X-User-Token',
      required: false,
      description:
        "A user's token (`clu_…`), sent by an integration acting for that user: links only for the cameras granted to the user, recorded as theirs. " +
        'Only with an integration token in Authorization.',
    }),
    ApiBody({ type: docs.body, examples: docs.examples }),
    ApiOkResponse({ type: [docs.response], description: 'One link per accessible camera, in request order.' }),
    ApiInvalid({
      'cameras.0.uuid': ['The cameras.0.uuid field must be a valid UUID.'],
      ttl: ['The ttl field must be at least 1.'],
    }),
  );
}
