// npm run user:create -- --email rita@trust.nhs.uk --name "Rita Patel" --role admin [--password …]
// Creates a staff account in the configured database (DATABASE_URL, or the embedded one in
// DATA_DIR). Without --password (or INTAKE_USER_PASSWORD) a temporary password is printed once.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase } from '../db/client.js';
import { roles } from '../src/auth/permissions.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { createUser } from '../src/services/users/manage.js';

const args = z.object({
  email: z.email(),
  name: z.string().trim().min(1),
  role: z.enum(roles),
  password: z.string().min(12, 'must be at least 12 characters').optional(),
});

async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } } });
  const parsed = args.safeParse({ ...values, password: values.password ?? process.env.INTAKE_USER_PASSWORD });
  if (!parsed.success) {
    process.stderr.write(`Usage: npm run user:create -- --email <email> --name <name> --role <${roles.join('|')}> [--password <12+ chars>]\n`);
    for (const i of parsed.error.issues) process.stderr.write(`  ${i.path.join('.')}: ${i.message}\n`);
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { user, temporaryPassword } = await createUser(database.db, parsed.data, null, new Date());
    process.stdout.write(`Created ${user.role} ${user.email} (${user.id}).\n`);
    if (temporaryPassword) process.stdout.write(`Temporary password (shown once; to be changed at the first sign-in): ${temporaryPassword}\n`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
