/**
 * Flussonic-compatible defaults; each media server may override them. Placeholders:
 * {base_url}, {stream} (URL-encoded per path segment), {format} (mp4|jpg), {unix_time}
 * (archive start, seconds) and {token}.
 */
export const DEFAULT_TEMPLATES = {
  livePreview: '{base_url}/{stream}/preview.{format}?token={token}',
  archivePreview: '{base_url}/{stream}/{unix_time}-preview.{format}?token={token}',
} as const;

export const TEMPLATE_PLACEHOLDERS = ['base_url', 'stream', 'format', 'unix_time', 'token'] as const;

export interface MediaServerUrls {
  baseUrl: string;
  livePreviewTemplate: string | null;
  archivePreviewTemplate: string | null;
}

export interface UrlParts {
  streamName: string;
  format: string;
  archiveFrom: Date | null;
  token: string;
}

export function buildUrl(server: MediaServerUrls, parts: UrlParts): string {
  const template = parts.archiveFrom
    ? (server.archivePreviewTemplate ?? DEFAULT_TEMPLATES.archivePreview)
    : (server.livePreviewTemplate ?? DEFAULT_TEMPLATES.livePreview);
  const values: Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string> = {
    base_url: server.baseUrl.replace(/\/+$/, ''),
    stream: parts.streamName.split('/').map(encodeURIComponent).join('/'),
    format: parts.format,
    unix_time: parts.archiveFrom ? String(Math.floor(parts.archiveFrom.getTime() / 1000)) : '',
    token: encodeURIComponent(parts.token),
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name as keyof typeof values] : whole));
}
