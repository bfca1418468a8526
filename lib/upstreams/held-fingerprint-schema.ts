import { z } from "zod";

/**
 * How many hex digits of a held definition's fingerprint `server show` prints. 64 bits: an
 * upstream that wanted its next definition approved in place of the one an admin reviewed would
 * need a second preimage of these digits, about 2^64 hashes.
 */
export const SHORT_FINGERPRINT_DIGITS = 16;

/**
 * The fingerprint of the held version an admin reviewed, as the console sends it (all 64 hex
 * digits) or as `server show` prints it (its first 16): an approval with it approves only that
 * version.
 */
export const heldFingerprintSchema = z
  .string()
  .regex(new RegExp(`^[0-9a-f]{${SHORT_FINGERPRINT_DIGITS},64}$`), `must be the fingerprint shown with the held change (${SHORT_FINGERPRINT_DIGITS} to 64 lowercase hex digits)`)
  .describe("Fingerprint of the held version you reviewed (as GET /servers/{name} or server show gives it); the approval fails with 409 when the tool was redefined since");
