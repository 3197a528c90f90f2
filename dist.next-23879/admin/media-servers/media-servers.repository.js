"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MediaServersRepository", {
    enumerable: true,
    get: function() {
        return MediaServersRepository;
    }
});
const _common = require("@nestjs/common");
const _prismaservice = require("../../database/prisma.service");
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
let MediaServersRepository = class MediaServersRepository {
    prisma;
    constructor(prisma){
        this.prisma = prisma;
    }
    async create(fields, id) {
        return toRecord(await this.prisma.mediaServer.create({
            data: {
                id,
                ...fields
            }
        }));
    }
    async list() {
        return (await this.prisma.mediaServer.findMany({
            orderBy: {
                name: 'asc'
            }
        })).map(toRecord);
    }
    async findById(id) {
        const row = await this.prisma.mediaServer.findUnique({
            where: {
                id
            }
        });
        return row && toRecord(row);
    }
    async update(id, fields) {
        return toRecord(await this.prisma.mediaServer.update({
            where: {
                id
            },
            data: fields
        }));
    }
    async findIdBySecretHash(secretHash) {
        return (await this.prisma.mediaServer.findUnique({
            where: {
                verificationSecretHash: secretHash
            },
            select: {
                id: true
            }
        }))?.id ?? null;
    }
    async hasCameras(id) {
        return await this.prisma.camera.count({
            where: {
                mediaServerId: id
            },
            take: 1
        }) > 0;
    }
    async delete(id) {
        await this.prisma.mediaServer.delete({
            where: {
                id
            }
        });
    }
};
MediaServersRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService
    ])
], MediaServersRepository);
/** url_templates is a JSON column: only this repository writes it, so its shape is known. */ function toRecord(row) {
    return {
        ...row,
        urlTemplates: row.urlTemplates
    };
}

//# sourceMappingURL=media-servers.repository.js.map
