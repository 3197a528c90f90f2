"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ConsoleModule", {
    enumerable: true,
    get: function() {
        return ConsoleModule;
    }
});
const _common = require("@nestjs/common");
const _adminmodule = require("../admin/admin.module");
const _linksmodule = require("../links/links.module");
const _consoleauthguard = require("./console-auth.guard");
const _consolesessionsrepository = require("./console-sessions.repository");
const _consolesessionsservice = require("./console-sessions.service");
const _consolesignincontroller = require("./console-sign-in.controller");
const _consolecontroller = require("./console.controller");
const _landingcontroller = require("./landing.controller");
const _overviewservice = require("./overview.service");
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
let ConsoleModule = class ConsoleModule {
};
ConsoleModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _adminmodule.AdminModule,
            _linksmodule.LinksModule
        ],
        controllers: [
            _consolesignincontroller.ConsoleSignInController,
            _consolecontroller.ConsoleController,
            _landingcontroller.LandingController
        ],
        providers: [
            _consolesessionsrepository.ConsoleSessionsRepository,
            _consolesessionsservice.ConsoleSessionsService,
            _consoleauthguard.ConsoleAuthGuard,
            _overviewservice.OverviewService
        ]
    })
], ConsoleModule);

//# sourceMappingURL=console.module.js.map
