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
  /** Destroys every open connection (for close()). */
  dropConnections(): void;
}

export function createDualServer(handler: Handler): DualServer {
  const http1 = createHttpServer(handler);
  http1.requestTimeout = 60_000;
  http1.headersTimeout = 30_000;
  const sessionPeers = new WeakMap<object, string | undefined>();
  let connecting: string | undefined;
  const http2 = createHttp2Server({}, (req: Http2ServerRequest, res: Http2ServerResponse) => {
    peers.set(req, sessionPeers.get(req.stream.session ?? {}));
    handler(req as unknown as IncomingMessage, res as unknown as ServerResponse);
  });
  // 'session' fires synchronously inside emit("connection"), while `connecting` names that connection's peer.
  http2.on("session", (session) => sessionPeers.set(session, connecting));
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.once("data", (chunk: Buffer) => {
      socket.pause();
      if (chunk.subarray(0, 4).toString("latin1") === "PRI ") {
        connecting = socket.remoteAddress;
        http2.emit("connection", replaying(socket, chunk));
        connecting = undefined;
      } else {
        socket.unshift(chunk);
        http1.emit("connection", socket);
        socket.resume();
      }
    });
  });
  return {
    server,
    dropConnections: () => {
      for (const s of sockets) s.destroy();
    },
  };
}
