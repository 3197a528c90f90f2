"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "GrantsService", {
    enumerable: true,
    get: function() {
        return GrantsService;
    }
});
const _common = require("@nestjs/common");
const _apperror = require("../../common/app-error");
const _timestamps = require("../../common/timestamps");
const _camerasrepository = require("../cameras/cameras.repository");
const _usersrepository = require("../users/users.repository");
const _grantsrepository = require("./grants.repository");
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
let GrantsService = class GrantsService {
    grants;
    users;
    cameras;
    constructor(grants, users, cameras){
        this.grants = grants;
        this.users = users;
        this.cameras = cameras;
    }
    async create(body) {
        const [user, camera] = await Promise.all([
            this.users.findById(body.user_id),
            this.cameras.findByUuid(body.camera_uuid)
        ]);
        const errors = {};
        if (!user) errors.user_id = [
            (0, _apperror.fieldMessage)('user_id', 'must name an existing user')
        ];
        if (!camera) errors.camera_uuid = [
            (0, _apperror.fieldMessage)('camera_uuid', 'must name an existing camera')
        ];
        if (Object.keys(errors).length) throw _apperror.AppError.validation(errors);
        return this.grants.create({
            userId: body.user_id,
            cameraUuid: body.camera_uuid,
            expiresAt: (0, _timestamps.parseOptionalDate)(body.expires_at) ?? null
        });
    }
    list(query) {
        return this.grants.list({
            userId: query.user_id,
            cameraUuid: query.camera_uuid
        });
    }
    get(id) {
        return this.findOrFail(id);
    }
    /**
   * expires_at null: the grant no longer expires; left out: unchanged. Renewing a grant that
   * has expired does not revive the links issued before: they are revoked (`grant expired`).
   */ async update(id, body, actor) {
        await this.findOrFail(id);
        return this.grants.update(id, {
            expiresAt: (0, _timestamps.parseOptionalDate)(body.expires_at)
        }, {
            by: actor,
            reason: 'grant expired',
            at: new Date()
        });
    }
    async delete(id, actor) {
        await this.findOrFail(id);
        await this.grants.delete(id, {
            by: actor,
            reason: 'grant deleted',
            at: new Date()
        });
    }
    /** The one not-found path of this resource: GET, PATCH and DELETE of an unknown grant all answer this 404. */ async findOrFail(id) {
        return await this.grants.findById(id) ?? Promise.reject(_apperror.AppError.notFound('Grant'));
    }
};
GrantsService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _grantsrepository.GrantsRepository === "undefined" ? Object : _grantsrepository.GrantsRepository,
        typeof _usersrepository.UsersRepository === "undefined" ? Object : _usersrepository.UsersRepository,
        typeof _camerasrepository.AdminCamerasRepository === "undefined" ? Object : _camerasrepository.AdminCamerasRepository
    ])
], GrantsService);

//# sourceMappingURL=grants.service.js.map
