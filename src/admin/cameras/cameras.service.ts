import { Injectable } from '@nestjs/common';
import type { AdminIdentity } from '../../auth/admin-identity';
import { AppError, ErrorCode } from '../../common/app-error';
import { MediaServersRepository } from '../media-servers/media-servers.repository';
import type { CreateCameraDto, ListCamerasQueryDto, UpdateCameraDto } from './cameras.dto';
import { AdminCamerasRepository, type CameraRecord, type CameraStreamRecord } from './cameras.repository';

@Injectable()
export class AdminCamerasService {
  constructor(
    private readonly cameras: AdminCamerasRepository,
    private readonly mediaServers: MediaServersRepository,
  ) {}

  async create(body: CreateCameraDto): Promise<CameraRecord> {
    checkDefaultStream(body.streams, body.default_stream_type);
    await this.checkMediaServer(body.media_server_id);
    return this.withStreamsFree(body.media_server_id, body.streams, body.uuid, () =>
      this.cameras.create({
        uuid: body.uuid,
        name: body.name,
        mediaServerId: body.media_server_id,
        streams: body.streams,
        defaultStreamType: body.default_stream_type,
        archiveRetentionDays: body.archive_retention_days ?? 0,
        blocked: body.blocked ?? false,
      }),
    );
  }

  list(query: ListCamerasQueryDto): Promise<CameraRecord[]> {
    return this.cameras.list({ mediaServerId: query.media_server_id });
  }

  names(take: number): Promise<{ id: string; name: string }[]> {
    return this.cameras.names(take);
  }

  get(uuid: string): Promise<CameraRecord> {
    return this.findOrFail(uuid);
  }

  /**
   * The default stream type is checked against the streams the camera ends up with, given or
   * kept. Unblocking revokes the links issued before the block unless `restore_links` says not
   * to; moving the camera to another media server revokes its links.
   */
  async update(uuid: string, body: UpdateCameraDto, actor: AdminIdentity): Promise<CameraRecord> {
    if (body.restore_links && body.blocked !== false)
      throw AppError.invalidField('restore_links', 'is only allowed with blocked: false');
    const current = await this.findOrFail(uuid);
    if (body.media_server_id !== undefined) await this.checkMediaServer(body.media_server_id);
    const changes = {
      name: body.name,
      mediaServerId: body.media_server_id,
      streams: body.streams,
      defaultStreamType: body.default_stream_type,
      archiveRetentionDays: body.archive_retention_days,
      blocked: body.blocked,
    };
    const at = new Date();
    const update = () =>
      this.cameras.update(uuid, changes, (camera) => checkDefaultStream(camera.streams, camera.defaultStreamType), {
        restoreLinks: body.restore_links ?? false,
        unblocked: { by: actor, reason: 'camera blocked', at },
        moved: { by: actor, reason: 'camera moved to another media server', at },
      });
    if (!body.streams && body.media_server_id === undefined) return update();
    return this.withStreamsFree(
      body.media_server_id ?? current.mediaServerId,
      body.streams ?? current.streams,
      uuid,
      update,
    );
  }

  async delete(uuid: string, actor: AdminIdentity): Promise<void> {
    await this.findOrFail(uuid);
    await this.cameras.delete(uuid, { by: actor, reason: 'camera deleted', at: new Date() });
  }

  /** The one not-found path of this resource: GET, PATCH and DELETE of an unknown camera all answer this 404. */
  private async findOrFail(uuid: string): Promise<CameraRecord> {
    return (await this.cameras.findByUuid(uuid)) ?? Promise.reject(AppError.notFound('Camera'));
  }

  /**
   * `write`, unless another camera serves one of `streams` on the media server: then a 409 that
   * names it. Checked before, and again when the write fails: a concurrent write may have taken
   * the stream first, and the unique index refused this one.
   */
  private async withStreamsFree<T>(
    mediaServerId: string,
    streams: CameraStreamRecord[],
    self: string | undefined,
    write: () => Promise<T>,
  ): Promise<T> {
    await this.checkStreamsFree(mediaServerId, streams, self);
    try {
      return await write();
    } catch (error) {
      await this.checkStreamsFree(mediaServerId, streams, self);
      throw error;
    }
  }

  private async checkStreamsFree(
    mediaServerId: string,
    streams: CameraStreamRecord[],
    self: string | undefined,
  ): Promise<void> {
    const taken = await this.cameras.streamServedElsewhere(
      mediaServerId,
      streams.map((stream) => stream.name),
      self,
    );
    if (taken)
      throw new AppError(
        ErrorCode.Conflict,
        `Stream "${taken.name}" is already served by camera ${taken.cameraUuid} on this media server.`,
      );
  }

  private async checkMediaServer(id: string): Promise<void> {
    if (!(await this.mediaServers.findById(id)))
      throw AppError.invalidField('media_server_id', 'must name an existing media server');
  }
}

/** A default that names no stream would make every request without a stream type fail. */
function checkDefaultStream(streams: CameraStreamRecord[], defaultType: string): void {
  const types = streams.map((stream) => stream.type);
  if (!types.includes(defaultType))
    throw AppError.invalidField(
      'default_stream_type',
      `must be one of the camera's stream types (${types.join(', ')})`,
    );
}
