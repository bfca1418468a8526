import type { ApiTestEnvironment } from "@/test/integration/api/api-test-environment";
import { callApi, type ApiRequest } from "@/test/integration/api/call-api";
import { runSb } from "@/test/integration/cli/run-sb";

/**
 * How the server-administration tests reach the hub: `api` as its admin (another key in
 * `request.key`), `sb` as the CLI on the same database with the hub's secret key. `env` is read
 * at each call (it is set up in the test file's `before`).
 */
export function serverAdminCalls(env: () => ApiTestEnvironment, secretKey: string) {
  return {
    api: (method: string, route: string, request: ApiRequest = {}) => callApi(env().hub.url, method, route, { key: env().admin.key, ...request }),
    sb: (...args: string[]) => runSb(args, { DATABASE_URL: process.env.DATABASE_URL, SWITCHBOARD_SECRET_KEY: secretKey }),
  };
}
