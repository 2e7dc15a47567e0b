// Backups of the embedded SQLite database and the local media folder into one dated folder, and putting one
// back. MariaDB/MySQL and S3 have their own tools (the README's "Backups").
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Config } from '../config.js';
import { removeSqliteDatabase } from './sqlite-tuning.js';

/** What a backup folder holds besides the database and the media; restore reads it first. */
export interface BackupManifest {
  format: 1;
  createdAt: string;
  /** The last migration the database had: a restore onto an older version of the desk would lack it. */
  lastMigration: string | null;
  database: { file: string; bytes: number };
  /** Null when media are not in a local folder (MEDIA_STORE=s3). */
  media: { folder: string; files: number; bytes: number } | null;
}

const DATABASE_FILE = 'support.sqlite';
const MEDIA_FOLDER = 'media';
const MANIFEST_FILE = 'manifest.json';

/** A setting or a folder that does not allow the backup or restore; its message is the one line printed. */
export class BackupRefused extends Error {}

/** What we use of better-sqlite3, named here rather than imported (it ships no types). */
interface SqliteFile {
  backup(destination: string, options: { progress: () => number }): Promise<{ totalPages: number }>;
  prepare(sql: string): { pluck(): { get(): unknown } };
  pragma(source: string, options: { simple: true }): unknown;
  close(): void;
}
type OpenSqlite = new (path: string, options: { fileMustExist: boolean; timeout: number }) => SqliteFile;
const openSqlite = (path: string) =>
  new (createRequire(import.meta.url)('better-sqlite3') as OpenSqlite)(path, { fileMustExist: true, timeout: 5000 });

function sqlitePath(config: Config): string {
  if (config.database.dialect !== 'sqlite') {
    throw new BackupRefused(
      `DATABASE_URL is ${config.database.dialect}: back it up with mariadb-dump / mysqldump as the README's "Backups" section shows (npm run backup copies the embedded SQLite database only)`,
    );
  }
  return resolve(config.database.path);
}

/** A folder name that sorts by time and is valid everywhere: 2026-12-02T08-00-00Z. */
const stampOf = (date: Date) =>
  date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');

/** Every file under a folder; half-written uploads (`*.part`) are not media yet. */
function mediaFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.part'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function lastMigration(file: SqliteFile): string | null {
  try {
    return (
      (file.prepare('select name from mikro_orm_migrations order by id desc limit 1').pluck().get() as
        | string
        | undefined) ?? null
    );
  } catch {
    return null; // a database the desk never started on has no migrations table
  }
}

/**
 * Copies the database with SQLite's online backup, in one step: the copy is the database as one read
 * transaction saw it (everything committed before, with what is still in the write-ahead log), while the
 * server goes on writing. The media folder is copied after it, so every file a copied row names is there
 * (files are written before their rows, and never changed).
 */
export async function backup(
  config: Config,
  parent: string,
  now = new Date(),
): Promise<{ folder: string; manifest: BackupManifest }> {
  const source = sqlitePath(config);
  if (!existsSync(source)) throw new BackupRefused(`there is no database at ${source} to back up (DATABASE_URL)`);
  const folder = resolve(parent, stampOf(now));
  if (existsSync(folder)) throw new BackupRefused(`${folder} exists already; try again in a second`);
  const work = `${folder}.part`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  const database = openSqlite(source);
  let migration: string | null;
  try {
    await database.backup(join(work, DATABASE_FILE), { progress: () => 0x7fffffff });
  } finally {
    database.close();
  }
  const copy = openSqlite(join(work, DATABASE_FILE));
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy of the database fails SQLite's check: ${String(check)}`);
    copy.pragma('journal_mode = DELETE', { simple: true }); // one self-contained file
    migration = lastMigration(copy);
  } finally {
    copy.close();
  }

  let media: BackupManifest['media'] = null;
  if (!config.media.s3) {
    const copied = join(work, MEDIA_FOLDER);
    mkdirSync(copied, { recursive: true });
    if (existsSync(config.media.dir)) {
      cpSync(config.media.dir, copied, {
        recursive: true,
        preserveTimestamps: true,
        filter: (path) => !path.endsWith('.part'),
      });
    }
    const files = mediaFiles(copied);
    media = {
      folder: MEDIA_FOLDER,
      files: files.length,
      bytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    };
  }
  const manifest: BackupManifest = {
    format: 1,
    createdAt: now.toISOString(),
    lastMigration: migration,
    database: { file: DATABASE_FILE, bytes: statSync(join(work, DATABASE_FILE)).size },
    media,
  };
  writeFileSync(join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(work, folder); // a folder without .part is complete
  return { folder, manifest };
}

export function readManifest(folder: string): BackupManifest {
  const path = join(folder, MANIFEST_FILE);
  if (!existsSync(path)) throw new BackupRefused(`${folder} is not a backup: it has no ${MANIFEST_FILE}`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  if (manifest.format !== 1)
    throw new BackupRefused(`${folder} was written by a newer version of the desk (format ${String(manifest.format)})`);
  return manifest;
}

/**
 * Puts a backup in the place the settings name (DATABASE_URL's file, MEDIA_DIR). Refuses when either already
 * holds something, unless `force`: then what is there is replaced (stop the server first).
 */
export function restore(
  config: Config,
  folder: string,
  force: boolean,
): { database: string; mediaDir: string | null; manifest: BackupManifest } {
  const from = resolve(folder);
  const manifest = readManifest(from);
  const target = sqlitePath(config);
  const mediaDir = manifest.media && !config.media.s3 ? resolve(config.media.dir) : null;
  const occupied = [
    ...['', '-wal'].map((suffix) => `${target}${suffix}`).filter((path) => existsSync(path)),
    ...(mediaDir && existsSync(mediaDir) && readdirSync(mediaDir).length > 0 ? [mediaDir] : []),
  ];
  if (occupied.length > 0 && !force) {
    throw new BackupRefused(
      `${occupied.map((path) => relative(process.cwd(), path) || path).join(' and ')} already hold${occupied.length === 1 ? 's' : ''} data: restore into an empty data folder, or add --force to replace it (stop the server first)`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  removeSqliteDatabase(target);
  // Copied aside and renamed, so a server never opens half a database.
  const part = join(dirname(target), `.${basename(target)}.restoring`);
  cpSync(join(from, manifest.database.file), part);
  renameSync(part, target);
  if (mediaDir && manifest.media) {
    rmSync(mediaDir, { recursive: true, force: true });
    cpSync(join(from, manifest.media.folder), mediaDir, { recursive: true, preserveTimestamps: true });
  }
  return { database: target, mediaDir, manifest };
}
