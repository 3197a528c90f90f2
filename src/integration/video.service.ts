import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { startAt } from './archive-availability';
import { CameraLinksService, type CameraLinkResult, type RequestOrigin } from './camera-links.service';
import type { VideoCameraDto, VideoRequestDto } from './video.dto';

/** POST /cameras/video: live video, or the archive played from a time on. */
@Injectable()
export class VideoService {
  constructor(private readonly links: CameraLinksService) {}

  issue(principal: Principal, body: VideoRequestDto, origin: RequestOrigin): Promise<CameraLinkResult[]> {
    const source = body.source ?? 'hls';
    return this.links.issue<VideoCameraDto>(principal, body, origin, {
      checkItem: (item, invalid, now) => {
        if (item.date && new Date(item.date) > now) invalid('date', 'must not be in the future');
      },
      plan: ({ item, archive, invalid }) => {
        const archiveRanges = item.archive_ranges ? archive() : undefined;
        if (!item.date) return { link: { kind: 'live', source, archiveFrom: null, archiveTo: null }, archiveRanges };
        const start = startAt(archive(), new Date(item.date));
        if (!start) return void invalid('date', 'asks for archive footage this camera does not have');
        return {
          link: { kind: 'archive', source, archiveFrom: start.from, archiveTo: null },
          movedTo: start.movedTo,
          archiveRanges,
        };
      },
    });
  }
}
