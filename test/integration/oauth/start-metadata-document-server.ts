import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:https";
import os from "node:os";
import path from "node:path";

export interface MetadataDocumentServer {
  /** https://127.0.0.1:<port>/client-metadata.json, the document's own client_id. */
  url: string;
  /** The self-signed certificate's file, for the hub's NODE_EXTRA_CA_CERTS. */
  certificateFile: string;
  /** How many times the document was fetched. */
  fetches(): number;
  close(): Promise<void>;
}

/**
 * A client's https home for its Client ID Metadata Document (Claude Code's own lives on
 * claude.ai, out of reach here): a self-signed certificate for 127.0.0.1 made with openssl, and a
 * document naming `name` with localhost and 127.0.0.1 /callback redirect URIs (any port).
 * Call `listen()` before the hub starts (it must trust the certificate from its first fetch).
 */
export async function startMetadataDocumentServer(name: string): Promise<MetadataDocumentServer> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "sb-cimd-"));
  const keyFile = path.join(folder, "key.pem");
  const certificateFile = path.join(folder, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certificateFile, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
  let fetches = 0;
  let url = "";
  const server = createServer({ key: readFileSync(keyFile), cert: readFileSync(certificateFile) }, (request, response) => {
    if (request.url !== "/client-metadata.json") return void response.writeHead(404).end();
    fetches += 1;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ client_id: url, client_name: name, redirect_uris: ["http://localhost/callback", "http://127.0.0.1/callback"], grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], token_endpoint_auth_method: "none" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as { port: number }).port}/client-metadata.json`;
  return {
    url,
    certificateFile,
    fetches: () => fetches,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
