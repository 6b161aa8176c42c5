// Configuration from the environment: defaults, a ConfigError naming the variable for every bad
// value, policy variables reaching the machines' policy, and start-up refusing bad config.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultDbPoolSize, loadConfig } from '../src/config.js';
import { defaultPolicy } from '../workflows/policy.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('opens two connections per CPU core by default, between 2 and 20', () => {
    const size = loadConfig({}).dbPoolSize;
    expect(size).toBe(Math.min(20, Math.max(2, 2 * availableParallelism())));
    expect(size).toBeGreaterThanOrEqual(2);
    expect(size).toBeLessThanOrEqual(20);
  });

  it('runs embedded with the default policy when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000, host: '0.0.0.0', databaseUrl: undefined, dataDir: './.data', bootstrapToken: undefined,
      demoData: 'auto', demoCandidates: 300, worker: true, workerPollMs: 1000, dbPoolSize: defaultDbPoolSize(),
    });
    expect(config.policy).toEqual(defaultPolicy);
  });

  it('reads the server settings it is given', () => {
    const config = loadConfig({
      PORT: '8080', HOST: '127.0.0.1', DATABASE_URL: 'postgresql://intake@db:5432/intake', DATA_DIR: '/var/lib/intake',
      INTAKE_BOOTSTRAP_TOKEN: 'x'.repeat(24), DEMO_DATA: 'off', WORKER: 'off', WORKER_POLL_MS: '250', DB_POOL_SIZE: '20',
    });
    expect(config).toMatchObject({
      port: 8080, host: '127.0.0.1', databaseUrl: 'postgresql://intake@db:5432/intake', dataDir: '/var/lib/intake',
      bootstrapToken: 'x'.repeat(24), demoData: 'off', worker: false, workerPollMs: 250, dbPoolSize: 20,
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://x'],
    ['INTAKE_BOOTSTRAP_TOKEN', 'too-short'],
    ['DEMO_DATA', 'maybe'],
    ['WORKER', 'yes'],
    ['DB_POOL_SIZE', '0'],
    ['POLICY_OFFER_EXPIRY_DAYS', '-1'],
    ['POLICY_REFERENCE_CHASE_DAYS', '3,6,9'],
    ['POLICY_OSCE_TARGET_WEEKS', 'twelve'],
  ])('refuses %s=%s with a ConfigError naming the variable', (name, value) => {
    expect(configError({ [name]: value }).message).toContain(name);
  });

  it.each(['3,6,6,12', '12,9,6,3', '3,2,9,12'])('refuses reference chase days %s that do not increase', (value) => {
    const err = configError({ POLICY_REFERENCE_CHASE_DAYS: value });
    expect(err.message).toContain('POLICY_REFERENCE_CHASE_DAYS');
    expect(err.message).toMatch(/increase/);
  });

  it('names every bad variable at once', () => {
    const err = configError({ PORT: 'abc', DATABASE_URL: 'mysql://x', INTAKE_BOOTSTRAP_TOKEN: 'short' });
    for (const name of ['PORT', 'DATABASE_URL', 'INTAKE_BOOTSTRAP_TOKEN']) expect(err.message).toContain(name);
  });

  it('passes the policy variables into config.policy', () => {
    const { policy } = loadConfig({
      POLICY_OFFER_EXPIRY_DAYS: '10', POLICY_OFFER_REMINDER_DAYS: '7', POLICY_REFERENCE_CHASE_DAYS: '2,4,7,14',
      POLICY_REFERENCE_HR_ALERT_DAY: '8', POLICY_OSCE_TARGET_WEEKS: '10', POLICY_SPONSORSHIP_LIMIT_MONTHS: '6',
      POLICY_ENGLISH_VALIDITY_MONTHS: '18', POLICY_CHECK_DUE_DAYS: '21',
    });
    expect(policy).toEqual({
      ...defaultPolicy,
      offerExpiryDays: 10, offerReminderDays: 7, referenceChaseDays: [2, 4, 7, 14], referenceHrAlertDay: 8,
      osceTargetWeeks: 10, sponsorshipLimitMonths: 6, englishValidityMonths: 18, checkDueDays: 21,
    });
  });

  it('reads any policy value from POLICY_FILE, tables key by key, with a POLICY_* variable winning over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'intake-policy-'));
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ dbsLevelByProfession: { non_clinical: 'standard' }, referenceGapDays: 31, offerExpiryDays: 21, trainingGraceWeeks: 8 }));
    const { policy } = loadConfig({ POLICY_FILE: file, POLICY_OFFER_EXPIRY_DAYS: '10' });
    expect(policy.dbsLevelByProfession).toEqual({ ...defaultPolicy.dbsLevelByProfession, non_clinical: 'standard' });
    expect(policy).toMatchObject({ referenceGapDays: 31, trainingGraceWeeks: 8, offerExpiryDays: 10 });
  });

  it('refuses a policy file that is not JSON, or holds a bad or unknown value, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'intake-policy-'));
    const bad = (name: string, content: string) => { const f = join(dir, name); writeFileSync(f, content); return f; };
    expect(configError({ POLICY_FILE: bad('a.json', '{ not json') }).message).toContain('POLICY_FILE');
    expect(configError({ POLICY_FILE: bad('b.json', '{"dbsLevelByProfession":{"registered_nurse":"gold"}}') }).message).toContain('dbsLevelByProfession.registered_nurse');
    expect(configError({ POLICY_FILE: bad('c.json', '{"referenceChaseDays":[3,6,6,12]}') }).message).toContain('referenceChaseDays');
    expect(configError({ POLICY_FILE: bad('d.json', '{"offerExpiryDay":3}') }).message).toContain('offerExpiryDay');
    expect(configError({ POLICY_FILE: join(dir, 'missing.json') }).message).toContain('POLICY_FILE');
  });

  it('never sends the offer reminder after the offer has expired', () => {
    expect(loadConfig({ POLICY_OFFER_EXPIRY_DAYS: '5', POLICY_OFFER_REMINDER_DAYS: '11' }).policy).toMatchObject({ offerExpiryDays: 5, offerReminderDays: 5 });
  });

  it('treats an empty variable as unset, so PORT= is not port 0 and an empty policy is not 0 days', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', INTAKE_BOOTSTRAP_TOKEN: '', POLICY_OFFER_EXPIRY_DAYS: '', POLICY_CHECK_DUE_DAYS: ' ' });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.bootstrapToken).toBeUndefined();
    expect(config.policy.offerExpiryDays).toBe(defaultPolicy.offerExpiryDays);
    expect(config.policy.offerReminderDays).toBe(defaultPolicy.offerReminderDays);
    expect(config.policy.checkDueDays).toBe(defaultPolicy.checkDueDays);
  });
});

describe('LOG_LEVEL', () => {
  it('is validated with the rest of the configuration', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(configError({ LOG_LEVEL: 'verbose' }).message).toContain('LOG_LEVEL');
  });
});

describe('npm start with a bad configuration', () => {
  it('exits with code 2 and names the variable on stderr, before touching any database', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: 'abc', DATA_DIR: '/nonexistent/intake-config-test' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/PORT/);
    expect(stderr).toContain('Invalid configuration');
    expect(stdout).not.toContain('Intake is running');
  });
});
