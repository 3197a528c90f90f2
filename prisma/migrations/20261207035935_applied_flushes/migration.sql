-- CreateTable
CREATE TABLE "applied_flushes" (
    "id" UUID NOT NULL,
    "applied_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "applied_flushes_pkey" PRIMARY KEY ("id")
);
