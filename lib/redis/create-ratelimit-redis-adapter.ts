import { createHash } from "node:crypto";
import type { Redis as IORedis } from "ioredis";
import { stripLuaShebang } from "@/lib/redis/strip-lua-shebang";

/**
 * The subset of @upstash/redis that @upstash/ratelimit's single-region limiters call
 * (evalsha/eval; get/set/del for dynamic limits). Typed loosely on purpose: the library passes
 * the adapter where it expects an @upstash/redis client.
 */
export interface RatelimitRedisAdapter {
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
  get(key: string): Promise<string | null>;
  set(key: string, value: unknown): Promise<string | null>;
  del(...keys: string[]): Promise<number>;
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

function toRedisArgs(args: unknown[]): (string | number)[] {
  return args.map((arg) => (typeof arg === "number" ? arg : arg === null || arg === undefined ? "" : String(arg)));
}

function waitForFirstConnection(client: IORedis): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off("ready", done);
      client.off("error", done);
      resolve();
    };
    const timer = setTimeout(done, 1_000);
    timer.unref();
    client.once("ready", done);
    client.once("error", done);
  });
}

/**
 * Serves @upstash/ratelimit from a self-hosted Redis through ioredis. The library addresses
 * scripts by the SHA-1 of their original text (with shebang); this adapter maps that to the SHA-1
 * of the stripped text, so after the first EVAL every call is one EVALSHA round trip.
 */
export function createRatelimitRedisAdapter(client: IORedis): RatelimitRedisAdapter {
  const strippedShaByOriginalSha = new Map<string, string>();
  // The connection has no offline queue (an outage must fail fast), so the very first calls after
  // start-up would fail while it is still connecting: those wait for it, once, up to 1 s. A refused
  // connection ends the wait at once, and never rejects: Redis down at start-up must not crash
  // the hub (the failure mode answers, and ioredis keeps reconnecting).
  let firstConnection: Promise<void> | null = client.status === "ready" ? null : waitForFirstConnection(client).finally(() => (firstConnection = null));

  async function evalStripped(script: string, keys: string[], args: unknown[]): Promise<unknown> {
    if (firstConnection) await firstConnection;
    const stripped = stripLuaShebang(script);
    strippedShaByOriginalSha.set(sha1(script), sha1(stripped));
    return client.eval(stripped, keys.length, ...keys, ...toRedisArgs(args));
  }

  return {
    async evalsha(sha, keys, args) {
      if (firstConnection) await firstConnection;
      const strippedSha = strippedShaByOriginalSha.get(sha);
      // Unknown script: answer like Redis so the library falls back to eval() with the text.
      if (!strippedSha) throw new Error(`NOSCRIPT No matching script (${sha}).`);
      return client.evalsha(strippedSha, keys.length, ...keys, ...toRedisArgs(args));
    },
    eval: evalStripped,
    get: (key) => client.get(key),
    set: (key, value) => client.set(key, String(value)),
    del: (...keys) => client.del(...keys),
  };
}
