import { Migration } from '@mikro-orm/migrations';

export class Migration20261125033206 extends Migration {
  override name = 'Migration20261125033206';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`canned_responses\` (\`id\` integer not null primary key autoincrement, \`shortcode\` text not null, \`title\` text not null, \`body\` text not null, \`author_id\` integer null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`canned_responses_author_id_foreign\` foreign key (\`author_id\`) references \`admins\` (\`id\`) on delete set null);`,
    );
    this.addSql(`create unique index \`canned_responses_shortcode_unique\` on \`canned_responses\` (\`shortcode\`);`);
    this.addSql(`create index \`canned_responses_author_id_index\` on \`canned_responses\` (\`author_id\`);`);

    this.addSql(
      `create table \`labels\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`name_key\` text not null, \`color\` text not null, \`created_at\` datetime not null);`,
    );
    this.addSql(`create unique index \`labels_name_key_unique\` on \`labels\` (\`name_key\`);`);

    this.addSql(
      `create table \`support_ticket_labels\` (\`id\` integer not null primary key autoincrement, \`ticket_id\` integer not null, \`label_id\` integer not null, \`created_at\` datetime not null, constraint \`support_ticket_labels_ticket_id_foreign\` foreign key (\`ticket_id\`) references \`support_tickets\` (\`id\`) on delete cascade, constraint \`support_ticket_labels_label_id_foreign\` foreign key (\`label_id\`) references \`labels\` (\`id\`) on delete cascade);`,
    );
    this.addSql(`create index \`support_ticket_labels_ticket_id_index\` on \`support_ticket_labels\` (\`ticket_id\`);`);
    this.addSql(`create index \`support_ticket_labels_label_id_index\` on \`support_ticket_labels\` (\`label_id\`);`);
    this.addSql(
      `create unique index \`support_ticket_labels_ticket_id_label_id_unique\` on \`support_ticket_labels\` (\`ticket_id\`, \`label_id\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`canned_responses\`;`);
    this.addSql(`drop table if exists \`labels\`;`);
    this.addSql(`drop table if exists \`support_ticket_labels\`;`);
  }
}
