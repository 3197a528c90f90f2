"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LinkEndpoint", {
    enumerable: true,
    get: function() {
        return LinkEndpoint;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _integrationauthguard = require("../auth/integration-auth.guard");
const _apiresponsesdecorator = require("../openapi/api-responses.decorator");
function LinkEndpoint(docs) {
    return (0, _common.applyDecorators)((0, _common.UseGuards)(_integrationauthguard.IntegrationAuthGuard), (0, _common.HttpCode)(200), (0, _swagger.ApiBearerAuth)('integration'), (0, _swagger.ApiOperation)({
        summary: docs.summary,
        description: `${docs.description}\n\nIssues one short-lived link (token \`cll_…\`) per accessible camera, in request order, and records it. ` + "Cameras that do not exist, are not the caller's or are blocked are left out without saying which. " + 'With a user token, or an integration token and `X-User-Token`, only the cameras granted to that user get links.'
    }), (0, _swagger.ApiHeader)({
        name: 'X-User-Token',
        required: false,
        description: "A user's token (`clu_…`), sent by an integration acting for that user: links only for the cameras granted to the user, recorded as theirs. " + 'Only with an integration token in Authorization.'
    }), (0, _swagger.ApiBody)({
        type: docs.body,
        examples: docs.examples
    }), (0, _swagger.ApiOkResponse)({
        type: [
            docs.response
        ],
        description: 'One link per accessible camera, in request order.'
    }), (0, _apiresponsesdecorator.ApiInvalid)({
        'cameras.0.uuid': [
            'The cameras.0.uuid field must be a valid UUID.'
        ],
        ttl: [
            'The ttl field must be at least 1.'
        ]
    }));
}

//# sourceMappingURL=link-endpoint.decorator.js.map
