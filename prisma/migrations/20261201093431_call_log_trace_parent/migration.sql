-- The W3C traceparent a client sent in the request's _meta (MCP 2026-07-28 reserves the key; 2025
-- clients may send it too), so a call in the log can be found from the caller's trace. Nullable:
-- most calls carry none.

-- AlterTable
ALTER TABLE "CallLog" ADD COLUMN "traceParent" TEXT;
