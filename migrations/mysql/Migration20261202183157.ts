import { Migration } from '@mikro-orm/migrations';

export class Migration20261202183157 extends Migration {
  override name = 'Migration20261202183157';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`bot_messages\` (\`id\` int unsigned not null default 1, \`default_language\` varchar(8) not null default 'en', \`overrides\` json not null, \`updated_at\` datetime(3) not null, \`version\` int not null default 1, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(`alter table \`contacts\` add \`language\` varchar(8) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`bot_messages\`;`);

    this.addSql(`alter table \`contacts\` drop column \`language\`;`);
  }
}
