"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DatabaseModule", {
    enumerable: true,
    get: function() {
        return DatabaseModule;
    }
});
const _common = require("@nestjs/common");
const _configmodule = require("../config/config.module");
const _adapterfactory = require("./adapter-factory");
const _databasechanges = require("./database-changes");
const _prismaservice = require("./prisma.service");
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
let DatabaseModule = class DatabaseModule {
};
DatabaseModule = _ts_decorate([
    (0, _common.Global)(),
    (0, _common.Module)({
        providers: [
            {
                provide: _prismaservice.DATABASE_CONNECTION,
                inject: [
                    _configmodule.APP_CONFIG
                ],
                useFactory: (config)=>(0, _adapterfactory.openDatabase)(config.database)
            },
            _prismaservice.PrismaService,
            _databasechanges.DatabaseChanges
        ],
        exports: [
            _prismaservice.PrismaService,
            _prismaservice.DATABASE_CONNECTION,
            _databasechanges.DatabaseChanges
        ]
    })
], DatabaseModule);

//# sourceMappingURL=database.module.js.map
