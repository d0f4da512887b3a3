import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';

/** What the topology runs, from Debian (there is no package named `etcd`). */
export const CLUSTER_PACKAGES = ['patroni', 'etcd-server', 'etcd-client', 'haproxy', 'nginx'] as const;

function installed(name: string): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/**
 * Installs the packages that are missing: `apt-get update` once, then `apt-get install -y`.
 * The packages' own system services (nginx on :80, etcd on :2379, haproxy) are NOT started:
 * a policy-rc.d that forbids starting services is in place during the install (the standard
 * Debian mechanism), unless the machine already has its own.
 */
export function ensureDebianPackages(log: (line: string) => void = console.error): void {
  const missing = CLUSTER_PACKAGES.filter((name) => !installed(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing Debian packages: ${missing.join(' ')} (install them as root: apt-get install -y ${missing.join(' ')})`,
    );
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  if (ownPolicy)
    writeFileSync(policy, '#!/bin/sh\n# written by tools/cluster for the duration of an install\nexit 101\n', {
      mode: 0o755,
    });
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    });
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
  }
}
