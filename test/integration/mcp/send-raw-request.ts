import { request } from "node:http";

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One HTTP request over node:http (fetch cannot set Host), resolving status, headers and body.
 * `firstChunkOnly` resolves at the first body chunk and closes the socket (event streams).
 */
export function sendRawRequest(options: {
  port: number;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  firstChunkOnly?: boolean;
}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: options.port, method: options.method, path: options.path, headers: options.headers ?? {} }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
        if (options.firstChunkOnly) {
          res.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
        }
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}
