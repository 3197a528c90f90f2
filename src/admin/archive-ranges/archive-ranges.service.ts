import { Injectable } from '@nestjs/common';
import { AppError, type FieldErrors, fieldMessage } from '../../common/app-error';
import type { ReplaceArchiveRangesDto } from './archive-ranges.dto';
import { type ArchiveRangeRecord, ArchiveRangesRepository } from './archive-ranges.repository';

/** What archive each camera stream has, as a media server (or an admin) reports it. */
@Injectable()
export class ArchiveRangesService {
  constructor(private readonly ranges: ArchiveRangesRepository) {}

  async list(cameraUuid: string): Promise<ArchiveRangeRecord[]> {
    await this.streamTypesOf(cameraUuid);
    return this.ranges.list(cameraUuid);
  }

  async replace(cameraUuid: string, body: ReplaceArchiveRangesDto): Promise<ArchiveRangeRecord[]> {
    const streamTypes = await this.streamTypesOf(cameraUuid);
    const errors: FieldErrors = {};
    body.ranges.forEach((range, index) => {
      const invalid = (field: string, problem: string) =>
        (errors[`ranges.${index}.${field}`] = [fieldMessage(`ranges.${index}.${field}`, problem)]);
      if (!streamTypes.includes(range.stream_type))
        invalid('stream_type', `names a stream type this camera does not have (it has: ${streamTypes.join(', ')})`);
      if (Date.parse(range.to) <= Date.parse(range.from)) invalid('to', 'must be after from');
    });
    if (Object.keys(errors).length) throw AppError.validation(errors);
    await this.ranges.replace(
      cameraUuid,
      body.ranges.map((r) => ({ streamType: r.stream_type, from: new Date(r.from), to: new Date(r.to) })),
    );
    return this.ranges.list(cameraUuid);
  }

  private async streamTypesOf(cameraUuid: string): Promise<string[]> {
    return (await this.ranges.streamTypes(cameraUuid)) ?? Promise.reject(AppError.notFound('Camera'));
  }
}
