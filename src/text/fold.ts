/**
 * Text folding shared by search, verification and attribution. Folding never changes what is shown:
 * the bot always displays the source's own characters; folded forms are only compared.
 */

const QUOTE_FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u02BC`´]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
  [/[\u200B-\u200D\uFEFF]/g, ''],
];

/** Folds quote styles, dashes, ellipses and spacing so that typographic variants compare equal. */
export function foldTypography(text: string): string {
  let out = text.normalize('NFKC');
  for (const [pattern, replacement] of QUOTE_FOLDS) out = out.replace(pattern, replacement);
  return out.replace(/\s+/g, ' ').trim();
}

/** Single characters and what they fold to for search; anything else non-ASCII is decomposed. */
const CHAR_FOLDS = new Map<string, string>();
for (const [pattern, replacement] of QUOTE_FOLDS) {
  for (const ch of pattern.source
    .replace(/^\[|\]$/g, '')
    .replace(/\\u([0-9A-F]{4})-\\u([0-9A-F]{4})/gi, (_, a: string, b: string) => {
      let range = '';
      for (let c = parseInt(a, 16); c <= parseInt(b, 16); c++) range += String.fromCharCode(c);
      return range;
    })
    .replace(/\\u([0-9A-F]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))) {
    CHAR_FOLDS.set(ch, replacement);
  }
}

function foldChar(ch: string): string {
  return CHAR_FOLDS.get(ch) ?? ch.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/**
 * Lower-cases, strips diacritics and folds typography: the form used for matching words. Only
 * non-ASCII characters take the slow path, so folding a large corpus stays cheap.
 */
export function foldForSearch(text: string): string {
  return text.replace(/[^\u0020-\u007E\t\n\r]/g, foldChar).toLowerCase();
}

const NON_ASCII = /[\u0080-\uFFFF]/;

/**
 * Folded text with every run of non-word characters turned into one space: the form in which a
 * query phrase is looked for word for word. ASCII text (nearly every passage) takes a plain regex;
 * the Unicode-property one costs several times more and is kept for text that needs it.
 */
export function spacedWords(folded: string): string {
  return NON_ASCII.test(folded) ? folded.replace(/[^\p{L}\p{N}]+/gu, ' ') : folded.replace(/[^a-z0-9]+/g, ' ');
}

const WORD = /[\p{L}\p{N}]+(?:[-'/.][\p{L}\p{N}]+)*/gu;
/** `WORD` for folded ASCII text (nearly every passage), where it means the same and runs several times faster. */
const ASCII_WORD = /[a-z0-9]+(?:[-'/.][a-z0-9]+)*/g;
const JOINERS = /[-'/.]/;
const JOINERS_ALL = /[-'/.]/g;

/**
 * Splits text into search terms. A compound such as `zero-sum`, `S-400` or `U.S.` yields its parts
 * and its joined form (`zero`, `sum`, `zerosum`), so "zero sum", "zerosum" and "s400" all meet it.
 * A possessive `'s` is dropped (`China's` → `china`).
 */
export function tokenize(text: string): string[] {
  return tokenizeFolded(foldForSearch(text));
}

/**
 * `tokenize` for text already passed through `foldForSearch` (saves folding twice when indexing). When `plain` is
 * given, the text's plain words (runs of letters and digits, in order: what word pairs are made of) are pushed onto
 * it in the same pass, so indexing reads each passage once.
 */
export function tokenizeFolded(folded: string, plain?: string[]): string[] {
  const terms: string[] = [];
  for (const match of folded.matchAll(NON_ASCII.test(folded) ? WORD : ASCII_WORD)) {
    const whole = match[0];
    if (!JOINERS.test(whole)) {
      terms.push(whole);
      plain?.push(whole);
      continue;
    }
    const runs = whole.split(JOINERS_ALL);
    plain?.push(...runs);
    const parts = whole.endsWith("'s") ? runs.slice(0, -1) : runs;
    if (parts.length === 1) terms.push(parts[0] as string);
    else {
      for (const part of parts) terms.push(part);
      terms.push(parts.join(''));
    }
  }
  return terms;
}
