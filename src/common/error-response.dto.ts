import { ApiProperty } from '@nestjs/swagger';

export class ErrorResponseDto {
  @ApiProperty({ example: 'Unauthenticated.' })
  message: string;
}

export class ValidationErrorResponseDto {
  @ApiProperty({ example: 'The cameras.0.uuid field must be a valid UUID.' })
  message: string;

  @ApiProperty({
    description: 'Messages by field path.',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: {
      'cameras.0.uuid': ['The cameras.0.uuid field must be a valid UUID.'],
      ttl: ['The ttl field must be at least 1.'],
    },
  })
  errors: Record<string, string[]>;
}
