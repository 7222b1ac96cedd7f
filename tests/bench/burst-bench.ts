/**
 * `npm run bench:burst [-- N]`: a burst of N (default 600, as in tests/bot/burst.test.ts) /quote interactions, all sent at once to the real
 * bot over the fake Discord (tests/fake-discord), and how long each member waited for an answer: p50, p99, max.
 * The fake Discord runs in the same process as the bot, so its work is in the figures too. "Within 3 s" counts the
 * answers Discord would still have taken (it drops a first response later than 3 s after the interaction).
 * A script, not a test: the figure is for the README's "Reliability" section, and no test asserts a time.
 */
import { cpus } from 'node:os';
import { percentile } from '../../src/bench/stats.ts';
import { startHarness } from '../bot/harness.ts';
import { fireBurst, wasAnswered } from '../helpers/burst.ts';

const DISCORD_DEADLINE_MS = 3000;
const count = Number(process.argv[2] ?? 600);
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write(`usage: npm run bench:burst -- [interactions, default 600]; got "${process.argv[2]}"\n`);
  process.exit(2);
}
const h = await startHarness();
try {
  const started = performance.now();
  const answers = await fireBurst(h.fake, count);
  const wallMs = performance.now() - started;
  const answered = answers.filter(wasAnswered);
  const ms = answered.map((a) => a.ms);
  const deferred = answered.filter((a) => a.edit !== null).length;
  // The first response is the callback; for a deferred answer the defer itself met the deadline.
  const inTime = answered.filter((a) => a.firstResponseMs <= DISCORD_DEADLINE_MS).length;
  process.stdout.write(
    `burst: ${count} /quote interactions sent at once (node ${process.version}, ${cpus().length} CPUs); ` +
      `${answered.length} answered, ${count - answered.length} lost, ${deferred} deferred then edited, ` +
      `${inTime} with a first response within 3 s; ` +
      `answer time p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms, ` +
      `max ${Math.max(...ms).toFixed(0)} ms; whole burst ${wallMs.toFixed(0)} ms\n`,
  );
  process.exitCode = answered.length === count ? 0 : 1;
} finally {
  await h.stop();
}
