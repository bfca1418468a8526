import type http from "node:http";
import type { AddressInfo } from "node:net";

/** Starts `server` on a free loopback port: its URL base and a close that ends open connections too. */
export async function listenHttpServer(server: http.Server): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
