import type { UpstreamConfig } from "@/lib/upstream-connections/upstream-config";

/**
 * Error text with every configured env/header value blanked: a server's stderr or an HTTP error
 * may echo them, and this text is logged, stored and shown on the Servers page.
 */
export function redactConfiguredValues(text: string, config: UpstreamConfig): string {
  let redacted = text;
  for (const value of [...Object.values(config.env), ...Object.values(config.headers)]) {
    if (value.length >= 4) redacted = redacted.split(value).join("[secret]");
  }
  return redacted;
}
