import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length, MaxLength, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { IsShortString } from '../../common/validators';
import { DEFAULT_TEMPLATES, TEMPLATE_PLACEHOLDERS } from '../../links/url-templates';
import type { MediaServerRecord } from './media-servers.repository';

@ValidatorConstraint({ name: 'urlTemplate' })
class UrlTemplateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !value.includes('{token}')) return false;
    return [...value.matchAll(/\{(\w+)\}/g)].every(([, name]) => (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name));
  }

  defaultMessage(): string {
    return `must contain {token} and use only these placeholders: ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;
  }
}

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class CreateMediaServerDto {
  @ApiProperty({ example: 'edge-1', maxLength: 100 })
  @IsShortString(100)
  name: string;

  @ApiProperty({ example: 'http://127.0.0.1:8080', description: 'Where clients reach the media server; links start with it.' })
  @IsUrl(URL_OPTIONS, { message: 'must be an http(s) URL' })
  @MaxLength(2048, { message: 'must not be longer than 2048 characters' })
  base_url: string;

  @ApiPropertyOptional({ nullable: true, example: DEFAULT_TEMPLATES.livePreview, description: 'URL template for live previews; null: the Flussonic-compatible default.' })
  @IsOptional()
  @Validate(UrlTemplateConstraint)
  live_preview_template?: string | null;

  @ApiPropertyOptional({ nullable: true, example: DEFAULT_TEMPLATES.archivePreview, description: 'URL template for archive previews; null: the Flussonic-compatible default.' })
  @IsOptional()
  @Validate(UrlTemplateConstraint)
  archive_preview_template?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    minLength: 16,
    writeOnly: true,
    description: 'A secret the media server must present when it verifies links (X-Media-Server-Secret header or `secret` query parameter). Stored as a hash, never returned; null removes it.',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(16, 256, { message: 'must be 16 to 256 characters long' })
  verification_secret?: string | null;
}

export class UpdateMediaServerDto extends PartialType(CreateMediaServerDto) {}

export class MediaServerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() base_url: string;
  @ApiProperty({ description: 'The live preview template in effect.' }) live_preview_template: string;
  @ApiProperty({ description: 'The archive preview template in effect.' }) archive_preview_template: string;
  @ApiProperty({ description: 'Whether media servers must present a verification secret.' }) has_verification_secret: boolean;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export function mapMediaServer(row: MediaServerRecord): MediaServerDto {
  return {
    id: row.id,
    name: row.name,
    base_url: row.baseUrl,
    live_preview_template: row.livePreviewTemplate ?? DEFAULT_TEMPLATES.livePreview,
    archive_preview_template: row.archivePreviewTemplate ?? DEFAULT_TEMPLATES.archivePreview,
    has_verification_secret: row.verificationSecretHash !== null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
