import { describe, expect, it } from 'vitest';
import { parseYamlOffThread } from '../../src/corpus/yaml-off-thread.ts';

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => `- id: p${i}\n  name: Person ${i}\n  role: a role long enough to matter\n  aliases: []\n`).join('');

describe('parseYamlOffThread', () => {
  it('GIVEN a large list within the limit THEN the same data as an inline parse, parsed in a worker', async () => {
    const text = people(600);
    expect(text.length).toBeGreaterThan(16 * 1024);
    const parsed = await parseYamlOffThread(text, { listPath: null, maxItems: 1000 });
    expect(parsed.ok).toBe(true);
    if (parsed.ok === true) expect((parsed.data as unknown[])[599]).toEqual({ id: 'p599', name: 'Person 599', role: 'a role long enough to matter', aliases: [] });
  });

  it('GIVEN a list longer than the limit THEN its count, small or large', async () => {
    expect(await parseYamlOffThread(people(600), { listPath: null, maxItems: 500 })).toEqual({ ok: 'too-many', count: 600 });
    expect(await parseYamlOffThread(`comments:\n${people(3).replace(/^/gm, '  ')}`, { listPath: 'comments', maxItems: 2 })).toEqual({ ok: 'too-many', count: 3 });
  });

  it('GIVEN broken YAML in a large file THEN the line of the error, as inline', async () => {
    const parsed = await parseYamlOffThread(`${people(600)}- id: [unclosed\n`, { listPath: null, maxItems: 1000 });
    expect(parsed).toMatchObject({ ok: false, message: expect.stringMatching(/^not valid YAML near line 240[0-2]: /) });
  });
});
