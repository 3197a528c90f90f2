/** See nginx-conf.js. */
export function renderNginxConf(outDir: string, values: Record<string, string | undefined>): string;
