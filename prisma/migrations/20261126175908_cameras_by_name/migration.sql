-- Serves: the admin camera list (ORDER BY name, uuid) and the console's camera filter (the first 201 by name).
-- CreateIndex
CREATE INDEX "cameras_name_uuid_idx" ON "cameras"("name", "uuid");
