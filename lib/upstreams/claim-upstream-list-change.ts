import { getPrisma } from "@/lib/db/prisma";

/**
 * An unchanged list announced again is told again after this long: an upstream may have reasons
 * the first page does not show (a later page), and a list that could not be read has no
 * fingerprint to compare. Every instance hears one announcement within well under this.
 */
const REANNOUNCE_AFTER_SECONDS = 10;

/**
 * Claims the telling of an upstream server's resources/prompts list change, across instances:
 * true for the first instance to record this list state (a fingerprint not recorded last, or the
 * last one recorded over REANNOUNCE_AFTER_SECONDS ago), false for the others, which heard the
 * same announcement on their own connections. One statement, so two instances claiming at once
 * see each other (the second waits for the first's row and compares with it). A server no longer
 * registered claims nothing.
 */
export async function claimUpstreamListChange(input: { server: string; list: "resources" | "prompts"; fingerprint: string | null }): Promise<boolean> {
  const claimed = await getPrisma().$queryRaw<unknown[]>`
    INSERT INTO "UpstreamListChange" ("serverId", "list", "fingerprint", "announcedAt")
    SELECT "id", ${input.list}, ${input.fingerprint}, now() FROM "UpstreamServer" WHERE "name" = ${input.server}
    ON CONFLICT ("serverId", "list") DO UPDATE SET "fingerprint" = EXCLUDED."fingerprint", "announcedAt" = EXCLUDED."announcedAt"
    WHERE "UpstreamListChange"."fingerprint" IS DISTINCT FROM EXCLUDED."fingerprint"
       OR "UpstreamListChange"."announcedAt" < now() - make_interval(secs => ${REANNOUNCE_AFTER_SECONDS})
    RETURNING 1`;
  return claimed.length > 0;
}
