/**
 * Fetching a page for import, safely: http(s) only; every address the host resolves to must be public
 * (checked again after each redirect, and the request is pinned to the checked address so DNS cannot
 * change its answer in between); at most 5 redirects, a 10 s deadline for the whole fetch, 5 MB, and only
 * HTML, plain text and .docx content types. Every refusal is an `UserError` the caller turns into words.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { isPublicAddress } from './address.ts';
import { UserError } from '../errors.ts';

/** Bytes in a megabyte, as the size limit is stated to users. */
const MEGABYTE = 2 ** 20;

export const FETCH_LIMITS = Object.freeze({
  maxRedirects: 5,
  timeoutMs: 10_000,
  maxBytes: 5 * MEGABYTE,
});

/** The refusal for a page or file over `maxBytes`. */
export function tooLarge(maxBytes: number = FETCH_LIMITS.maxBytes): UserError {
  return new UserError('import.too-large', { limitMb: maxBytes / MEGABYTE });
}

export type FetchedKind = 'html' | 'text' | 'docx';

export interface Fetched {
  /** The address the content finally came from, after redirects. */
  readonly url: string;
  readonly kind: FetchedKind;
  readonly bytes: Buffer;
  /** The charset named by the Content-Type header, when there is one. */
  readonly charset: string | null;
}

export interface FetchOptions {
  /** Test-only: let loopback addresses through (IMPORT_ALLOW_LOOPBACK). */
  readonly allowLoopback?: boolean;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  /** Accept any content type (a file whose name says what it is, such as a Discord attachment). */
  readonly anyType?: boolean;
  /** Resolves a host name to its addresses; the system resolver by default. */
  readonly resolve?: (host: string) => Promise<string[]>;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What a Content-Type header names, or null when the import does not read that type. */
export function kindOfContentType(header: string | undefined): FetchedKind | null {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/plain' || type === 'text/markdown') return 'text';
  if (type === DOCX_TYPE) return 'docx';
  return null;
}

function systemResolve(host: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
      if (error) reject(error);
      else resolve(addresses.map((a) => a.address));
    });
  });
}

/** Parses and checks a link typed by a user. */
export function parseImportUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UserError('import.bad-url', { url: text.trim().slice(0, 200) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError('import.bad-scheme', { scheme: url.protocol.replace(/:$/, '') });
  }
  if (url.username !== '' || url.password !== '') throw new UserError('import.bad-url', { url: url.host });
  return url;
}

/** The one address to connect to for `url`, after checking every address its host resolves to. */
async function checkedAddress(url: URL, options: FetchOptions): Promise<string> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host) !== 0) addresses = [host];
  else {
    try {
      addresses = await (options.resolve ?? systemResolve)(host);
    } catch {
      throw new UserError('import.unreachable', { host });
    }
  }
  if (addresses.length === 0) throw new UserError('import.unreachable', { host });
  // One refused address refuses the host: a name that also points inside the network is not fetched at all.
  const refused = addresses.find((a) => !isPublicAddress(a, options.allowLoopback === true));
  if (refused !== undefined) throw new UserError('import.blocked-address', { host, address: refused });
  return addresses[0] as string;
}

interface Hop {
  readonly response: IncomingMessage;
  readonly abort: () => void;
}

function requestOnce(url: URL, address: string, signal: AbortSignal): Promise<Hop> {
  const family = isIP(address);
  // Connect to the address that was checked, whatever the resolver would answer now (DNS rebinding).
  const lookup: LookupFunction = (_host, opts, callback) => {
    if ((opts as { all?: boolean }).all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'GET',
        lookup,
        signal,
        headers: {
          'user-agent': 'VerbatimImporter/0.1 (+debate corpus import)',
          accept: `text/html,application/xhtml+xml,text/plain;q=0.9,${DOCX_TYPE};q=0.8`,
          'accept-encoding': 'gzip, deflate, br',
        },
      },
      (response) => resolve({ response, abort: () => req.destroy() }),
    );
    req.on('error', reject);
    req.end();
  });
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      response.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The body as sent, inflated when compressed; the size limit holds for the inflated bytes too (no zip bombs). */
function decompress(bytes: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  const name = (encoding ?? '').trim().toLowerCase();
  if (name === '' || name === 'identity') return bytes;
  const inflate =
    name === 'gzip' || name === 'x-gzip'
      ? gunzipSync
      : name === 'deflate'
        ? inflateSync
        : name === 'br'
          ? brotliDecompressSync
          : null;
  if (inflate === null) throw new UserError('import.bad-type', { type: `content encoded as ${name}` });
  try {
    return inflate(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(maxBytes);
    }
    throw new UserError('import.unreachable', { host: 'the site', reason: 'the compressed page is damaged' });
  }
}

/**
 * Fetches `link` for import. Throws `UserError` for every refusal: bad scheme, blocked address,
 * too many redirects, HTTP error, wrong content type, too large, or the deadline passed.
 */
export async function fetchForImport(link: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? FETCH_LIMITS.timeoutMs;
  const maxBytes = options.maxBytes ?? FETCH_LIMITS.maxBytes;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let url = parseImportUrl(link);
    for (let hop = 0; ; hop++) {
      const address = await checkedAddress(url, options);
      const { response } = await requestOnce(url, address, controller.signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location !== undefined) {
        response.resume();
        if (hop >= FETCH_LIMITS.maxRedirects) {
          throw new UserError('import.too-many-redirects', { limit: FETCH_LIMITS.maxRedirects });
        }
        const next = new URL(response.headers.location, url);
        url = parseImportUrl(next.href);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new UserError('import.http-error', { status, url: url.href });
      }
      const contentType = response.headers['content-type'];
      const kind = kindOfContentType(contentType) ?? (options.anyType === true ? 'text' : null);
      if (kind === null) {
        response.resume();
        throw new UserError('import.bad-type', { type: (contentType ?? 'none').split(';')[0]?.trim() ?? 'none' });
      }
      const bytes = decompress(await readBody(response, maxBytes), response.headers['content-encoding'], maxBytes);
      const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? null;
      return { url: url.href, kind, bytes, charset };
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (controller.signal.aborted) throw new UserError('import.timeout', { seconds: Math.round(timeoutMs / 100) / 10 });
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new UserError('import.unreachable', { host: safeHost(link), reason: code });
  } finally {
    clearTimeout(timer);
  }
}

function safeHost(link: string): string {
  try {
    return new URL(link).host;
  } catch {
    return link.slice(0, 100);
  }
}
