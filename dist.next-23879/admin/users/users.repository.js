"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "UsersRepository", {
    enumerable: true,
    get: function() {
        return UsersRepository;
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
let UsersRepository = class UsersRepository {
    prisma;
    links;
    constructor(prisma, links){
        this.prisma = prisma;
        this.links = links;
    }
    create(name, id) {
        return this.prisma.user.create({
            data: {
                id,
                name
            }
        });
    }
    list() {
        return this.prisma.user.findMany({
            orderBy: {
                name: 'asc'
            }
        });
    }
    /** Ids and names, by name (unique: its index serves this), `take` at most. */ names(take) {
        return this.prisma.user.findMany({
            select: {
                id: true,
                name: true
            },
            orderBy: {
                name: 'asc'
            },
            take
        });
    }
    findById(id) {
        return this.prisma.user.findUnique({
            where: {
                id
            }
        });
    }
    update(id, fields) {
        return this.prisma.user.update({
            where: {
                id
            },
            data: fields
        });
    }
    /** Its tokens and grants go with it, and its active links are revoked. */ async delete(id, revocation) {
        await this.prisma.$transaction(async (tx)=>{
            await tx.user.delete({
                where: {
                    id
                }
            });
            await this.links.revokeIssuedUnder(tx, {
                userId: id
            }, revocation);
        });
    }
};
UsersRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService,
        typeof _issuedlinksrepository.IssuedLinksRepository === "undefined" ? Object : _issuedlinksrepository.IssuedLinksRepository
    ])
], UsersRepository);

//# sourceMappingURL=users.repository.js.map
