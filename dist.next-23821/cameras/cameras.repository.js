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
    get CAMERA_FACTS_TABLES () {
        return CAMERA_FACTS_TABLES;
    },
    get CamerasRepository () {
        return CamerasRepository;
    },
    get FIND_CAMERAS () {
        return FIND_CAMERAS;
    },
    get FIND_GRANTS () {
        return FIND_GRANTS;
    },
    get GRANT_TABLES () {
        return GRANT_TABLES;
    }
});
const _common = require("@nestjs/common");
const _databasechanges = require("../database/database-changes");
const _prismaservice = require("../database/prisma.service");
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
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const FIND_CAMERAS = {
    name: 'camlinks_find_cameras',
    text: `
    SELECT c.uuid, c.blocked, c.default_stream_type, c.archive_retention_days, m.base_url, m.rtsp_base_url, m.url_templates, c.generation,
           (SELECT json_agg(json_build_object('type', s.type, 'name', s.name)) FROM camera_streams s WHERE s.camera_uuid = c.uuid) AS streams,
           (SELECT json_agg(json_build_object('streamType', r.stream_type, 'from', r."from", 'to', r."to") ORDER BY r."from")
              FROM archive_ranges r WHERE r.camera_uuid = c.uuid) AS archive_ranges
      FROM cameras c
      JOIN media_servers m ON m.id = c.media_server_id
     WHERE c.uuid = ANY($1::uuid[])`
};
const FIND_GRANTS = {
    name: 'camlinks_find_grants',
    text: `SELECT camera_uuid AS "cameraUuid", generation, expires_at AS "expiresAt" FROM access_grants WHERE user_id = $1::uuid AND camera_uuid = ANY($2::uuid[])`
};
const CAMERA_FACTS_TABLES = (0, _databasechanges.tablesReadBy)(FIND_CAMERAS.text);
const GRANT_TABLES = (0, _databasechanges.tablesReadBy)(FIND_GRANTS.text);
let CamerasRepository = class CamerasRepository {
    db;
    constructor(db){
        this.db = db;
    }
    /** The cameras among `uuids` that exist, blocked or not, with their streams, media server and archive ranges; one round trip. */ async findCameras(uuids) {
        const rows = await this.db.sql.query(FIND_CAMERAS, [
            uuids
        ]);
        return rows.map((row)=>({
                uuid: row.uuid,
                blocked: row.blocked,
                defaultStreamType: row.default_stream_type,
                archiveRetentionDays: row.archive_retention_days,
                streams: row.streams ?? [],
                archiveRanges: (row.archive_ranges ?? []).map((r)=>({
                        streamType: r.streamType,
                        from: new Date(r.from),
                        to: new Date(r.to)
                    })),
                mediaServer: {
                    baseUrl: row.base_url,
                    rtspBaseUrl: row.rtsp_base_url,
                    urlTemplates: row.url_templates
                },
                generation: row.generation
            }));
    }
    /** The user's grants on any of `uuids`, expired ones included (expiry is judged when issuing). */ findGrants(userId, uuids) {
        return this.db.sql.query(FIND_GRANTS, [
            userId,
            uuids
        ]);
    }
};
CamerasRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(_prismaservice.DATABASE_CONNECTION)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof OpenDatabase === "undefined" ? Object : OpenDatabase
    ])
], CamerasRepository);

//# sourceMappingURL=cameras.repository.js.map
