import type { LinkKind } from './link-kind';

/**
 * Flussonic-compatible URL forms, by key; a media server may override any of them
 * (`url_templates` in the admin API). Placeholders:
 *   {base_url} {rtsp_base_url}  where clients reach the server
 *   {stream}                    the stream's name on it, URL-encoded per path segment
 *   {format}                    the link's source: mp4, jpg (previews)
 *   {from} {to} {duration}      archive window in unix seconds ({duration} = to - from)
 *   {token}                     the link token
 */
export const DEFAULT_TEMPLATES = {
  live_preview: '{base_url}/{stream}/preview.{format}?token={token}',
  archive_preview: '{base_url}/{stream}/{from}-preview.{format}?token={token}',
  hls_live: '{base_url}/{stream}/index.m3u8?token={token}',
  hls_archive: '{base_url}/{stream}/index-{from}-now.m3u8?token={token}',
  hls_segment: '{base_url}/{stream}/index-{from}-{duration}.m3u8?token={token}',
  rtsp_live: '{rtsp_base_url}/{stream}?token={token}',
  rtsp_archive: '{rtsp_base_url}/{stream}?from={from}&token={token}',
} as const;

export type TemplateKey = keyof typeof DEFAULT_TEMPLATES;
export const TEMPLATE_PLACEHOLDERS = [
  'base_url',
  'rtsp_base_url',
  'stream',
  'format',
  'from',
  'to',
  'duration',
  'token',
] as const;

export interface MediaServerUrls {
  baseUrl: string;
  rtspBaseUrl: string | null;
  urlTemplates: Partial<Record<TemplateKey, string>>;
}

/** What a link is, as far as its URL is concerned. */
export interface LinkShape {
  kind: LinkKind;
  source: string;
  streamName: string;
  archiveFrom: Date | null;
  archiveTo: Date | null;
}

export function templateKey(link: Omit<LinkShape, 'streamName'>): TemplateKey {
  if (link.kind === 'preview') return link.archiveFrom ? 'archive_preview' : 'live_preview';
  const protocol = link.source === 'rtsp' ? 'rtsp' : 'hls';
  if (!link.archiveFrom) return `${protocol}_live`;
  return protocol === 'hls' && link.archiveTo ? 'hls_segment' : `${protocol}_archive`;
}

/** The RTSP address when none is configured: the default RTSP port on the base URL's host. */
export function rtspBase(server: MediaServerUrls): string {
  return (server.rtspBaseUrl ?? `rtsp://${new URL(server.baseUrl).hostname}`).replace(/\/+$/, '');
}

export function buildUrl(server: MediaServerUrls, link: LinkShape, token: string): string {
  return fill(templateOf(server, link), server, link, token);
}

/**
 * The URL of the directory `{stream}` names in the link's template (ending in `/`), or null when
 * the template does not put `{stream}` as a directory once: what a video link opens lives there.
 */
export function buildStreamDirectoryUrl(server: MediaServerUrls, link: LinkShape): string | null {
  const template = templateOf(server, link);
  const at = template.indexOf(STREAM_DIRECTORY);
  if (at === -1 || template.indexOf('{stream}') !== at + 1 || template.lastIndexOf('{stream}') !== at + 1) return null;
  return fill(template.slice(0, at + STREAM_DIRECTORY.length), server, link, '');
}

const STREAM_DIRECTORY = '/{stream}/';

function templateOf(server: MediaServerUrls, link: LinkShape): string {
  return server.urlTemplates[templateKey(link)] ?? DEFAULT_TEMPLATES[templateKey(link)];
}

function fill(template: string, server: MediaServerUrls, link: LinkShape, token: string): string {
  const seconds = (date: Date | null) => (date ? String(Math.floor(date.getTime() / 1000)) : '');
  const values: Record<(typeof TEMPLATE_PLACEHOLDERS)[number], () => string> = {
    base_url: () => server.baseUrl.replace(/\/+$/, ''),
    rtsp_base_url: () => rtspBase(server),
    stream: () => link.streamName.split('/').map(encodeURIComponent).join('/'),
    format: () => link.source,
    from: () => seconds(link.archiveFrom),
    to: () => seconds(link.archiveTo),
    duration: () =>
      link.archiveFrom && link.archiveTo
        ? String(Math.round((link.archiveTo.getTime() - link.archiveFrom.getTime()) / 1000))
        : '',
    token: () => encodeURIComponent(token),
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? values[name as keyof typeof values]() : whole,
  );
}
