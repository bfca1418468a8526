import { randomBytes } from "node:crypto";
import { getInstanceId } from "./get-instance-id";

/** A new unguessable session id, `<instance>.<128 random bits base64url>`. */
export function createSessionId(): string {
  return `${getInstanceId()}.${randomBytes(16).toString("base64url")}`;
}
