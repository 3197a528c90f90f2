"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AdminsRepository", {
    enumerable: true,
    get: function() {
        return AdminsRepository;
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
const ADMIN_FIELDS = {
    id: true,
    name: true,
    email: true,
    role: true,
    tokenPrefix: true,
    createdAt: true,
    revokedAt: true
};
let AdminsRepository = class AdminsRepository {
    prisma;
    constructor(prisma){
        this.prisma = prisma;
    }
    create(admin) {
        return this.prisma.admin.create({
            data: admin,
            select: ADMIN_FIELDS
        });
    }
    /** The admin whose name looks like one with these keys (src/common/names.ts), if any. */ findLookalike(keys) {
        return this.prisma.admin.findFirst({
            where: {
                OR: [
                    {
                        nameSkeleton: keys.nameSkeleton
                    },
                    {
                        nameSkeletonFolded: keys.nameSkeletonFolded
                    }
                ]
            },
            select: ADMIN_FIELDS
        });
    }
    list() {
        return this.prisma.admin.findMany({
            orderBy: {
                name: 'asc'
            },
            select: ADMIN_FIELDS
        });
    }
    find(id) {
        return this.prisma.admin.findUnique({
            where: {
                id
            },
            select: ADMIN_FIELDS
        });
    }
    /** Gives the admin another role, unless it is the last owner who can sign in and the role is not owner. */ setRole(id, role) {
        return this.prisma.$transaction(async (tx)=>{
            if (role !== 'owner' && await isLastOwner(tx, id)) return 'last-owner';
            const { count } = await tx.admin.updateMany({
                where: {
                    id
                },
                data: {
                    role
                }
            });
            return count ? tx.admin.findUniqueOrThrow({
                where: {
                    id
                },
                select: ADMIN_FIELDS
            }) : 'not-found';
        });
    }
    /**
   * Revokes the admin's token (the first revocation time stays) and ends its console sessions,
   * in one transaction, unless it is the last owner who can sign in.
   */ revokeToken(id, at) {
        return this.prisma.$transaction(async (tx)=>{
            if (await isLastOwner(tx, id)) return 'last-owner';
            const { count } = await tx.admin.updateMany({
                where: {
                    id,
                    revokedAt: null
                },
                data: {
                    revokedAt: at
                }
            });
            await tx.adminSession.deleteMany({
                where: {
                    adminId: id
                }
            });
            return count > 0 || await tx.admin.count({
                where: {
                    id
                }
            }) > 0 || 'not-found';
        });
    }
};
AdminsRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService
    ])
], AdminsRepository);
/**
 * Whether `id` is the only named owner whose token works. The owners' rows stay locked until the
 * transaction ends: of two concurrent demotions (or revocations) of the last two owners, the
 * second waits for the first, then no longer finds the first among the owners, and is refused.
 * The bootstrap admin does not count: ADMIN_TOKEN is meant to be unset once named owners exist.
 */ async function isLastOwner(tx, id) {
    const owners = await tx.$queryRaw`
    SELECT id::text FROM admins WHERE role = 'owner' AND token_hash IS NOT NULL AND revoked_at IS NULL FOR UPDATE`;
    return owners.length === 1 && owners[0].id === id;
}

//# sourceMappingURL=admins.repository.js.map
