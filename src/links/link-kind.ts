/** What a link opens: a preview file, live video, or a stretch of archive. */
export const LINK_KINDS = ['preview', 'live', 'archive'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
