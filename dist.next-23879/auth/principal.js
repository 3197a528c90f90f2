/** Who is asking for links: an integration, a user, or an integration acting for a user. */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});

//# sourceMappingURL=principal.js.map
