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

/** Lower-cases and strips diacritics after typographic folding: the form used for matching words. */
export function foldForSearch(text: string): string {
  return foldTypography(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+(?:[-'/.][\p{L}\p{N}]+)*/gu;

/**
 * Splits text into search terms. A compound such as `zero-sum`, `S-400` or `U.S.` yields its parts
 * and its joined form (`zero`, `sum`, `zerosum`), so "zero sum", "zerosum" and "s400" all meet it.
 * A possessive `'s` is dropped (`China's` → `china`).
 */
export function tokenize(text: string): string[] {
  const folded = foldForSearch(text);
  const terms: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    let word = match[0];
    if (word.endsWith("'s")) word = word.slice(0, -2);
    const parts = word.split(/[-'/.]/).filter((p) => p.length > 0);
    if (parts.length > 1) {
      for (const part of parts) terms.push(part);
      terms.push(parts.join(''));
    } else if (parts[0] !== undefined) {
      terms.push(parts[0]);
    }
  }
  return terms;
}
