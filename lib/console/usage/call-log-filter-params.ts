import { z } from "zod";
import { CallKind, CallStatus } from "@/lib/generated/prisma/enums";
import { MAX_TOOL_NAME_CHARS } from "@/lib/limits/bound-client-string";
import { parseSearchParams, type RawSearchParams } from "@/lib/console/usage/parse-search-params";
import { upstreamNameSchema } from "@/lib/upstreams/upstream-server-schema";

/** Call statuses in the order the filter offers them. */
export const CALL_STATUSES = Object.values(CallStatus);
/** Call kinds in the order the filter offers them. */
export const CALL_KINDS = Object.values(CallKind);

/** The call-log browser's URL search params (its GET filter form and the paging links). */
export const callLogFilterParamsShape = {
  kind: z.enum(CallKind).describe("Only tool calls, resource reads or prompt gets"),
  tool: z.string().max(MAX_TOOL_NAME_CHARS).describe("Only calls of this tool, resource hub URI or prompt (exact name, as long as the call log keeps)"),
  server: upstreamNameSchema.describe("Only calls to this upstream server (its tools, resources and prompts)"),
  user: z.uuid().describe("Admins only: only this user's calls"),
  key: z.uuid().describe("Only calls made with this API key (its id)"),
  status: z.enum(CallStatus).describe("Only calls with this outcome"),
  from: z.iso.datetime({ offset: true }).transform((text) => new Date(text)).describe("Calls at or after this instant (ISO 8601 with zone)"),
  to: z.iso.datetime({ offset: true }).transform((text) => new Date(text)).describe("Calls before this instant (ISO 8601 with zone)"),
  cursor: z.string().regex(/^\d+$/).max(20).describe("Keyset cursor: the last id of the previous page"),
} as const;

export interface CallLogFilterParams {
  kind?: CallKind;
  toolName?: string;
  serverName?: string;
  /** The user asked for, before the viewer's role is applied (resolveUsageUserFilter). */
  requestedUserId: string | null;
  apiKeyId?: string;
  status?: CallStatus;
  from?: Date;
  to?: Date;
  cursor: string | null;
  /** Params that were present but invalid (and ignored). */
  ignored: string[];
}

/** Parses the call-log browser's search params; invalid values are ignored and named. Pure. */
export function parseCallLogFilterParams(searchParams: RawSearchParams): CallLogFilterParams {
  const { values, ignored } = parseSearchParams(callLogFilterParamsShape, searchParams);
  return {
    kind: values.kind,
    toolName: values.tool,
    serverName: values.server,
    requestedUserId: values.user ?? null,
    apiKeyId: values.key,
    status: values.status,
    from: values.from,
    to: values.to,
    cursor: values.cursor ?? null,
    ignored,
  };
}
