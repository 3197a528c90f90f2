import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { ADMIN_ROLES, type AdminRole } from '../../auth/admin-identity';
import { IsShortString } from '../../common/validators';
import type { AdminRecord } from './admins.repository';

const ROLE_DESCRIPTION =
  '`owner`: everything, managing admins included; `admin`: everything but admins; `auditor`: reads links, sessions and audit events, changes nothing.';

function IsRole(): PropertyDecorator {
  return IsIn(ADMIN_ROLES, { message: `must be one of: ${ADMIN_ROLES.join(', ')}` });
}

export class CreateAdminDto {
  @ApiProperty({
    example: 'alice',
    maxLength: 100,
    description: 'Unique; recorded in audit events and revocations. `bootstrap` is taken by the built-in admin.',
  })
  @IsShortString(100)
  name: string;

  @ApiPropertyOptional({ example: 'alice@example.com', maxLength: 200 })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(200, { message: 'must not be longer than 200 characters' })
  email?: string;

  @ApiPropertyOptional({ enum: ADMIN_ROLES, default: 'admin', description: ROLE_DESCRIPTION })
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
    description: "The first characters of the admin's token, to recognise it by; null for the built-in `bootstrap` admin (its token is ADMIN_TOKEN).",
  })
  token_prefix: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Set once the token is revoked; it then stops working.' })
  revoked_at: string | null;
}

export class CreatedAdminDto extends AdminDto {
  @ApiProperty({ example: 'cla_…', description: 'The token itself. Shown in this response only: camlinks keeps only its hash.' }) token: string;
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
