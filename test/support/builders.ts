import { randomBytes, randomUUID } from 'node:crypto';
import { generateToken } from '../../src/auth/tokens';
import type { PrismaService } from '../../src/database/prisma.service';

/** Test data builders: readable defaults, overridable per test, written straight to the database. */
let counter = 0;
const unique = (base: string) => `${base}-${++counter}`;

export function aMediaServer(
  prisma: PrismaService,
  overrides: Partial<{
    name: string;
    baseUrl: string;
    rtspBaseUrl: string;
    urlTemplates: Record<string, string>;
    verificationSecretHash: string;
  }> = {},
) {
  return prisma.mediaServer.create({ data: { name: unique('edge'), baseUrl: 'http://media.test:8080', ...overrides } });
}

export interface CameraOverrides {
  uuid?: string;
  name?: string;
  mediaServerId?: string;
  streams?: { type: string; name: string }[];
  defaultStreamType?: string;
  archiveRetentionDays?: number;
  blocked?: boolean;
}

export async function aCamera(prisma: PrismaService, overrides: CameraOverrides = {}) {
  const uuid = overrides.uuid ?? randomUUID();
  const mediaServerId = overrides.mediaServerId ?? (await aMediaServer(prisma)).id;
  const streams = overrides.streams ?? [
    { type: 'high', name: `cam-${uuid.slice(0, 8)}-hd` },
    { type: 'low', name: `cam-${uuid.slice(0, 8)}-sd` },
  ];
  return prisma.camera.create({
    data: {
      uuid,
      name: overrides.name ?? unique('camera'),
      mediaServerId,
      defaultStreamType: overrides.defaultStreamType ?? streams[0].type,
      archiveRetentionDays: overrides.archiveRetentionDays ?? 7,
      blocked: overrides.blocked ?? false,
      streams: { create: streams },
    },
    include: { streams: true, mediaServer: true },
  });
}

/** `count` cameras on one media server, as an integrator's site has them. */
export async function camerasOnOneServer(prisma: PrismaService, count: number) {
  const first = await aCamera(prisma);
  return [
    first,
    ...(await Promise.all(
      Array.from({ length: count - 1 }, () => aCamera(prisma, { mediaServerId: first.mediaServerId })),
    )),
  ];
}

export async function anIntegration(
  prisma: PrismaService,
  tokenOverrides: Partial<{ expiresAt: Date; revokedAt: Date }> = {},
) {
  const secret = generateToken('integration');
  const integration = await prisma.integration.create({
    data: {
      name: unique('integration'),
      tokens: { create: { tokenHash: secret.hash, tokenPrefix: secret.displayPrefix, ...tokenOverrides } },
    },
    include: { tokens: true },
  });
  return { integration, token: secret.token, tokenId: integration.tokens[0].id };
}

export async function aUser(prisma: PrismaService, tokenOverrides: Partial<{ expiresAt: Date; revokedAt: Date }> = {}) {
  const secret = generateToken('user');
  const user = await prisma.user.create({
    data: {
      name: unique('user'),
      tokens: { create: { tokenHash: secret.hash, tokenPrefix: secret.displayPrefix, ...tokenOverrides } },
    },
    include: { tokens: true },
  });
  return { user, token: secret.token, tokenId: user.tokens[0].id };
}

export function aGrant(prisma: PrismaService, userId: string, cameraUuid: string, expiresAt?: Date) {
  return prisma.accessGrant.create({ data: { userId, cameraUuid, expiresAt } });
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A live link an integration was issued for a new camera, written straight to issued_links (its token is never used). */
export async function anIssuedLink(prisma: PrismaService) {
  const camera = await aCamera(prisma);
  const { integration } = await anIntegration(prisma);
  return prisma.issuedLink.create({
    data: {
      tokenHash: randomUUID(),
      tokenPrefix: 'cll_test',
      cameraUuid: camera.uuid,
      streamType: 'high',
      streamName: 'x',
      kind: 'live',
      source: 'hls',
      ttl: 60,
      issuedAt: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
      integrationId: integration.id,
      cameraGeneration: camera.generation,
    },
  });
}

/**
 * An issued_links row as createMany takes it, issued and expiring at these times, for a camera
 * that need not exist: for suites about the table itself (counts, retention, sessions).
 */
export function aLinkRow(
  issuedAt: Date,
  expiresAt: Date,
  overrides: { cameraUuid?: string; kind?: 'preview' | 'live'; source?: string; userId?: string | null } = {},
) {
  return {
    id: randomUUID(),
    tokenHash: randomBytes(32).toString('hex'),
    tokenPrefix: 'cll_test',
    cameraUuid: randomUUID(),
    cameraGeneration: 0,
    streamType: 'high',
    streamName: 'gate-hd',
    kind: 'preview' as const,
    source: 'jpg',
    ttl: Math.round((expiresAt.getTime() - issuedAt.getTime()) / 1000),
    issuedAt,
    expiresAt,
    ...overrides,
  };
}
