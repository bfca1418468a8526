/** The separator between a server's name and its tool's: NAME__TOOL. */
export const UPSTREAM_SEPARATOR = "__";

/** The catalogue name of an upstream's tool (or prompt): NAME__TOOL. */
export function upstreamToolName(serverName: string, upstreamName: string): string {
  return `${serverName}${UPSTREAM_SEPARATOR}${upstreamName}`;
}
