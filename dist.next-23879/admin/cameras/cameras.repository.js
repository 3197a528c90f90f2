"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AdminCamerasRepository", {
    enumerable: true,
    get: function() {
        return AdminCamerasRepository;
    }
});
const _common = require("@nestjs/common");
const _prismaservice = require("../../database/prisma.service");
const _issuedlinksrepository = require("../../links/issued-links.repository");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
const WITH_STREAMS = {
    streams: {
        select: {
            type: true,
            name: true
        },
        orderBy: {
            type: 'asc'
        }
    }
};
let AdminCamerasRepository = class AdminCamerasRepository {
    prisma;
    links;
    constructor(prisma, links){
        this.prisma = prisma;
        this.links = links;
    }
    /** A nested create: the camera and its streams are one transaction. */ create(camera) {
        return this.prisma.camera.create({
            data: {
                ...camera,
                streams: {
                    create: camera.streams
                }
            },
            include: WITH_STREAMS
        });
    }
    list(filter) {
        return this.prisma.camera.findMany({
            where: filter,
            orderBy: [
                {
                    name: 'asc'
                },
                {
                    uuid: 'asc'
                }
            ],
            include: WITH_STREAMS
        });
    }
    /** Uuids (as ids) and names, by name (the (name, uuid) index), `take` at most. */ async names(take) {
        const rows = await this.prisma.camera.findMany({
            select: {
                uuid: true,
                name: true
            },
            orderBy: [
                {
                    name: 'asc'
                },
                {
                    uuid: 'asc'
                }
            ],
            take
        });
        return rows.map(({ uuid, name })=>({
                id: uuid,
                name
            }));
    }
    findByUuid(uuid) {
        return this.prisma.camera.findUnique({
            where: {
                uuid
            },
            include: WITH_STREAMS
        });
    }
    /**
   * Applies `changes` and hands the resulting camera to `check` before committing; whatever
   * `check` throws rolls all of it back. Unblocking it or moving it to another media server
   * may end the links issued before (see LinkRevocations).
   */ update(uuid, { streams, ...fields }, check, revocations) {
        return this.prisma.$transaction(async (tx)=>{
            // The camera row first, always (updated_at also when only streams change): its lock makes
            // concurrent updates of one camera take turns, so each check sees what the other committed.
            const [before] = await tx.$queryRaw`
        SELECT blocked, media_server_id FROM cameras WHERE uuid = ${uuid}::uuid FOR UPDATE`;
            // Streams being replaced go before a move, whose cascade would hold them to the new server's names.
            if (streams) await tx.cameraStream.deleteMany({
                where: {
                    cameraUuid: uuid
                }
            });
            const { mediaServerId } = await tx.camera.update({
                where: {
                    uuid
                },
                data: {
                    ...fields,
                    updatedAt: new Date()
                }
            });
            const moved = fields.mediaServerId !== undefined && fields.mediaServerId !== before?.media_server_id;
            const unblocked = before?.blocked && fields.blocked === false && !revocations.restoreLinks;
            if (moved || unblocked) {
                await tx.$executeRaw`UPDATE cameras SET generation = nextval(pg_get_serial_sequence('cameras', 'generation')) WHERE uuid = ${uuid}::uuid`;
                await this.links.revokeIssuedUnder(tx, {
                    cameraUuid: uuid
                }, moved ? revocations.moved : revocations.unblocked);
            }
            if (streams) {
                await tx.cameraStream.createMany({
                    data: streams.map((stream)=>({
                            ...stream,
                            cameraUuid: uuid,
                            mediaServerId
                        }))
                });
                // Archive ranges belong to stream types: those of types that are gone go too.
                await tx.archiveRange.deleteMany({
                    where: {
                        cameraUuid: uuid,
                        streamType: {
                            notIn: streams.map((s)=>s.type)
                        }
                    }
                });
            }
            const camera = await tx.camera.findUniqueOrThrow({
                where: {
                    uuid
                },
                include: WITH_STREAMS
            });
            check(camera);
            return camera;
        });
    }
    /**
   * A camera other than `except` that serves one of `names` on the media server, compared as
   * the unique index compares them (camlinks_stream_key, in the migration one_camera_per_stream).
   */ async streamServedElsewhere(mediaServerId, names, except) {
        const [row] = await this.prisma.$queryRaw`
      SELECT camera_uuid, name FROM camera_streams
       WHERE media_server_id = ${mediaServerId}::uuid
         AND name_key IN (SELECT camlinks_stream_key(n) FROM unnest(${names}::text[]) AS n)
         AND camera_uuid IS DISTINCT FROM ${except ?? null}::uuid
       ORDER BY camera_uuid, name
       LIMIT 1`;
        return row ? {
            cameraUuid: row.camera_uuid,
            name: row.name
        } : null;
    }
    /** Its streams and grants go with it, and its active links are revoked; they stay in the audit trail. */ async delete(uuid, revocation) {
        await this.prisma.$transaction(async (tx)=>{
            await tx.camera.delete({
                where: {
                    uuid
                }
            });
            await this.links.revokeIssuedUnder(tx, {
                cameraUuid: uuid
            }, revocation);
        });
    }
};
AdminCamerasRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService,
        typeof _issuedlinksrepository.IssuedLinksRepository === "undefined" ? Object : _issuedlinksrepository.IssuedLinksRepository
    ])
], AdminCamerasRepository);

//# sourceMappingURL=cameras.repository.js.map
