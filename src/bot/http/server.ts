/**
 * Discord's interactions endpoint (`POST /interactions`): the body is read raw up to a size limit, its Ed25519
 * signature and timestamp are checked before anything is parsed, PING is answered with PONG, and every other
 * interaction is served through the bridge, whose first answer becomes the HTTP response.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import type { Logger } from '../../logger.ts';
import type { HttpBridge } from './bridge.ts';
import { verifyInteractionRequest } from './verify.ts';

/**
 * Largest body accepted. Real interaction payloads stay far below it (a message command carries one message:
 * at most 4,000 characters of content and 6,000 of embeds, plus ids); anything bigger is refused unread.
 */
export const MAX_BODY_BYTES = 262_144; // 256 KiB

export const INTERACTIONS_PATH = '/interactions';

const PING = 1;

export interface InteractionsServer {
  readonly server: Server;
  readonly port: number;
  /** Stop accepting requests, wait for those in flight (and their follow-ups), then close. */
  stop(): Promise<void>;
}

export interface InteractionsServerOptions {
  readonly publicKey: KeyObject;
  readonly bridge: HttpBridge;
  readonly logger: Logger;
  readonly port: number;
  readonly host?: string;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(res: ServerResponse, status: number, json: string): Promise<void> {
  return new Promise((resolve) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json, () => resolve());
  });
}

function refuse(res: ServerResponse, status: number, error: string): Promise<void> {
  // The client is told to go away so a refused upload does not keep streaming into a closed door.
  if (status === 413) res.setHeader('connection', 'close');
  return sendJson(res, status, JSON.stringify({ error }));
}

/** The request's body once its size and signature pass; null once the request has been refused. */
async function readSignedBody(
  options: InteractionsServerOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Buffer | null> {
  const { logger, publicKey } = options;
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLarge) {
      logger.warn('refused an oversized interactions request', { limit: MAX_BODY_BYTES });
      await refuse(res, 413, `body larger than ${MAX_BODY_BYTES} bytes`);
      return null;
    }
    throw err;
  }
  const verdict = verifyInteractionRequest(publicKey, {
    signature: header(req, 'x-signature-ed25519'),
    timestamp: header(req, 'x-signature-timestamp'),
    body,
  });
  if (!verdict.ok) {
    logger.warn('refused an interactions request', { reason: verdict.reason });
    await refuse(res, 401, 'invalid request signature');
    return null;
  }
  return body;
}

/** One request to the endpoint: refused, a PING answered, or an interaction handed to the bridge. */
async function serve(options: InteractionsServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { bridge, logger } = options;
  const path = (req.url ?? '/').split('?', 1)[0];
  if (path !== INTERACTIONS_PATH) return refuse(res, 404, 'not found');
  if (req.method !== 'POST') return refuse(res, 405, 'use POST');
  const body = await readSignedBody(options, req, res);
  if (body === null) return;
  let payload: { id?: unknown; type?: unknown };
  try {
    payload = JSON.parse(body.toString('utf8')) as typeof payload;
  } catch {
    return refuse(res, 400, 'body is not JSON');
  }
  if (typeof payload !== 'object' || payload === null) return refuse(res, 400, 'body is not an interaction');
  if (payload.type === PING) return sendJson(res, 200, JSON.stringify({ type: PING }));
  if (typeof payload.id !== 'string') return refuse(res, 400, 'body is not an interaction');
  const answered = await bridge.dispatch(payload as { id: string }, (json) => sendJson(res, 200, json));
  if (!answered) {
    logger.error('no answer to an interaction within the deadline', { interactionId: payload.id });
    await refuse(res, 500, 'no answer in time');
  }
}

/** Start listening; resolves once the port is bound. */
export async function startInteractionsServer(options: InteractionsServerOptions): Promise<InteractionsServer> {
  const { bridge, logger } = options;
  const inFlight = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    const handled = serve(options, req, res)
      .catch(async (err: unknown) => {
        logger.error('interactions request failed', { err });
        if (!res.headersSent) await refuse(res, 500, 'internal error');
      })
      .finally(() => inFlight.delete(handled));
    inFlight.add(handled);
  });
  server.listen(options.port, options.host ?? '0.0.0.0');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  logger.info('interactions endpoint listening', { port, path: INTERACTIONS_PATH });

  let stopped: Promise<void> | null = null;
  return {
    server,
    port,
    stop() {
      stopped ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
        await bridge.idle();
        server.closeAllConnections();
        await closed;
      })();
      return stopped;
    },
  };
}
