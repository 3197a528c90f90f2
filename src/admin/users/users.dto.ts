import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { ChosenId } from '../../common/chosen-id';
import { IsName } from '../../common/validators';
import type { UserRecord } from './users.repository';

export class CreateUserDto {
  @ChosenId() id?: string;

  @ApiProperty({ example: 'alice', maxLength: 100, description: 'Unique.' })
  @IsName(100)
  name: string;
}

export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['id'] as const), {
  skipNullProperties: false,
}) {}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export function mapUser(row: UserRecord): UserDto {
  return {
    id: row.id,
    name: row.name,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
