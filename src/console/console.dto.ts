import { IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { isStorableTime } from '../common/timestamps';
import { NumericString } from '../common/validators';
import { AuditEventsQueryDto } from '../admin/audit-events/audit-events.dto';
import { LinksQueryDto } from '../admin/links/links.dto';

/** What `<input type="datetime-local">` sends: a time without offset, read as UTC (the console says so). */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
/** A time that exists (JavaScript's Date would roll 2026-02-30 or 24:00 over rather than refuse it) and that PostgreSQL can store. */
const isLocalTime = (value: unknown): boolean => {
  if (typeof value !== 'string' || !LOCAL_TIME.test(value)) return false;
  const time = Date.parse(`${value}Z`);
  return !Number.isNaN(time) && isStorableTime(time) && new Date(time).toISOString().startsWith(value);
};
const IsLocalTime = () =>
  ValidateBy({ name: 'isLocalTime', validator: { validate: isLocalTime, defaultMessage: () => 'must be a date and time, e.g. 2026-11-26T14:30' } });

function utcFromLocal(value: string | undefined): string | undefined {
  return value && new Date(`${value}Z`).toISOString();
}

export class SignInDto {
  @IsString({ message: 'must be a string' }) @MaxLength(500) token: string;
}

/** Every console form that changes something carries the session's CSRF token. */
export class CsrfDto {
  @IsString({ message: 'must be a string' }) @MaxLength(100) _csrf: string;
}

export class RevokeFormDto extends CsrfDto {
  @IsOptional() @IsString({ message: 'must be a string' }) @MaxLength(500, { message: 'must not be longer than 500 characters' }) reason?: string;
}

/** "End session", from the overview's or a link's "Watching now": where to go back to. */
export class EndSessionFormDto extends RevokeFormDto {
  @IsIn(['overview', 'link'], { message: 'must be overview or link' }) from: 'overview' | 'link';
}

/** The links page's filter form: the API's listing filter, with times as a browser's form sends them. */
export class ConsoleLinksQueryDto extends OmitType(LinksQueryDto, ['issued_from', 'issued_to'] as const) {
  @IsOptional() @IsLocalTime() issued_from?: string;
  @IsOptional() @IsLocalTime() issued_to?: string;
  /** After a bulk revoke: how many it revoked, for the notice. */
  @IsOptional() @NumericString() @IsInt() revoked?: number;
}

export function toLinksQuery({
  revoked: _,
  ...form
}: Omit<ConsoleLinksQueryDto, 'cursor' | 'limit' | 'status'> & Partial<ConsoleLinksQueryDto>): LinksQueryDto {
  return { ...form, issued_from: utcFromLocal(form.issued_from), issued_to: utcFromLocal(form.issued_to) };
}

/** Bulk revoke: the filter it was confirmed for (hidden fields), the reason and the CSRF token. */
export class BulkRevokeFormDto extends IntersectionType(OmitType(ConsoleLinksQueryDto, ['cursor', 'limit', 'status', 'revoked'] as const), RevokeFormDto) {}

export class ConsoleAuditQueryDto extends OmitType(AuditEventsQueryDto, ['from', 'to'] as const) {
  @IsOptional() @IsLocalTime() from?: string;
  @IsOptional() @IsLocalTime() to?: string;
}

export function toAuditQuery(form: ConsoleAuditQueryDto): AuditEventsQueryDto {
  return { ...form, from: utcFromLocal(form.from), to: utcFromLocal(form.to) };
}
