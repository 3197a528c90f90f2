"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _appmodule = require("./app.module");
const _appsetup = require("./app.setup");
const _adminauthguard = require("./auth/admin-auth.guard");
const _startuperror = require("./common/startup-error");
const _appconfig = require("./config/app-config");
const _databasetarget = require("./config/database-target");
const _port = require("./startup/port");
async function bootstrap() {
    const config = (0, _appconfig.loadConfigOrExit)();
    // Before anything is opened or migrated: a port in use is found in milliseconds, not after the migrations.
    await (0, _port.checkPortFree)(config);
    // A failed start rejects here and is printed below as one line: not aborted (abortOnError), and
    // the buffered start-up logs are not flushed to Nest's console logger with a stack (autoFlushLogs).
    const app = await _core.NestFactory.create(_appmodule.AppModule.forRoot(config), {
        bufferLogs: true,
        autoFlushLogs: false,
        bodyParser: false,
        abortOnError: false
    });
    (0, _appsetup.setUpApp)(app, config);
    app.flushLogs();
    await app.listen(config.port, config.host).catch((error)=>Promise.reject((0, _port.listenError)(error, config)));
    new _common.Logger('camlinks').log(banner(config, app.get(_adminauthguard.ADMIN_TOKEN)));
}
/** The first thing a newcomer reads: where camlinks is, where to go next, and where the admin token is (never the token). */ function banner(config, admin) {
    const url = (0, _appconfig.localUrl)(config);
    const token = {
        env: 'from ADMIN_TOKEN',
        file: admin.kind === 'file' && `in ${admin.path} (set ADMIN_TOKEN to choose your own)`,
        closed: 'none: ADMIN_TOKEN is not set: the admin API is closed'
    }[admin.kind];
    return [
        `camlinks is running at ${url}`,
        config.swaggerEnabled ? `  API docs:    ${url}/api/docs` : '  API docs:    off (SWAGGER_ENABLED=false)',
        `  console:     ${url}/admin`,
        `  admin token: ${token}`,
        `  database:    ${(0, _databasetarget.describeTarget)(config.database)}`
    ].join('\n');
}
bootstrap().catch((error)=>{
    if (!(error instanceof _startuperror.StartupError)) throw error;
    // One line, no stack: what is wrong and the command that fixes it.
    console.error(`camlinks cannot start: ${error.message}`);
    process.exit(1);
});

//# sourceMappingURL=main.js.map
