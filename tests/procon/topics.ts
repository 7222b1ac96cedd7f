/** Synthetic verified topics for the rendering and lookup tests: any size, no corpus needed. */
import type { SourceMeta } from '../../src/corpus/types.ts';
import type { Evidence, Point, Topic } from '../../src/procon/types.ts';

export function makeMeta(id: string, overrides: Partial<SourceMeta> = {}): SourceMeta {
  return {
    id,
    title: `Title of ${id}`,
    titleIsDescriptive: false,
    publication: 'The Test Gazette',
    author: null,
    date: '2014-05',
    dateInferred: true,
    url: `https://example.org/${id}`,
    urlVerified: false,
    kind: 'article',
    credit: null,
    licence: null,
    notes: null,
    ...overrides,
  };
}

/** Deterministic filler words, so long texts have real word boundaries. */
export function words(count: number, seed: number): string {
  const vocabulary = [
    'alliance',
    'partner',
    'Beijing',
    'Moscow',
    'pressure',
    'strategic',
    'trust',
    'threat',
    'U.S.',
    'bloc',
  ];
  return Array.from({ length: count }, (_, i) => vocabulary[(i * 7 + seed) % vocabulary.length]).join(' ');
}

function evidence(sourceId: string, text: string, voice: string): Evidence {
  return { quote: text, text, sourceId, offset: 0, paragraphIndex: 0, voice };
}

export function makeTopic(
  id: string,
  options: {
    question?: string;
    points?: number;
    claimWords?: number;
    excerptWords?: number;
    excerpts?: number;
    aliases?: string[];
  } = {},
): Topic {
  const source = makeMeta(`${id}-source`);
  const points = (side: string, n: number): Point[] =>
    Array.from({ length: n }, (_, i) => ({
      claim: `${side} ${i + 1}: ${words(options.claimWords ?? 8, i)}`,
      evidence: Array.from({ length: options.excerpts ?? 1 }, (_, j) =>
        evidence(source.id, `${side}${i + 1}e${j + 1} ${words(options.excerptWords ?? 20, i + j)}`, `${side} voice`),
      ),
    }));
  const other = makeMeta(`${id}-other`, {
    publication: null,
    url: null,
    credit: 'Credit line required by the licence.',
  });
  return {
    id,
    file: `topics/${id}.yaml`,
    question: options.question ?? `Is ${id} a question?`,
    aliases: options.aliases ?? [],
    source,
    sides: { pro: { label: 'For', argumentBy: 'pro voice' }, con: { label: 'Against', argumentBy: 'con voice' } },
    pro: points('pro', options.points ?? 4),
    con: points('con', options.points ?? 4),
    bottomLine: {
      claim: `bottom ${words(10, 3)}`,
      evidence: [evidence(source.id, `bottom-excerpt ${words(30, 5)}`, 'own voice')],
    },
    elsewhere: [
      {
        source: other,
        stance: 'elsewhere stance',
        claim: `elsewhere ${words(8, 1)}`,
        evidence: [evidence(other.id, `elsewhere-excerpt ${words(25, 2)}`, 'other voice')],
      },
    ],
  };
}
