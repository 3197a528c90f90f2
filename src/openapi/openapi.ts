import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The one definition of the OpenAPI document: served at /api/docs and written to openapi.json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('camlinks')
    .setDescription('Short-lived, revocable, audited URLs to camera video. Integration API: bearer integration or user token. Admin API: bearer ADMIN_TOKEN.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An integration token (cli_…) or a user token (clu_…).' }, 'integration')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN.' }, 'admin')
    .build();
  return SwaggerModule.createDocument(app, config);
}
