// Configuration comes from the environment, parsed once with zod. A bad value stops start-up
// with a message naming the variable.
import { z } from 'zod';
import { type Policy, defaultPolicy } from '../workflows/policy.js';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const days = (fallback: number) => int(0, 3650).default(fallback);

const schema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  INTAKE_BOOTSTRAP_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  DEMO_CANDIDATES: int(0, 200_000).default(300),
  WORKER: z.enum(['on', 'off']).default('on'),
  WORKER_POLL_MS: int(50, 60_000).default(1000),
  DB_POOL_SIZE: int(1, 100).default(10),
  POLICY_OFFER_EXPIRY_DAYS: days(defaultPolicy.offerExpiryDays),
  POLICY_OFFER_REMINDER_DAYS: days(defaultPolicy.offerReminderDays),
  POLICY_REFERENCE_CHASE_DAYS: z.string().regex(/^\d+,\d+,\d+,\d+$/, 'must be four comma-separated day counts, e.g. 3,6,9,12')
    .default(defaultPolicy.referenceChaseDays.join(',')),
  POLICY_REFERENCE_HR_ALERT_DAY: days(defaultPolicy.referenceHrAlertDay),
  POLICY_OSCE_TARGET_WEEKS: int(1, 104).default(defaultPolicy.osceTargetWeeks),
  POLICY_SPONSORSHIP_LIMIT_MONTHS: int(1, 60).default(defaultPolicy.sponsorshipLimitMonths),
  POLICY_ENGLISH_VALIDITY_MONTHS: int(1, 120).default(defaultPolicy.englishValidityMonths),
  POLICY_CHECK_DUE_DAYS: days(defaultPolicy.checkDueDays),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  bootstrapToken: string | undefined;
  demoData: 'auto' | 'on' | 'off';
  demoCandidates: number;
  worker: boolean;
  workerPollMs: number;
  dbPoolSize: number;
  policy: Policy;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const chase = e.POLICY_REFERENCE_CHASE_DAYS.split(',').map(Number) as Policy['referenceChaseDays'];
  if (!chase.every((d, i) => i === 0 || d > chase[i - 1]!)) {
    throw new ConfigError('Invalid configuration:\n  POLICY_REFERENCE_CHASE_DAYS: days must increase');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    bootstrapToken: e.INTAKE_BOOTSTRAP_TOKEN,
    demoData: e.DEMO_DATA,
    demoCandidates: e.DEMO_CANDIDATES,
    worker: e.WORKER === 'on',
    workerPollMs: e.WORKER_POLL_MS,
    dbPoolSize: e.DB_POOL_SIZE,
    policy: {
      ...defaultPolicy,
      offerExpiryDays: e.POLICY_OFFER_EXPIRY_DAYS,
      offerReminderDays: Math.min(e.POLICY_OFFER_REMINDER_DAYS, e.POLICY_OFFER_EXPIRY_DAYS),
      referenceChaseDays: chase,
      referenceHrAlertDay: e.POLICY_REFERENCE_HR_ALERT_DAY,
      osceTargetWeeks: e.POLICY_OSCE_TARGET_WEEKS,
      sponsorshipLimitMonths: e.POLICY_SPONSORSHIP_LIMIT_MONTHS,
      englishValidityMonths: e.POLICY_ENGLISH_VALIDITY_MONTHS,
      checkDueDays: e.POLICY_CHECK_DUE_DAYS,
    },
  };
}
