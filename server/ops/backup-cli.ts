/** npm run backup -- DEST: copies DATA_DIR (database + media) to DEST while the app may be running. */
import 'dotenv/config';
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { backupDataDir } from './backup.js';

const dest = process.argv[2];
if (!dest) {
  console.error('usage: npm run backup -- DEST_DIR');
  process.exit(2);
}
try {
  const r = await backupDataDir(loadConfig().dataDir, resolve(dest));
  console.log(`backup written to ${r.dest}: ${r.answers} answers, database ${(r.databaseBytes / 1024).toFixed(0)} KiB`);
} catch (e) {
  console.error(`backup failed: ${(e as Error).message}`);
  process.exit(1);
}
