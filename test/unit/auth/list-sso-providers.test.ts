import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { listSsoProviders } from "@/lib/auth/list-sso-providers";
import { parseEnv } from "@/lib/env";

const OIDC = { OIDC_ISSUER: "https://id.example.com/realms/acme", OIDC_CLIENT_ID: "switchboard", OIDC_CLIENT_SECRET: "s3cret" };
const GITHUB = { GITHUB_ID: "gh-id", GITHUB_SECRET: "gh-secret" };

describe("listSsoProviders", () => {
  const cases = [
    { name: "none without settings", env: {}, expected: [] },
    { name: "GitHub with its id and secret", env: GITHUB, expected: ["github"] },
    { name: "OIDC with issuer, client id and secret", env: OIDC, expected: ["oidc"] },
    { name: "both, GitHub first", env: { ...GITHUB, ...OIDC }, expected: ["github", "oidc"] },
  ];
  for (const { name, env, expected } of cases) {
    it(name, () => assert.deepEqual(listSsoProviders(parseEnv(env)).map((provider) => provider.id), expected));
  }
});
