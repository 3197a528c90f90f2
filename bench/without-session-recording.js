// Preloaded (NODE_OPTIONS=--require) into the "without" side of `npm run bench`'s A/B of issue 17:
// the same build, with recording a verification into its viewing session turned into a no-op.
const { SessionRecorder } = require('../dist/sessions/session-recorder');

SessionRecorder.prototype.record = () => undefined;
