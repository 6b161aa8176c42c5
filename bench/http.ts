// The load generator's HTTP client: keep-alive HTTP/1.1 over plain sockets, one request at a time
// per socket, the body read in full (as a real client would), no retries. It shares the machine's
// two cores with the server and PostgreSQL, so it is kept as cheap as wrk-style tools are: Node's
// http client spent about 0.25 ms of CPU per event more, all of it taken from the server being
// measured.
import { type Socket, connect } from 'node:net';

export interface HttpReply { status: number; body: string; ms: number }

const HEADER_END = Buffer.from('\r\n\r\n');

/** One keep-alive connection; `send` must not be called again before its reply arrives. */
class Connection {
  private socket: Socket | null = null;
  private chunks: Buffer[] = [];
  private size = 0;
  private pending: { resolve(r: HttpReply): void; reject(e: Error): void; started: number } | null = null;

  constructor(private host: string, private port: number) {}

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const fail = (error: Error) => {
      if (this.socket !== socket) return; // an old connection, already replaced
      this.socket = null;
      const p = this.pending;
      this.pending = null;
      p?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
    return socket;
  }

  send(head: string, body: string | undefined): Promise<HttpReply> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, started: performance.now() };
      this.chunks = [];
      this.size = 0;
      this.socket ??= this.open();
      this.socket.write(body === undefined ? head : head + body);
    });
  }

  private onData(chunk: Buffer) {
    this.chunks.push(chunk);
    this.size += chunk.length;
    const data = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.size);
    this.chunks = [data];
    const end = data.indexOf(HEADER_END);
    if (end < 0) return;
    const head = data.subarray(0, end).toString('latin1');
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let body: string | null = null;
    if (length) {
      const total = end + 4 + Number(length[1]);
      if (data.length >= total) body = data.subarray(end + 4, total).toString('utf8');
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      body = dechunk(data.subarray(end + 4));
    } else {
      body = '';
    }
    if (body === null) return;
    const p = this.pending;
    this.pending = null;
    this.chunks = [];
    this.size = 0;
    if (/\r\nconnection:\s*close/i.test(head)) { this.socket?.destroy(); this.socket = null; }
    p?.resolve({ status, body, ms: performance.now() - p.started });
  }

  close() { this.socket?.destroy(); this.socket = null; }
}

/** A complete chunked body, or null while chunks are still arriving. */
function dechunk(data: Buffer): string | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) return null;
    const size = Number.parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (size === 0) return Buffer.concat(parts).toString('utf8');
    if (data.length < eol + 2 + size + 2) return null;
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

export function httpClient(baseUrl: string, token: string, sockets: number) {
  const base = new URL(baseUrl);
  const idle: Connection[] = Array.from({ length: sockets }, () => new Connection(base.hostname, Number(base.port)));
  const all = [...idle];
  const waiting: ((c: Connection) => void)[] = [];
  const acquire = () => new Promise<Connection>((resolve) => {
    const c = idle.pop();
    if (c) resolve(c); else waiting.push(resolve);
  });
  const release = (c: Connection) => {
    const next = waiting.shift();
    if (next) next(c); else idle.push(c);
  };
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    let head = `${method} ${path} HTTP/1.1\r\nHost: ${base.host}\r\nAuthorization: Bearer ${token}\r\n`;
    if (payload !== undefined) head += `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    head += '\r\n';
    const c = await acquire();
    try {
      return await c.send(head, payload);
    } finally {
      release(c);
    }
  };
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body: unknown, headers?: Record<string, string>) => send('POST', path, body, headers),
    close: () => { for (const c of all) c.close(); },
  };
}
