import { Migration } from '@mikro-orm/migrations';

export class Migration20261202183146 extends Migration {
  override name = 'Migration20261202183146';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`bot_messages\` (\`id\` integer not null primary key default 1, \`default_language\` text not null default 'en', \`overrides\` json not null, \`updated_at\` datetime not null, \`version\` integer not null default 1);`,
    );

    this.addSql(`alter table \`contacts\` add column \`language\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`bot_messages\`;`);

    this.addSql(`alter table \`contacts\` drop column \`language\`;`);
  }
}
