"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AdminModule", {
    enumerable: true,
    get: function() {
        return AdminModule;
    }
});
const _common = require("@nestjs/common");
const _linksmodule = require("../links/links.module");
const _sessionsmodule = require("../sessions/sessions.module");
const _adminscontroller = require("./admins/admins.controller");
const _adminsrepository = require("./admins/admins.repository");
const _adminsservice = require("./admins/admins.service");
const _auditeventscontroller = require("./audit-events/audit-events.controller");
const _auditeventsservice = require("./audit-events/audit-events.service");
const _linkscontroller = require("./links/links.controller");
const _linksservice = require("./links/links.service");
const _sessionscontroller = require("./sessions/sessions.controller");
const _sessionsservice = require("./sessions/sessions.service");
const _archiverangescontroller = require("./archive-ranges/archive-ranges.controller");
const _archiverangesrepository = require("./archive-ranges/archive-ranges.repository");
const _archiverangesservice = require("./archive-ranges/archive-ranges.service");
const _camerascontroller = require("./cameras/cameras.controller");
const _camerasrepository = require("./cameras/cameras.repository");
const _camerasservice = require("./cameras/cameras.service");
const _grantscontroller = require("./grants/grants.controller");
const _grantsrepository = require("./grants/grants.repository");
const _grantsservice = require("./grants/grants.service");
const _integrationscontroller = require("./integrations/integrations.controller");
const _integrationsrepository = require("./integrations/integrations.repository");
const _integrationsservice = require("./integrations/integrations.service");
const _mediaserverscontroller = require("./media-servers/media-servers.controller");
const _mediaserversrepository = require("./media-servers/media-servers.repository");
const _mediaserversservice = require("./media-servers/media-servers.service");
const _tokensrepository = require("./tokens/tokens.repository");
const _tokensservice = require("./tokens/tokens.service");
const _userscontroller = require("./users/users.controller");
const _usersrepository = require("./users/users.repository");
const _usersservice = require("./users/users.service");
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
let AdminModule = class AdminModule {
};
AdminModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _linksmodule.LinksModule,
            _sessionsmodule.SessionsModule
        ],
        controllers: [
            _linkscontroller.LinksAdminController,
            _sessionscontroller.SessionsAdminController,
            _adminscontroller.AdminsController,
            _auditeventscontroller.AuditEventsController,
            _mediaserverscontroller.MediaServersController,
            _camerascontroller.CamerasController,
            _archiverangescontroller.ArchiveRangesController,
            _userscontroller.UsersController,
            _userscontroller.UserTokensController,
            _grantscontroller.GrantsController,
            _integrationscontroller.IntegrationsController,
            _integrationscontroller.IntegrationTokensController
        ],
        providers: [
            _mediaserversrepository.MediaServersRepository,
            _mediaserversservice.MediaServersService,
            _camerasrepository.AdminCamerasRepository,
            _camerasservice.CamerasService,
            _archiverangesrepository.ArchiveRangesRepository,
            _archiverangesservice.ArchiveRangesService,
            _usersrepository.UsersRepository,
            _usersservice.UsersService,
            _tokensrepository.TokensRepository,
            _tokensservice.TokensService,
            _grantsrepository.GrantsRepository,
            _grantsservice.GrantsService,
            _integrationsrepository.IntegrationsRepository,
            _integrationsservice.IntegrationsService,
            _linksservice.LinksAdminService,
            _sessionsservice.SessionsAdminService,
            _adminsrepository.AdminsRepository,
            _adminsservice.AdminsService,
            _auditeventsservice.AuditEventsService
        ],
        // The console (src/console) is another front of the same services.
        exports: [
            _linksservice.LinksAdminService,
            _sessionsservice.SessionsAdminService,
            _auditeventsservice.AuditEventsService,
            _adminsservice.AdminsService,
            _camerasservice.CamerasService,
            _usersservice.UsersService,
            _integrationsservice.IntegrationsService
        ]
    })
], AdminModule);

//# sourceMappingURL=admin.module.js.map
