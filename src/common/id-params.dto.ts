import { ApiProperty } from '@nestjs/swagger';
import { IsAnyUuid } from './validators';

/**
 * Path ids are validated like body fields, by the global pipe: a bad one is the same 422
 * `{message, errors: {id: […]}}` as any other invalid input.
 */
export class IdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsAnyUuid()
  id: string;
}

export class UuidParamDto {
  @ApiProperty({ format: 'uuid', description: "The camera's uuid." })
  @IsAnyUuid()
  uuid: string;
}

export class TokenParamsDto extends IdParamDto {
  @ApiProperty({ format: 'uuid', description: "The token's id (not the token)." })
  @IsAnyUuid()
  tokenId: string;
}
