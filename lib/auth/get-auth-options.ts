import type { AuthOptions, Profile } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import type { OAuthConfig, Provider } from "next-auth/providers/index";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { getAuthSecret } from "@/lib/auth/get-auth-secret";
import { getClientIp } from "@/lib/auth/get-client-ip";
import { resolveSsoUser } from "@/lib/auth/resolve-sso-user";
import { getEnv, type Env } from "@/lib/env";
import { HubError } from "@/lib/errors/hub-error";
import { logger } from "@/lib/log/logger";

const globalForAuth = globalThis as unknown as { switchboardAuthOptions?: AuthOptions };

/** Provider ids whose identities resolveSsoUser maps; `oidc` is the operator's own IdP. */
const SSO_PROVIDERS = { github: { organisationIdp: false }, oidc: { organisationIdp: true } } as const;

interface SsoProfile extends Profile {
  id?: number | string;
  sub?: string;
  login?: string;
  avatar_url?: string;
  picture?: string;
  preferred_username?: string;
  email_verified?: boolean;
}

/**
 * next-auth 4 options for the console, built once per process from the environment:
 * Credentials (email + password) always; GitHub when GITHUB_ID/SECRET are set; generic OIDC when
 * OIDC_ISSUER/CLIENT_ID/CLIENT_SECRET are set. JWT sessions (Credentials requires them) live
 * SWITCHBOARD_CONSOLE_SESSION_HOURS. Also sets NEXTAUTH_URL / NEXTAUTH_SECRET from our settings,
 * because parts of next-auth read those variables directly.
 */
export function getAuthOptions(): AuthOptions {
  if (globalForAuth.switchboardAuthOptions) return globalForAuth.switchboardAuthOptions;
  const env = getEnv();
  const secret = getAuthSecret(env);
  process.env.NEXTAUTH_URL ??= env.publicUrl;
  process.env.NEXTAUTH_SECRET ??= secret;

  const options: AuthOptions = {
    secret,
    session: { strategy: "jwt", maxAge: env.SWITCHBOARD_CONSOLE_SESSION_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: buildProviders(env),
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => undefined,
    },
    callbacks: {
      async signIn({ account, profile }) {
        if (!account || account.provider === "credentials") return true;
        const resolution = await resolveSsoUser(toSsoIdentity(account.provider, account.providerAccountId, profile as SsoProfile | undefined));
        return resolution.ok ? true : `/login?error=${resolution.reason}`;
      },
      async jwt({ token, user, account, profile }) {
        if (!account) return token;
        if (account.provider === "credentials") return { ...token, sub: user.id, role: user.role };
        // The signIn callback already linked or created the user; this only reads it back.
        const resolution = await resolveSsoUser(toSsoIdentity(account.provider, account.providerAccountId, profile as SsoProfile | undefined));
        if (!resolution.ok) throw new Error(resolution.reason);
        return { ...token, sub: resolution.user.id, email: resolution.user.email, role: resolution.user.role };
      },
      async session({ session, token }) {
        session.user = { id: token.sub ?? "", email: token.email ?? "", name: token.name ?? null, role: token.role ?? "member" };
        return session;
      },
    },
  };
  globalForAuth.switchboardAuthOptions = options;
  return options;
}

function buildProviders(env: Env): Provider[] {
  const providers: Provider[] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          return await authorizeCredentials(credentials, getClientIp(request.headers));
        } catch (error) {
          // next-auth puts a thrown message in ?error=; only our code goes there, never internals.
          if (error instanceof HubError && error.code === "rate_limited") throw new Error("rate_limited");
          throw error;
        }
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push(buildGitHubProvider(env.GITHUB_ID, env.GITHUB_SECRET));
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    const oidc: OAuthConfig<SsoProfile> = {
      id: "oidc",
      name: "Single sign-on",
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/+$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (profile) => ({
        id: String(profile.sub),
        name: profile.name ?? profile.preferred_username ?? null,
        email: profile.email ?? null,
        image: profile.picture ?? null,
      }),
    };
    providers.push(oidc);
  }
  return providers;
}

/**
 * GitHub's /user reports an email without saying whether it is verified, so the verified
 * primary address is read from /user/emails (scope user:email) and carried as email_verified.
 */
function buildGitHubProvider(clientId: string, clientSecret: string): Provider {
  return GitHubProvider({
    clientId,
    clientSecret,
    userinfo: {
      url: "https://api.github.com/user",
      async request({ tokens }) {
        const headers = { Authorization: `Bearer ${tokens.access_token}`, "User-Agent": "switchboard" };
        const profile = (await (await fetch("https://api.github.com/user", { headers })).json()) as SsoProfile;
        const emailsResponse = await fetch("https://api.github.com/user/emails", { headers });
        const emails = emailsResponse.ok ? ((await emailsResponse.json()) as { email: string; primary: boolean; verified: boolean }[]) : [];
        const primary = emails.find((entry) => entry.primary && entry.verified);
        return { ...profile, email: primary?.email ?? profile.email, email_verified: Boolean(primary) };
      },
    },
  });
}

function toSsoIdentity(provider: string, providerAccountId: string, profile: SsoProfile | undefined) {
  const known = SSO_PROVIDERS[provider as keyof typeof SSO_PROVIDERS];
  return {
    provider,
    providerAccountId,
    email: profile?.email,
    emailVerified: profile?.email_verified === true,
    name: profile?.name ?? profile?.login ?? profile?.preferred_username,
    organisationIdp: known?.organisationIdp ?? false,
  };
}
