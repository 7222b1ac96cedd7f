/**
 * A local web server on 127.0.0.1 for the import tests: it serves the hand-written pages in
 * tests/fixtures/import and the awkward answers real sites give (redirect chains, a huge page, a wrong
 * content type, a server that never answers, a link into a private network).
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const IMPORT_FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'import');

export interface PageServer {
  readonly origin: string;
  /** Extra routes a test adds: path → handler. */
  readonly routes: Map<string, (res: ServerResponse) => void | Promise<void>>;
  close(): Promise<void>;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function startPageServer(): Promise<PageServer> {
  const routes = new Map<string, (res: ServerResponse) => void | Promise<void>>();
  const hanging = new Set<ServerResponse>();
  let origin = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const extra = routes.get(url.pathname);
      if (extra !== undefined) return extra(res);
      const page = /^\/pages\/([\w-]+\.(?:html|txt))$/.exec(url.pathname);
      if (page?.[1] !== undefined) {
        const type = page[1].endsWith('.txt') ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8';
        res.writeHead(200, { 'content-type': type }).end(await readFile(path.join(IMPORT_FIXTURES, page[1])));
        return;
      }
      // /hop/<n>/<page>: n redirects, then the page.
      const hop = /^\/hop\/(\d+)\/(.+)$/.exec(url.pathname);
      if (hop?.[1] !== undefined) {
        const left = Number(hop[1]);
        const location = left <= 1 ? `/pages/${hop[2]}` : `/hop/${left - 1}/${hop[2]}`;
        res.writeHead(302, { location }).end();
        return;
      }
      switch (url.pathname) {
        case '/to-metadata':
          res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
          return;
        case '/to-private':
          res.writeHead(302, { location: 'http://10.20.30.40/admin' }).end();
          return;
        case '/huge': {
          // No Content-Length: the limit must hold while the body streams in.
          res.writeHead(200, { 'content-type': 'text/html' });
          const chunk = `<p>${'filler text for a very large page '.repeat(1800)}</p>\n`;
          for (let sent = 0; sent < 6 * 1024 * 1024 && !res.destroyed; sent += chunk.length) {
            if (!res.write(chunk)) await once(res, 'drain').catch(() => undefined);
          }
          res.end();
          return;
        }
        case '/huge-declared':
          res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
          res.write('<p>start</p>');
          return;
        case '/gzipped': {
          const page = await readFile(path.join(IMPORT_FIXTURES, 'opengraph.html'));
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(page));
          return;
        }
        case '/gzip-bomb':
          // 80 KB on the wire, 8 MB inflated.
          res
            .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
            .end(gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)));
          return;
        case '/latin1':
          res
            .writeHead(200, { 'content-type': 'text/html' })
            .end(
              Buffer.from(
                (await readFile(path.join(IMPORT_FIXTURES, 'byline-only.html'), 'utf8'))
                  .replace('<meta charset="utf-8" />', '<meta charset="iso-8859-1" />')
                  .replace('Marta Kell', 'Márta Kéll'),
                'latin1',
              ),
            );
          return;
        case '/report.pdf':
          res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7 not really');
          return;
        case '/hang':
          hanging.add(res);
          return;
        case '/gone':
          res.writeHead(404, { 'content-type': 'text/html' }).end('<p>not found</p>');
          return;
        default:
          if (url.pathname.endsWith('.docx')) {
            const file = await readFile(path.join(IMPORT_FIXTURES, path.basename(url.pathname))).catch(() => null);
            if (file !== null) {
              res.writeHead(200, { 'content-type': DOCX_TYPE }).end(file);
              return;
            }
          }
          res.writeHead(404).end();
      }
    })().catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    routes,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
