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
    get ChosenId () {
        return ChosenId;
    },
    get EXAMPLE_CAMERA () {
        return EXAMPLE_CAMERA;
    },
    get EXAMPLE_IDS () {
        return EXAMPLE_IDS;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _validators = require("./validators");
function ChosenId() {
    return (0, _common.applyDecorators)((0, _swagger.ApiPropertyOptional)({
        format: 'uuid',
        description: 'The id to give it, e.g. its id in another system. Omitted: generated. Taken: 409.'
    }), (0, _classvalidator.IsOptional)(), (0, _validators.IsAnyUuid)());
}
const EXAMPLE_CAMERA = '3f1c2a9e-8b7d-4c6e-9a51-2d0f4b8e7c11';
const EXAMPLE_IDS = {
    mediaServer: '5a0e6f3c-2b1d-4e8a-9c7f-0d6b3a2e1f45',
    user: '9c4b2a1d-7e6f-4a3b-8d2c-1f0e9a8b7c6d',
    integration: '2e7d9c1b-4a6f-4b8e-a3d5-6c0f1e2b9a87',
    /** The second demo camera, which the demo user is not granted. */ secondCamera: '7b2d4c1e-5f6a-4b8c-9d0e-1f2a3b4c5d6e'
};

//# sourceMappingURL=chosen-id.js.map
