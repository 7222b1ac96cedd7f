/**
 * Cues after a quotation's closing mark: "…,” Smith said", "…,” said Rep. Jane Doe, a Democrat from Ohio", "“…” ―
 * Jane Doe", a signature line under a quotation paragraph, "…,” officials said".
 */
import { GROUP_NOUNS, SPEECH_VERB_FINITE, speechVerbBase } from './lexicon.ts';
import { NAME_RUN, parseNamePhrase } from './names.ts';
import {
  ADVERBS, APPOS, FINITE, HEAD_NAME, NAME_AT_END, NAME_RUN_G, PAREN, PREPOSITION, SUBJECT, SUBORDINATE, VERB, WHEN, WHOLE_NAME,
  headBeforeCommaVerb, invertsSpeaker, lastMatch, speechVerbs, strictSubject, subjectOf, verbSubject,
  type Subject,
} from './cue-grammar.ts';

/** After a closing mark: "…,” said Smith" / "…,” said Clinton’s top aide Jake Sullivan, a lawyer" (a finite verb:
 * "…,” promising the Friends of Abe" is no inversion). Group 2 is the noun phrase up to a comma, a bracket or the sentence's end; group 3 an apposition after a comma. */
const AFTER_INVERTED = new RegExp(
  String.raw`^[\s,;:.!?—–-]*(${SPEECH_VERB_FINITE})${ADVERBS}${WHEN}\s+((?:[^,;!?()“”".]|\.(?=\s*\p{Lu}|\S))+)(?:\s*\([^()]{0,30}\))?(?:\s*,\s*([^,;:“”"]{2,100}?)\s*(?=,|[.;!?]\s*$|$))?`,
  'u',
);
/** Where the name after an inverted verb ends: "said Robert Antonacci of the New York delegation", "… at the time". */
const NAME_END = /\s(?:of|at|from|with|for|in|on|during|while|who|when|after|before|as|because|though|told|to|about|outside|inside|near|and)\s/;
/** After a closing mark: "…,” Smith said" / "…,” he said" / "…,” Ms. Kelly, a retired astronaut, said". */
const AFTER_SUBJECT = new RegExp(String.raw`^[\s,;:.!?—–-]*${SUBJECT}${PAREN}?${APPOS}?${WHEN}${FINITE}`, 'u');
/** A dash and a name after the quotation: "“…” ― Jane Doe". */
const AFTER_DASH = new RegExp(String.raw`^\s*[―—–]\s*(${NAME_RUN})(?:\s*,\s*([^,;.“”"]{2,100}))?`, 'u');
/** After a closing mark, a group or description as subject: "…,” officials said", "…,” said a spokesman". */
const AFTER_GROUP = new RegExp(
  String.raw`^[\s,;:.!?—–-]*(?:((?:the|a|an|one|another|two|several|many|some)?\s*[\p{L}’'\- ]{2,60}?)\s+${VERB}\b|${VERB}\s+((?:the|a|an|one|another)\s+[\p{L}’'\- ]{2,60}?)\s*[,.;!?]|${VERB}\s+([\p{Ll}][\p{L}’'\- ]{2,60}?)\s*[,.;!?])`,
  'u',
);
/**
 * "“…about.”― Pamela Padilla": a dash and a name that end the paragraph (or stand before the next quotation) sign
 * the quotation before them, even when the sentence splitter put the signature in a sentence of its own.
 */
export function signatureAfter(text: string): Subject | null {
  const dash = AFTER_DASH.exec(text);
  if (!dash?.[1] || !/^[\s.]*$/u.test(text.slice(dash[0].length))) return null;
  return subjectOf(dash[1], dash[2] ?? null, '', 'dash');
}

/** A paragraph that is only a signature: "- Bernie Sanders.", "— Jane Doe, mayor of Springfield". */
export function signatureLine(paragraph: string): Subject | null {
  return signatureAfter(paragraph.replace(/^\s*-(?=\s*\p{Lu})/u, '—'));
}

/** The cue in the text right after a quotation's closing mark, up to the end of its sentence. */
export function cueAfter(text: string): Subject | null {
  const dash = AFTER_DASH.exec(text);
  if (dash?.[1]) return subjectOf(dash[1], dash[2] ?? null, '', 'dash');
  const subject = AFTER_SUBJECT.exec(text);
  if (subject?.[1]) return subjectOf(subject[1], subject[2] ?? null, text.slice(0, subject[0].indexOf(subject[1])), 'verb-after-name');
  const inverted = invertedCue(text);
  if (inverted) return inverted;
  // "…,” Harry Bond, 30, of Raleigh, N.C., who was polled, said": the name opening the cue, not one inside it.
  const headed = headBeforeCommaVerb(text);
  if (headed) return headed.subject;
  // "…” that Sanders can catch Clinton, said Steve Elmendorf, …": a name after the closing verb is its subject,
  // not the one before its comma.
  const closing = lastMatch(TRAILING_INVERTED, text);
  const late = closing && closing.index > 0 ? invertedCue(text.slice(closing.index)) : null;
  if (late) return late;
  const trailing = speechVerbs(text).at(-1);
  if (trailing?.[1] && /[.!?]\s*$|^[^.!?]*$/.test(text.slice(trailing.index))) {
    const subject = verbSubject(trailing, text, 'verb-after-name', [PREPOSITION, SUBORDINATE]);
    if (subject) return subject;
    const head = HEAD_NAME.exec(text);
    if (head?.[1]) return strictSubject(head[1], '', 'verb-after-name');
  }
  const group = AFTER_GROUP.exec(text);
  const groupText = group?.[1] ?? group?.[3] ?? group?.[4];
  // "…,” Trump spokesperson Ron Lieberman told": a description ending in a name is that person.
  const described = groupText ? NAME_AT_END.exec(groupText.trim()) : null;
  const describedBefore = groupText?.trim().slice(0, described?.index ?? 0) ?? '';
  if (described?.[1] && described.index > 0 && !/\b(?:in|at|of|from|with|for|to|on|by|about|and)\b/i.test(describedBefore) && parseNamePhrase(described[1])?.name.includes(' ')) {
    return { kind: 'name', run: described[1], apposition: null, before: describedBefore, rule: 'verb-after-name' };
  }
  // "…” without reporters asking him": a prepositional phrase names no speaker.
  if (groupText && GROUP_NOUNS.test(groupText) && !/^(?:without|with|in|at|of|from|for|to|on|by|after|before|while|when|as|than|about|because|and|but|like)\b/i.test(groupText.trim())) return { kind: 'group', text: groupText.trim(), rule: 'group' };
  return null;
}

/** "said Rep. Jane Doe, a Democrat from Ohio" at the start of the text: the name after the verb speaks. */
function invertedCue(text: string): Subject | null {
  const inverted = AFTER_INVERTED.exec(text);
  if (!inverted?.[1] || !inverted[2]) return null;
  const base = speechVerbBase(inverted[1].split(/\s+/)[0] ?? '');
  const np = inverted[2];
  const cut = NAME_END.exec(np);
  const phrase = (cut ? np.slice(0, cut.index) : np).replace(/\.\s*$/, '').trimEnd();
  const name = lastMatch(NAME_RUN_G, phrase);
  if (!invertsSpeaker(base)) return null;
  if (name && name.index + name[0].length >= phrase.trimEnd().length - 1) {
    return subjectOf(name[0], inverted[3] ?? null, phrase.slice(0, name.index), 'verb-before-name');
  }
  return roleThenName(np, inverted[3] ?? null);
}

/** A role in lower case, or a possessive one: "master of ceremonies Asab Al-Tabchi", "Rubio’s deputy campaign manager". */
const LOWER_ROLE = new RegExp(String.raw`^\s*(?:(?:the|a|an|\p{Lu}[\p{L}.-]*[’']s)\s+)?\p{Ll}[\p{Ll}\s-]*$`, 'u');
const ROLE_THEN_NAME = new RegExp(String.raw`^(.*?)\s(${NAME_RUN})\s*$`, 'u');

/**
 * After an inverted verb, a role written in lower case and then the name — "said master of ceremonies Asab
 * Al-Tabchi", or the name in an apposition, "said Rubio’s deputy campaign manager, Rich Beeson" (only a name that
 * looks like a person's). Never a name governed by a preposition: "said a longtime adviser to Trump".
 */
function roleThenName(np: string, apposition: string | null): Subject | null {
  const inline = ROLE_THEN_NAME.exec(np.replace(/\.\s*$/, ''));
  if (inline?.[1] && inline[2] && LOWER_ROLE.test(inline[1]) && !PREPOSITION.test(`${inline[1]} `)) {
    // A role before it says a person is meant: a full name counts even when its first name is not in the lists.
    const strict = !inline[2].includes(' ');
    return { kind: 'name', run: inline[2], apposition: null, before: `${inline[1]} `, rule: 'verb-before-name', strict };
  }
  const named = apposition?.trim() ?? '';
  if (named && WHOLE_NAME.test(named) && LOWER_ROLE.test(np) && named.includes(' ')) {
    return { kind: 'name', run: named, apposition: np.trim(), before: '', rule: 'verb-before-name', strict: true };
  }
  return null;
}

/** The same cue closing the sentence after more of it: "Clinton “drew well” in 2008, said professor Paul Beck." */
const TRAILING_INVERTED = new RegExp(String.raw`,\s*${VERB}\b(?=[^,;“”"]*(?:,[^,;“”"]*)?[.!?]?\s*$)`, 'gu');

