import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { startAt } from './archive-availability';
import { CameraLinksService, type CameraLinkResult, type RequestOrigin } from './camera-links.service';
import type { PreviewCameraDto, PreviewRequestDto } from './preview.dto';

/** POST /cameras/preview: a preview clip or image, live or from the archive. */
@Injectable()
export class PreviewService {
  constructor(private readonly links: CameraLinksService) {}

  issue(principal: Principal, body: PreviewRequestDto, origin: RequestOrigin): Promise<CameraLinkResult[]> {
    const source = body.source ?? 'mp4';
    return this.links.issue<PreviewCameraDto>(principal, body, origin, {
      checkItem: (item, invalid, now) => {
        if (item.date && new Date(item.date) > now) invalid('date', 'must not be in the future');
      },
      plan: ({ item, archive, invalid }) => {
        if (!item.date) return { link: { kind: 'preview', source, archiveFrom: null, archiveTo: null } };
        const start = startAt(archive(), new Date(item.date));
        if (!start) return void invalid('date', 'asks for archive footage this camera does not have');
        return { link: { kind: 'preview', source, archiveFrom: start.from, archiveTo: null }, movedTo: start.movedTo };
      },
    });
  }
}
