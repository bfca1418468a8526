import { randomInt } from "node:crypto";

/**
 * Client addresses no earlier run has used. Failed-authentication counts live in Redis when
 * REDIS_URL is set and outlast a run (CI runs on the same machine right after), so fixed
 * addresses would inherit an earlier run's failures.
 */
export function createClientIpSource(): () => string {
  const prefix = `10.${randomInt(256)}.${randomInt(256)}`;
  let host = 0;
  return () => `${prefix}.${++host}`;
}
