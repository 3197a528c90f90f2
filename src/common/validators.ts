import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { nameProblem } from './names';
import { isStorableTime } from './timestamps';

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO 8601 date-time that names its time zone (`Z` or an offset), so it means one instant. */
export function IsDateTimeWithOffset(): PropertyDecorator {
  const message = 'must be an ISO 8601 date-time with a time zone, like 2000-01-01T00:00:00Z';
  return applyDecorators(
    IsISO8601({ strict: true }, { message }),
    Matches(WITH_OFFSET, { message }),
    // An offset can push 9999-12-31 into year 10000, which the database cannot store.
    ValidateBy({
      name: 'isStorableDateTime',
      validator: {
        validate: (value) => {
          const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
          return Number.isNaN(time) || isStorableTime(time);
        },
        defaultMessage: () => 'must be between the years 0001 and 9999 in UTC',
      },
    }),
  );
}

/** An IsDateTimeWithOffset that has not passed yet: an expiry in the past would be dead on arrival. */
export function IsFutureDateTime(): PropertyDecorator {
  return applyDecorators(
    IsDateTimeWithOffset(),
    ValidateBy({
      name: 'isFutureDateTime',
      // A value that is no date at all is IsDateTimeWithOffset's to report, once.
      validator: {
        validate: (value) => {
          const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
          return Number.isNaN(time) || time > Date.now();
        },
        defaultMessage: () => 'must be in the future',
      },
    }),
  );
}

/** Like IsOptional, but only for a field left out: null is checked, and refused, like any other value. */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined);
}

/** A UUID of any version: ids come from other systems too (a VMS's camera uuids). */
export function IsAnyUuid(): PropertyDecorator {
  return IsUUID('all', { message: 'must be a valid UUID' });
}

/** A UUID compared as text (a filter that is echoed back, e.g. as the selected choice): in the lower case PostgreSQL writes. */
export function IsAnyUuidLowerCased(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value)),
    IsAnyUuid(),
  );
}

/** A non-empty string of at most `maxLength` characters: names, stream types. */
export function IsShortString(maxLength: number): PropertyDecorator {
  return applyDecorators(
    IsString({ message: 'must be a string' }),
    IsNotEmpty({ message: 'must not be empty' }),
    MaxLength(maxLength, { message: `must not be longer than ${maxLength} characters` }),
  );
}

/**
 * The name of an admin, integration, user, camera or media server: what auditors read to tell
 * who did what to which. NFC, so that one spelling is stored whatever the keyboard sent, and
 * refused when it holds what would make it read as another name (src/common/names.ts).
 */
export function IsName(maxLength = 100): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC') : value)),
    IsShortString(maxLength),
    ValidateBy({
      name: 'isName',
      validator: {
        validate: (value) => typeof value !== 'string' || nameProblem(value) === undefined,
        defaultMessage: (args) => nameProblem(args?.value as string) ?? 'is not a valid name',
      },
    }),
  );
}

/** Accepts a whole number sent as a JSON number or as a numeric string (the vendor sends `"100"`). */
export function NumericString(): PropertyDecorator {
  return Transform(({ value }) =>
    typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value,
  );
}

/**
 * An array of `type` objects, each validated. Items must be objects: ValidateNested lets an
 * empty array through as an item (`cameras: [[]]`), which then reached the services.
 */
export function ArrayOf(type: () => new () => object): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: 'must be an array' }),
    ValidateBy({
      name: 'objectItems',
      validator: {
        validate: (value) =>
          !Array.isArray(value) ||
          value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item)),
        defaultMessage: () => 'must contain only objects',
      },
    }),
    ValidateNested({ each: true }),
    Type(type),
  );
}
