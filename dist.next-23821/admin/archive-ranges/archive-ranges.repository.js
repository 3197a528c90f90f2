"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ArchiveRangesRepository", {
    enumerable: true,
    get: function() {
        return ArchiveRangesRepository;
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
let ArchiveRangesRepository = class ArchiveRangesRepository {
    prisma;
    constructor(prisma){
        this.prisma = prisma;
    }
    /** The camera's stream types, or undefined when there is no such camera. */ async streamTypes(cameraUuid) {
        const camera = await this.prisma.camera.findUnique({
            where: {
                uuid: cameraUuid
            },
            select: {
                streams: {
                    select: {
                        type: true
                    }
                }
            }
        });
        return camera?.streams.map((s)=>s.type);
    }
    list(cameraUuid) {
        return this.prisma.archiveRange.findMany({
            where: {
                cameraUuid
            },
            select: {
                streamType: true,
                from: true,
                to: true
            },
            orderBy: [
                {
                    streamType: 'asc'
                },
                {
                    from: 'asc'
                }
            ]
        });
    }
    /** Swaps the whole set in one transaction: readers see the old ranges or the new, never a mix. */ async replace(cameraUuid, ranges) {
        await this.prisma.$transaction([
            this.prisma.archiveRange.deleteMany({
                where: {
                    cameraUuid
                }
            }),
            this.prisma.archiveRange.createMany({
                data: ranges.map((range)=>({
                        ...range,
                        cameraUuid
                    }))
            })
        ]);
    }
};
ArchiveRangesRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService
    ])
], ArchiveRangesRepository);

//# sourceMappingURL=archive-ranges.repository.js.map
