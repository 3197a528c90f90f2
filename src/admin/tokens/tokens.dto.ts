import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsFutureDateTime } from '../../common/validators';
import type { IssuedToken } from './tokens.service';
import type { TokenRecord } from './tokens.repository';

export class CreateTokenDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2030-01-01T00:00:00Z',
    description: 'When the token stops working (in the future). Omitted or null: never.',
  })
  @IsOptional()
  @IsFutureDateTime()
  expires_at?: string | null;
}

export class TokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'cli_AbCdEfGh', description: 'The first characters of the token, to recognise it by.' })
  token_prefix: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expires_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Set once the token is revoked; it then stops working.',
  })
  revoked_at: string | null;
}

export class IssuedTokenDto extends OmitType(TokenDto, ['revoked_at'] as const) {
  @ApiProperty({
    example: 'cli_…',
    description: 'The token itself. Shown in this response only: camlinks keeps only its hash.',
  })
  token: string;
}

const isoOrNull = (date: Date | null) => date?.toISOString() ?? null;

export function mapToken(row: TokenRecord): TokenDto {
  return {
    id: row.id,
    token_prefix: row.tokenPrefix,
    expires_at: isoOrNull(row.expiresAt),
    created_at: row.createdAt.toISOString(),
    revoked_at: isoOrNull(row.revokedAt),
  };
}

export function mapIssuedToken({ record, token }: IssuedToken): IssuedTokenDto {
  return {
    id: record.id,
    token,
    token_prefix: record.tokenPrefix,
    expires_at: isoOrNull(record.expiresAt),
    created_at: record.createdAt.toISOString(),
  };
}
