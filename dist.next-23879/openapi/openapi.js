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
    get TAGS () {
        return TAGS;
    },
    get buildOpenApiDocument () {
        return buildOpenApiDocument;
    }
});
const _swagger = require("@nestjs/swagger");
const _adminroles = require("../auth/admin-roles");
const _auditedactions = require("../audit/audited-actions");
const _chosenid = require("../common/chosen-id");
const _commonresponses = require("./common-responses");
const _jsonvalue = require("./json-value");
const TAGS = {
    integration: "Links to camera video, for integrations (the VMS vendor's API): one link per camera the caller may see.",
    'media auth': 'Called by media servers (Flussonic, nginx auth_request, MediaMTX) to ask whether a link token opens what a viewer requested.',
    'admin: media servers': 'Media servers: where links point, their URL templates and verification secrets.',
    'admin: cameras': 'Cameras, their streams, and the archive each stream has.',
    'admin: users': 'End users and their tokens (clu_…). A user sees only the cameras granted to them.',
    'admin: grants': 'Which user may see which camera, and until when.',
    'admin: integrations': 'Integrations (billing systems, portals) and their tokens (cli_…).',
    'admin: links': 'Every link camlinks issued: audit, export as CSV, revoke.',
    'admin: sessions': "Viewing sessions: who is watching through which link, and ending one viewer's session.",
    'admin: audit events': 'The append-only trail of admin actions.',
    'admin: admins': 'Named admins and their tokens (cla_…): audit events and revocations name who acted. `bootstrap` is ADMIN_TOKEN.',
    operations: 'Health probes and metrics, for load balancers, orchestrators and Prometheus.'
};
/** Path ids of the records `npm run db:seed` creates, so that "Try it out" finds them. */ const PATH_EXAMPLES = [
    [
        /^\/api\/v1\/admin\/media-servers\/\{id\}/,
        {
            id: _chosenid.EXAMPLE_IDS.mediaServer
        }
    ],
    [
        /^\/api\/v1\/admin\/cameras\/\{uuid\}/,
        {
            uuid: _chosenid.EXAMPLE_CAMERA
        }
    ],
    [
        /^\/api\/v1\/admin\/users\/\{id\}/,
        {
            id: _chosenid.EXAMPLE_IDS.user
        }
    ],
    [
        /^\/api\/v1\/admin\/integrations\/\{id\}/,
        {
            id: _chosenid.EXAMPLE_IDS.integration
        }
    ]
];
/** `mediaServersCreate`: the controller's subject and the method, as in `<resource><action>`. */ function operationId(controllerKey, methodKey) {
    const subject = controllerKey.replace(/Controller$/, '');
    return `${subject[0].toLowerCase()}${subject.slice(1)}${methodKey[0].toUpperCase()}${methodKey.slice(1)}`;
}
/**
 * The least role an admin operation needs, as the guard reads it from `@RequiresRole` (or its
 * default): in `x-required-role` for tools, and in the description for readers.
 */ function documentRequiredRole(operation) {
    const role = operation[_adminroles.REQUIRED_ROLE_EXTENSION] ??= _adminroles.DEFAULT_REQUIRED_ROLE;
    const roles = role === 'owner' ? '`owner`' : role === 'admin' ? '`admin` or `owner`' : '`auditor`, `admin` or `owner`';
    operation.description = `${operation.description ? `${operation.description} ` : ''}Role: ${roles}.`;
}
function buildOpenApiDocument(app) {
    const builder = new _swagger.DocumentBuilder().setTitle('camlinks').setDescription("Short-lived, revocable, audited URLs to camera video. The integration API speaks the VMS vendor's contract; media servers verify links; " + 'the admin API manages media servers, cameras, users, grants and integrations, and audits and revokes links. ' + 'Every error is `{"message": …}`, with `errors` by field path for invalid input (422).').setVersion('1').addServer('/', 'This camlinks (the server that serves this document)').addSecurity('integration', {
        type: 'http',
        scheme: 'bearer',
        description: 'An integration token (`cli_…`) or a user token (`clu_…`): opaque strings that the admin API issues and shows once. `npm run db:seed` prints one of each.'
    }).addSecurity('admin', {
        type: 'http',
        scheme: 'bearer',
        description: "An admin's token: a named admin's `cla_…`, or `ADMIN_TOKEN` (on the embedded database, the one camlinks generated into `<DATA_DIR>/admin-token`), which acts as the built-in owner `bootstrap`. " + 'Each operation names the least role it needs (`x-required-role`; `owner` > `admin` > `auditor`); less is 403.'
    }).addSecurity('metrics', {
        type: 'http',
        scheme: 'bearer',
        description: '`METRICS_TOKEN`, asked for by /metrics only when it is set.'
    });
    for (const [name, description] of Object.entries(TAGS))builder.addTag(name, description);
    const document = _swagger.SwaggerModule.createDocument(app, builder.build(), {
        autoTagControllers: false,
        operationIdFactory: operationId
    });
    document.info.license = {
        name: 'UNLICENSED (proprietary)'
    };
    (0, _commonresponses.addCommonResponses)(document);
    document.components.schemas.JsonValue = _jsonvalue.JSON_VALUE_SCHEMA;
    addAuditVocabulary(app, document);
    typeOpenMaps(document);
    for (const [path, item] of Object.entries(document.paths)){
        const examples = PATH_EXAMPLES.find(([pattern])=>pattern.test(path))?.[1] ?? {};
        for (const operation of [
            item.get,
            item.put,
            item.post,
            item.delete,
            item.patch
        ]){
            if (!operation) continue;
            // Public routes say so, rather than leaving it to a reader to guess.
            operation.security ??= [];
            if (operation.security.some((scheme)=>'admin' in scheme)) documentRequiredRole(operation);
            for (const parameter of operation.parameters ?? []){
                if ('in' in parameter && parameter.in === 'path' && examples[parameter.name]) parameter.example = examples[parameter.name];
            }
        }
    }
    return document;
}
function addAuditVocabulary(app, document) {
    const actions = (0, _auditedactions.auditedActions)(app);
    const vocabulary = {
        action: actions,
        object_type: (0, _auditedactions.auditedObjectTypes)(actions)
    };
    const schemas = document.components.schemas;
    const event = schemas.AuditEventDto;
    for (const [name, values] of Object.entries(vocabulary))event.properties[name].enum = values;
    for (const parameter of document.paths['/api/v1/admin/audit-events'].get.parameters ?? []){
        if ('name' in parameter && vocabulary[parameter.name]) parameter.schema.enum = vocabulary[parameter.name];
    }
}
/**
 * `additionalProperties: true` (the health checks' indicator details, from @nestjs/terminus)
 * is `unknown` to generators; its values are JSON, and say so.
 */ function typeOpenMaps(value) {
    if (value === null || typeof value !== 'object') return;
    const node = value;
    if (node.additionalProperties === true) node.additionalProperties = {
        $ref: _jsonvalue.JSON_VALUE_REF
    };
    Object.values(node).forEach(typeOpenMaps);
}

//# sourceMappingURL=openapi.js.map
