import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root (tools/cluster/ → ../..). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Fills the `{{NAME}}` placeholders of a file under deploy/: the local topology runs the very
 * files a real deployment uses. A placeholder left without a value is an error, not an empty string.
 */
export function renderDeployTemplate(relativePath: string, values: Record<string, string | number>): string {
  const text = readFileSync(`${REPO_ROOT}deploy/${relativePath}`, 'utf8');
  const missing = new Set<string>();
  const rendered = text.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_match, name: string) => {
    if (!(name in values)) missing.add(name);
    return String(values[name] ?? '');
  });
  if (missing.size > 0) throw new Error(`deploy/${relativePath}: no value for ${[...missing].join(', ')}`);
  return rendered;
}
