import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ChosenId } from '../../common/chosen-id';
import { Type } from 'class-transformer';
import {
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Validate,
  ValidateBy,
  ValidateNested,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { IsName, IsShortString } from '../../common/validators';
import { DEFAULT_TEMPLATES, rtspBase, type TemplateKey } from '../../links/url-templates';
import type { MediaServerRecord } from './media-servers.repository';
import { baseUrlProblem, templateProblem } from './url-rules';

@ValidatorConstraint({ name: 'urlTemplate' })
class UrlTemplateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    if (value === null) return true; // null: back to the default
    return typeof value === 'string' && templateProblem(args.property as TemplateKey, value) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    return typeof args.value === 'string'
      ? (templateProblem(args.property as TemplateKey, args.value) ?? 'is not valid')
      : 'must be a string or null';
  }
}

/** `base_url` and `rtsp_base_url`: an origin and a plain path, nothing a link could be bent with. */
const IsBaseUrl = (schemes: readonly string[]): PropertyDecorator =>
  ValidateBy({
    name: 'baseUrl',
    validator: {
      validate: (value) => typeof value === 'string' && baseUrlProblem(value, schemes) === undefined,
      defaultMessage: (args) =>
        typeof args?.value === 'string'
          ? baseUrlProblem(args.value, schemes)!
          : `must be an ${schemes.join(' or ')} URL`,
    },
  });

const TEMPLATE_RULES =
  "Only the placeholders listed in docs/MEDIA_SERVERS.md, {token} and {stream} exactly once, {stream} in the path; on the media server's own origin (RTSP templates: its RTSP base); no whitespace, control characters, \\ or #. " +
  'HLS templates place {stream} as a directory and name a playlist the verification opens (a live one, or a timed one for archive templates).';

const Template =
  (key: TemplateKey): PropertyDecorator =>
  (target, property) => {
    ApiPropertyOptional({
      nullable: true,
      type: String,
      example: DEFAULT_TEMPLATES[key],
      description: `Default: \`${DEFAULT_TEMPLATES[key]}\`; null restores it. ${TEMPLATE_RULES}`,
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
  @IsName(100)
  name: string;

  @ApiProperty({
    example: 'http://127.0.0.1:8080',
    description:
      'Where clients reach the media server over HTTP; links start with it. An http(s) origin and at most a plain path: no credentials, query or fragment.',
  })
  @MaxLength(2048, { message: 'must not be longer than 2048 characters' })
  @IsBaseUrl(['http', 'https'])
  base_url: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'rtsp://127.0.0.1:554',
    description:
      "Where clients reach it over RTSP. Default: rtsp:// on the base URL's host. No credentials, query or fragment.",
  })
  @IsOptional()
  @MaxLength(2048, { message: 'must not be longer than 2048 characters' })
  @IsBaseUrl(['rtsp', 'rtsps'])
  rtsp_base_url?: string | null;

  @ApiPropertyOptional({
    type: UrlTemplatesDto,
    description: 'URL templates that differ from the Flussonic-compatible defaults.',
  })
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

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'http://127.0.0.1:9997',
    description:
      "MediaMTX's control API (its `apiAddress`): camlinks ends the running sessions of refused or expired links there (`/v3/…/kick/{id}`). An http(s) URL without credentials, query or fragment; null removes it. See docs/MEDIA_SERVERS.md.",
  })
  @IsOptional()
  @MaxLength(2048, { message: 'must not be longer than 2048 characters' })
  @IsBaseUrl(['http', 'https'])
  control_api_url?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 256,
    description: 'The user camlinks presents to the control API (HTTP Basic); null removes it.',
  })
  @IsOptional()
  @IsShortString(256)
  control_api_username?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 256,
    writeOnly: true,
    description: 'The password camlinks presents to the control API. Never returned or logged; null removes it.',
  })
  @IsOptional()
  @IsShortString(256)
  control_api_password?: string | null;
}

export class UpdateMediaServerDto extends PartialType(OmitType(CreateMediaServerDto, ['id'] as const), {
  skipNullProperties: false,
}) {}

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
  @ApiProperty({ description: 'Whether media servers must present a verification secret.' })
  has_verification_secret: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "MediaMTX's control API, where camlinks ends sessions; null: none.",
  })
  control_api_url: string | null;
  @ApiProperty({ nullable: true, type: String }) control_api_username: string | null;
  @ApiProperty({ description: 'Whether a control API password is set (it is never returned).' })
  has_control_api_password: boolean;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

/** A media server as just written, with what its configuration leaves open. */
export interface MediaServerChange {
  server: MediaServerRecord;
  warnings: string[];
}

/** The answer to a create or update: the server, and what its configuration leaves open. */
export class MediaServerChangeDto extends MediaServerDto {
  @ApiProperty({
    type: [String],
    description:
      'What the configuration just written leaves open, for the operator to read: e.g. a media server created without a verification_secret, or whose secret was removed, has its links verified for any caller that reaches camlinks (it trusts the network). Empty when there is nothing to say; also written to the log.',
  })
  warnings: string[];
}

export function mapMediaServerChange(change: MediaServerChange): MediaServerChangeDto {
  return { ...mapMediaServer(change.server), warnings: change.warnings };
}

export function mapMediaServer(row: MediaServerRecord): MediaServerDto {
  return {
    id: row.id,
    name: row.name,
    base_url: row.baseUrl,
    rtsp_base_url: rtspBase(row),
    url_templates: { ...DEFAULT_TEMPLATES, ...row.urlTemplates },
    has_verification_secret: row.verificationSecretHash !== null,
    control_api_url: row.controlApiUrl,
    control_api_username: row.controlApiUsername,
    has_control_api_password: row.controlApiPassword !== null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
