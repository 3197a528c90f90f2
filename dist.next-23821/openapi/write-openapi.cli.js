"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _promises = require("node:fs/promises");
const _openapifile = require("./openapi-file");
/** `npm run openapi:write`: regenerates openapi.json from the controllers and DTOs. */ async function main() {
    // Routes and DTO metadata are known once the modules are created; no init, no listening.
    const app = await (0, _openapifile.createDocumentApp)();
    try {
        await (0, _promises.writeFile)(_openapifile.OPENAPI_FILE, (0, _openapifile.renderOpenApiFile)(app));
        console.log(`Wrote ${_openapifile.OPENAPI_FILE}`);
    } finally{
        await app.close();
    }
}
main().catch((error)=>{
    console.error(`Could not write openapi.json: ${error.stack ?? error.message}`);
    process.exit(1);
});

//# sourceMappingURL=write-openapi.cli.js.map
