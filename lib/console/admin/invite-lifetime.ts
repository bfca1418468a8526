/** How long an invite link works after it is made. */
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Invite tokens: 32 random bytes as base64url (43 characters). */
export const INVITE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** One answer for every unusable link (malformed, unknown, used, expired): a guesser learns nothing. */
export const INVITE_REFUSED_MESSAGE = "This invitation link is invalid, has expired or was already used. Ask an admin for a new one.";
