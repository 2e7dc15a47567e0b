import { Migration } from '@mikro-orm/migrations';

export class Migration20261124155940 extends Migration {

  override name = 'Migration20261124155940';

  override up(): void | Promise<void> {
    this.addSql(`create table \`whatsapp_processed_inbound\` (\`whatsapp_message_id\` text not null primary key, \`sender\` text not null, \`processed_at\` datetime not null);`);

    this.addSql(`create table \`whatsapp_outbox\` (\`id\` integer not null primary key autoincrement, \`recipient\` text not null, \`payload\` json not null, \`message_id\` integer null, \`state\` text check (\`state\` in ('PENDING', 'SENDING', 'SENT', 'FAILED')) not null default 'PENDING', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`claimed_by\` text null, \`claimed_until\` datetime null, \`last_error\` text null, \`created_at\` datetime not null, \`sent_at\` datetime null, constraint \`whatsapp_outbox_message_id_foreign\` foreign key (\`message_id\`) references \`support_messages\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`whatsapp_outbox_message_id_index\` on \`whatsapp_outbox\` (\`message_id\`);`);
    this.addSql(`create index \`whatsapp_outbox_recipient_state_index\` on \`whatsapp_outbox\` (\`recipient\`, \`state\`);`);
    this.addSql(`create index \`whatsapp_outbox_state_next_attempt_at_index\` on \`whatsapp_outbox\` (\`state\`, \`next_attempt_at\`);`);

    this.addSql(`alter table \`support_tickets\` add column \`read_receipt_message_id\` integer null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`whatsapp_processed_inbound\`;`);
    this.addSql(`drop table if exists \`whatsapp_outbox\`;`);

    this.addSql(`alter table \`support_tickets\` drop column \`read_receipt_message_id\`;`);
  }

}
