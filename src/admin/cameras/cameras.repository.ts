import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { IssuedLinksRepository, type Revocation } from '../../links/issued-links.repository';

export interface CameraStreamRecord {
  type: string;
  name: string;
}

export interface CameraRecord {
  uuid: string;
  name: string;
  mediaServerId: string;
  defaultStreamType: string;
  archiveRetentionDays: number;
  blocked: boolean;
  createdAt: Date;
  updatedAt: Date;
  streams: CameraStreamRecord[];
}

export type CameraFields = Pick<
  CameraRecord,
  'name' | 'mediaServerId' | 'defaultStreamType' | 'archiveRetentionDays' | 'blocked'
>;

export interface CameraChanges extends Partial<CameraFields> {
  /** When given, replaces all of the camera's streams. */
  streams?: CameraStreamRecord[];
}

/**
 * What a change does to the links issued before it. Unblocking starts a new generation and
 * revokes them (`unblocked`) unless `restoreLinks`; moving the camera to another media server
 * always does (`moved`): their URLs name the old one.
 */
export interface LinkRevocations {
  restoreLinks: boolean;
  unblocked: Revocation;
  moved: Revocation;
}

const WITH_STREAMS = { streams: { select: { type: true, name: true }, orderBy: { type: 'asc' } } } as const;

/**
 * The only code that writes cameras and camera_streams (the preview API reads them through
 * src/integration). Unknown uuids surface as Prisma P2025 (→ 404), a taken uuid or stream as P2002 (→ 409).
 */
@Injectable()
export class AdminCamerasRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly links: IssuedLinksRepository,
  ) {}

  /** A nested create: the camera and its streams are one transaction. */
  create(camera: CameraFields & { uuid?: string; streams: CameraStreamRecord[] }): Promise<CameraRecord> {
    return this.prisma.camera.create({
      data: { ...camera, streams: { create: camera.streams } },
      include: WITH_STREAMS,
    });
  }

  list(filter: { mediaServerId?: string }): Promise<CameraRecord[]> {
    return this.prisma.camera.findMany({
      where: filter,
      orderBy: [{ name: 'asc' }, { uuid: 'asc' }],
      include: WITH_STREAMS,
    });
  }

  /** Uuids (as ids) and names, by name (the (name, uuid) index), `take` at most. */
  async names(take: number): Promise<{ id: string; name: string }[]> {
    const rows = await this.prisma.camera.findMany({
      select: { uuid: true, name: true },
      orderBy: [{ name: 'asc' }, { uuid: 'asc' }],
      take,
    });
    return rows.map(({ uuid, name }) => ({ id: uuid, name }));
  }

  findByUuid(uuid: string): Promise<CameraRecord | null> {
    return this.prisma.camera.findUnique({ where: { uuid }, include: WITH_STREAMS });
  }

  /**
   * Applies `changes` and hands the resulting camera to `check` before committing; whatever
   * `check` throws rolls all of it back. Unblocking it or moving it to another media server
   * may end the links issued before (see LinkRevocations).
   */
  update(
    uuid: string,
    { streams, ...fields }: CameraChanges,
    check: (camera: CameraRecord) => void,
    revocations: LinkRevocations,
  ): Promise<CameraRecord> {
    return this.prisma.$transaction(async (tx) => {
      // The camera row first, always (updated_at also when only streams change): its lock makes
      // concurrent updates of one camera take turns, so each check sees what the other committed.
      const [before] = await tx.$queryRaw<{ blocked: boolean; media_server_id: string }[]>`
        SELECT blocked, media_server_id FROM cameras WHERE uuid = ${uuid}::uuid FOR UPDATE`;
      // Streams being replaced go before a move, whose cascade would hold them to the new server's names.
      if (streams) await tx.cameraStream.deleteMany({ where: { cameraUuid: uuid } });
      const { mediaServerId } = await tx.camera.update({ where: { uuid }, data: { ...fields, updatedAt: new Date() } });
      const moved = fields.mediaServerId !== undefined && fields.mediaServerId !== before?.media_server_id;
      const unblocked = before?.blocked && fields.blocked === false && !revocations.restoreLinks;
      if (moved || unblocked) {
        await tx.$executeRaw`UPDATE cameras SET generation = nextval(pg_get_serial_sequence('cameras', 'generation')) WHERE uuid = ${uuid}::uuid`;
        await this.links.revokeIssuedUnder(tx, { cameraUuid: uuid }, moved ? revocations.moved : revocations.unblocked);
      }
      if (streams) {
        await tx.cameraStream.createMany({
          data: streams.map((stream) => ({ ...stream, cameraUuid: uuid, mediaServerId })),
        });
        // Archive ranges belong to stream types: those of types that are gone go too.
        await tx.archiveRange.deleteMany({
          where: { cameraUuid: uuid, streamType: { notIn: streams.map((s) => s.type) } },
        });
      }
      const camera = await tx.camera.findUniqueOrThrow({ where: { uuid }, include: WITH_STREAMS });
      check(camera);
      return camera;
    });
  }

  /**
   * A camera other than `except` that serves one of `names` on the media server, compared as
   * the unique index compares them (camlinks_stream_key, in the migration one_camera_per_stream).
   */
  async streamServedElsewhere(
    mediaServerId: string,
    names: string[],
    except?: string,
  ): Promise<{ cameraUuid: string; name: string } | null> {
    const [row] = await this.prisma.$queryRaw<{ camera_uuid: string; name: string }[]>`
      SELECT camera_uuid, name FROM camera_streams
       WHERE media_server_id = ${mediaServerId}::uuid
         AND name_key IN (SELECT camlinks_stream_key(n) FROM unnest(${names}::text[]) AS n)
         AND camera_uuid IS DISTINCT FROM ${except ?? null}::uuid
       ORDER BY camera_uuid, name
       LIMIT 1`;
    return row ? { cameraUuid: row.camera_uuid, name: row.name } : null;
  }

  /** Its streams and grants go with it, and its active links are revoked; they stay in the audit trail. */
  async delete(uuid: string, revocation: Revocation): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.camera.delete({ where: { uuid } });
      await this.links.revokeIssuedUnder(tx, { cameraUuid: uuid }, revocation);
    });
  }
}
