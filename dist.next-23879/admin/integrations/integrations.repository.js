"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "IntegrationsRepository", {
    enumerable: true,
    get: function() {
        return IntegrationsRepository;
    }
});
const _common = require("@nestjs/common");
const _prismaservice = require("../../database/prisma.service");
const _issuedlinksrepository = require("../../links/issued-links.repository");
const _tokensrepository = require("../tokens/tokens.repository");
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
let IntegrationsRepository = class IntegrationsRepository {
    prisma;
    links;
    constructor(prisma, links){
        this.prisma = prisma;
        this.links = links;
    }
    /** The integration and its first token in one transaction: an integration nobody can use is never left behind. */ async createWithToken(name, token, id) {
        const { tokens, ...integration } = await this.prisma.integration.create({
            data: {
                id,
                name,
                tokens: {
                    create: token
                }
            },
            include: {
                tokens: {
                    select: _tokensrepository.TOKEN_FIELDS
                }
            }
        });
        return {
            integration,
            token: tokens[0]
        };
    }
    list() {
        return this.prisma.integration.findMany({
            orderBy: {
                name: 'asc'
            }
        });
    }
    /** Ids and names, by name (unique: its index serves this), `take` at most. */ names(take) {
        return this.prisma.integration.findMany({
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
        return this.prisma.integration.findUnique({
            where: {
                id
            }
        });
    }
    update(id, fields) {
        return this.prisma.integration.update({
            where: {
                id
            },
            data: fields
        });
    }
    /** Its tokens go with it; the active links it issued are revoked, and stay in the audit trail. */ async delete(id, revocation) {
        await this.prisma.$transaction(async (tx)=>{
            await tx.integration.delete({
                where: {
                    id
                }
            });
            await this.links.revokeIssuedUnder(tx, {
                integrationId: id
            }, revocation);
        });
    }
};
IntegrationsRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService,
        typeof _issuedlinksrepository.IssuedLinksRepository === "undefined" ? Object : _issuedlinksrepository.IssuedLinksRepository
    ])
], IntegrationsRepository);

//# sourceMappingURL=integrations.repository.js.map
