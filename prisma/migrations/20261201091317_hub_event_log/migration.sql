-- CreateTable: every hub event, so a process that missed a NOTIFY (reconnecting, or down during an
-- outage) re-reads what it missed. Rows are pruned after a day.
CREATE TABLE "HubEventLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "message" TEXT NOT NULL,

    CONSTRAINT "HubEventLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HubEventLog_at_idx" ON "HubEventLog"("at");
