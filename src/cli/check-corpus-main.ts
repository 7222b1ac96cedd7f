/** Entry point of `npm run check-corpus [DIR]`; see check-corpus.ts. */
import { checkCorpus } from './check-corpus.ts';

process.exitCode = await checkCorpus(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
