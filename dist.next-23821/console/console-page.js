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
    get filterOf () {
        return filterOf;
    },
    get page () {
        return page;
    },
    get queryString () {
        return queryString;
    }
});
const _adminidentity = require("../auth/admin-identity");
const _refusalreasons = require("./refusal-reasons");
function page(session, current, title, data) {
    const may = (role)=>(0, _adminidentity.hasRole)(session.admin.role, role);
    return {
        ...data,
        title,
        current,
        admin: session.admin,
        may,
        csrf: session.csrfToken,
        time: timeElement,
        reason: _refusalreasons.refusalInWords,
        details: detailsOf
    };
}
/** Times as the console shows them without script: UTC, to the second, readable. */ function formatTime(date) {
    return `${new Date(date).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
/**
 * A time as HTML (for `<%~`): UTC, which assets/local-time.js rewrites in the browser's time
 * zone, keeping UTC on hover. Neither text holds a character HTML would need escaped.
 */ function timeElement(date) {
    if (!date) return '—';
    const utc = formatTime(date);
    return `<time datetime="${new Date(date).toISOString()}" title="${utc}">${utc}</time>`;
}
/** What an audited request sent, as label and value, without the console's own fields (`_csrf`). */ function detailsOf(details) {
    // An admin's request is recorded with its body; the other actors' events carry their facts directly.
    const body = details?.body ?? details;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
    return Object.entries(body).filter(([key])=>!key.startsWith('_')).map(([key, value])=>[
            key,
            typeof value === 'string' ? value : JSON.stringify(value)
        ]);
}
function queryString(values) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(values))if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    const text = params.toString();
    return text ? `?${text}` : '';
}
function filterOf(form) {
    const { cursor: _cursor, limit: _limit, revoked: _revoked, ...filter } = form;
    return filter;
}

//# sourceMappingURL=console-page.js.map
