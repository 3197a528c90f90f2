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
    get DEFAULT_REQUIRED_ROLE () {
        return DEFAULT_REQUIRED_ROLE;
    },
    get REQUIRED_ROLE_EXTENSION () {
        return REQUIRED_ROLE_EXTENSION;
    },
    get RequiresRole () {
        return RequiresRole;
    },
    get assertRequiredRole () {
        return assertRequiredRole;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _apperror = require("../common/app-error");
const _adminidentity = require("./admin-identity");
const REQUIRED_ROLE = Symbol('requiredRole');
const REQUIRED_ROLE_EXTENSION = 'x-required-role';
const DEFAULT_REQUIRED_ROLE = 'admin';
function RequiresRole(role) {
    return (0, _common.applyDecorators)((0, _common.SetMetadata)(REQUIRED_ROLE, role), (0, _swagger.ApiExtension)(REQUIRED_ROLE_EXTENSION, role));
}
function assertRequiredRole(reflector, context, admin) {
    const required = reflector.getAllAndOverride(REQUIRED_ROLE, [
        context.getHandler(),
        context.getClass()
    ]) ?? DEFAULT_REQUIRED_ROLE;
    if (!(0, _adminidentity.hasRole)(admin.role, required)) throw _apperror.AppError.forbidden(`This needs the ${required} role or higher; ${admin.name} is ${anArticle(admin.role)}.`);
}
const anArticle = (role)=>`${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;

//# sourceMappingURL=admin-roles.js.map
