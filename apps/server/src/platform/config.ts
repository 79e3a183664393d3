import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DEMO_DATA: flag.optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(168),
  OFFLINE_LOGIN_DAYS: z.coerce.number().int().min(0).max(90).default(14),
  ADMIN_TOTP_REQUIRED: flag.default(true),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  TRUST_PROXY: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  SECRET_KEYS: z.string().optional(),
  SECRET_KEY_FILE: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  demoData: boolean;
  sessionTtlHours: number;
  /** Days a phone may sign in without signal after the last online login (0: never offline). */
  offlineLoginDays: number;
  /** Admins must set up two-factor sign-in before their session reaches anything else. */
  adminTotpRequired: boolean;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRateLimitPerMinute: number;
  /** API requests per minute per signed-in account (every route without a stricter limit of its own). */
  rateLimitPerMinute: number;
  /** API requests per minute per address for callers that are not signed in. */
  anonymousRateLimitPerMinute: number;
  trustProxy: boolean;
  logLevel: string;
  webDist: string | undefined;
  /** Encryption key lines from the environment (newest first); wins over the key file. */
  secretKeys: string | undefined;
  /** Key file; when unset, `<DATA_DIR>/secret.key`, created with one random key on first start. */
  secretKeyFile: string;
  secretKeyFileIsDefault: boolean;
};

/** Reads configuration from the environment; every variable is documented in README.md. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi tidak valid:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    // Demo data by default only on the embedded database, never silently on a real server.
    demoData: e.DEMO_DATA ?? !e.DATABASE_URL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    offlineLoginDays: e.OFFLINE_LOGIN_DAYS,
    adminTotpRequired: e.ADMIN_TOTP_REQUIRED,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    anonymousRateLimitPerMinute: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST,
    secretKeys: e.SECRET_KEYS,
    secretKeyFile: path.resolve(e.SECRET_KEY_FILE ?? path.join(e.DATA_DIR, 'secret.key')),
    secretKeyFileIsDefault: e.SECRET_KEY_FILE === undefined,
  };
}

/** Settings the application itself needs (not start-up concerns like the database location). */
export type AppSettings = Pick<Config, 'dataDir' | 'sessionTtlHours' | 'offlineLoginDays' | 'adminTotpRequired' | 'loginMaxFailures' | 'loginLockMinutes' | 'loginRateLimitPerMinute' | 'rateLimitPerMinute' | 'anonymousRateLimitPerMinute' | 'trustProxy' | 'logLevel' | 'webDist'>;

export const defaultAppSettings: AppSettings = {
  dataDir: path.resolve('./data'),
  sessionTtlHours: 168,
  offlineLoginDays: 14,
  adminTotpRequired: true,
  loginMaxFailures: 5,
  loginLockMinutes: 15,
  loginRateLimitPerMinute: 30,
  rateLimitPerMinute: 600,
  anonymousRateLimitPerMinute: 300,
  trustProxy: false,
  logLevel: 'info',
  webDist: undefined,
};
