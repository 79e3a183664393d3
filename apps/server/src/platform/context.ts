import type { Pool } from '@desmigratif/db';
import type { AppSettings } from './config.js';

/** What every module's routes receive: the database and the application settings. */
export type AppContext = { pool: Pool; settings: AppSettings };
