import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { covers } from './archive-availability';
import { CameraLinksService, type CameraLinkResult, type RequestOrigin } from './camera-links.service';
import type { ArchiveCameraDto, ArchiveRequestDto } from './archive.dto';

/** POST /cameras/archive: a bounded archive segment, all of it recorded. */
@Injectable()
export class ArchiveService {
  constructor(
    private readonly links: CameraLinksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(principal: Principal, body: ArchiveRequestDto, origin: RequestOrigin): Promise<CameraLinkResult[]> {
    const maxSeconds = this.config.links.segmentMaxSeconds;
    return this.links.issue<ArchiveCameraDto>(principal, body, origin, {
      checkItem: (item, invalid, now) => {
        const [from, to] = [Date.parse(item.from), Date.parse(item.to)];
        if (to <= from) invalid('to', 'must be after from');
        else if (to - from > maxSeconds * 1000) invalid('to', `must be at most ${maxSeconds} seconds after from`);
        else if (to > now.getTime()) invalid('to', 'must not be in the future');
      },
      plan: ({ item, archive, invalid }) => {
        const [from, to] = [new Date(item.from), new Date(item.to)];
        if (!covers(archive(), from, to))
          return void invalid('from', "asks for a segment outside the camera's recorded archive");
        return { link: { kind: 'archive', source: body.source ?? 'hls', archiveFrom: from, archiveTo: to } };
      },
    });
  }
}
