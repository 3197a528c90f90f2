"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _promises = require("node:fs/promises");
const _nodeos = require("node:os");
const _nodepath = require("node:path");
const _adapterfactory = require("../adapter-factory");
const _schemaengine = require("./schema-engine");
// Diffs replay migrations in a shadow database, which only PGlite provides: no server needed.
describe('diffMigrationsToSchema', ()=>{
    let db;
    beforeAll(async ()=>{
        db = await (0, _adapterfactory.openDatabase)({
            kind: 'embedded',
            dataDir: 'memory://'
        });
    });
    afterAll(()=>db.close());
    it('finds nothing between the committed migrations and schema.prisma', async ()=>{
        expect(await (0, _schemaengine.diffMigrationsToSchema)(db.factory)).toBe('');
    });
    it('creates every table from no migrations at all', async ()=>{
        const dir = await (0, _promises.mkdtemp)((0, _nodepath.join)((0, _nodeos.tmpdir)(), 'camlinks-migrations-'));
        try {
            await (0, _promises.writeFile)((0, _nodepath.join)(dir, _schemaengine.LOCKFILE_NAME), _schemaengine.LOCKFILE_CONTENT);
            expect(await (0, _schemaengine.diffMigrationsToSchema)(db.factory, dir)).toContain('CREATE TABLE "issued_links"');
        } finally{
            await (0, _promises.rm)(dir, {
                recursive: true
            });
        }
    });
});

//# sourceMappingURL=schema-engine.medium-spec.js.map
