/**
 * One port, two protocols. The JS SDK's Bedrock Runtime client speaks HTTP/2 (h2c with prior knowledge on an
 * http:// endpoint); everything else speaks HTTP/1.1. Each connection's first bytes decide: the HTTP/2 preface
 * ("PRI * HTTP/2.0…") goes to an http2 server, the rest to an http server, both calling the same handler.
 */
import { createServer as createHttpServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer as createHttp2Server } from "node:http2";
import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";
import { createServer as createNetServer } from "node:net";
import type { Server, Socket } from "node:net";
import { Duplex } from "node:stream";
import type { Connection } from "./connections.js";
import { ConnectionTracker } from "./connections.js";
import type { ServerLimits } from "./limits.js";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The peer address of a request; over HTTP/2 the socket sits behind a stream wrapper that hides it. */
const peers = new WeakMap<object, string | undefined>();
export function remoteAddress(req: IncomingMessage): string | undefined {
  return peers.has(req) ? peers.get(req) : req.socket.remoteAddress;
}

/**
 * http2 sessions read straight from a socket's native handle, which would skip bytes already read to sniff the
 * preface; a JS Duplex in front of the socket makes Node read through the stream instead.
 */
function replaying(socket: Socket, first: Buffer): Duplex {
  const d = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _enc, cb) {
      socket.write(chunk, cb);
    },
    final(cb) {
      socket.end();
      cb();
    },
    destroy(error, cb) {
      socket.destroy();
      cb(error);
    },
  });
  Object.defineProperty(d, "remoteAddress", { get: () => socket.remoteAddress });
  d.push(first);
  socket.on("data", (chunk: Buffer) => {
    if (!d.push(chunk)) socket.pause();
  });
  socket.on("end", () => d.push(null));
  socket.on("error", (error) => d.destroy(error));
  socket.on("close", () => d.destroy());
  return d;
}

export interface DualServer {
  server: Server;
  connections: ConnectionTracker;
  /** Destroys every open connection (for close()). */
  dropConnections(): void;
}

const BAD_REQUEST: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large",
  ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout",
};

export function createDualServer(handler: Handler, limits: ServerLimits): DualServer {
  const connections = new ConnectionTracker(limits);
  const track = (req: IncomingMessage, res: ServerResponse, connection: Connection | undefined): void => {
    connection?.requestStarted();
    res.once("close", () => connection?.requestFinished(Date.now()));
    handler(req, res);
  };
  const http1 = createHttpServer((req, res) => track(req, res, connections.get(req.socket)));
  http1.keepAliveTimeout = limits.idleTimeoutMs;
  // A malformed request after valid pipelined ones: those are answered first, in order, then the 400 (Node's default
  // destroyed the socket at once and their replies were lost).
  http1.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    const connection = connections.get(socket);
    if (connection === undefined || !socket.writable || error.code === "ECONNRESET") {
      socket.destroy();
      return;
    }
    const status = BAD_REQUEST[error.code ?? ""] ?? "400 Bad Request";
    connection.whenIdle(() =>
      connection.close(true, `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`),
    );
  });
  // The sandbox speaks HTTP/1.1 and prior-knowledge HTTP/2; an Upgrade request would otherwise be left hanging.
  http1.on("upgrade", (_req: IncomingMessage, socket: Socket) => {
    socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
  const sessions = new WeakMap<object, Connection | undefined>();
  let connecting: Connection | undefined;
  const http2 = createHttp2Server(
    { settings: { maxConcurrentStreams: 100 } },
    (req: Http2ServerRequest, res: Http2ServerResponse) => {
      const connection = sessions.get(req.stream.session ?? {});
      peers.set(req, connection?.socket.remoteAddress);
      track(req as unknown as IncomingMessage, res as unknown as ServerResponse, connection);
    },
  );
  // 'session' fires synchronously inside emit("connection"), while `connecting` is that connection.
  http2.on("session", (session) => {
    sessions.set(session, connecting);
    if (connecting !== undefined) connecting.session = session;
  });
  const server = createNetServer((socket) => {
    const connection = connections.admit(socket);
    if (connection === undefined) return;
    // Without it, HTTP/2 flow control (small WINDOW_UPDATE writes) meets Nagle and delayed ACKs: a 24 MB upload
    // took 27 s instead of 0.2 s.
    socket.setNoDelay(true);
    socket.on("error", () => socket.destroy());
    socket.once("data", (chunk: Buffer) => {
      socket.pause();
      if (chunk.subarray(0, 4).toString("latin1") === "PRI ") {
        connecting = connection;
        http2.emit("connection", replaying(socket, chunk));
        connecting = undefined;
      } else {
        socket.unshift(chunk);
        http1.emit("connection", socket);
        socket.resume();
      }
    });
  });
  return { server, connections, dropConnections: () => connections.dropAll() };
}
