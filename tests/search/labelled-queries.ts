/**
 * The labelled query set: what a debater types, and the passage it must find. Kinds: typo, partial
 * (half-remembered phrase), speaker (speaker + keyword), paraphrase (same idea, other words), exact.
 */
export interface LabelledQuery {
  readonly query: string;
  readonly expected: string;
  readonly kind: 'typo' | 'partial' | 'speaker' | 'paraphrase' | 'exact';
}

const VW = 'valuewalk-2015-russia-china-alliance';
const DIP = 'diplomat-2014-china-russia-formal-alliance';
const RI = 'russia-insider-2015-alliance-against-us-hegemony';
const ES = 'essay-china-russia-relationship';

export const LABELLED_QUERIES: readonly LabelledQuery[] = [
  { query: 'abandn zero sum mentalty', expected: `${VW}:1.2`, kind: 'typo' },
  { query: 'zero sum', expected: `${VW}:1.2`, kind: 'partial' },
  { query: 'qu xing zero-sum', expected: `${VW}:1.2`, kind: 'speaker' },
  { query: 'russians more afraid of the us than islamic state', expected: `${VW}:1.3`, kind: 'partial' },
  { query: 'pew reserch china biggest threat', expected: `${VW}:1.4`, kind: 'typo' },
  { query: 'partnership depends on relations with the united states', expected: `${VW}:2.2`, kind: 'paraphrase' },
  { query: '400 billion gas deal landmark', expected: `${VW}:2.3`, kind: 'partial' },
  { query: 'do not share the vision of a new world order', expected: `${VW}:3.5`, kind: 'exact' },
  { query: 'feng new world order vision', expected: `${VW}:3.5`, kind: 'speaker' },
  { query: 'beijings diplomatic support rather than economic assistance', expected: `${VW}:4.2`, kind: 'partial' },
  { query: 'new silk road corridor threat', expected: `${VW}:5.1`, kind: 'partial' },
  { query: 'kilo class submarines vietnam', expected: `${VW}:5.3`, kind: 'partial' },
  { query: 'too erly to call it an aliance or partnership', expected: `${VW}:6.1`, kind: 'typo' },
  { query: 'lacks common identity and mutual trust', expected: `${VW}:6.2`, kind: 'exact' },
  { query: 'in the hands of us policymakers', expected: `${VW}:6.6`, kind: 'partial' },
  { query: 'if the us pushes too hard they may form a formal alliance', expected: `${VW}:6.5`, kind: 'partial' },
  { query: 'gas deal win-win long term provision', expected: `${DIP}:1.2`, kind: 'partial' },
  { query: 'joint naval drill east china sea deterrence', expected: `${DIP}:1.3`, kind: 'partial' },
  { query: 'vetoed UN resolution syria international criminal court', expected: `${DIP}:1.5`, kind: 'partial' },
  { query: 'CICA security framework excludes the US and Japan', expected: `${DIP}:2.2`, kind: 'partial' },
  { query: 'ukraine crisis pushed russia closer to china', expected: `${DIP}:3.2`, kind: 'paraphrase' },
  { query: 'multipolar world not dominated by the US', expected: `${DIP}:3.4`, kind: 'partial' },
  { query: 'keck maritime disputes with japan', expected: `${DIP}:3.5`, kind: 'speaker' },
  { query: 'russia desperately needs a reliable strategic partner', expected: `${DIP}:3.7`, kind: 'exact' },
  { query: 'historical mistrust lack of common threat central asia', expected: `${DIP}:4.3`, kind: 'partial' },
  { query: 'yan shared strategic interests how long they last', expected: `${DIP}:5.3`, kind: 'speaker' },
  { query: 'neither china nor russia could join the western bloc', expected: `${DIP}:5.4`, kind: 'paraphrase' },
  { query: 'west would never trust russia', expected: `${DIP}:5.5`, kind: 'exact' },
  { query: 'chinas number two position in the world', expected: `${DIP}:5.6`, kind: 'partial' },
  { query: 'ofshore balansing strategy', expected: `${DIP}:5.7`, kind: 'typo' },
  { query: 'alliance would benefit both countries next 10 to 20 years', expected: `${DIP}:5.9`, kind: 'partial' },
  { query: 'yan refutes another cold war', expected: `${DIP}:5.10`, kind: 'speaker' },
  { query: 'fears of abandonment and entrapment', expected: `${DIP}:6.1`, kind: 'exact' },
  { query: 'dragged into an unecessary war', expected: `${DIP}:6.2`, kind: 'typo' },
  { query: 'russia unwilling to be chinas junior partner', expected: `${DIP}:6.3`, kind: 'partial' },
  { query: 'strategic partnership more flexible better for china', expected: `${DIP}:6.5`, kind: 'partial' },
  { query: 'unless the us militarily threatens both', expected: `${DIP}:7.2`, kind: 'partial' },
  { query: 'another strategic mistake', expected: `${DIP}:7.3`, kind: 'partial' },
  { query: 's400 deal persuasive', expected: `${RI}:3.1`, kind: 'partial' },
  { query: 'first foreign buyer of russias most advanced air defense system', expected: `${RI}:1.1`, kind: 'exact' },
  { query: 'cooperation not confined to bilateral levels', expected: `${RI}:4.1`, kind: 'partial' },
  { query: 'wang yi coordinating on international issues', expected: `${RI}:4.1`, kind: 'speaker' },
  { query: 'comprehensive strategic coordination rather than expediency', expected: `${RI}:6.1`, kind: 'partial' },
  { query: 'mass panic at the pentagon', expected: `${RI}:7.1`, kind: 'exact' },
  { query: 'this is how nato talks', expected: `${RI}:7.3`, kind: 'exact' },
  { query: 'missile defense south korea protest', expected: `${RI}:8.2`, kind: 'partial' },
  { query: 'little brother not exploitive', expected: `${RI}:10.1`, kind: 'partial' },
  { query: 'china wears the economic pants', expected: `${RI}:12.1`, kind: 'exact' },
  { query: 'nato is hardly a model for an effective defensive alliance', expected: `${RI}:13.1`, kind: 'exact' },
  { query: 'finaly somthing to drink to', expected: `${RI}:14.1`, kind: 'typo' },
  { query: 'shared oposition to the united states', expected: `${ES}:2.1`, kind: 'typo' },
  { query: 'both major exporters of oil and gas', expected: `${ES}:3.2`, kind: 'partial' },
  { query: 'fears chinese expansionism territorial integrity', expected: `${ES}:4.3`, kind: 'partial' },
  { query: 'economic presence in central asia undermine russian influence', expected: `${ES}:5.3`, kind: 'paraphrase' },
  { query: 'alliance likely to remain strong', expected: `${ES}:6.1`, kind: 'partial' },
  { query: 'counterbalance us power multipolar', expected: `${ES}:7.3`, kind: 'partial' },
];
