// `npm run backup [-- --to FOLDER]` and `npm run restore -- FOLDER [--force]`, with the server's settings.
import { ConfigError, loadConfig } from '../config.js';
import { backup, BackupRefused, restore } from './backup.js';

const DEFAULT_PARENT = 'backups';

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfig();
  if (command === 'backup') {
    const at = args.indexOf('--to');
    const { folder, manifest } = await backup(config, at >= 0 && args[at + 1] ? args[at + 1] : DEFAULT_PARENT);
    const media = manifest.media
      ? `${manifest.media.files} media file(s)`
      : 'no media (MEDIA_STORE=s3: back up the bucket itself)';
    console.log(`backed up the database (${manifest.database.bytes} bytes) and ${media} into ${folder}`);
    return;
  }
  if (command === 'restore') {
    const folder = args.find((arg) => !arg.startsWith('--'));
    if (!folder)
      throw new BackupRefused('say which backup to restore: npm run restore -- backups/2026-12-02T08-00-00Z');
    const restored = restore(config, folder, args.includes('--force'));
    console.log(
      `restored the backup of ${restored.manifest.createdAt} into ${restored.database}${restored.mediaDir ? ` and ${restored.mediaDir}` : ''}`,
    );
    return;
  }
  throw new BackupRefused(`unknown command "${command ?? ''}": use backup or restore`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof BackupRefused) {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error.message);
    process.exit(2);
  }
  console.error(`The ${process.argv[2] ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
