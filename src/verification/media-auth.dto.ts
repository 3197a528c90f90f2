import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AllowUnknownFields } from '../common/validation';

const text = (description: string, example?: string) => [
  ApiPropertyOptional({ description, example }),
  IsOptional(),
  IsString({ message: 'must be a string' }),
  MaxLength(4096, { message: 'must not be longer than 4096 characters' }),
];
const Text =
  (description: string, example?: string): PropertyDecorator =>
  (target, key) =>
    text(description, example).forEach((d) => d(target, key));

/** What Flussonic's authorization backend sends (it adds more fields; they are ignored). */
@AllowUnknownFields()
export class FlussonicAuthQueryDto {
  @Text('Stream name.', 'gate-hd') name?: string;
  @Text("The token from the viewer's URL.") token?: string;
  @Text('Viewer IP address.', '203.0.113.7') ip?: string;
  @Text('Protocol of the session, e.g. hls, rtsp, mp4, jpeg.', 'mp4') proto?: string;
  @Text('new_session or update_session.', 'new_session') request_type?: string;
  @Text(
    "Flussonic's session id, the same in every request of one session: the viewing session's `media_server_session_id`.",
  )
  session_id?: string;
  @Text("The viewer's query string.") qs?: string;
  @Text(
    'What the URL asks of the stream (`preview`, `index`, `archive-1700000000-3600`…); a preview link opens only its own file.',
    'preview',
  )
  media_request?: string;
  @Text("The media server's verification secret, for servers that can only configure a URL.") secret?: string;
}

/** MediaMTX's external HTTP authentication body (unknown fields are ignored). */
@AllowUnknownFields()
export class MediaMtxAuthBodyDto {
  @Text("User name from the viewer's credentials.") user?: string;
  @Text("Password from the viewer's credentials; may carry the link token.") password?: string;
  @Text('Bearer token, when the viewer sent one.') token?: string;
  @Text('Viewer IP address.', '203.0.113.7') ip?: string;
  @Text('publish, read, playback, api, metrics or pprof.', 'read') action?: string;
  @Text('Path (stream) asked for.', 'gate-hd') path?: string;
  @Text(
    'rtsp, rtmp, hls, webrtc, srt or moq (RTSPS and RTMPS report rtsp and rtmp); recorded with the viewing session.',
    'rtsp',
  )
  protocol?: string;
  @Text(
    "MediaMTX's id of the reader session (a UUID; null for playback): the viewing session's `media_server_session_id`.",
  )
  id?: string;
  @Text(
    "The viewer's User-Agent, when its protocol has one; recorded with the viewing session (cut to 256 characters).",
  )
  userAgent?: string;
  @Text("The viewer's query string; may carry token=….", 'token=cll_…') query?: string;
}

export class SecretQueryDto {
  @Text("The media server's verification secret, for servers that can only configure a URL.") secret?: string;
}
