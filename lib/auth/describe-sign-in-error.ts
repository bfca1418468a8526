import { SIGN_UP_CLOSED_MESSAGE } from "@/lib/auth/decide-sign-up-role";

/** The one answer to every failed password sign-in, whatever the cause (no account enumeration). */
export const WRONG_CREDENTIALS_MESSAGE = "Wrong email or password";

/**
 * What the login page says for each `?error=` value: next-auth's own codes plus our SSO
 * refusals (lib/auth/resolve-sso-user.ts). Unknown codes fall back to `default`.
 */
export const SIGN_IN_ERROR_MESSAGES = {
  CredentialsSignin: WRONG_CREDENTIALS_MESSAGE,
  rate_limited: "Too many failed sign-in attempts from your network. Wait a few minutes and try again.",
  SessionRequired: "Sign in to continue.",
  AccessDenied: "That sign-in was refused.",
  OAuthAccountNotLinked: "This email already belongs to an account; sign in with your password.",
  disabled: "This account is disabled. Ask an admin to re-enable it.",
  no_email: "Your identity provider did not share an email address.",
  unverified_email: "Your identity provider has not verified this email; sign in with your password instead.",
  sign_up_closed: SIGN_UP_CLOSED_MESSAGE,
  default: "Sign-in failed. Try again.",
} as const;

/** The message for a next-auth / Switchboard sign-in error code; unknown codes get the generic one. */
export function describeSignInError(code: string): string {
  return Object.hasOwn(SIGN_IN_ERROR_MESSAGES, code) ? SIGN_IN_ERROR_MESSAGES[code as keyof typeof SIGN_IN_ERROR_MESSAGES] : SIGN_IN_ERROR_MESSAGES.default;
}
