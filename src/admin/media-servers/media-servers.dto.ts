import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ChosenId } from '../../common/chosen-id';
import { Type } from 'class-transformer';
import {
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { IsShortString } from '../../common/validators';
import { DEFAULT_TEMPLATES, rtspBase, TEMPLATE_PLACEHOLDERS, type TemplateKey } from '../../links/url-templates';
import type { MediaServerRecord } from './media-servers.repository';

@ValidatorConstraint({ name: 'urlTemplate' })
class UrlTemplateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (value === null) return true; // null: back to the default
    if (typeof value !== 'string' || value.length > 2048 || !value.includes('{token}')) return false;
    return [...value.matchAll(/\{(\w+)\}/g)].every(([, name]) => (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name));
  }

  defaultMessage(): string {
    return `must contain {token} and use only these placeholders: ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;
  }
}

const Template =
  (key: TemplateKey): PropertyDecorator =>
  (target, property) => {
    ApiPropertyOptional({
      nullable: true,
      type: String,
      example: DEFAULT_TEMPLATES[key],
      description: `Default: \`${DEFAULT_TEMPLATES[key]}\`; null restores it.`,
    })(target, property);
    IsOptional()(target, property);
    Validate(UrlTemplateConstraint)(target, property);
  };

/** Overrides of the URL templates; keys left out keep their current value. */
export class UrlTemplatesDto implements Partial<Record<TemplateKey, string | null>> {
  @Template('live_preview') live_preview?: string | null;
  @Template('archive_preview') archive_preview?: string | null;
  @Template('hls_live') hls_live?: string | null;
  @Template('hls_archive') hls_archive?: string | null;
  @Template('hls_segment') hls_segment?: string | null;
  @Template('rtsp_live') rtsp_live?: string | null;
  @Template('rtsp_archive') rtsp_archive?: string | null;
}

export class CreateMediaServerDto {
  @ChosenId() id?: string;

  @ApiProperty({ example: 'edge-1', maxLength: 100 })
  @IsShortString(100)
  name: string;

  @ApiProperty({ example: 'http://127.0.0.1:8080', description: 'Where clients reach the media server over HTTP; links start with it.' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  @MaxLength(2048, { message: 'must not be longer than 2048 characters' })
  base_url: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'rtsp://127.0.0.1:554',
    description: "Where clients reach it over RTSP. Default: rtsp:// on the base URL's host.",
  })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['rtsp', 'rtsps'] }, { message: 'must be an rtsp(s) URL' })
  @MaxLength(2048, { message: 'must not be longer than 2048 characters' })
  rtsp_base_url?: string | null;

  @ApiPropertyOptional({ type: UrlTemplatesDto, description: 'URL templates that differ from the Flussonic-compatible defaults.' })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => UrlTemplatesDto)
  url_templates?: UrlTemplatesDto;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    minLength: 16,
    writeOnly: true,
    // Swagger UI's "Try it out" sends the example: null leaves a demo media server open to verification without a secret.
    example: null,
    description:
      'A secret the media server must present when it verifies links (X-Media-Server-Secret header or `secret` query parameter). Stored as a hash, never returned; null removes it.',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(16, 256, { message: 'must be 16 to 256 characters long' })
  verification_secret?: string | null;
}

export class UpdateMediaServerDto extends PartialType(OmitType(CreateMediaServerDto, ['id'] as const), { skipNullProperties: false }) {}

export class MediaServerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() base_url: string;
  @ApiProperty({ description: 'The RTSP base in effect.' }) rtsp_base_url: string;
  @ApiProperty({
    description: 'Every URL template in effect, defaults included.',
    type: 'object',
    additionalProperties: { type: 'string' },
    example: DEFAULT_TEMPLATES,
  })
  url_templates: Record<TemplateKey, string>;
  @ApiProperty({ description: 'Whether media servers must present a verification secret.' }) has_verification_secret: boolean;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export function mapMediaServer(row: MediaServerRecord): MediaServerDto {
  return {
    id: row.id,
    name: row.name,
    base_url: row.baseUrl,
    rtsp_base_url: rtspBase(row),
    url_templates: { ...DEFAULT_TEMPLATES, ...row.urlTemplates },
    has_verification_secret: row.verificationSecretHash !== null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
