import { UPSTREAM_SEPARATOR } from "@/lib/upstreams/upstream-tool-name";

/**
 * The server and upstream prompt a hub prompt name (NAME__PROMPT) names, or null when it has no
 * server part. Prompts have no catalogue rows, so the name is all there is; server names have no
 * underscores, so the first `__` ends the server's. Pure.
 */
export function parseUpstreamPromptName(name: string): { server: string; prompt: string } | null {
  const at = name.indexOf(UPSTREAM_SEPARATOR);
  if (at <= 0) return null;
  return { server: name.slice(0, at), prompt: name.slice(at + UPSTREAM_SEPARATOR.length) };
}
