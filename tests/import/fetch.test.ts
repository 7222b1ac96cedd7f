import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { fetchForImport, kindOfContentType, type FetchOptions } from '../../src/import/fetch.ts';
import { describeError } from '../../src/messages.ts';
import { startPageServer, type PageServer } from '../helpers/page-server.ts';

const LOOPBACK: FetchOptions = { allowLoopback: true };

/** The UserError a fetch is refused with. */
async function refusal(link: string, options: FetchOptions = LOOPBACK): Promise<UserError> {
  const error = await fetchForImport(link, options).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

describe('fetchForImport', () => {
  let server: PageServer;
  beforeAll(async () => {
    server = await startPageServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('GIVEN a page on a public address THEN it returns the bytes, the kind and the final link', async () => {
    const fetched = await fetchForImport(`${server.origin}/pages/jsonld.html`, LOOPBACK);
    expect(fetched.kind).toBe('html');
    expect(fetched.charset).toBe('utf-8');
    expect(fetched.url).toBe(`${server.origin}/pages/jsonld.html`);
    expect(fetched.bytes.toString('utf8')).toContain('Grid deal signed');
  });

  it('GIVEN no loopback allowance THEN the local server is refused as a blocked address', async () => {
    const error = await refusal(`${server.origin}/pages/jsonld.html`, {});
    expect(error.id).toBe('import.blocked-address');
    expect(describeError(error)).toContain('127.0.0.1');
  });

  it('GIVEN a host that resolves to a private address, or to a public and a private one THEN it is refused', async () => {
    const toPrivate = await refusal('https://news.example/story', { resolve: async () => ['10.1.2.3'] });
    expect(toPrivate.id).toBe('import.blocked-address');
    expect(toPrivate.details).toMatchObject({ host: 'news.example', address: '10.1.2.3' });
    const mixed = await refusal('https://news.example/story', { resolve: async () => ['93.184.216.34', '127.0.0.1'] });
    expect(mixed.details).toMatchObject({ address: '127.0.0.1' });
  });

  it('GIVEN a literal metadata or IPv6 loopback address THEN it is refused without a request', async () => {
    expect((await refusal('http://169.254.169.254/latest/meta-data/', {})).id).toBe('import.blocked-address');
    expect((await refusal('http://[::1]:9/x', {})).id).toBe('import.blocked-address');
  });

  it('GIVEN a scheme other than http(s) or a link with credentials THEN it is refused', async () => {
    expect((await refusal('file:///etc/passwd')).id).toBe('import.bad-scheme');
    expect((await refusal('ftp://example.org/a.html')).id).toBe('import.bad-scheme');
    expect((await refusal('not a link')).id).toBe('import.bad-url');
    expect((await refusal('https://user:secret@example.org/')).id).toBe('import.bad-url');
  });

  it('GIVEN a chain of 5 redirects THEN it is followed to the page', async () => {
    const fetched = await fetchForImport(`${server.origin}/hop/5/opengraph.html`, LOOPBACK);
    expect(fetched.url).toBe(`${server.origin}/pages/opengraph.html`);
    expect(fetched.bytes.toString('utf8')).toContain('Harbour tolls');
  });

  it('GIVEN a chain of 6 redirects THEN it is refused', async () => {
    const error = await refusal(`${server.origin}/hop/6/opengraph.html`);
    expect(error.id).toBe('import.too-many-redirects');
    expect(describeError(error)).toContain('more than 5 times');
  });

  it('GIVEN a redirect into the metadata service or a private network THEN the address is checked again and refused', async () => {
    expect((await refusal(`${server.origin}/to-metadata`)).details).toMatchObject({ address: '169.254.169.254' });
    expect((await refusal(`${server.origin}/to-private`)).details).toMatchObject({ address: '10.20.30.40' });
  });

  it('GIVEN a page larger than 5 MB, declared or streamed THEN it is refused', async () => {
    expect((await refusal(`${server.origin}/huge`)).id).toBe('import.too-large');
    const declared = await refusal(`${server.origin}/huge-declared`);
    expect(declared.id).toBe('import.too-large');
    expect(describeError(declared)).toContain('5 MB');
  });

  it('GIVEN a gzip-compressed page THEN it is inflated, and one that inflates past 5 MB is refused', async () => {
    const fetched = await fetchForImport(`${server.origin}/gzipped`, LOOPBACK);
    expect(fetched.bytes.toString('utf8')).toContain('Harbour tolls');
    expect((await refusal(`${server.origin}/gzip-bomb`)).id).toBe('import.too-large');
  });

  it('GIVEN a content type that is not HTML, text or docx THEN it is refused, naming the type', async () => {
    const error = await refusal(`${server.origin}/report.pdf`);
    expect(error.id).toBe('import.bad-type');
    expect(describeError(error)).toContain('application/pdf');
  });

  it('GIVEN a server that never answers THEN the fetch gives up at its deadline', async () => {
    // The server holds the request open forever, so the outcome cannot depend on timing.
    const error = await refusal(`${server.origin}/hang`, { ...LOOPBACK, timeoutMs: 200 });
    expect(error.id).toBe('import.timeout');
    expect(describeError(error)).toContain('longer than 0.2 s');
  });

  it('GIVEN an HTTP error THEN it is refused with the status', async () => {
    const error = await refusal(`${server.origin}/gone`);
    expect(error.id).toBe('import.http-error');
    expect(error.details).toMatchObject({ status: 404 });
  });

  it('THEN content types map to what the import reads', () => {
    expect(kindOfContentType('text/html; charset=ISO-8859-1')).toBe('html');
    expect(kindOfContentType('text/plain')).toBe('text');
    expect(kindOfContentType('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx');
    expect(kindOfContentType('application/json')).toBeNull();
    expect(kindOfContentType(undefined)).toBeNull();
  });
});
