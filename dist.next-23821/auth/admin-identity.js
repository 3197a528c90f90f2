/** What an admin may do, most first: each role may do everything the roles after it may. */ "use strict";
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
    get ADMIN_ROLES () {
        return ADMIN_ROLES;
    },
    get BOOTSTRAP_ADMIN () {
        return BOOTSTRAP_ADMIN;
    },
    get hasRole () {
        return hasRole;
    }
});
const ADMIN_ROLES = [
    'owner',
    'admin',
    'auditor'
];
const BOOTSTRAP_ADMIN = {
    id: '00000000-0000-4000-8000-000000000000',
    name: 'bootstrap',
    role: 'owner'
};
function hasRole(role, required) {
    return ADMIN_ROLES.indexOf(role) <= ADMIN_ROLES.indexOf(required);
}

//# sourceMappingURL=admin-identity.js.map
