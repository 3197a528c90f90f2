import { IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsTimeZone, MaxLength, ValidateBy } from 'class-validator';
import { isStorableTime } from '../common/timestamps';
import { NumericString } from '../common/validators';
import { AuditEventsQueryDto } from '../admin/audit-events/audit-events.dto';
import { LinksQueryDto } from '../admin/links/links.dto';

/**
 * What `<input type="datetime-local">` sends, a time without offset, read in the form's `tz`
 * (the browser's zone, which assets/local-time.js fills in) or else as UTC; or a UTC time ending
 * in `Z`, as the console's own links and a script may send.
 */
const FORM_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(Z?)$/;
/** A time that exists (JavaScript's Date would roll 2026-02-30 or 24:00 over rather than refuse it) and that PostgreSQL can store. */
const isFormTime = (value: unknown): boolean => {
  const match = typeof value === 'string' && FORM_TIME.exec(value);
  if (!match) return false;
  const time = Date.parse(`${match[1]}Z`);
  return !Number.isNaN(time) && isStorableTime(time) && new Date(time).toISOString().startsWith(match[1]);
};
const IsFormTime = () =>
  ValidateBy({
    name: 'isFormTime',
    validator: { validate: isFormTime, defaultMessage: () => 'must be a date and time, e.g. 2026-11-26T14:30' },
  });

/** How far `zone`'s clocks are ahead of UTC at the instant `utc`, in ms. */
function zoneOffsetMs(utc: number, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(utc)
      .map((part) => [part.type, Number(part.value)]),
  );
  return (
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) -
    Math.floor(utc / 1000) * 1000
  );
}

/** A form's time as UTC (ISO 8601): with `Z` as it is, else as the wall-clock time in `zone` (UTC when none). */
export function utcFromForm(value: string | undefined, zone: string | undefined): string | undefined {
  if (!value) return undefined;
  const [, wall, z] = FORM_TIME.exec(value)!;
  const asUtc = Date.parse(`${wall}Z`);
  if (z || !zone) return new Date(asUtc).toISOString();
  // The offset at the wall time itself, not now: a filter in winter read in summer keeps its meaning.
  const first = asUtc - zoneOffsetMs(asUtc, zone);
  return new Date(asUtc - zoneOffsetMs(first, zone)).toISOString();
}

/** The browser's time zone (IANA name) that a form's times are in. */
class FormTimeZoneDto {
  @IsOptional() @IsTimeZone({ message: 'must be a time zone, e.g. Europe/Berlin' }) tz?: string;
}

export class SignInDto {
  @IsString({ message: 'must be a string' }) @MaxLength(500) token: string;
}

/** Every console form that changes something carries the session's CSRF token. */
export class CsrfDto {
  @IsString({ message: 'must be a string' }) @MaxLength(100) _csrf: string;
}

export class RevokeFormDto extends CsrfDto {
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(500, { message: 'must not be longer than 500 characters' })
  reason?: string;
}

/** "End session", from the overview's or a link's "Watching now": where to go back to. */
export class EndSessionFormDto extends RevokeFormDto {
  @IsIn(['overview', 'link'], { message: 'must be overview or link' }) from: 'overview' | 'link';
}

/** The links page's filter form: the API's listing filter, with times as a browser's form sends them. */
export class ConsoleLinksQueryDto extends IntersectionType(
  OmitType(LinksQueryDto, ['issued_from', 'issued_to'] as const),
  FormTimeZoneDto,
) {
  @IsOptional() @IsFormTime() issued_from?: string;
  @IsOptional() @IsFormTime() issued_to?: string;
  /** After a bulk revoke: how many it revoked, for the notice. */
  @IsOptional() @NumericString() @IsInt() revoked?: number;
}

export function toLinksQuery({
  revoked: _,
  tz,
  ...form
}: Omit<ConsoleLinksQueryDto, 'cursor' | 'limit' | 'status'> & Partial<ConsoleLinksQueryDto>): LinksQueryDto {
  return { ...form, issued_from: utcFromForm(form.issued_from, tz), issued_to: utcFromForm(form.issued_to, tz) };
}

/** Bulk revoke: the filter it was confirmed for (hidden fields), the reason and the CSRF token. */
export class BulkRevokeFormDto extends IntersectionType(
  OmitType(ConsoleLinksQueryDto, ['cursor', 'limit', 'status', 'revoked'] as const),
  RevokeFormDto,
) {}

export class ConsoleAuditQueryDto extends IntersectionType(
  OmitType(AuditEventsQueryDto, ['from', 'to'] as const),
  FormTimeZoneDto,
) {
  @IsOptional() @IsFormTime() from?: string;
  @IsOptional() @IsFormTime() to?: string;
}

export function toAuditQuery({ tz, ...form }: ConsoleAuditQueryDto): AuditEventsQueryDto {
  return { ...form, from: utcFromForm(form.from, tz), to: utcFromForm(form.to, tz) };
}
