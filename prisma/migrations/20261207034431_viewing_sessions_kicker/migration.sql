-- Hand-written (schema.prisma can express neither a partial index nor a trigger).

-- Sessions still to be kicked (src/kicks): a handful at most, however many sessions are kept.
CREATE INDEX "viewing_sessions_pending_kick_idx" ON "viewing_sessions"("ended_at", "id") WHERE "kick_state" = 'pending';

-- The kicking instance hears of new sessions (a session recorded after its link's change was
-- heard must still be re-decided) and of sessions left to kick (an admin ended one on another
-- instance) through the change notifications, instead of polling.
CREATE TRIGGER "viewing_sessions_changed" AFTER INSERT OR UPDATE OF "kick_state" ON "viewing_sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
