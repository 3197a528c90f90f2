import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { MaxItems } from '../common/input-bounds';

/** Links one request may name: a page of a portal's links, never "everything" by accident. */
export const MAX_LINKS_PER_REVOCATION = 100;
/** Longer than any URL camlinks issues (templates and stream names are bounded far below it). */
const MAX_REFERENCE_LENGTH = 2048;

export class RevokeOwnLinksDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', maxLength: MAX_REFERENCE_LENGTH },
    minItems: 1,
    maxItems: MAX_LINKS_PER_REVOCATION,
    description:
      'Link tokens (`cll_…`) or link URLs as camlinks issued them (the token in their `token` query parameter). ' +
      `At most ${MAX_LINKS_PER_REVOCATION}; each is answered in one of the three lists, as sent.`,
    example: [
      'cll_Ab3dE5gHk2Lm9Np4Qr7St1Uv6Wx8Yz0Ab3dE5gH',
      'http://127.0.0.1:8080/gate-hd/preview.mp4?token=cll_Zy9xW8vUt7Sr6Qp5On4Ml3Kj2Ih1Gf0Ed9Cb8Az7YxW19991231',
    ],
  })
  @MaxItems(MAX_LINKS_PER_REVOCATION, 'links')
  @IsArray({ message: 'must be an array' })
  @ArrayMinSize(1, { message: 'must contain at least 1 link' })
  @IsString({ each: true, message: 'must contain only strings' })
  @MaxLength(MAX_REFERENCE_LENGTH, {
    each: true,
    message: `must not contain a link longer than ${MAX_REFERENCE_LENGTH} characters`,
  })
  links: string[];

  @ApiPropertyOptional({
    example: 'user signed out of the portal',
    maxLength: 500,
    description: 'Recorded with each revocation and in the audit trail.',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(500, { message: 'must not be longer than 500 characters' })
  reason?: string;
}

export class OwnLinksRevokedDto {
  @ApiProperty({
    type: [String],
    description: 'Links this request revoked: they stop working at once, on every instance and media server.',
  })
  revoked: string[];

  @ApiProperty({
    type: [String],
    description:
      'Links of the caller that were already revoked (by an admin, an earlier request, or with what they were issued under).',
  })
  already_revoked: string[];

  @ApiProperty({
    type: [String],
    description:
      'Everything else: unknown tokens, text that names no link, and links the caller did not issue (never told apart, never revoked).',
  })
  not_found: string[];
}
