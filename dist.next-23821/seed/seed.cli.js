"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
const _admintoken = require("../auth/admin-token");
const _chosenid = require("../common/chosen-id");
const _timestamps = require("../common/timestamps");
const _appconfig = require("../config/app-config");
/**
 * `npm run db:seed`: demo data for exploring camlinks, with the fixed ids Swagger UI's examples
 * use. It goes through the running server's admin API rather than the database (the embedded
 * database belongs to the one process that has it open), found from the same configuration the
 * server reads: PORT and HOST, and ADMIN_TOKEN or the token the embedded database keeps in
 * DATA_DIR. It says where it went. Safe to run again.
 *
 * The demo media server is the nginx of docs/media-servers/nginx.conf serving `deploy/media`,
 * which holds a short clip for every stream below: MEDIA_BASE_URL (default
 * http://127.0.0.1:8080) and MEDIA_SECRET, the secret that nginx sends, when set.
 */ const CAMERAS = [
    {
        uuid: _chosenid.EXAMPLE_CAMERA,
        name: 'Front gate',
        streams: [
            {
                type: 'high',
                name: 'front-gate-hd'
            },
            {
                type: 'low',
                name: 'front-gate-sd'
            }
        ]
    },
    {
        uuid: _chosenid.EXAMPLE_IDS.secondCamera,
        name: 'Parking',
        streams: [
            {
                type: 'high',
                name: 'parking-hd'
            }
        ]
    }
];
const RETENTION_DAYS = 7;
/** The first camera's recorded archive: the last six days up to now, inside its retention (seeding again moves it on). */ function demoArchive(now) {
    const from = new Date(now.getTime() - (RETENTION_DAYS - 1) * _timestamps.DAY_MS);
    from.setUTCMinutes(0, 0, 0);
    return {
        from: from.toISOString(),
        to: now.toISOString()
    };
}
/** Where the server is, as the server itself reads its configuration; and from which variable, to say so. */ function serverUrl(config) {
    if (process.env.CAMLINKS_URL) return {
        url: process.env.CAMLINKS_URL,
        from: 'CAMLINKS_URL'
    };
    return {
        url: (0, _appconfig.localUrl)(config),
        from: process.env.PORT ? `PORT=${config.port}` : `PORT unset: the default ${config.port}`
    };
}
async function adminToken(config) {
    if (config.adminToken) return {
        token: config.adminToken,
        from: 'ADMIN_TOKEN'
    };
    if (config.database.kind === 'embedded' && config.database.dataDir !== 'memory://') {
        const path = (0, _nodepath.join)(config.database.dataDir, _admintoken.ADMIN_TOKEN_FILE);
        const token = (await (0, _promises.readFile)(path, 'utf8').catch(()=>'')).trim();
        if (token) return {
            token,
            from: path
        };
        throw new Error(`No admin token in ${path}: start camlinks once with the same DATA_DIR (it creates one), or set ADMIN_TOKEN.`);
    }
    throw new Error('No admin token: set ADMIN_TOKEN to the one camlinks runs with (on PostgreSQL there is no other).');
}
async function main() {
    const config = (0, _appconfig.loadConfigOrExit)();
    const { url: base, from: urlFrom } = serverUrl(config);
    const { token: adminTokenValue, from: tokenFrom } = await adminToken(config);
    console.log(`Seeding camlinks at ${base} (${urlFrom}), admin token from ${tokenFrom}.`);
    const call = async (method, path, body)=>{
        const res = await fetch(`${base}/api/v1/admin${path}`, {
            method,
            headers: {
                Authorization: `Bearer ${adminTokenValue}`,
                'Content-Type': 'application/json'
            },
            body: body && JSON.stringify(body)
        }).catch(()=>{
            throw new Error(`camlinks is not answering at ${base} (${urlFrom}): start it first (npm start), with the same PORT, HOST and DATA_DIR as this command, or set CAMLINKS_URL.`);
        });
        const json = await res.json().catch(()=>({}));
        if (res.status >= 400 && res.status !== 404) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
        return {
            status: res.status,
            body: json
        };
    };
    const findByName = async (path, name)=>(await call('GET', path)).body.find((item)=>item.name === name);
    const media = {
        base_url: process.env.MEDIA_BASE_URL || 'http://127.0.0.1:8080',
        verification_secret: process.env.MEDIA_SECRET || undefined
    };
    const existingServer = await findByName('/media-servers', 'demo-edge');
    const server = existingServer ? (await call('PATCH', `/media-servers/${existingServer.id}`, media)).body : (await call('POST', '/media-servers', {
        id: _chosenid.EXAMPLE_IDS.mediaServer,
        name: 'demo-edge',
        ...media
    })).body;
    for (const camera of CAMERAS){
        if ((await call('GET', `/cameras/${camera.uuid}`)).status === 404) {
            await call('POST', '/cameras', {
                ...camera,
                media_server_id: server.id,
                default_stream_type: 'high',
                archive_retention_days: RETENTION_DAYS
            });
        }
    }
    const archive = demoArchive(new Date());
    await call('PUT', `/cameras/${_chosenid.EXAMPLE_CAMERA}/archive-ranges`, {
        ranges: [
            {
                stream_type: 'high',
                ...archive
            }
        ]
    });
    const user = await findByName('/users', 'demo-user') ?? (await call('POST', '/users', {
        id: _chosenid.EXAMPLE_IDS.user,
        name: 'demo-user'
    })).body;
    const grants = (await call('GET', `/grants?user_id=${user.id}`)).body;
    if (!grants.some((grant)=>grant.camera_uuid === _chosenid.EXAMPLE_CAMERA)) await call('POST', '/grants', {
        user_id: user.id,
        camera_uuid: _chosenid.EXAMPLE_CAMERA
    });
    const userToken = (await call('POST', `/users/${user.id}/tokens`, {})).body.token;
    const existing = await findByName('/integrations', 'demo-portal');
    const integrationToken = existing ? (await call('POST', `/integrations/${existing.id}/tokens`, {})).body.token : (await call('POST', '/integrations', {
        id: _chosenid.EXAMPLE_IDS.integration,
        name: 'demo-portal'
    })).body.token;
    console.log(`Demo data is in camlinks at ${base}:
  media server demo-edge (${media.base_url}${media.verification_secret ? ', with MEDIA_SECRET' : ''}), cameras ${CAMERAS.map((c)=>`"${c.name}" ${c.uuid}`).join(', ')}
  "Front gate" high stream: archive from ${archive.from} to ${archive.to} (ask for a date in it)
  user demo-user, granted "Front gate" only

  Integration token (sees every camera):  ${integrationToken}
  User token (demo-user):                  ${userToken}

Shown once; camlinks keeps only their hashes. Try them in Swagger UI: ${base}/api/docs`);
}
main().catch((error)=>{
    console.error(error.message);
    process.exit(1);
});

//# sourceMappingURL=seed.cli.js.map
