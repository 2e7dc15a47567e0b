import { Migration } from '@mikro-orm/migrations';

export class Migration20261125042640 extends Migration {

  override name = 'Migration20261125042640';

  override up(): void | Promise<void> {
    this.addSql(`create table \`message_templates\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`language_code\` text not null, \`body\` text not null, \`parameter_count\` integer not null, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`message_templates_name_language_code_unique\` on \`message_templates\` (\`name\`, \`language_code\`);`);

    this.addSql(`alter table \`support_messages\` add column \`template_name\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`message_templates\`;`);

    this.addSql(`alter table \`support_messages\` drop column \`template_name\`;`);
  }

}
