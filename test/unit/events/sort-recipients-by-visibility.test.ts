import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Principal } from "@/lib/api-keys/principal";
import { sortRecipientsByVisibility } from "@/lib/events/sort-recipients-by-visibility";

const principalOf = (keyId: string): Principal => ({ userId: `user-${keyId}`, email: `${keyId}@example.com`, role: "member", keyId, keyPrefix: `sb_${keyId}`, allowedTools: [], rateLimitPolicy: null });
const recipient = (name: string, keyId: string) => ({ name, principal: principalOf(keyId) });

describe("sortRecipientsByVisibility", () => {
  const seeing = recipient("seeing", "yes");
  const alsoSeeing = recipient("also seeing, same key", "yes");
  const blind = recipient("blind", "no");
  const unchecked = recipient("check failed", "down");
  const verdicts: Record<string, () => Promise<boolean>> = {
    yes: async () => true,
    no: async () => false,
    down: async () => {
      throw new Error("database unreachable");
    },
  };

  it("sorts into allowed and refused, in order; a failed check is in neither (it proves nothing); one check per key", async () => {
    const asked: string[] = [];
    const sorted = await sortRecipientsByVisibility([seeing, blind, unchecked, alsoSeeing], "notes", (principal, server) => {
      asked.push(`${principal.keyId}:${server}`);
      return verdicts[principal.keyId]();
    });
    assert.deepEqual(sorted, { allowed: [seeing, alsoSeeing], refused: [blind] });
    assert.deepEqual(asked.sort(), ["down:notes", "no:notes", "yes:notes"]);
  });

  it("without a visibility check nobody is allowed and nobody refused", async () => {
    assert.deepEqual(await sortRecipientsByVisibility([seeing, blind], "notes", undefined), { allowed: [], refused: [] });
  });
});
