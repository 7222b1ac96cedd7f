/**
 * `/procon <topic> [evidence:true]` in the console: both sides of a question from its source, the bottom line,
 * where the other sources stand, and (on request in text, always in JSON) every point's verbatim evidence.
 */
import { renderTopicJson, renderTopicText, renderUnknownTopicText } from '../procon/render.ts';
import { findTopic } from '../procon/suggest.ts';
import type { ConsoleCommand } from './commands.ts';

function listJson(topics: readonly { id: string; question: string }[]) {
  return topics.map((t) => ({ id: t.id, question: t.question }));
}

export const procon: ConsoleCommand = {
  name: 'procon',
  options: ['topic', 'evidence'],
  usage: '/procon <topic> [evidence:true]',
  summary: 'both sides of a question from its source, with the bottom line (evidence:true quotes every point)',
  run(main, options, { library }) {
    const { topics } = library.state;
    const query = (options['topic'] ?? main).trim();
    if (!query) {
      return {
        json: { command: 'procon', query, topics: listJson(topics) },
        text: topics.length
          ? ['Topics (type /procon <topic>):', ...topics.map((t) => `  ${t.id} — ${t.question}`)].join('\n')
          : 'The corpus has no topics yet.',
      };
    }
    const found = findTopic(topics, query);
    if (!found.ok) {
      const text = renderUnknownTopicText(query, found.topics);
      return {
        json: {
          command: 'procon',
          query,
          error: { id: found.error, message: text.split('\n')[0] },
          topics: listJson(found.topics),
        },
        text: `✗ ${text}`,
        failed: true,
      };
    }
    const evidence = /^(true|yes|1|on)$/i.test(options['evidence'] ?? '');
    return {
      json: { command: 'procon', query, topic: renderTopicJson(found.topic) },
      text: renderTopicText(found.topic, { evidence }),
    };
  },
};
