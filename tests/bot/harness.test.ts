/** The harness's typed reader of interaction callbacks. */
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../fake-discord/server.ts';
import { callbackData } from './harness.ts';

function recorded(body: unknown): RecordedRequest {
  return { method: 'POST', path: '/interactions/1/tok/callback', query: '', headers: {}, body };
}

describe('callbackData', () => {
  it('GIVEN a reply or an autocomplete result THEN returns its data for the kind asked', () => {
    const reply = recorded({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: 'hi', flags: MessageFlags.Ephemeral },
    });
    expect(callbackData(reply).content).toBe('hi');
    const choices = recorded({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'a', value: 'a' }] },
    });
    expect(callbackData(choices, 'autocomplete').choices[0].value).toBe('a');
  });

  it('GIVEN a callback of another kind than asked THEN throws naming both', () => {
    const choices = recorded({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: {} });
    expect(() => callbackData(choices)).toThrow(/expected a message callback, got type 8/);
    const reply = recorded({ type: InteractionResponseType.UpdateMessage, data: {} });
    expect(() => callbackData(reply, 'autocomplete')).toThrow(/expected an autocomplete callback, got type 7/);
  });
});
