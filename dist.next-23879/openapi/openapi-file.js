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
    get OPENAPI_FILE () {
        return OPENAPI_FILE;
    },
    get createDocumentApp () {
        return createDocumentApp;
    },
    get renderOpenApiFile () {
        return renderOpenApiFile;
    }
});
const _core = require("@nestjs/core");
const _nodepath = require("node:path");
const _appmodule = require("../app.module");
const _appconfig = require("../config/app-config");
const _openapi = require("./openapi");
const OPENAPI_FILE = (0, _nodepath.join)(__dirname, '..', '..', 'openapi.json');
function createDocumentApp() {
    const config = (0, _appconfig.loadConfig)({
        DATA_DIR: 'memory://',
        ADMIN_TOKEN: 'openapi-document-admin-token-000000',
        LOG_LEVEL: 'silent'
    });
    return _core.NestFactory.create(_appmodule.AppModule.forRoot(config), {
        logger: false,
        bodyParser: false,
        abortOnError: false
    });
}
function renderOpenApiFile(app) {
    return `${JSON.stringify(sortKeys((0, _openapi.buildOpenApiDocument)(app)), null, 2)}\n`;
}
function sortKeys(value) {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.keys(value).sort().map((key)=>[
            key,
            sortKeys(value[key])
        ]));
}

//# sourceMappingURL=openapi-file.js.map
