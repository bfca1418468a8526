import { randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";

const globalForInstance = globalThis as unknown as { switchboardInstanceId?: string };

/**
 * This process's instance id: SWITCHBOARD_INSTANCE_ID, else a random one chosen once per
 * process. It prefixes session ids so a load balancer can route each session home.
 */
export function getInstanceId(): string {
  return (globalForInstance.switchboardInstanceId ??= getEnv().SWITCHBOARD_INSTANCE_ID ?? randomInstanceId());
}

function randomInstanceId(): string {
  // 8 base-36 characters; matches the SWITCHBOARD_INSTANCE_ID pattern.
  return [...randomBytes(8)].map((byte) => (byte % 36).toString(36)).join("");
}
