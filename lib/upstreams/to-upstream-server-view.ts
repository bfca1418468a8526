import type { UpstreamServer } from "@/lib/generated/prisma/client";
import { redactUrl } from "@/lib/upstream-connections/redact-url";
import { viewConfigValues, type ConfigValueView } from "@/lib/upstreams/stored-config-value";
import { upstreamSettingsVersion } from "@/lib/upstreams/upstream-settings-version";

/** An upstream server as the API, console and CLI show it: secret values redacted. */
export interface UpstreamServerView {
  id: string;
  name: string;
  transport: string;
  command: string | null;
  args: string[];
  cwd: string | null;
  /** Its password, query values and fragment read "***" (redactUrl). */
  url: string | null;
  env: ConfigValueView[];
  headers: ConfigValueView[];
  timeoutMs: number;
  maxConcurrency: number;
  /** Hash of the settings above: send it back as expectedVersion (or If-Match) when editing. */
  settingsVersion: string;
  status: string;
  lastError: string | null;
  statusAt: Date | null;
  serverVersion: string | null;
  createdAt: Date;
}

/** The redacted view of a registry row (also what the audit log records). */
export function toUpstreamServerView(row: UpstreamServer): UpstreamServerView {
  return {
    id: row.id,
    name: row.name,
    transport: row.transport,
    command: row.command,
    args: row.args,
    cwd: row.cwd,
    // Redacted again: a row stored before URLs were sealed may still hold its full URL.
    url: row.url === null ? null : redactUrl(row.url),
    env: viewConfigValues(row.env),
    headers: viewConfigValues(row.headers),
    timeoutMs: row.timeoutMs,
    maxConcurrency: row.maxConcurrency,
    settingsVersion: upstreamSettingsVersion(row),
    status: row.status,
    lastError: row.lastError,
    statusAt: row.statusAt,
    serverVersion: row.serverVersion,
    createdAt: row.createdAt,
  };
}
