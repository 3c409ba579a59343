/**
 * Admin accounts from the command line (uses DATA_DIR like the server):
 *   printf '%s' "$PASSWORD" | npx tsx server/cli/admin.ts create-admin --email you@example.com --password-stdin
 * The password is read from standard input so it never appears in the shell history or the process list.
 */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../infra/index.js';
import { createAdmin } from '../features/auth/first-admin.js';
import { HttpError } from '../http/errors.js';

const USAGE = 'usage: npx tsx server/cli/admin.ts create-admin --email EMAIL --password-stdin';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { email: { type: 'string' }, 'password-stdin': { type: 'boolean' } } });
  if (positionals[0] !== 'create-admin' || !values.email || !values['password-stdin']) {
    console.error(USAGE);
    return 64;
  }
  const password = await readStdin();
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const id = await createAdmin(database.db, values.email, password, 'cli');
    console.log(`created admin ${values.email.toLowerCase()} (${id})`);
    return 0;
  } catch (err) {
    console.error(`admin: ${err instanceof HttpError ? err.message : String(err)}`);
    return 1;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
