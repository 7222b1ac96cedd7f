import { beforeAll, describe, expect, it } from 'vitest';
import { renderTopicJson, renderTopicText } from '../../src/procon/render.ts';
import type { Topic } from '../../src/procon/types.ts';
import { loadRealCorpus } from '../helpers/corpus.ts';

describe('the alliance topic, in the console and as JSON', () => {
  let alliance: Topic;
  beforeAll(async () => {
    const { topics } = await loadRealCorpus();
    const found = topics.find((t) => t.id === 'alliance');
    if (!found) throw new Error('no alliance topic');
    alliance = found;
  });

  it('WHEN printed in the console THEN claims, bottom line and link are there, evidence on request', () => {
    const brief = renderTopicText(alliance, { evidence: false });
    expect(brief).toContain('Are China and Russia moving toward a formal alliance?');
    expect(brief).toContain('PRO — For an alliance (Yan Xuetong (Qinghua University), as reported by The Diplomat)');
    for (const p of [...alliance.pro, ...alliance.con]) expect(brief).toContain(p.claim);
    expect(brief).toContain(`BOTTOM LINE — ${alliance.bottomLine.claim}`);
    expect(brief).toContain(
      '<https://thediplomat.com/2014/05/are-china-and-russia-moving-toward-a-formal-alliance/> (link not verified)',
    );
    expect(brief).not.toContain('offshore balancing strategy');
    expect(brief).toContain('Evidence for every point: /procon alliance evidence:true');
    expect(renderTopicText(alliance, { evidence: true })).toContain('offshore balancing strategy');
  });

  it('WHEN turned into JSON THEN it has the documented shape and survives a round trip', () => {
    const json = renderTopicJson(alliance);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(Object.keys(json)).toEqual(['id', 'question', 'source', 'sides', 'pro', 'con', 'bottomLine', 'elsewhere']);
    expect(json.source).toMatchObject({
      id: 'diplomat-2014-china-russia-formal-alliance',
      publication: 'The Diplomat',
      author: null,
      date: '2014-05',
      dateInferred: true,
      urlVerified: false,
    });
    expect(json.pro[0]?.evidence[0]).toEqual({
      text: alliance.pro[0]?.evidence[0]?.text,
      voice: 'Yan Xuetong (Qinghua University), as reported by The Diplomat',
      sourceId: 'diplomat-2014-china-russia-formal-alliance',
      offset: alliance.pro[0]?.evidence[0]?.offset,
      paragraphIndex: 4,
    });
    expect(json.elsewhere.map((e) => e.source.id)).toEqual([
      'russia-insider-2015-alliance-against-us-hegemony',
      'valuewalk-2015-russia-china-alliance',
      'essay-china-russia-relationship',
    ]);
  });
});
