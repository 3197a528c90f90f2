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
    get MAX_ARRAY_ITEMS () {
        return MAX_ARRAY_ITEMS;
    },
    get MAX_JSON_DEPTH () {
        return MAX_JSON_DEPTH;
    },
    get MaxItems () {
        return MaxItems;
    },
    get inputProblems () {
        return inputProblems;
    }
});
const _apperror = require("./app-error");
const MAX_JSON_DEPTH = 10;
const MAX_ARRAY_ITEMS = 1000;
const ITEM_LIMITS = Symbol('itemLimits');
function MaxItems(limit, noun = 'items') {
    return (target, property)=>{
        const limits = {
            ...Reflect.getMetadata(ITEM_LIMITS, target.constructor),
            [property]: {
                limit,
                noun
            }
        };
        Reflect.defineMetadata(ITEM_LIMITS, limits, target.constructor);
    };
}
function inputProblems(value, dto, config) {
    const limits = (dto && Reflect.getMetadata(ITEM_LIMITS, dto)) ?? {};
    // Entries, not an object: a field named `__proto__` must be reported, not become a prototype.
    const errors = [];
    const report = (path, problem)=>errors.push([
            path || 'body',
            [
                (0, _apperror.fieldMessage)(path || 'body', problem)
            ]
        ]);
    const stack = [
        [
            value,
            '',
            0
        ]
    ];
    while(stack.length && errors.length < _apperror.MAX_FIELD_ERRORS){
        const [item, path, depth] = stack.pop();
        if (typeof item === 'string') {
            if (item.includes('\0')) report(path, 'must not contain NUL characters');
            else if (!item.isWellFormed()) report(path, 'must be valid Unicode text');
            continue;
        }
        if (item === null || typeof item !== 'object') continue;
        if (depth >= MAX_JSON_DEPTH) {
            report(path, `must not nest deeper than ${MAX_JSON_DEPTH} levels`);
            continue;
        }
        // Limits named by the DTO are on its own fields; deeper arrays get the general one.
        const fieldLimit = depth === 1 ? limits[path] : undefined;
        if (Array.isArray(item)) {
            const limit = fieldLimit ? typeof fieldLimit.limit === 'number' ? fieldLimit.limit : fieldLimit.limit(config) : MAX_ARRAY_ITEMS;
            if (item.length > limit) {
                report(path, `must not contain more than ${limit} ${fieldLimit?.noun ?? 'items'}`);
                continue;
            }
        }
        // Reversed onto the stack, so problems are reported in the order of the input.
        for (const [key, inner] of Object.entries(item).reverse()){
            const innerPath = path ? `${path}.${key}` : key;
            // `valueOf`, `constructor`, `__proto__`…: copied onto a DTO, they break whatever reads it.
            if (!Array.isArray(item) && key in Object.prototype) report(innerPath, 'is not allowed');
            else stack.push([
                inner,
                innerPath,
                depth + 1
            ]);
        }
    }
    return errors.length ? Object.fromEntries(errors) : undefined;
}

//# sourceMappingURL=input-bounds.js.map
