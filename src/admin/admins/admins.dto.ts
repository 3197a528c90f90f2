import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, MaxLength, ValidateBy } from 'class-validator';
import { ADMIN_ROLES, type AdminRole, BOOTSTRAP_ADMIN } from '../../auth/admin-identity';
import { NON_ADMIN_ACTORS } from '../../audit/audit-events.repository';
import { nameKeys } from '../../common/names';
import { IsName } from '../../common/validators';
import type { AdminRecord } from './admins.repository';

const ROLE_DESCRIPTION =
  '`owner`: everything, managing admins included; `admin`: everything but admins; `auditor`: reads links, sessions and audit events, changes nothing.';

function IsRole(): PropertyDecorator {
  return IsIn(ADMIN_ROLES, { message: `must be one of: ${ADMIN_ROLES.join(', ')}` });
}

/** Words the audit trail shows as actors that are not named admins: an admin called so would pass for them. */
export const ACTOR_WORDS = [...Object.values(NON_ADMIN_ACTORS), BOOTSTRAP_ADMIN.name, 'system'];
const ACTOR_WORD_KEYS = ACTOR_WORDS.map((word) => nameKeys(word).nameSkeletonFolded);

function IsNoActorWord(): PropertyDecorator {
  return ValidateBy({
    name: 'isNoActorWord',
    validator: {
      validate: (value) => typeof value !== 'string' || !ACTOR_WORD_KEYS.includes(nameKeys(value).nameSkeletonFolded),
      defaultMessage: () => `must not be (or look like) a word the audit trail uses: ${ACTOR_WORDS.join(', ')}`,
    },
  });
}

export class CreateAdminDto {
  @ApiProperty({
    example: 'alice',
    maxLength: 100,
    description:
      'Recorded in audit events and revocations. NFC; no invisible, format or control characters, no whitespace at either end. ' +
      "Unique under Unicode's confusable skeleton (TR39), in any letter case; not an audit actor word (`unauthenticated`, `unknown`, `bootstrap`, `system`).",
  })
  @IsName(100)
  @IsNoActorWord()
  name: string;

  @ApiPropertyOptional({ example: 'alice@example.com', maxLength: 200 })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(200, { message: 'must not be longer than 200 characters' })
  email?: string;

  @ApiPropertyOptional({ enum: ADMIN_ROLES, description: `${ROLE_DESCRIPTION} Default: \`admin\`.` })
  @IsOptional()
  @IsRole()
  role?: AdminRole;
}

export class UpdateAdminDto {
  @ApiProperty({ enum: ADMIN_ROLES, example: 'auditor', description: ROLE_DESCRIPTION })
  @IsRole()
  role: AdminRole;
}

export class AdminDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'alice' }) name: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ enum: ADMIN_ROLES, description: ROLE_DESCRIPTION }) role: AdminRole;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'cla_AbCdEfGh',
    description:
      "The first characters of the admin's token, to recognise it by; null for the built-in `bootstrap` admin (its token is ADMIN_TOKEN).",
  })
  token_prefix: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Set once the token is revoked; it then stops working.',
  })
  revoked_at: string | null;
}

export class CreatedAdminDto extends AdminDto {
  @ApiProperty({
    example: 'cla_…',
    description: 'The token itself. Shown in this response only: camlinks keeps only its hash.',
  })
  token: string;
}

export function mapAdmin(row: AdminRecord): AdminDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    token_prefix: row.tokenPrefix,
    created_at: row.createdAt.toISOString(),
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}
