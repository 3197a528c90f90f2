import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsISO8601, Matches } from 'class-validator';

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO 8601 date-time that names its time zone (`Z` or an offset), so it means one instant. */
export function IsDateTimeWithOffset(): PropertyDecorator {
  const message = 'must be an ISO 8601 date-time with a time zone, like 2000-01-01T00:00:00Z';
  return applyDecorators(IsISO8601({ strict: true }, { message }), Matches(WITH_OFFSET, { message }));
}

/** Accepts a whole number sent as a JSON number or as a numeric string (the vendor sends `"100"`). */
export function NumericString(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value));
}
