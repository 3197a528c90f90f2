import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { ChosenId } from '../../common/chosen-id';
import { IsName } from '../../common/validators';
import type { IssuedToken } from '../tokens/tokens.service';
import type { IntegrationRecord } from './integrations.repository';

export class CreateIntegrationDto {
  @ChosenId() id?: string;

  @ApiProperty({ example: 'billing', maxLength: 100, description: 'Unique.' })
  @IsName(100)
  name: string;
}

export class UpdateIntegrationDto extends PartialType(OmitType(CreateIntegrationDto, ['id'] as const), {
  skipNullProperties: false,
}) {}

export class IntegrationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

/** A new integration with its first token, which never expires. */
export class CreatedIntegrationDto extends IntegrationDto {
  @ApiProperty({
    example: 'cli_…',
    description: 'The first token itself. Shown in this response only: camlinks keeps only its hash.',
  })
  token: string;
  @ApiProperty({ format: 'uuid', description: "The first token's id, to revoke it by." }) token_id: string;
  @ApiProperty({ example: 'cli_AbCdEfGh' }) token_prefix: string;
}

export function mapIntegration(row: IntegrationRecord): IntegrationDto {
  return {
    id: row.id,
    name: row.name,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function mapCreatedIntegration({
  integration,
  token,
}: {
  integration: IntegrationRecord;
  token: IssuedToken;
}): CreatedIntegrationDto {
  return {
    ...mapIntegration(integration),
    token: token.token,
    token_id: token.record.id,
    token_prefix: token.record.tokenPrefix,
  };
}
