// PM2 process file for Verbatim: `pm2 start deploy/ecosystem.config.cjs` after `npm ci && npm run build`.
// PM2 runs node on dist/ directly (no npm, no tsx), so its stop signal reaches the bot.
const { resolve } = require('node:path');

module.exports = {
  apps: [
    {
      name: 'verbatim',
      cwd: resolve(__dirname, '..'),
      script: 'dist/src/bot/main.js',
      interpreter: 'node',
      exec_mode: 'fork',
      instances: 1,
      autorestart: true,
      restart_delay: 5000,
      max_restarts: 10,
      // PM2 sends SIGINT, then SIGKILL after kill_timeout (1.6 s by default): give answers in flight time to finish.
      kill_timeout: 10000,
      env: { NODE_ENV: 'production' },
    },
  ],
};
