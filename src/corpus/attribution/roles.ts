/**
 * Roles as news text writes them around a name: before it in lower case ("Republican presidential nominee
 * Donald Trump") or in an apposition after it ("Daniel Ortega-Reyes, a senior fellow at the Meridian Institute,").
 */
import { NOT_NAME } from './lexicon.ts';
import { isTitleWord } from './names.ts';

/** Words that may stand between a title word and the name in a lower-case role: "Republican presidential nominee". */
const ROLE_WORD = /^(?:former|then|presidential|vice-presidential|senior|top|national|foreign|deputy|assistant|associate|executive|general|campaign|state|party|press|communications|policy|security|defense|defence|energy|economic|political|chief|acting|interim|longtime|veteran|white|house|senate|democratic|republican|gop|u\.s\.|federal|county|city|district|regional|international|managing|finance|trade|health|justice|homeland|intelligence|military|retired|current|outgoing|incoming|founding|co-|lead|deputy|staff|principal|majority|minority)$/i;

/** A role written before the name in lower case: "Republican presidential nominee Donald Trump" → "Republican presidential nominee". */
export function roleBefore(before: string): string {
  const words = before.trimEnd().split(/\s+/).slice(-6);
  const last = words[words.length - 1];
  if (!last || !isTitleWord(last)) return '';
  let from = words.length - 1;
  while (from > 0) {
    const word = words[from - 1] ?? '';
    if (isTitleWord(word) || ROLE_WORD.test(word) || (/^\p{Lu}/u.test(word) && !NOT_NAME.has(word.toLowerCase()))) from--;
    else break;
  }
  return words.slice(from).join(' ').replace(/^[,;(]+/, '');
}

/** An apposition that describes a role ("a senior fellow at the Meridian Institute"), not an age or a clause. */
export function roleFromApposition(apposition: string | null): string {
  if (!apposition) return '';
  const text = apposition.trim().replace(/^(?:a|an|the)\s+/i, '');
  if (text.length < 3 || /^\d+$/.test(text) || /^(?:who|which|whose|where|when|if|and|but|in|on|at|for)\b/i.test(text)) return '';
  if (/^\p{Lu}[\p{L}.]*$/u.test(text) && text.length <= 12) return ''; // a state or place: "Calif."
  // "a top operative who played a major role in 2008" → "top operative": the role, not the clause about them.
  return text.split(/\s+(?:and\s+)?(?:who|whose|which|that)\s/)[0] ?? text;
}
