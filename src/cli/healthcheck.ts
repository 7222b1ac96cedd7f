/**
 * The container HEALTHCHECK probe: exit 0 when GET /healthz on HEALTH_PORT answers 200, else 1 with the reason.
 * Plain node, no shell or curl needed in the slim image.
 */
import { healthPortFromEnvironment } from '../config.ts';

const port = healthPortFromEnvironment();
if (port === null) {
  process.stderr.write('HEALTH_PORT is not set: the health endpoint is off.\n');
  process.exit(1);
}
try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4000) });
  const body = await response.text();
  process.stdout.write(`${body}\n`);
  process.exit(response.ok ? 0 : 1);
} catch (err) {
  process.stderr.write(
    `health endpoint not answering on port ${port}: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
}
