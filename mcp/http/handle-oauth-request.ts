import type { IncomingMessage, ServerResponse } from "node:http";
import { buildAuthorizationServerMetadata } from "@/lib/oauth/build-authorization-server-metadata";
import { buildProtectedResourceMetadata } from "@/lib/oauth/build-protected-resource-metadata";
import { exchangeAuthorizationCode } from "@/lib/oauth/exchange-authorization-code";
import { getOAuthEndpoints } from "@/lib/oauth/get-oauth-endpoints";
import { assertRegistrationAllowed } from "@/lib/oauth/assert-registration-allowed";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { OAUTH_POLICY } from "@/lib/oauth/oauth-policy";
import { refreshAccessToken } from "@/lib/oauth/refresh-access-token";
import { registerOAuthClient } from "@/lib/oauth/register-oauth-client";
import { revokeOAuthToken } from "@/lib/oauth/revoke-oauth-token";
import { logger } from "@/lib/log/logger";
import { chargeAuthFailure } from "@/lib/rate-limit/charge-auth-failure";
import { readRequestBody } from "@/mcp/pipeline/read-request-body";
import { clientIpOf } from "./client-ip-of";
import type { HubHttpContext } from "./hub-http-context";
import { sendErrorReply } from "./send-error-reply";

const PROTECTED_RESOURCE_PREFIX = "/.well-known/oauth-protected-resource";

// Public clients only and no cookies: any origin may call these (browser-based MCP clients do).
const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Authorization, MCP-Protocol-Version",
  "Access-Control-Max-Age": "600",
};

/** The OAuth paths this handler serves; anything else is not OAuth. */
export function isOAuthPath(path: string): boolean {
  return path === "/.well-known/oauth-authorization-server" || path.startsWith(PROTECTED_RESOURCE_PREFIX) || path === "/oauth/token" || path === "/oauth/register" || path === "/oauth/revoke";
}

/**
 * The authorization server's machine endpoints on node:http (metadata, token, registration,
 * revocation; the consent page is the console's /oauth/authorize). Answers OAuth's own error
 * shape; a refused code or refresh token is charged to the address's failed-authentication
 * budget, and over it the answer is the hub's 429 envelope.
 */
export async function handleOAuthRequest(request: IncomingMessage, response: ServerResponse, context: HubHttpContext, path: string): Promise<void> {
  try {
    if (request.method === "OPTIONS") return reply(response, 204, null);
    if (path === "/.well-known/oauth-authorization-server" || path.startsWith(PROTECTED_RESOURCE_PREFIX)) {
      if (request.method !== "GET" && request.method !== "HEAD") return reply(response, 405, new OAuthError("invalid_request", "Use GET.").toJSON());
      return serveMetadata(response, path);
    }
    if (request.method !== "POST") return reply(response, 405, new OAuthError("invalid_request", "Use POST.").toJSON());
    const body = (await readRequestBody(request, OAUTH_POLICY.maxBodyBytes)).toString("utf8");
    try {
      if (path === "/oauth/register") {
        await assertRegistrationAllowed(clientIpOf(request, context));
        return reply(response, 201, await registerOAuthClient(parseJson(body)));
      }
      const form = parseForm(request, body);
      if (path === "/oauth/revoke") {
        await revokeOAuthToken(form);
        return reply(response, 200, {});
      }
      const grantType = form.get("grant_type");
      if (grantType === "authorization_code") return reply(response, 200, await exchangeAuthorizationCode(form));
      if (grantType === "refresh_token") return reply(response, 200, await refreshAccessToken(form));
      throw new OAuthError("unsupported_grant_type", "grant_type must be authorization_code or refresh_token.");
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      // A wrong code, verifier or refresh token costs the address like an unknown key does (429 over budget).
      if (error.code === "invalid_grant" || error.code === "invalid_client") {
        const ip = clientIpOf(request, context);
        await chargeAuthFailure(ip, ip);
      }
      return reply(response, error.status, error.toJSON(), { ...error.headers, ...(error.code === "invalid_client" ? { "WWW-Authenticate": 'Bearer realm="switchboard"' } : {}) });
    }
  } catch (error) {
    if (error instanceof OAuthError) return reply(response, error.status, error.toJSON(), error.headers);
    if (!(error instanceof Error && error.name === "HubError")) logger.error({ err: error, path }, "OAuth request failed");
    sendErrorReply(response, error, CORS_HEADERS);
  }
}

function serveMetadata(response: ServerResponse, path: string): void {
  const endpoints = getOAuthEndpoints();
  if (path === "/.well-known/oauth-authorization-server") return reply(response, 200, buildAuthorizationServerMetadata(endpoints), { "Cache-Control": "public, max-age=300" });
  const resourcePath = path.slice(PROTECTED_RESOURCE_PREFIX.length);
  const resource = endpoints.resources.find((candidate) => candidate === `${endpoints.issuer}${resourcePath}`);
  if (resource === undefined) return reply(response, 404, { error: { code: "not_found", message: `No protected resource at ${resourcePath}: try ${PROTECTED_RESOURCE_PREFIX}/mcp.` } });
  reply(response, 200, buildProtectedResourceMetadata(resource, endpoints), { "Cache-Control": "public, max-age=300" });
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new OAuthError("invalid_client_metadata", "The registration request must be a JSON object.");
  }
}

function parseForm(request: IncomingMessage, body: string): URLSearchParams {
  const type = (request.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") throw new OAuthError("invalid_request", "Send the token request as application/x-www-form-urlencoded.");
  const form = new URLSearchParams(body);
  for (const name of new Set(form.keys())) {
    if (form.getAll(name).length > 1) throw new OAuthError("invalid_request", `The ${name} parameter was sent more than once.`);
  }
  return form;
}

function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Cache-Control": "no-store", ...CORS_HEADERS, ...headers, ...(body === null ? {} : { "Content-Type": "application/json" }) });
  response.end(body === null ? undefined : JSON.stringify(body));
}
