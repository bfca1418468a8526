import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { encryptSecret } from "@/lib/secrets/encrypt-secret";

/** How an env/header value is kept in the database: plain only when not secret. */
export interface StoredConfigValue {
  name: string;
  secret: boolean;
  value?: string;
  encrypted?: string;
}

/** A value as the API, console, CLI and audit log show it: secret values never appear. */
export interface ConfigValueView {
  name: string;
  secret: boolean;
  /** The value when not secret; "[secret]" otherwise. */
  value: string;
}

export const SECRET_PLACEHOLDER = "[secret]";

/** Encrypts the secret values of one field ("env" or "header") for storage. */
export function sealConfigValues(field: "env" | "header", values: readonly { name: string; value: string; secret: boolean }[]): StoredConfigValue[] {
  return values.map(({ name, value, secret }) =>
    secret ? { name, secret, encrypted: encryptSecret(value, `${field}:${name}`) } : { name, secret, value },
  );
}

/** The plain values of one stored field, for connecting; throws HubError when the key is wrong. */
export function openConfigValues(field: "env" | "header", stored: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const entry of asStored(stored)) {
    values[entry.name] = entry.secret ? decryptSecret(entry.encrypted ?? "", `${field}:${entry.name}`) : (entry.value ?? "");
  }
  return values;
}

/** The redacted view of a stored field. */
export function viewConfigValues(stored: unknown): ConfigValueView[] {
  return asStored(stored).map((entry) => ({ name: entry.name, secret: entry.secret, value: entry.secret ? SECRET_PLACEHOLDER : (entry.value ?? "") }));
}

function asStored(stored: unknown): StoredConfigValue[] {
  return Array.isArray(stored) ? (stored as StoredConfigValue[]) : [];
}
