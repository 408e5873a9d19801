/**
 * Connection bookkeeping for the one port. The HTTP servers receive their sockets by emit("connection") and never
 * listen(), so Node's own headersTimeout/requestTimeout never run; this does their job, for HTTP/1.1 and HTTP/2 alike,
 * from the raw socket's byte counters, swept twice a second:
 *
 *   no request in progress   nothing received for idleTimeoutMs       → closed (HTTP/2: GOAWAY first)
 *                            a request begun but its headers not done  → 408 and closed after headersTimeoutMs
 *   requests in progress     the client reads none of a reply for sendTimeoutMs → closed
 *   (a request's body has requestTimeoutMs: see readBody)
 *
 * At maxConnections, a new connection makes room by closing the longest-idle one; when every connection is busy with
 * a request, the new one is closed at once. Idle sockets can no longer lock real clients out.
 */
import type { Http2Session } from "node:http2";
import type { Socket } from "node:net";
import type { ServerLimits } from "./limits.js";

const REQUEST_TIMEOUT_REPLY = "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";

export class Connection {
  inFlight = 0;
  /** When the connection last had no request in progress (or opened). */
  idleSince: number;
  bytesAtIdle = 0;
  /** When the socket last had nothing waiting to be sent. */
  flowingAt: number;
  session: Http2Session | undefined;
  closing = false;
  #whenIdle: (() => void)[] = [];

  constructor(
    readonly socket: Socket,
    now: number,
  ) {
    this.idleSince = now;
    this.flowingAt = now;
  }

  requestStarted(): void {
    this.inFlight += 1;
  }

  requestFinished(now: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight > 0) return;
    this.idleSince = now;
    this.bytesAtIdle = this.socket.bytesRead;
    for (const fn of this.#whenIdle.splice(0)) fn();
  }

  /** Runs `fn` once no request is in progress (now, if none is). */
  whenIdle(fn: () => void): void {
    if (this.inFlight === 0) fn();
    else this.#whenIdle.push(fn);
  }

  /** Closes the connection: HTTP/2 with a GOAWAY, HTTP/1.1 after `lastWords` (e.g. a 408), else at once. */
  close(graceful: boolean, lastWords?: string): void {
    this.closing = true;
    if (graceful && this.session !== undefined && !this.session.closed) this.session.close();
    else if (graceful && lastWords !== undefined && this.socket.writable) this.socket.end(lastWords);
    else {
      this.socket.destroy();
      return;
    }
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }
}

export class ConnectionTracker {
  readonly #open = new Map<Socket, Connection>();
  readonly #sweep: NodeJS.Timeout;

  constructor(
    readonly limits: ServerLimits,
    readonly now: () => number = Date.now,
  ) {
    this.#sweep = setInterval(() => this.sweep(), limits.sweepMs).unref();
  }

  get size(): number {
    return this.#open.size;
  }

  /** A new socket: tracked, after making room if needed; undefined when it was refused (and closed). */
  admit(socket: Socket): Connection | undefined {
    if (this.#open.size >= this.limits.maxConnections) {
      let victim: Connection | undefined;
      for (const c of this.#open.values()) {
        if (c.inFlight === 0 && (victim === undefined || c.idleSince < victim.idleSince)) victim = c;
      }
      if (victim === undefined) {
        socket.destroy();
        return undefined;
      }
      this.#open.delete(victim.socket);
      victim.close(false);
    }
    const connection = new Connection(socket, this.now());
    this.#open.set(socket, connection);
    socket.once("close", () => this.#open.delete(socket));
    return connection;
  }

  get(socket: Socket): Connection | undefined {
    return this.#open.get(socket);
  }

  sweep(): void {
    const now = this.now();
    const { idleTimeoutMs, headersTimeoutMs, sendTimeoutMs } = this.limits;
    for (const c of this.#open.values()) {
      if (c.closing) continue;
      if (c.socket.writableLength === 0) c.flowingAt = now;
      if (c.inFlight > 0) {
        if (now - c.flowingAt > sendTimeoutMs) c.close(false);
        continue;
      }
      const begun = c.socket.bytesRead !== c.bytesAtIdle;
      if (!begun && now - c.idleSince > idleTimeoutMs) c.close(true);
      else if (begun && now - c.idleSince > headersTimeoutMs) c.close(true, REQUEST_TIMEOUT_REPLY);
    }
  }

  dropAll(): void {
    clearInterval(this.#sweep);
    for (const socket of this.#open.keys()) socket.destroy();
  }
}
