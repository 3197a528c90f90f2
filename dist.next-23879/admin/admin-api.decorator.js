"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AdminApi", {
    enumerable: true,
    get: function() {
        return AdminApi;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _auditinterceptor = require("../audit/audit.interceptor");
const _changeshereinterceptor = require("./changes-here.interceptor");
const _adminauthguard = require("../auth/admin-auth.guard");
function AdminApi() {
    return (0, _common.applyDecorators)((0, _common.UseGuards)(_adminauthguard.AdminAuthGuard), (0, _common.UseInterceptors)(_auditinterceptor.AuditInterceptor, _changeshereinterceptor.ChangesHereInterceptor), (0, _swagger.ApiBearerAuth)('admin'));
}

//# sourceMappingURL=admin-api.decorator.js.map
