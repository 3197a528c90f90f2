import { ApiProperty } from '@nestjs/swagger';
import { isoOrNull } from '../../common/timestamps';
import { LINK_KINDS, type LinkKind } from '../../links/link-kind';
import type { RevocationRuleRecord } from '../../links/revocation-rules.repository';

/** A bulk revocation too large for one statement: in force at once, its rows marked in batches. */
export class RevocationDto {
  @ApiProperty({ format: 'uuid', description: 'Its id, for `GET /api/v1/admin/revocations/{id}`.' }) id: string;
  @ApiProperty({
    enum: ['marking', 'done'],
    description:
      '`marking`: every selected link is already refused, and listed as revoked; their rows are being marked (`revoked_at` set) in batches. `done`: all are marked (a selected link committed after its batch is refused all the same, and marked a minute after `revoked_at`).',
  })
  state: 'marking' | 'done';
  @ApiProperty({ example: 250000, description: 'Links marked revoked so far; when `done`, how many it revoked.' })
  marked: number;
  @ApiProperty({
    format: 'date-time',
    description: 'The revocation time: links issued by then and active then are revoked.',
  })
  revoked_at: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finished_at: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) camera_uuid: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) user_id: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) integration_id: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) issued_after: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) issued_before: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The console's filters: the links' source." })
  source: string | null;
  @ApiProperty({ nullable: true, enum: [...LINK_KINDS, null], type: String }) kind: LinkKind | null;
  @ApiProperty({ nullable: true, type: String, description: "The start of the selected links' tokens." })
  token_prefix: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ description: 'The admin who revoked.' }) revoked_by: string;
}

export function mapRevocation(rule: RevocationRuleRecord): RevocationDto {
  const { selection, revocation } = rule;
  return {
    id: rule.id,
    state: rule.finishedAt ? 'done' : 'marking',
    marked: rule.marked,
    revoked_at: revocation.at.toISOString(),
    finished_at: isoOrNull(rule.finishedAt),
    camera_uuid: selection.cameraUuid ?? null,
    user_id: selection.userId ?? null,
    integration_id: selection.integrationId ?? null,
    issued_after: isoOrNull(selection.issuedFrom ?? null),
    issued_before: isoOrNull(selection.issuedTo ?? null),
    source: selection.source ?? null,
    kind: selection.kind ?? null,
    token_prefix: selection.tokenPrefix ?? null,
    reason: revocation.reason,
    revoked_by: revocation.by.name,
  };
}
