import { SUPPORTED_PROTOCOL_VERSIONS as SESSION_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";

/** Revisions served statelessly on POST /mcp (per-request _meta, no session). */
export const STATELESS_PROTOCOL_VERSIONS: readonly string[] = ["2026-07-28"];

/**
 * Every revision the hub speaks, newest first: the stateless ones, then the session eras
 * (2025-11-25 … 2024-10-07, from the v1 SDK that serves them). server/discover and
 * UnsupportedProtocolVersionError list these.
 */
export const ALL_PROTOCOL_VERSIONS: readonly string[] = [...STATELESS_PROTOCOL_VERSIONS, ...SESSION_PROTOCOL_VERSIONS];

/**
 * HeaderMismatch (2026-07-28 schema, HeaderMismatchError): not in the v2 SDK's
 * ProtocolErrorCode, which holds the revision's other codes (-32021, -32022).
 */
export const HEADER_MISMATCH = -32020;
