import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsAnyUuid } from './validators';

/**
 * An id the client may choose when it creates a record (its id in another system, or the
 * fixed ids of `npm run db:seed` that the API docs' examples use); generated when left out.
 */
export function ChosenId(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      format: 'uuid',
      description: 'The id to give it, e.g. its id in another system. Omitted: generated. Taken: 409.',
    }),
    IsOptional(),
    IsAnyUuid(),
  );
}

/** The camera of the vendor's examples, which `npm run db:seed` creates first. */
export const EXAMPLE_CAMERA = '3f1c2a9e-8b7d-4c6e-9a51-2d0f4b8e7c11';

/** The ids `npm run db:seed` creates its demo records with, so that the API docs' examples work against them. */
export const EXAMPLE_IDS = {
  mediaServer: '5a0e6f3c-2b1d-4e8a-9c7f-0d6b3a2e1f45',
  user: '9c4b2a1d-7e6f-4a3b-8d2c-1f0e9a8b7c6d',
  integration: '2e7d9c1b-4a6f-4b8e-a3d5-6c0f1e2b9a87',
  /** The second demo camera, which the demo user is not granted. */
  secondCamera: '7b2d4c1e-5f6a-4b8c-9d0e-1f2a3b4c5d6e',
} as const;
