import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Debian's operations tools the ops tests run (`.ci/run` installs them): outside CI a machine
 * without one skips those checks with a notice; in CI (CI=true) a missing tool is a failure.
 */
function toolAvailable(command: string, args: string[], debianPackage: string): boolean {
  const found = spawnSync(command, args, { encoding: 'utf8' });
  if (!found.error && found.status === 0) return true;
  const message = `${command} not found: install it with "apt-get install -y ${debianPackage}".`;
  if (process.env.CI === 'true')
    throw new Error(`${message} CI=true: the operations tests must run.`);
  console.warn(`\n[vanort] ${message} The checks that need it are skipped.\n`);
  return false;
}

/** Prometheus's promtool, whose `check metrics` parses the text format of /metrics. */
export function promtoolAvailable(): boolean {
  return toolAvailable('promtool', ['--version'], 'prometheus');
}

/** Debian puts nginx in /usr/sbin, which is not on every user's PATH. */
export const NGINX_PATH =
  process.env.NGINX_PATH ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');

/** nginx, which the reverse-proxy test starts on loopback in front of the app. */
export function nginxAvailable(): boolean {
  return toolAvailable(NGINX_PATH, ['-v'], 'nginx');
}

/** openssl, which makes the self-signed certificate of the reverse-proxy test. */
export function opensslAvailable(): boolean {
  return toolAvailable('openssl', ['version'], 'openssl');
}
