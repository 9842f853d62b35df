// A webhook receiver on 127.0.0.1 for tests: answers with `status` after `delayMs` and keeps
// every request it gets.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export function webhookReceiver() {
  const receiver = { status: 200, delayMs: 0, received: [] as Received[], url: "", port: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      receiver.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      setTimeout(() => response.writeHead(receiver.status).end(), receiver.delayMs);
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    receiver.port = (server.address() as AddressInfo).port;
    receiver.url = `http://127.0.0.1:${receiver.port}/hooks`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return receiver;
}
