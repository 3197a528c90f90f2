"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "GrantsRepository", {
    enumerable: true,
    get: function() {
        return GrantsRepository;
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
let GrantsRepository = class GrantsRepository {
    prisma;
    links;
    constructor(prisma, links){
        this.prisma = prisma;
        this.links = links;
    }
    create(grant) {
        return this.prisma.accessGrant.create({
            data: grant
        });
    }
    list(filter) {
        return this.prisma.accessGrant.findMany({
            where: filter,
            orderBy: [
                {
                    createdAt: 'asc'
                },
                {
                    id: 'asc'
                }
            ]
        });
    }
    findById(id) {
        return this.prisma.accessGrant.findUnique({
            where: {
                id
            }
        });
    }
    /**
   * A new expiry for a grant that had already expired (at `renewal.at`) starts a new term:
   * the links issued under the old one are revoked with `renewal` and stay refused.
   */ update(id, fields, renewal) {
        return this.prisma.$transaction(async (tx)=>{
            const [before] = await tx.$queryRaw`SELECT expires_at FROM access_grants WHERE id = ${id}::uuid FOR UPDATE`;
            const grant = await tx.accessGrant.update({
                where: {
                    id
                },
                data: fields
            });
            const lapsed = before?.expires_at != null && before.expires_at <= renewal.at;
            if (fields.expiresAt === undefined || !lapsed) return grant;
            await tx.$executeRaw`UPDATE access_grants SET generation = nextval(pg_get_serial_sequence('access_grants', 'generation')) WHERE id = ${id}::uuid`;
            await this.links.revokeIssuedUnder(tx, {
                userId: grant.userId,
                cameraUuid: grant.cameraUuid
            }, renewal);
            return grant;
        });
    }
    /** The links issued under it are revoked with it. */ async delete(id, revocation) {
        await this.prisma.$transaction(async (tx)=>{
            const grant = await tx.accessGrant.delete({
                where: {
                    id
                }
            });
            await this.links.revokeIssuedUnder(tx, {
                userId: grant.userId,
                cameraUuid: grant.cameraUuid
            }, revocation);
        });
    }
};
GrantsRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService,
        typeof _issuedlinksrepository.IssuedLinksRepository === "undefined" ? Object : _issuedlinksrepository.IssuedLinksRepository
    ])
], GrantsRepository);

//# sourceMappingURL=grants.repository.js.map
