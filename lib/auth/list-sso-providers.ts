import { getEnv, type Env } from "@/lib/env";

export interface SsoProviderOption {
  id: "github" | "oidc";
  label: string;
}

/** The SSO buttons the login page should offer, from the same settings get-auth-options reads. */
export function listSsoProviders(env: Env = getEnv()): SsoProviderOption[] {
  const providers: SsoProviderOption[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push({ id: "github", label: "Continue with GitHub" });
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) providers.push({ id: "oidc", label: "Continue with single sign-on" });
  return providers;
}
