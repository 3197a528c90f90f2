import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

export interface ArchiveRangeRecord {
  streamType: string;
  from: Date;
  to: Date;
}

@Injectable()
export class ArchiveRangesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The camera's stream types, or undefined when there is no such camera. */
  async streamTypes(cameraUuid: string): Promise<string[] | undefined> {
    const camera = await this.prisma.camera.findUnique({
      where: { uuid: cameraUuid },
      select: { streams: { select: { type: true } } },
    });
    return camera?.streams.map((s) => s.type);
  }

  list(cameraUuid: string): Promise<ArchiveRangeRecord[]> {
    return this.prisma.archiveRange.findMany({
      where: { cameraUuid },
      select: { streamType: true, from: true, to: true },
      orderBy: [{ streamType: 'asc' }, { from: 'asc' }],
    });
  }

  /** Swaps the whole set in one transaction: readers see the old ranges or the new, never a mix. */
  async replace(cameraUuid: string, ranges: ArchiveRangeRecord[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.archiveRange.deleteMany({ where: { cameraUuid } }),
      this.prisma.archiveRange.createMany({ data: ranges.map((range) => ({ ...range, cameraUuid })) }),
    ]);
  }
}
