"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "UsersService", {
    enumerable: true,
    get: function() {
        return UsersService;
    }
});
const _common = require("@nestjs/common");
const _apperror = require("../../common/app-error");
const _usersrepository = require("./users.repository");
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
let UsersService = class UsersService {
    users;
    constructor(users){
        this.users = users;
    }
    create(body) {
        return this.users.create(body.name, body.id);
    }
    list() {
        return this.users.list();
    }
    names(take) {
        return this.users.names(take);
    }
    get(id) {
        return this.findOrFail(id);
    }
    async update(id, body) {
        await this.findOrFail(id);
        return this.users.update(id, {
            name: body.name
        });
    }
    async delete(id, actor) {
        await this.findOrFail(id);
        await this.users.delete(id, {
            by: actor,
            reason: 'user deleted',
            at: new Date()
        });
    }
    /** The one not-found path of this resource: GET, PATCH and DELETE of an unknown user all answer this 404. */ async findOrFail(id) {
        return await this.users.findById(id) ?? Promise.reject(_apperror.AppError.notFound('User'));
    }
};
UsersService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _usersrepository.UsersRepository === "undefined" ? Object : _usersrepository.UsersRepository
    ])
], UsersService);

//# sourceMappingURL=users.service.js.map
