"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get TOKEN_FIELDS () {
        return TOKEN_FIELDS;
    },
    get TokensRepository () {
        return TokensRepository;
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
const TOKEN_FIELDS = {
    id: true,
    tokenPrefix: true,
    expiresAt: true,
    createdAt: true,
    revokedAt: true
};
let TokensRepository = class TokensRepository {
    prisma;
    links;
    constructor(prisma, links){
        this.prisma = prisma;
        this.links = links;
    }
    async ownerExists(owner) {
        const query = {
            where: {
                id: owner.id
            },
            select: {
                id: true
            }
        };
        const found = owner.kind === 'user' ? await this.prisma.user.findUnique(query) : await this.prisma.integration.findUnique(query);
        return found !== null;
    }
    create(owner, fields) {
        return owner.kind === 'user' ? this.prisma.userToken.create({
            data: {
                userId: owner.id,
                ...fields
            },
            select: TOKEN_FIELDS
        }) : this.prisma.integrationToken.create({
            data: {
                integrationId: owner.id,
                ...fields
            },
            select: TOKEN_FIELDS
        });
    }
    list(owner) {
        const query = {
            orderBy: {
                createdAt: 'asc'
            },
            select: TOKEN_FIELDS
        };
        return owner.kind === 'user' ? this.prisma.userToken.findMany({
            where: {
                userId: owner.id
            },
            ...query
        }) : this.prisma.integrationToken.findMany({
            where: {
                integrationId: owner.id
            },
            ...query
        });
    }
    /**
   * Sets revoked_at unless it is set already: the first revocation time stays. The active links
   * issued with the token are revoked in the same transaction. false: the owner has no such token.
   */ async revoke(owner, tokenId, revocation) {
        const unrevoked = {
            id: tokenId,
            revokedAt: null
        };
        const data = {
            revokedAt: revocation.at
        };
        const count = await this.prisma.$transaction(async (tx)=>{
            const { count } = owner.kind === 'user' ? await tx.userToken.updateMany({
                where: {
                    ...unrevoked,
                    userId: owner.id
                },
                data
            }) : await tx.integrationToken.updateMany({
                where: {
                    ...unrevoked,
                    integrationId: owner.id
                },
                data
            });
            if (count) {
                const under = owner.kind === 'user' ? {
                    userId: owner.id,
                    userTokenId: tokenId
                } : {
                    integrationId: owner.id,
                    integrationTokenId: tokenId
                };
                await this.links.revokeIssuedUnder(tx, under, revocation);
            }
            return count;
        });
        // Nothing updated: revoked already (fine), or no token of this owner's.
        return count > 0 || (await this.list(owner)).some((token)=>token.id === tokenId);
    }
};
TokensRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService,
        typeof _issuedlinksrepository.IssuedLinksRepository === "undefined" ? Object : _issuedlinksrepository.IssuedLinksRepository
    ])
], TokensRepository);

//# sourceMappingURL=tokens.repository.js.map
