-- Every charged call is in the call log (issue 10): besides tools/call, the resources/read and
-- prompts/get the hub forwards to upstream servers, told apart by "kind" ("toolName" holds the
-- resource's hub URI or the prompt's SERVER__PROMPT). Rows written before are tool calls. The
-- rollups behind the dashboards count tool calls only (lib/call-log/roll-up-call-logs.ts), so the
-- per-tool figures stay what they were. A constant default: no table rewrite.
CREATE TYPE "CallKind" AS ENUM ('tool', 'resource', 'prompt');
ALTER TABLE "CallLog" ADD COLUMN "kind" "CallKind" NOT NULL DEFAULT 'tool';
