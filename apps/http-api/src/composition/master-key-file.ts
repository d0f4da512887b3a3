import { newMasterKeyText, parseMasterKey } from '@chatroom/crypto-adapter';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MASTER_KEY_HINT, type Config } from '../config.js';

export const MASTER_KEY_FILE = 'token-master.key';
const IN_MEMORY = 'memory://';

/**
 * The master key that seals the apps' token keys: TOKEN_MASTER_KEY when set; otherwise, on
 * embedded PGlite, `<DATA_DIR>/token-master.key`, made (mode 0600) on first start. The key file
 * sits beside the data it protects, so on PGlite sealing guards against a copy of the database
 * files alone, not of the whole directory: production sets TOKEN_MASTER_KEY from a secret store.
 * Called once the data directory is locked, so two processes never race to make the file.
 */
export async function resolveMasterKey(
  config: Pick<Config, 'tokenMasterKey' | 'databaseUrl' | 'dataDir'>,
): Promise<Buffer> {
  if (config.tokenMasterKey) return config.tokenMasterKey;
  // loadConfig refuses DATABASE_URL without a key; this guards a Config built by hand.
  if (config.databaseUrl)
    throw new Error(`TOKEN_MASTER_KEY must be set when DATABASE_URL is; give it ${MASTER_KEY_HINT}`);
  if (config.dataDir === IN_MEMORY) return randomBytes(32);
  const path = join(config.dataDir, MASTER_KEY_FILE);
  try {
    await writeFile(path, `${newMasterKeyText()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = parseMasterKey(await readFile(path, 'utf8'));
  if (!key) throw new Error(`${path} does not hold a master key: it must be ${MASTER_KEY_HINT}`);
  return key;
}
