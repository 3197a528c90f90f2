"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ConsoleSessionsRepository", {
    enumerable: true,
    get: function() {
        return ConsoleSessionsRepository;
    }
});
const _common = require("@nestjs/common");
const _prismaservice = require("../database/prisma.service");
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
let ConsoleSessionsRepository = class ConsoleSessionsRepository {
    prisma;
    constructor(prisma){
        this.prisma = prisma;
    }
    async create(session) {
        await this.prisma.adminSession.create({
            data: {
                tokenHash: session.tokenHash,
                adminId: session.adminId,
                csrfToken: session.csrfToken,
                credentialHash: session.credentialHash,
                createdAt: session.at,
                lastSeenAt: session.at
            }
        });
    }
    /** The session with this hash, if its admin has not been revoked since; with the admin's role as it is now. */ async find(tokenHash) {
        const row = await this.prisma.adminSession.findUnique({
            where: {
                tokenHash
            },
            select: {
                id: true,
                csrfToken: true,
                credentialHash: true,
                createdAt: true,
                lastSeenAt: true,
                admin: {
                    select: {
                        id: true,
                        name: true,
                        role: true,
                        revokedAt: true
                    }
                }
            }
        });
        if (!row || row.admin.revokedAt) return null;
        const { admin, ...session } = row;
        // The role as it is now: a demotion takes effect on the session's next request.
        return {
            ...session,
            admin: {
                id: admin.id,
                name: admin.name,
                role: admin.role
            }
        };
    }
    async touch(id, at) {
        await this.prisma.adminSession.updateMany({
            where: {
                id
            },
            data: {
                lastSeenAt: at
            }
        });
    }
    async delete(id) {
        await this.prisma.adminSession.deleteMany({
            where: {
                id
            }
        });
    }
    /** Sessions past either timeout: removed now and then, so the table holds only live ones. */ async deleteStale(idleBefore, createdBefore) {
        await this.prisma.adminSession.deleteMany({
            where: {
                OR: [
                    {
                        lastSeenAt: {
                            lt: idleBefore
                        }
                    },
                    {
                        createdAt: {
                            lt: createdBefore
                        }
                    }
                ]
            }
        });
    }
};
ConsoleSessionsRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService
    ])
], ConsoleSessionsRepository);

//# sourceMappingURL=console-sessions.repository.js.map
