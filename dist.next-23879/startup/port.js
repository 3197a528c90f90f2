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
    get checkPortFree () {
        return checkPortFree;
    },
    get listenError () {
        return listenError;
    }
});
const _nodenet = require("node:net");
const _startuperror = require("../common/startup-error");
async function checkPortFree(config) {
    const server = (0, _nodenet.createServer)();
    await new Promise((resolve, reject)=>{
        server.once('error', reject);
        server.listen(config.port, config.host, resolve);
    }).catch((error)=>Promise.reject(listenError(error, config)));
    await new Promise((resolve)=>server.close(resolve));
}
function listenError(error, config) {
    const where = `PORT ${config.port} on HOST ${config.host}`;
    if (error.code === 'EADDRINUSE') return new _startuperror.StartupError(`${where} is in use by another process: stop it, or set PORT to a free port.`);
    if (error.code === 'EACCES') return new _startuperror.StartupError(`${where} needs privileges this process lacks: set PORT to 1024 or above.`);
    if (error.code === 'EADDRNOTAVAIL') return new _startuperror.StartupError(`HOST ${config.host} is not an address of this machine: set HOST (0.0.0.0 listens on all).`);
    return error;
}

//# sourceMappingURL=port.js.map
