import { getEnv, type Env } from "@/lib/env";

/**
 * Whether the hub is an OAuth authorization server: SWITCHBOARD_OAUTH on (the default) and the
 * console served, since users sign in and consent there. Off, no OAuth endpoint exists, 401s
 * name no resource metadata, and only API keys authenticate.
 */
export function isOAuthEnabled(env: Pick<Env, "SWITCHBOARD_OAUTH" | "SWITCHBOARD_CONSOLE"> = getEnv()): boolean {
  return env.SWITCHBOARD_OAUTH === "on" && env.SWITCHBOARD_CONSOLE === "on";
}
