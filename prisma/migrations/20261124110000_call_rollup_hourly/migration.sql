-- Hourly aggregate over all users and keys, for the admin dashboards' 7-day and 30-day views:
-- CallRollup keeps one row per (tool, user, key, client, status), which at a month of traffic
-- from many users is almost one row per call; this table has at most tools x clients x statuses
-- rows per hour. Maintained by lib/call-log/roll-up-call-logs.ts from CallRollup.

-- CreateTable
CREATE TABLE "CallRollupHourly" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "toolName" TEXT NOT NULL,
    "clientName" TEXT NOT NULL,
    "status" "CallStatus" NOT NULL,
    "calls" INTEGER NOT NULL,
    "totalMs" DOUBLE PRECISION NOT NULL,
    "maxMs" DOUBLE PRECISION NOT NULL,
    "buckets" INTEGER[],

    CONSTRAINT "CallRollupHourly_pkey" PRIMARY KEY ("hour","toolName","clientName","status")
);
