/**
 * Why camlinks cannot start, in one line that says what is wrong and what fixes it. main.ts
 * prints the message alone and exits non-zero: an operator reads a sentence, not a stack.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "StartupError", {
    enumerable: true,
    get: function() {
        return StartupError;
    }
});
let StartupError = class StartupError extends Error {
};

//# sourceMappingURL=startup-error.js.map
