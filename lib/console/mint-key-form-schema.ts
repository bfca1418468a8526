import { z } from "zod";

/** Lifetimes offered by the console's key form; "never" means no expiry. Values are parseExpiry durations. */
export const KEY_LIFETIMES = [
  { value: "never", label: "Never expires" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "90d", label: "90 days" },
  { value: "365d", label: "1 year" },
] as const;

/** The console's "mint a key" form, as posted to its Server Action. */
export const mintKeyFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: "Give the key a name, e.g. the machine or agent that will use it" })
    .max(100, { message: "Use at most 100 characters" })
    .describe("What the key is for, e.g. 'laptop – Claude Code'"),
  lifetime: z.enum(KEY_LIFETIMES.map((lifetime) => lifetime.value) as [string, ...string[]]).default("90d").describe("How long the key works: never or a duration like 30d"),
  tools: z.array(z.string().min(1).max(200)).max(500).default([]).describe("Tools the key may call; empty = every tool its owner may call"),
});

export type MintKeyForm = z.infer<typeof mintKeyFormSchema>;
