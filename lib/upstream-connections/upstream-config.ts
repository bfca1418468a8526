/** stdio: a local command; http: Streamable HTTP; sse: legacy HTTP+SSE. */
export type UpstreamTransport = "stdio" | "http" | "sse";

/** Everything needed to connect to one upstream, secrets decrypted (held in memory only). */
export interface UpstreamConfig {
  id: string;
  name: string;
  transport: UpstreamTransport;
  command: string | null;
  args: string[];
  cwd: string | null;
  url: string | null;
  env: Record<string, string>;
  headers: Record<string, string>;
  timeoutMs: number;
  maxConcurrency: number;
  /**
   * The version of the stored settings this was read from (upstreamSettingsVersion), when read
   * from the registry: a tool list read through a connection opened with older settings is ignored.
   */
  settingsVersion?: string;
}
