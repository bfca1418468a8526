"use client";

import { formatInstant, type InstantStyle } from "@/lib/time/format-instant";
import { useIsClient } from "./use-is-client";

/** A <time> printed in the viewer's zone (UTC until hydrated); the ISO instant stays in dateTime. */
export function LocalTime({ iso, style = "full" }: { iso: string; style?: InstantStyle }) {
  const local = useIsClient();
  return (
    <time dateTime={iso} title={iso}>
      {formatInstant(Date.parse(iso), style, local ? "local" : "UTC")}
    </time>
  );
}
