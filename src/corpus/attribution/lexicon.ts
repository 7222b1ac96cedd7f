/**
 * The words attribution rules look for: speech verbs in every tense, the titles that stand before a name,
 * and the capitalised words that are never a person's name. Plain data, kept apart from the rules.
 */

/** Verbs that report speech or writing, by their base form; `inflect` gives every tense the rules match. */
const SPEECH_BASES = [
  'say', 'tell', 'add', 'argue', 'ask', 'reply', 'respond', 'write', 'tweet', 'post', 'quip', 'joke', 'gush',
  'interject', 'recall', 'explain', 'insist', 'warn', 'note', 'state', 'claim', 'contend', 'declare', 'stress',
  'emphasize', 'emphasise', 'observe', 'conclude', 'predict', 'suggest', 'maintain', 'refute', 'urge', 'announce',
  'acknowledge', 'admit', 'agree', 'complain', 'concede', 'confirm', 'continue', 'counter', 'demand', 'deny',
  'exclaim', 'lament', 'mention', 'muse', 'object', 'promise', 'protest', 'remark', 'report', 'retort', 'reveal',
  'scoff', 'shout', 'sigh', 'snap', 'speculate', 'testify', 'vow', 'whisper', 'yell', 'boast', 'brag', 'assert',
  'allege', 'caution', 'concur', 'marvel', 'proclaim', 'reiterate', 'scold', 'wonder', 'reason', 'recount',
  'elaborate', 'pledge', 'tout', 'cry', 'laugh', 'grumble', 'thunder', 'chime', 'fire', 'shoot', 'hit', 'blast',
  'quote', 'write', 'text', 'email', 'plead', 'implore', 'propose', 'recommend', 'charge', 'mock', 'tease',
  'acknowledge', 'answer', 'summarize', 'summarise', 'explain', 'caution', 'advise', 'point', 'sing', 'rant',
  'cheer', 'declare', 'affirm', 'swear', 'assure', 'remind', 'call', 'describe', 'cite', 'believe', 'think',
  'predict', 'ponder', 'muse', 'opine', 'chuckle', 'bemoan', 'decry', 'declare', 'demur', 'emphasize', 'go',
  'put', 'fume', 'accuse', 'condemn', 'credit', 'indicate', 'welcome', 'question', 'thank', 'slam',
];

/** Irregular forms; every other verb is inflected by rule. */
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'writing', 'written'],
  think: ['think', 'thinks', 'thought', 'thinking'],
  shoot: ['shoot', 'shoots', 'shot', 'shooting'],
  hit: ['hit', 'hits', 'hitting'],
  sing: ['sing', 'sings', 'sang', 'singing'],
  swear: ['swear', 'swears', 'swore', 'swearing'],
  go: ['went', 'goes', 'going'],
  fire: ['fired', 'fires', 'firing'],
  point: ['points', 'pointed', 'pointing'],
  chime: ['chimed', 'chimes', 'chiming'],
  put: ['put', 'puts', 'putting'],
};

/** Verbs whose final consonant doubles: quip → quipped. */
const DOUBLING = new Set(['quip', 'admit', 'snap']);

function inflect(base: string): string[] {
  const irregular = IRREGULAR[base];
  if (irregular) return [...irregular];
  if (base.endsWith('e')) return [base, `${base}s`, `${base}d`, `${base.slice(0, -1)}ing`];
  if (/[^aeiou]y$/.test(base)) return [base, `${base.slice(0, -1)}ies`, `${base.slice(0, -1)}ied`, `${base}ing`];
  if (/(?:s|sh|ch|x|z)$/.test(base)) return [base, `${base}es`, `${base}ed`, `${base}ing`];
  if (DOUBLING.has(base)) {
    const last = base.slice(-1);
    return [base, `${base}s`, `${base}${last}ed`, `${base}${last}ing`];
  }
  return [base, `${base}s`, `${base}ed`, `${base}ing`];
}

/** Particles some speech verbs need to mean speech: "fired back", "pointed out", "went on", "chimed in", "put it". */
const PARTICLE: Readonly<Record<string, string>> = {
  fire: 'back',
  shoot: 'back',
  hit: 'back',
  point: 'out',
  go: 'on',
  chime: 'in',
  put: 'it', // "as Ruth Marcus puts it, “…”"
};

const verbForms = new Map<string, string>();
for (const base of SPEECH_BASES) for (const form of inflect(base)) verbForms.set(form, base);

/** Every form of every speech verb, with its particle where one is needed, as a regex alternation. */
export const SPEECH_VERB = `(?:${[...new Set(SPEECH_BASES)]
  .flatMap((base) => inflect(base).map((form) => (PARTICLE[base] ? `${form}\\s+${PARTICLE[base]}` : form)))
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

/** The finite forms only ("said", "adds", not "saying"): a participle after a name is not that name speaking. */
export const SPEECH_VERB_FINITE = `(?:${[...new Set(SPEECH_BASES)]
  .flatMap((base) => inflect(base).filter((f) => !f.endsWith('ing')).map((form) => (PARTICLE[base] ? `${form}\\s+${PARTICLE[base]}` : form)))
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

/**
 * Whether `word` (as written: the forms are lower case) is a form of a speech verb, with its particle as `next`
 * where the verb needs one ("pointed out"). A Map look-up: a regex of every form compiles on its first use, which
 * took ~70 ms of a fresh process's start.
 */
export function isSpeechVerbForm(word: string, next: string | undefined): boolean {
  const base = verbForms.get(word);
  if (base === undefined) return false;
  const particle = PARTICLE[base];
  return particle === undefined || next === particle;
}

/** The base form of a speech-verb token (`"quipped"` → `"quip"`), or undefined when it is not one. */
export function speechVerbBase(token: string): string | undefined {
  return verbForms.get(token.toLowerCase());
}

/**
 * Verbs that take a listener or an object right after them ("told Putin", "asked Wang Yi", "called Putin a thug",
 * "urged Smith"): after these, a name is not the speaker, even in "…,” told Smith".
 */
export const OBJECT_VERBS = new Set([
  'tell', 'urge', 'call', 'cite', 'remind', 'assure', 'blast', 'mock', 'tease', 'scold', 'charge', 'describe',
  'quote', 'implore', 'text', 'email', 'warn', 'advise', 'answer', 'decry', 'bemoan', 'believe', 'think',
  'accuse', 'condemn', 'credit', 'welcome', 'question', 'thank', 'slam',
]);

/** Verbs that a participle cue uses after a comma: "…, saying the president was “…”". */
export const PARTICIPLE = `(?:${[...new Set(SPEECH_BASES)]
  .flatMap((base) => inflect(base).filter((f) => f.endsWith('ing')).map((f) => (PARTICLE[base] ? `${f}\\s+${PARTICLE[base]}` : f)))
  .join('|')})`;

/**
 * Words of a title or office that stand before a name ("Deputy Energy Minister Anton Veselov", "Rep. Jane Doe",
 * "the Rev. John Smith"): a name's role is read from them, and they are never part of the name itself.
 */
export const TITLE_WORDS = new Set(
  [
    'president', 'vice', 'minister', 'secretary', 'senator', 'sen', 'rep', 'representative', 'gov', 'governor',
    'mayor', 'judge', 'justice', 'chairman', 'chairwoman', 'chair', 'director', 'spokesman', 'spokeswoman',
    'spokesperson', 'professor', 'prof', 'dr', 'gen', 'general', 'ambassador', 'deputy', 'chief', 'attorney',
    'speaker', 'leader', 'commissioner', 'ceo', 'president-elect', 'candidate', 'nominee', 'adviser', 'advisor',
    'aide', 'chancellor', 'prime', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'rev', 'reverend',
    'father', 'mister', 'sheriff', 'officer', 'lt', 'col', 'capt', 'sgt', 'adm', 'admiral', 'colonel', 'captain', 'sergeant',
    'lieutenant', 'commander', 'sir', 'dame', 'lord', 'lady', 'manager', 'executive', 'founder', 'co-founder',
    'analyst', 'economist', 'strategist', 'pollster', 'coach', 'dean', 'superintendent', 'councilman',
    'councilwoman', 'assemblyman', 'assemblywoman', 'congressman', 'congresswoman', 'delegate', 'lawmaker',
    'treasurer', 'comptroller', 'auditor', 'secretary-general', 'envoy', 'counsel', 'lawyer', 'host', 'anchor',
    'correspondent', 'editor', 'columnist', 'reporter', 'author', 'historian', 'scientist', 'researcher', 'fellow',
    'activist', 'organizer', 'pastor', 'rabbi', 'imam', 'cardinal', 'archbishop', 'sen.', 'rep.', 'gov.', 'dr.',
    'gen.', 'rev.', 'lt.', 'col.', 'capt.', 'sgt.', 'adm.', 'prof.', 'maj', 'major', 'mr', 'mrs', 'ms', 'miss',
    'consul', 'premier', 'president’s', 'magistrate', 'prosecutor', 'detective', 'inspector', 'chairperson',
    'trustee', 'principal', 'officials', 'official', 'surrogate', 'staffer', 'operative', 'consultant', 'expert',
    'moderator', 'rapper', 'singer', 'actor', 'actress', 'comedian', 'billionaire', 'businessman', 'businesswoman',
    'mogul', 'star', 'veteran', 'pundit', 'commentator', 'blogger', 'coordinator', 'partner', 'owner', 'president',
    'alderman', 'alderwoman', 'dj', 'chef', 'novelist', 'poet', 'filmmaker', 'director-general',
  ].map((w) => w.replace(/\.$/, '')),
);

/** Honorifics that say how to address a person, and what they tell of the pronoun that refers to them. */
export const HONORIFIC_GENDER: Readonly<Record<string, 'm' | 'f'>> = {
  mr: 'm',
  mrs: 'f',
  ms: 'f',
  miss: 'f',
  sir: 'm',
  dame: 'f',
  lord: 'm',
  lady: 'f',
  king: 'm',
  queen: 'f',
  prince: 'm',
  princess: 'f',
  father: 'm',
  mister: 'm',
  congressman: 'm',
  congresswoman: 'f',
  councilman: 'm',
  councilwoman: 'f',
  assemblyman: 'm',
  assemblywoman: 'f',
  chairman: 'm',
  chairwoman: 'f',
  spokesman: 'm',
  spokeswoman: 'f',
  businessman: 'm',
  businesswoman: 'f',
  actress: 'f',
  actor: 'm',
};

/** Capitalised words that begin sentences or name things, never a person's name. */
export const NOT_NAME = new Set([
  'the', 'a', 'an', 'and', 'but', 'or', 'so', 'yet', 'if', 'in', 'on', 'at', 'for', 'to', 'of', 'by', 'with', 'as',
  'he', 'she', 'they', 'we', 'i', 'it', 'you', 'his', 'her', 'their', 'our', 'my', 'its', 'this', 'that', 'these',
  'those', 'there', 'here', 'then', 'when', 'while', 'after', 'before', 'since', 'because', 'although', 'though',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'what', 'who', 'why', 'how', 'where', 'which',
  'still', 'also', 'now', 'later', 'earlier', 'today', 'yesterday', 'tomorrow', 'meanwhile', 'however', 'indeed',
  'instead', 'asked', 'says', 'said', 'according', 'speaking', 'writing', 'many', 'some', 'most', 'all', 'both',
  'each', 'every', 'no', 'not', 'one', 'two', 'three', 'other', 'others', 'another', 'last', 'next', 'first',
  'republicans', 'democrats', 'americans', 'conservatives', 'liberals', 'progressives', 'officials', 'critics',
  'supporters', 'voters', 'police', 'congress', 'senate', 'house', 'court', 'administration', 'government',
  'campaign', 'committee', 'party', 'department', 'ministry', 'office', 'agency', 'council', 'commission',
  'university', 'institute', 'association', 'union', 'company', 'group', 'network', 'news', 'times', 'post',
  'journal', 'press', 'cnn', 'fox', 'nbc', 'abc', 'cbs', 'msnbc', 'npr', 'bbc', 'reuters', 'ap', 'twitter',
  'facebook', 'instagram', 'youtube', 'white', 'state', 'states', 'united', 'america', 'american', 'god', 'jesus',
  'christ', 'lord', 'yes', 'oh', 'well', 'mr', 'mrs', 'ms', 'dr', 'just', 'even', 'only', 'again', 'once',
  'sources', 'source', 'aides', 'advisers', 'experts', 'analysts', 'people', 'everyone', 'nobody', 'someone',
  'thursday’s', 'gop', 'dnc', 'rnc', 'fbi', 'cia', 'nsa', 'un', 'u.s', 'u.n', 'nato', 'eu', 'obamacare', 'breitbart',
  'politico', 'huffpost', 'huffington', 'washington', 'new', 'york', 'wall', 'street', 'olympics', 'olympic',
  // Prepositions that open a sentence: "Amid the uproar, …", "During the debate, …".
  'amid', 'during', 'despite', 'without', 'following', 'unlike', 'like', 'over', 'into', 'through', 'across',
  'against', 'toward', 'towards', 'upon', 'within', 'beyond', 'among', 'between', 'behind', 'under', 'from', 'about',
]);

/** Pronouns a speech cue may have as its subject, with what they tell of the person. */
export const PRONOUN_GENDER: Readonly<Record<string, 'm' | 'f' | 'p'>> = { he: 'm', she: 'f', they: 'p' };

/** Nouns that make a subject a group or an unnamed person rather than a named one ("officials said"). */
export const GROUP_NOUNS =
  /\b(?:officials?|reporters|journalists|pollsters|critics|supporters|opponents|proponents|advocates|sceptics|skeptics|aides?|advisers|advisors|experts?|analysts?|sources?|spokes(?:man|woman|person)|representatives?|observers|residents|voters|protesters|lawmakers|democrats|republicans|leaders|diplomats|investigators|prosecutors|police|authorities|organizers|members|staffers|insiders|economists|strategists|historians|scientists|researchers|witnesses|campaign|administration|committee|ministry|department|statement|government|agency|company|white house|kremlin|pentagon)\b/i;

/**
 * Capitalised runs that name a place or a body, not a person, though their first word is also a first name
 * ("North Korea", "Fort Pierce", "Marshall Islands", "Harvard Law School"): a pronoun never means them.
 */
export const PLACE_HEAD = new Set(['north', 'south', 'east', 'west', 'san', 'santa', 'los', 'las', 'fort', 'lake', 'mount', 'port', 'great', 'second', 'iron', 'secret', 'peace', 'twilight', 'notorious']);
export const PLACE_OR_BODY_TAIL = new Set(
  [
    'carolina', 'dakota', 'korea', 'island', 'islands', 'coast', 'bank', 'beach', 'city', 'county', 'springs', 'park',
    'garden', 'point', 'hollywood', 'zone', 'inn', 'center', 'centre', 'school', 'college', 'university', 'library',
    'church', 'foundation', 'institute', 'project', 'research', 'service', 'corps', 'show', 'amendment', 'recession',
    'debate', 'tribune', 'sentinel', 'times', 'sun-times', 'post', 'journal', 'universe', 'cowboys', 'broncos',
    'mavericks', 'marathons', 't-shirts', 'republican', 'democrat', 'republicans', 'democrats', 'staters', 'latinos',
    'breakfast', 'file', 'watch', 'curtain', 'qaeda', 'justice', 'brothers', 'pac', 'party', 'committee', 'street', 'avenue', 'energy', 'media', 'news', 'group', 'network', 'association', 'council', 'company', 'inc.', 'corp.',
  ],
);
