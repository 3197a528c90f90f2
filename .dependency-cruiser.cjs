// The layering of DEVELOPERS.md, enforced: a folder of src/ may import its own layer and the ones
// below it, never one above; and no cycles, type-only imports included (ESLint's import-x/no-cycle
// skips those, and a type cycle still ties two files together).
/** Lowest first. Entry points (main.ts, app.module.ts, app.setup.ts, the CLIs) sit above them all. */
const LAYERS = [
  ['config'],
  ['logging'],
  ['common', 'generated'],
  ['database', 'rate-limit'],
  ['auth', 'stats'],
  ['metrics', 'audit', 'openapi'],
  ['links', 'sessions', 'startup'],
  ['integration', 'verification', 'retention', 'health'],
  ['kicks'],
  ['admin'],
  ['console'],
];

/** What the layers may not import: every folder above them, and the entry points. */
const ENTRY_POINTS = ['src/[^/]+\\.ts$', 'src/openapi/(openapi-file|write-openapi\\.cli)\\.ts$', 'src/seed/'];
const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.join('+')}`,
  comment: `${layer.join(', ')} may not import from a higher layer (${LAYERS.slice(i + 1)
    .flat()
    .join(', ')}) or an entry point`,
  severity: 'error',
  from: { path: `^src/(${layer.join('|')})/`, pathNot: ['[.-]spec\\.ts$', ...ENTRY_POINTS] },
  to: {
    path: [
      `^src/(${LAYERS.slice(i + 1)
        .flat()
        .join('|')})/`,
      ...ENTRY_POINTS,
    ],
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle, type-only imports included.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
