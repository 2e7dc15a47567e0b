import { Migration } from '@mikro-orm/migrations';

export class Migration20261125043327 extends Migration {
  override name = 'Migration20261125043327';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`message_templates\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`language_code\` text not null, \`body\` text not null, \`parameter_count\` integer not null, \`created_at\` datetime not null);`,
    );
    this.addSql(
      `create unique index \`message_templates_name_language_code_unique\` on \`message_templates\` (\`name\`, \`language_code\`);`,
    );

    this.addSql(
      `create table \`ticket_satisfaction\` (\`id\` integer not null primary key autoincrement, \`ticket_id\` integer not null, \`phone_number\` text not null, \`rating\` text check (\`rating\` in ('GOOD', 'OKAY', 'BAD')) not null, \`comment\` text null, \`rated_at\` datetime not null, \`comment_until\` datetime null, constraint \`ticket_satisfaction_ticket_id_foreign\` foreign key (\`ticket_id\`) references \`support_tickets\` (\`id\`) on delete cascade);`,
    );
    this.addSql(
      `create unique index \`ticket_satisfaction_ticket_id_unique\` on \`ticket_satisfaction\` (\`ticket_id\`);`,
    );
    this.addSql(
      `create index \`ticket_satisfaction_phone_number_comment_until_index\` on \`ticket_satisfaction\` (\`phone_number\`, \`comment_until\`);`,
    );
    this.addSql(`create index \`ticket_satisfaction_rated_at_index\` on \`ticket_satisfaction\` (\`rated_at\`);`);

    this.addSql(`alter table \`support_messages\` add column \`template_name\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`message_templates\`;`);
    this.addSql(`drop table if exists \`ticket_satisfaction\`;`);

    this.addSql(`alter table \`support_messages\` drop column \`template_name\`;`);
  }
}
