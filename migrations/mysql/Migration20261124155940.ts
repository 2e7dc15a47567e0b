import { Migration } from '@mikro-orm/migrations';

export class Migration20261124155940 extends Migration {

  override name = 'Migration20261124155940';

  override up(): void | Promise<void> {
    this.addSql(`create table \`whatsapp_processed_inbound\` (\`whatsapp_message_id\` varchar(128) not null, \`sender\` varchar(32) not null, \`processed_at\` datetime(3) not null, primary key (\`whatsapp_message_id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`whatsapp_outbox\` (\`id\` int unsigned not null auto_increment primary key, \`recipient\` varchar(32) not null, \`payload\` json not null, \`message_id\` int unsigned null, \`state\` enum('PENDING','SENDING','SENT','FAILED') not null default 'PENDING', \`attempts\` int not null default 0, \`next_attempt_at\` datetime(3) not null, \`claimed_by\` varchar(64) null, \`claimed_until\` datetime(3) null, \`last_error\` varchar(512) null, \`created_at\` datetime(3) not null, \`sent_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`whatsapp_outbox\` add index \`whatsapp_outbox_message_id_index\` (\`message_id\`);`);
    this.addSql(`alter table \`whatsapp_outbox\` add index \`whatsapp_outbox_recipient_state_index\` (\`recipient\`, \`state\`);`);
    this.addSql(`alter table \`whatsapp_outbox\` add index \`whatsapp_outbox_state_next_attempt_at_index\` (\`state\`, \`next_attempt_at\`);`);

    this.addSql(`alter table \`support_tickets\` add \`read_receipt_message_id\` int null;`);

    this.addSql(`alter table \`whatsapp_outbox\` add constraint \`whatsapp_outbox_message_id_foreign\` foreign key (\`message_id\`) references \`support_messages\` (\`id\`) on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`whatsapp_processed_inbound\`;`);
    this.addSql(`drop table if exists \`whatsapp_outbox\`;`);

    this.addSql(`alter table \`support_tickets\` drop column \`read_receipt_message_id\`;`);
  }

}
