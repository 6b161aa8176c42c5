// Configuration comes from the environment, parsed once with zod. A bad value stops start-up
// with a message naming the variable.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { type Policy, defaultPolicy, policyFileSchema, withPolicyFile } from '../workflows/policy.js';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const days = int(0, 3650);

/**
 * Connections per pool unless DB_POOL_SIZE says otherwise: about two per CPU core, PostgreSQL's
 * own rule of thumb (cores × 2, plus disks). More connections than the cores can serve only add
 * switching between backends: on 2 cores, events over HTTP went from about 800/s with 10 to about
 * 1,200/s with 4 (bench/dispatch.ts). Sized by this machine's cores (which ignores a container's
 * CPU quota), between 2 and 20: set DB_POOL_SIZE to match a database server elsewhere. A process
 * has two pools (db/client.ts), so it opens up to twice this many connections.
 */
export const defaultDbPoolSize = () => Math.min(20, Math.max(2, 2 * availableParallelism()));

/** An empty variable (`PORT=` in a compose file) means unset: coerced, '' would be 0 (port 0, offers expiring at once). */
const unsetIfEmpty = (env: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));

const chaseDays = z.string().regex(/^\d+,\d+,\d+,\d+$/, 'must be four comma-separated day counts, e.g. 3,6,9,12')
  .transform((v) => v.split(',').map(Number) as Policy['referenceChaseDays'])
  .refine((days) => days.every((d, i) => i === 0 || d > days[i - 1]!), 'days must increase');

/** Comma-separated addresses or CIDR blocks, e.g. `127.0.0.1/32,10.20.0.0/16,::1`. */
const networks = z.string().transform((v, ctx) => {
  const out: { address: string; prefix: number; family: 'ipv4' | 'ipv6' }[] = [];
  for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [address = '', prefixText] = part.split('/');
    const family = isIP(address) === 4 ? 'ipv4' : isIP(address) === 6 ? 'ipv6' : null;
    const max = family === 'ipv4' ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not an address or CIDR block, e.g. 127.0.0.1/32 or 10.20.0.0/16` });
      return z.NEVER;
    }
    out.push({ address, prefix, family });
  }
  return out;
});

const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** Trusted proxies in front of Intake: a count of hops (0 to 10); `off` and `on` (one proxy) as before. */
const proxyHops = z.string().trim().toLowerCase()
  .regex(/^(on|off|\d{1,2})$/, 'must be the number of trusted proxies in front of Intake (0 to 10), or on (1) or off (0)')
  .transform((v) => (v === 'on' ? 1 : v === 'off' ? 0 : Number(v)))
  .refine((n) => n <= 10, 'at most 10 proxies');

/** Every environment variable Intake reads, and the configuration it becomes: its output type is `Config`. */
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
  WORKER_HEARTBEAT_MS: int(1000, 600_000).default(10_000),
  SHUTDOWN_TIMEOUT_MS: int(1000, 600_000).default(20_000),
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  DB_POOL_SIZE: int(1, 100).default(defaultDbPoolSize),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: proxyHops.default(0),
  STAFF_IDLE_MINUTES: int(1, 24 * 60).default(30),
  INTAKE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(logLevels, `must be one of ${logLevels.join(', ')}`).default('info'),
  EMAIL_FROM: z.string().min(3).default('NHS Staff Bank <bank.recruitment@example.nhs.uk>'),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_MAX_ATTEMPTS: int(1, 50).default(8),
  RECRUITMENT_TEAM_EMAIL: z.email().default('bank.recruitment@example.nhs.uk'),
  INTERNATIONAL_TEAM_EMAIL: z.email().default('international.recruitment@example.nhs.uk'),
  HR_CONTACT_EMAIL: z.email().default('hr.references@example.nhs.uk'),
  COMPLIANCE_TEAM_EMAIL: z.email().default('bank.compliance@example.nhs.uk'),
  REFERENCE_LINK_DAYS: int(1, 90).default(21),
  WEBHOOK_MAX_ATTEMPTS: int(1, 50).default(15),
  WEBHOOK_TIMEOUT_MS: int(1000, 60_000).default(10_000),
  WEBHOOK_ALLOWED_NETWORKS: networks.default([]),
  RETENTION_MONTHS: int(1, 120).default(6),
  DBS_RETENTION_MONTHS: int(1, 120).default(6),
  POLICY_OFFER_EXPIRY_DAYS: days.optional(),
  POLICY_OFFER_REMINDER_DAYS: days.optional(),
  POLICY_REFERENCE_CHASE_DAYS: chaseDays.optional(),
  POLICY_REFERENCE_HR_ALERT_DAY: days.optional(),
  POLICY_OSCE_TARGET_WEEKS: int(1, 104).optional(),
  POLICY_SPONSORSHIP_LIMIT_MONTHS: int(1, 60).optional(),
  POLICY_ENGLISH_VALIDITY_MONTHS: int(1, 120).optional(),
  POLICY_CHECK_DUE_DAYS: days.optional(),
  POLICY_FILE: z.string().min(1).optional(),
}).transform((e) => ({
  port: e.PORT,
  host: e.HOST,
  databaseUrl: e.DATABASE_URL,
  dataDir: e.DATA_DIR,
  bootstrapToken: e.INTAKE_BOOTSTRAP_TOKEN,
  demoData: e.DEMO_DATA,
  demoCandidates: e.DEMO_CANDIDATES,
  worker: e.WORKER === 'on',
  workerPollMs: e.WORKER_POLL_MS,
  workerHeartbeatMs: e.WORKER_HEARTBEAT_MS,
  shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  metricsToken: e.METRICS_TOKEN,
  dbPoolSize: e.DB_POOL_SIZE,
  publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
  trustProxyHops: e.TRUST_PROXY,
  staffIdleMinutes: e.STAFF_IDLE_MINUTES,
  secret: e.INTAKE_SECRET,
  logLevel: e.LOG_LEVEL,
  email: {
    from: e.EMAIL_FROM,
    resendApiKey: e.RESEND_API_KEY,
    resendBaseUrl: e.RESEND_BASE_URL,
    maxAttempts: e.EMAIL_MAX_ATTEMPTS,
    recruitmentTeam: e.RECRUITMENT_TEAM_EMAIL,
    internationalTeam: e.INTERNATIONAL_TEAM_EMAIL,
    hrContact: e.HR_CONTACT_EMAIL,
    complianceTeam: e.COMPLIANCE_TEAM_EMAIL,
    referenceLinkDays: e.REFERENCE_LINK_DAYS,
  },
  webhooks: { maxAttempts: e.WEBHOOK_MAX_ATTEMPTS, timeoutMs: e.WEBHOOK_TIMEOUT_MS, allowedNetworks: e.WEBHOOK_ALLOWED_NETWORKS },
  retention: { months: e.RETENTION_MONTHS, dbsMonths: e.DBS_RETENTION_MONTHS },
  policy: policyOf(e),
}));

export type Config = z.output<typeof schema>;

/**
 * The policy in force: the defaults, then the policy file's values (POLICY_FILE), then any
 * POLICY_* variable that is set, which wins over the file.
 */
function policyOf(e: { POLICY_FILE?: string | undefined; POLICY_OFFER_EXPIRY_DAYS?: number | undefined; POLICY_OFFER_REMINDER_DAYS?: number | undefined;
  POLICY_REFERENCE_CHASE_DAYS?: Policy['referenceChaseDays'] | undefined; POLICY_REFERENCE_HR_ALERT_DAY?: number | undefined; POLICY_OSCE_TARGET_WEEKS?: number | undefined;
  POLICY_SPONSORSHIP_LIMIT_MONTHS?: number | undefined; POLICY_ENGLISH_VALIDITY_MONTHS?: number | undefined; POLICY_CHECK_DUE_DAYS?: number | undefined }): Policy {
  const base = e.POLICY_FILE ? withPolicyFile(defaultPolicy, readPolicyFile(e.POLICY_FILE)) : defaultPolicy;
  const set: Partial<Policy> = Object.fromEntries(Object.entries({
    offerExpiryDays: e.POLICY_OFFER_EXPIRY_DAYS,
    offerReminderDays: e.POLICY_OFFER_REMINDER_DAYS,
    referenceChaseDays: e.POLICY_REFERENCE_CHASE_DAYS,
    referenceHrAlertDay: e.POLICY_REFERENCE_HR_ALERT_DAY,
    osceTargetWeeks: e.POLICY_OSCE_TARGET_WEEKS,
    sponsorshipLimitMonths: e.POLICY_SPONSORSHIP_LIMIT_MONTHS,
    englishValidityMonths: e.POLICY_ENGLISH_VALIDITY_MONTHS,
    checkDueDays: e.POLICY_CHECK_DUE_DAYS,
  }).filter(([, v]) => v !== undefined));
  const policy: Policy = { ...base, ...set };
  // Never after the offer has expired.
  policy.offerReminderDays = Math.min(policy.offerReminderDays, policy.offerExpiryDays);
  return policy;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(unsetIfEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** A JSON file of policy values (any subset of workflows/policy.ts), checked like the variables. */
function readPolicyFile(path: string) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  POLICY_FILE: cannot read ${path} as JSON (${(err as Error).message})`);
  }
  const parsed = policyFileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  POLICY_FILE: ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
