import { liveSessionSourceHolder, type LiveSessionSource } from "@/lib/sessions/live-session-source";

/** Plugs in the session registry as the source of live session counts (the hub does this at start). */
export function setLiveSessionSource(source: LiveSessionSource): void {
  liveSessionSourceHolder.switchboardLiveSessionSource = source;
}
